/**
 * The `cba` command line: import documents into the library, list, show and
 * remove agreements, compare one with the law or check a draft. A second
 * composition root beside the server.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { compareWithFloors } from '../clauses/compare.ts';
import { dateInVietnam, isIsoDate } from '../clauses/dates.ts';
import { agreementNotFound, CbaError, DuplicateError } from '../clauses/errors.ts';
import { EXPIRY_STATUS_LABELS, type ExpiryReport, expiryReport } from '../clauses/expiry.ts';
import type { GradeReport, Rubric } from '../clauses/grading.ts';
import { getIndustry, resolveIndustry } from '../clauses/industries.ts';
import { resolveProvince } from '../clauses/provinces.ts';
import { getTopic, TOPICS } from '../clauses/topics.ts';
import type { Agreement, AgreementSummary, ImportWarning } from '../clauses/types.ts';
import { compareVersions } from '../clauses/versions.ts';
import { DEFAULT_MAX_BYTES, importFile, parseOverrides } from '../importer/index.ts';
import {
  eachAgreementWithEvents,
  eachSummary,
  type Library,
  openLibrary,
  openSearch,
  readRubricFile,
  type SearchIndex,
  type SqliteLibrary,
} from '../library/index.ts';
import { createService } from '../service/index.ts';
import { collectFiles } from './collect-files.ts';
import { formatComparison } from './format-comparison.ts';
import { formatAgreement } from './format-tree.ts';
import { formatBenchmark, formatVersionDiff } from './format-versions.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether to draw a progress bar (a terminal). */
  interactive: boolean;
}

const USAGE = `Cách dùng / usage: npm run cba -- <lệnh> [tùy chọn]

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

Thư viện nằm trong CBA_DATA_DIR (mặc định ./data); MEILI_URL, MEILI_API_KEY chọn Meilisearch cho tìm kiếm.`;

interface FileOutcome {
  file: string;
  status: 'imported' | 'duplicate' | 'failed' | 'checked';
  id?: string;
  articles?: number;
  warnings?: ImportWarning[];
  grade?: string;
  reason?: string;
}

/**
 * Runs one command.
 * @returns the process exit code: 0 success, 1 some files failed or not found, 2 usage error
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = io.env.CBA_DATA_DIR || './data';
  let library: Library | undefined;
  try {
    switch (command) {
      case 'import': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            industry: { type: 'string' },
            province: { type: 'string' },
            district: { type: 'string' },
            region: { type: 'string' },
            'dry-run': { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
          },
        });
        if (positionals.length === 0) return usageError(io, 'Thiếu tệp cần nhập / no files given.');
        const { overrides, problems } = parseOverrides({
          industry: values.industry,
          province: values.province,
          district: values.district,
          wageRegion: values.region,
        });
        if (problems.length > 0) {
          return usageError(
            io,
            problems
              .map((p) => `--${p.field === 'wageRegion' ? 'region' : p.field}: ${p.message}`)
              .join('\n'),
          );
        }
        const opened = openLibrary(dataDir);
        library = opened;
        return await importFiles(
          opened,
          positionals,
          {
            overrides,
            dryRun: values['dry-run'],
            json: values.json,
            search: openSearch(opened, { url: io.env.MEILI_URL, apiKey: io.env.MEILI_API_KEY }),
            rubric: readRubricFile(io.env.CBA_RUBRIC),
          },
          io,
        );
      }
      case 'list': {
        const { values } = parseArgs({
          args: [...rest],
          options: {
            industry: { type: 'string' },
            province: { type: 'string' },
            district: { type: 'string' },
            q: { type: 'string' },
            page: { type: 'string', default: '1' },
            'page-size': { type: 'string', default: '50' },
            json: { type: 'boolean', default: false },
          },
        });
        const { overrides, problems } = parseOverrides({
          industry: values.industry,
          province: values.province,
        });
        if (problems.length > 0)
          return usageError(io, problems.map((p) => `--${p.field}: ${p.message}`).join('\n'));
        const page = Number(values.page);
        const pageSize = Number(values['page-size']);
        if (
          !Number.isInteger(page) ||
          page < 1 ||
          !Number.isInteger(pageSize) ||
          pageSize < 1 ||
          pageSize > 1000
        ) {
          return usageError(io, '--page và --page-size phải là số nguyên dương (page-size ≤ 1000).');
        }
        library = openLibrary(dataDir);
        const result = library.list(
          {
            industry: overrides.industry,
            province: overrides.province,
            district: values.district,
            q: values.q,
          },
          { page, pageSize },
        );
        if (values.json) io.stdout(JSON.stringify(result, null, 2));
        else {
          for (const item of result.items) io.stdout(formatSummary(item));
          io.stdout(`${result.items.length}/${result.total} thỏa ước / agreements (trang ${page})`);
        }
        return 0;
      }
      case 'show': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false } },
        });
        const id = positionals[0];
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        library = openLibrary(dataDir);
        const agreement = storedAgreement(library, id);
        io.stdout(values.json ? JSON.stringify(agreement, null, 2) : formatAgreement(agreement));
        return 0;
      }
      case 'remove': {
        const id = rest[0];
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        library = openLibrary(dataDir);
        await createService({
          library,
          search: openSearch(library as SqliteLibrary, {
            url: io.env.MEILI_URL,
            apiKey: io.env.MEILI_API_KEY,
          }),
        }).remove(id);
        io.stdout(`Đã xóa / removed ${id}`);
        return 0;
      }
      case 'compare':
      case 'check': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            on: { type: 'string' },
            region: { type: 'string' },
            json: { type: 'boolean', default: false },
          },
        });
        const target = positionals[0];
        if (!target)
          return usageError(
            io,
            command === 'check'
              ? 'Thiếu tệp dự thảo / no draft file given.'
              : 'Thiếu mã thỏa ước / no id given.',
          );
        const on = dayOption(values.on);
        const { overrides, problems } = parseOverrides({ wageRegion: values.region });
        if (problems.length > 0)
          return usageError(io, problems.map((p) => `--region: ${p.message}`).join('\n'));
        const options = overrides.wageRegion ? { on, region: overrides.wageRegion } : { on };
        let agreement: Pick<Agreement, 'tree' | 'meta'> & { id?: string };
        let title: string;
        if (command === 'check') {
          try {
            agreement = await importFile(readFileSync(target), { filename: basename(target) });
          } catch (error) {
            const reason =
              error instanceof CbaError ? `${error.messageVi} / ${error.message}` : (error as Error).message;
            io.stderr(`Không đọc được "${target}" / cannot read "${target}": ${reason}`);
            return 1;
          }
          title = `Dự thảo / draft: ${basename(target)}`;
        } else {
          library = openLibrary(dataDir);
          const stored = storedAgreement(library, target);
          agreement = stored;
          title = `${stored.meta.employer ?? stored.id} (${stored.id})`;
        }
        const comparison = compareWithFloors(agreement, options);
        io.stdout(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison, title));
        return 0;
      }
      case 'expiring': {
        const { values } = parseArgs({
          args: [...rest],
          options: {
            within: { type: 'string', default: '90' },
            district: { type: 'string' },
            province: { type: 'string' },
            on: { type: 'string' },
            json: { type: 'boolean', default: false },
          },
        });
        const on = dayOption(values.on);
        const within = Number(values.within);
        if (!Number.isInteger(within) || within < 0)
          return usageError(io, '--within phải là số ngày / must be a number of days.');
        const { overrides, problems } = parseOverrides({ province: values.province });
        if (problems.length > 0)
          return usageError(io, problems.map((p) => `--province: ${p.message}`).join('\n'));
        library = openLibrary(dataDir);
        const agreements = [
          ...eachSummary(library, { province: overrides.province, district: values.district }),
        ];
        const result = expiryReport(agreements, on, {
          events: library.events(agreements.map((a) => a.id)),
          within,
        });
        io.stdout(values.json ? JSON.stringify(result, null, 2) : formatExpiry(result, within));
        return 0;
      }
      case 'search': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            industry: { type: 'string', multiple: true },
            province: { type: 'string', multiple: true },
            topic: { type: 'string', multiple: true },
            source: { type: 'string', default: 'agreements' },
            limit: { type: 'string', default: '10' },
            json: { type: 'boolean', default: false },
          },
        });
        const limit = Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          return usageError(io, '--limit phải từ 1 đến 100.');
        if (!['agreements', 'law', 'all'].includes(values.source))
          return usageError(io, '--source: agreements, law hoặc all.');
        const industries = (values.industry ?? []).map((v) => ({ v, id: resolveIndustry(v)?.id }));
        const provinces = (values.province ?? []).map((v) => ({ v, name: resolveProvince(v)?.name }));
        const unknownTopic = (values.topic ?? []).find((t) => !getTopic(t));
        const bad = industries.find((i) => !i.id)?.v ?? provinces.find((p) => !p.name)?.v ?? unknownTopic;
        if (bad) return usageError(io, `Không biết "${bad}" / unknown "${bad}".`);
        const opened = openLibrary(dataDir);
        library = opened;
        const index = openSearch(opened, { url: io.env.MEILI_URL, apiKey: io.env.MEILI_API_KEY });
        const result = await index.search({
          q: positionals.join(' '),
          filters: {
            ...(industries.length ? { industry: industries.map((i) => i.id ?? '') } : {}),
            ...(provinces.length ? { province: provinces.map((p) => p.name ?? '') } : {}),
            ...(values.topic?.length ? { topic: values.topic } : {}),
          },
          source: values.source as 'agreements' | 'law' | 'all',
          sort: 'relevance',
          limit,
          offset: 0,
          on: dateInVietnam(new Date()),
        });
        if (values.json) io.stdout(JSON.stringify(result, null, 2));
        else {
          for (const hit of result.hits) {
            const plain = hit.highlight
              .replace(/<mark>(.*?)<\/mark>/g, '[$1]')
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&');
            io.stdout(
              `${hit.employer ?? ''} — ${hit.path}${hit.agreementId ? ` (${hit.agreementId})` : ''}\n    ${plain}`,
            );
          }
          io.stdout(
            `${result.hits.length}/${result.total} kết quả / hits (${result.backend}, ${result.tookMs} ms)`,
          );
        }
        return 0;
      }
      case 'grade': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { on: { type: 'string' }, json: { type: 'boolean', default: false } },
        });
        const id = positionals[0];
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        const on = dayOption(values.on);
        const rubric = readRubricFile(io.env.CBA_RUBRIC);
        library = openLibrary(dataDir);
        const agreement = storedAgreement(library, id);
        const service = createService({ library, rubric, clock: () => on });
        const report = values.on
          ? service.grade(agreement.id, on)
          : (await service.regrade(agreement.id)).report;
        io.stdout(
          values.json
            ? JSON.stringify(report, null, 2)
            : formatGrade(report, agreement.meta.employer ?? id, on),
        );
        return 0;
      }
      case 'diff': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            on: { type: 'string' },
            all: { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
          },
        });
        const [fromId, toId] = positionals;
        if (!fromId || !toId) return usageError(io, 'Cần hai mã thỏa ước / two ids needed.');
        const on = dayOption(values.on);
        library = openLibrary(dataDir);
        const result = compareVersions(storedAgreement(library, fromId), storedAgreement(library, toId), {
          on,
        });
        io.stdout(values.json ? JSON.stringify(result, null, 2) : formatVersionDiff(result, values.all));
        return 0;
      }
      case 'benchmark': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            industry: { type: 'string' },
            province: { type: 'string' },
            on: { type: 'string' },
            json: { type: 'boolean', default: false },
          },
        });
        const topics = positionals.flatMap((p) => p.split(','));
        if (topics.length === 0)
          return usageError(
            io,
            `Thiếu chủ đề / no topic. Chủ đề / topics: ${TOPICS.map((t) => t.id).join(', ')}`,
          );
        const unknown = topics.filter((t) => !getTopic(t));
        if (unknown.length)
          return usageError(
            io,
            `Không có chủ đề / unknown topic: ${unknown.join(', ')}. Chủ đề / topics: ${TOPICS.map((t) => t.id).join(', ')}`,
          );
        const on = dayOption(values.on);
        const industry = values.industry ? resolveIndustry(values.industry)?.id : undefined;
        if (values.industry && !industry)
          return usageError(io, `--industry: không biết / unknown "${values.industry}".`);
        const province = values.province ? resolveProvince(values.province)?.name : undefined;
        if (values.province && !province)
          return usageError(io, `--province: không biết / unknown "${values.province}".`);
        library = openLibrary(dataDir);
        const { table: benchmark } = createService({ library }).benchmarks({
          filter: { industry, province },
          topics,
          on,
        });
        const table = { on, ...benchmark };
        io.stdout(values.json ? JSON.stringify(table, null, 2) : formatBenchmark(table));
        return 0;
      }
      case 'reindex': {
        const opened = openLibrary(dataDir);
        library = opened;
        const index = openSearch(opened, { url: io.env.MEILI_URL, apiKey: io.env.MEILI_API_KEY });
        const total = opened.counts().agreements;
        const bar =
          io.interactive && total > 20
            ? new cliProgress.SingleBar({}, cliProgress.Presets.shades_classic)
            : undefined;
        bar?.start(total, 0);
        const report = await index.rebuild(eachAgreementWithEvents(opened), (done) => bar?.update(done));
        bar?.stop();
        io.stdout(
          `Đã dựng lại chỉ mục ${index.backend}: ${report.agreements} thỏa ước, ${report.documents} điều khoản / rebuilt`,
        );
        return 0;
      }
      default:
        return usageError(io, `Lệnh không rõ / unknown command "${command}".`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      return usageError(io, error.message);
    }
    if (error instanceof CbaError) {
      io.stderr(`${error.messageVi}\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    library?.close();
  }
}

/** A grade with its points per criterion, exclusions and what would lift it. */
function formatGrade(report: GradeReport, name: string, on: string): string {
  const grade = report.grade === 'unranked' ? 'KHÔNG XẾP LOẠI / unranked' : `Loại ${report.grade}`;
  const lines = [
    `${name} — ${grade} (${report.score.total}/${report.score.max} điểm, ngày ${on})`,
    report.rubric.provisional
      ? `Thang điểm tạm thời ${report.rubric.version}: không phải thang điểm chính thức của Tổng LĐLĐ.`
      : `Thang điểm ${report.rubric.version}`,
    '',
  ];
  for (const reason of report.unrankedReasons)
    lines.push(`✗ ${reason.label}${reason.evidence.length ? `: ${reason.evidence.join('; ')}` : ''}`);
  if (report.unrankedReasons.length) lines.push('');
  for (const c of report.criteria) {
    const how =
      c.source === 'unanswered'
        ? 'chưa trả lời'
        : c.source === 'answered'
          ? `${c.answeredBy}, ${c.answeredAt?.slice(0, 10)}`
          : c.source === 'automatic'
            ? (c.detail?.vi ?? 'tự động')
            : c.source === 'agreement'
              ? `theo thỏa ước${c.detail ? `: ${c.detail.vi}` : ''}`
              : 'theo sự kiện đã ghi';
    lines.push(`${String(c.points).padStart(5)}/${String(c.max).padEnd(3)} ${c.label} — ${how}`);
  }
  if (report.toNextGrade.length) {
    lines.push('', 'Để nâng loại / to lift the grade:');
    for (const step of report.toNextGrade)
      lines.push(`  • ${step.action.vi}${step.points ? ` (+${step.points} điểm)` : ''}`);
  }
  return lines.join('\n');
}

/** The urgent list as a table: status, expiry, days, employer, what to do. */
function formatExpiry(result: ExpiryReport, within: number): string {
  const lines = result.items.map((item) =>
    [
      EXPIRY_STATUS_LABELS[item.status].vi.padEnd(30),
      (item.expiresOn ?? '—').padEnd(11),
      String(item.continuationDaysLeft ?? item.daysToExpiry ?? '—').padStart(5),
      (item.employer ?? item.id).slice(0, 45).padEnd(45),
      item.action.vi,
    ].join('  '),
  );
  const header = [
    'Trạng thái'.padEnd(30),
    'Hết hạn'.padEnd(11),
    'Ngày'.padStart(5),
    'Doanh nghiệp'.padEnd(45),
    'Việc cần làm',
  ].join('  ');
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${EXPIRY_STATUS_LABELS[status as keyof typeof EXPIRY_STATUS_LABELS].vi}: ${n}`)
    .join(' · ');
  return [
    `Thỏa ước hết hạn trong ${within} ngày hoặc đang áp dụng tiếp, ngày ${result.on} / expiring within ${within} days or in continuation`,
    header,
    ...lines,
    '',
    `${result.items.length} cần theo dõi / to follow up; cả khu vực / whole area (${result.total}): ${counts}`,
  ].join('\n');
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}

/** A mistake in the command line, reported with the usage text (exit code 2). */
class UsageError extends Error {}

/** The `--on` day, today in Vietnam when not given. @throws UsageError when it is not `YYYY-MM-DD` */
function dayOption(given: string | undefined): string {
  const on = given ?? dateInVietnam(new Date());
  if (!isIsoDate(on)) throw new UsageError(`--on: "${on}" không phải ngày YYYY-MM-DD / not a date.`);
  return on;
}

/** @throws NotFoundError (exit code 1) when the library has no such agreement */
function storedAgreement(library: Library, id: string): Agreement {
  const agreement = library.get(id);
  if (!agreement) throw agreementNotFound(id);
  return agreement;
}

function formatSummary(item: AgreementSummary): string {
  const m = item.meta;
  const industry = m.industry ? (getIndustry(m.industry)?.name ?? m.industry) : '—';
  return [
    item.id.padEnd(40),
    (m.employer ?? '—').slice(0, 50).padEnd(50),
    industry.padEnd(20),
    (m.province ?? '—').padEnd(14),
    `hết hạn ${m.expiresOn ?? '—'}`,
    `${item.stats.articles} điều`,
  ].join('  ');
}

async function importFiles(
  library: SqliteLibrary,
  paths: readonly string[],
  options: {
    overrides: ReturnType<typeof parseOverrides>['overrides'];
    dryRun: boolean;
    json: boolean;
    search: SearchIndex;
    rubric: Rubric;
  },
  io: CliIo,
): Promise<number> {
  const today = dateInVietnam(new Date());
  const { files, missing } = collectFiles(paths);
  const outcomes: FileOutcome[] = missing.map((file) => ({
    file,
    status: 'failed',
    reason: 'không tìm thấy tệp hoặc thư mục / no such file or directory',
  }));
  const maxBytes = Number(io.env.CBA_MAX_UPLOAD_BYTES) || DEFAULT_MAX_BYTES;
  const bar =
    io.interactive && files.length > 5 && !options.json
      ? new cliProgress.SingleBar(
          { format: 'Nhập {bar} {value}/{total} {file}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(files.length, 0, { file: '' });

  for (const file of files) {
    bar?.increment({ file: basename(file) });
    try {
      const bytes = readFileSync(file);
      const draft = await importFile(bytes, {
        filename: basename(file),
        overrides: options.overrides,
        maxBytes,
      });
      if (options.dryRun) {
        const existing = library.findBySha256(draft.source.sha256);
        outcomes.push(
          existing
            ? { file, status: 'duplicate', id: existing.id }
            : { file, status: 'checked', articles: draft.stats.articles, warnings: draft.warnings },
        );
        continue;
      }
      const { agreement: added, grade: agreement } = await createService({
        library,
        search: options.search,
        rubric: options.rubric,
        clock: () => today,
      }).storeDraft(draft, bytes);
      outcomes.push({
        file,
        status: 'imported',
        id: added.id,
        articles: added.stats.articles,
        warnings: added.warnings,
        grade: agreement.grade,
      });
    } catch (error) {
      if (error instanceof DuplicateError) outcomes.push({ file, status: 'duplicate', id: error.existingId });
      else if (error instanceof CbaError)
        outcomes.push({ file, status: 'failed', reason: `${error.messageVi} / ${error.message}` });
      else if (
        error instanceof Error &&
        'code' in error &&
        typeof error.code === 'string' &&
        error.code.startsWith('E')
      ) {
        outcomes.push({ file, status: 'failed', reason: error.message });
      } else throw error;
    }
  }
  bar?.stop();

  const count = (s: FileOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const summary = {
    imported: count('imported'),
    checked: count('checked'),
    duplicates: count('duplicate'),
    failed: count('failed'),
    warnings: outcomes.reduce((n, o) => n + (o.warnings?.length ?? 0), 0),
    dryRun: options.dryRun,
  };
  if (options.json) {
    io.stdout(JSON.stringify({ summary, files: outcomes }, null, 2));
  } else {
    for (const o of outcomes) {
      if (o.status === 'imported' || o.status === 'checked') {
        const verb = o.status === 'imported' ? 'đã nhập' : 'đọc được';
        io.stdout(
          `✓ ${o.file} → ${o.id ?? '(thử)'}: ${verb}, ${o.articles} điều, ${o.warnings?.length ?? 0} cảnh báo`,
        );
        for (const w of o.warnings ?? []) if (w.code !== 'metadata_missing') io.stdout(`    ! ${w.message}`);
        const missingFields = (o.warnings ?? [])
          .filter((w) => w.code === 'metadata_missing')
          .map((w) => w.field);
        if (missingFields.length > 0)
          io.stdout(`    ! thiếu thông tin / missing: ${missingFields.join(', ')}`);
      } else if (o.status === 'duplicate') {
        io.stdout(`= ${o.file}: đã có trong thư viện (${o.id}), bỏ qua / already in the library, skipped`);
      } else {
        io.stderr(`✗ ${o.file}: ${o.reason}`);
      }
    }
    io.stdout(
      `\n${options.dryRun ? 'Chạy thử (không lưu) / dry run: ' : ''}nhập ${summary.imported}${options.dryRun ? `, đọc được ${summary.checked}` : ''}, trùng ${summary.duplicates}, lỗi ${summary.failed}, cảnh báo ${summary.warnings}` +
        ` / imported ${summary.imported}, duplicates ${summary.duplicates}, failed ${summary.failed}, warnings ${summary.warnings}`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}
