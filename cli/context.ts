/**
 * What every command shares: the terminal, the usage text, the configuration
 * (read by the same reader as the server) and opening the service.
 */

import { dateInVietnam, isIsoDate } from '../clauses/dates.ts';
import { openLibrary, openSearch, readRubricFile, type SqliteLibrary } from '../library/index.ts';
import { type Config, createService, readConfig, type Service } from '../service/index.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether to draw a progress bar (a terminal). */
  interactive: boolean;
  /** Reads standard input to its end (`--password-stdin`); process.stdin when absent. */
  readStdin?: () => Promise<string>;
}

export const USAGE = `Cách dùng / usage: npm run cba -- <lệnh> [tùy chọn]

  import <tệp hoặc thư mục…>   nhập thỏa ước (.md, .txt, .docx, .pdf) / import agreements
      --industry <ngành>        ngành, ví dụ "dệt may" hoặc det-may
      --province <tỉnh>         tỉnh/thành phố, ví dụ "Bình Dương"
      --district <khu vực>      quận/huyện hoặc khu công nghiệp theo dõi
      --region <I–IV>           vùng lương tối thiểu
      --dry-run                 đọc và báo cáo, không lưu / parse and report, store nothing
      --json                    kết quả dạng JSON
  list [--industry] [--province] [--district] [--q <từ khóa>] [--page N] [--page-size N] [--json]
  show <mã> [--json]            xem một thỏa ước theo cây điều khoản / print one agreement
  remove <mã>                   xóa một thỏa ước / delete one agreement
  meta <mã> --set trường=giá trị --by <tên> [--unset trường]
                                sửa thông tin (nơi ký, ngày, tỉnh…) / edit metadata by hand
  compare <mã> [--on YYYY-MM-DD] [--region I–IV] [--json]
                                so sánh với mức sàn pháp lý / compare with the legal floors
  check <tệp> [--on YYYY-MM-DD] [--region I–IV] [--json]
                                kiểm tra dự thảo, không lưu / check a draft, store nothing
  expiring [--within 90] [--district <khu vực>] [--province <tỉnh>] [--on YYYY-MM-DD] [--json]
                                thỏa ước sắp hết hạn / agreements expiring soon, most urgent first
  search "<từ khóa>" [--industry] [--province] [--topic] [--source agreements|law|all] [--limit N] [--json]
                                tìm điều khoản, có hoặc không dấu / search clauses, with or without diacritics
  reindex                       dựng lại chỉ mục tìm kiếm (Meilisearch nếu có MEILI_URL) / rebuild the search index
  grade <mã> [--on YYYY-MM-DD] [--json]
                                xếp loại A/B/C/D và giải thích / grade and explain (CBA_RUBRIC: rubric file)
  diff <mã cũ> <mã mới> [--all] [--on YYYY-MM-DD] [--json]
                                so sánh hai phiên bản theo điều / compare two versions article by article
  benchmark <chủ đề> [--industry] [--province] [--on YYYY-MM-DD] [--json]
                                so sánh một chủ đề giữa các thỏa ước: trung vị, bách phân vị / a topic across agreements
  user add <tên> --role administrator|officer|chair|reader [--province <tỉnh>] [--union <công đoàn>] [--password-stdin]
  user list | user disable <tên> | user enable <tên> | user key <tên> [--label <tên khóa>]
                                tài khoản, vai trò và khóa API (in một lần) / accounts, roles, API keys (printed once)

Thư viện nằm trong CBA_DATA_DIR (mặc định ./data); MEILI_URL, MEILI_API_KEY chọn Meilisearch cho tìm kiếm.`;

/** A mistake in the command line, reported with the usage text (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reports a mistake in the command line with the usage text. @returns exit code 2 */
export function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}

/** The `--on` day, today in Vietnam when not given. @throws UsageError when it is not `YYYY-MM-DD` */
export function dayOption(given: string | undefined): string {
  const on = given ?? dateInVietnam(new Date());
  if (!isIsoDate(on)) throw new UsageError(`--on: "${on}" không phải ngày YYYY-MM-DD / not a date.`);
  return on;
}

/** A command's run: what it prints goes to `io`; `open` gives the service over the configured library. */
export interface CommandContext {
  io: CliIo;
  config: Config;
  /**
   * Opens the library (closed when the command ends) and the service over it.
   * @param options.rubric read the rubric file of `CBA_RUBRIC` (grading commands)
   * @param options.today the day grades are judged on
   */
  open(options?: { rubric?: boolean; today?: string }): { service: Service; library: SqliteLibrary };
}

/** The context of one run, and a function closing what it opened. */
export function commandContext(io: CliIo): { context: CommandContext; close: () => void } {
  const config = readConfig(io.env);
  const opened: SqliteLibrary[] = [];
  const context: CommandContext = {
    io,
    config,
    open({ rubric = false, today } = {}) {
      const library = openLibrary(config.dataDir);
      opened.push(library);
      const service = createService({
        library,
        search: openSearch(library, config.meili),
        rubric: rubric ? readRubricFile(config.rubricFile) : undefined,
        maxUploadBytes: config.maxUploadBytes,
        ...(today ? { clock: () => today } : {}),
      });
      return { service, library };
    },
  };
  return {
    context,
    close: () => {
      for (const library of opened) library.close();
    },
  };
}

/**
 * Wraps a command's work as a commander action: the work returns the exit code, which the run keeps.
 * Commander calls actions with the arguments, then the options, then the command.
 */
export type Runner = <A extends unknown[]>(
  work: (context: CommandContext, ...args: A) => number | Promise<number>,
) => (...args: A) => Promise<void>;

/** Collects a repeated option (`--industry a --industry b`). */
export const collect = (value: string, previous: string[] = []) => [...previous, value];
