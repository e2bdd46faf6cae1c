/** `cba import <files or folders…>`: documents into the library, graded and indexed as they are stored. */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { CbaError, DuplicateError } from '../../clauses/errors.ts';
import type { AgreementDraft, ImportWarning } from '../../clauses/types.ts';
import { parseOverrides, photosToPdf } from '../../importer/index.ts';
import { collectFiles } from '../collect-files.ts';
import { type Runner, usageError } from '../context.ts';

interface FileOutcome {
  file: string;
  status: 'imported' | 'duplicate' | 'same_agreement' | 'failed' | 'checked';
  id?: string;
  articles?: number;
  warnings?: ImportWarning[];
  grade?: string;
  reason?: string;
  /** For a scan: how sure the reading is (the import report's first line). */
  scan?: string[];
}

interface ImportOptions {
  industry?: string;
  province?: string;
  district?: string;
  region?: string;
  dryRun: boolean;
  json: boolean;
  photos: boolean;
}

export function importCommand(run: Runner): Command {
  return (
    new Command('import')
      .argument('[paths...]')
      .option('--industry <ngành>')
      .option('--province <tỉnh>')
      .option('--district <khu vực>')
      .option('--region <I–IV>')
      .option('--dry-run', '', false)
      .option('--json', '', false)
      // The photos of one agreement (PNG/JPEG, a page each, in the order given) as one scanned document.
      .option('--photos', '', false)
      .action(
        run(async ({ io, open }, paths: string[], options: ImportOptions) => {
          if (paths.length === 0) return usageError(io, 'Thiếu tệp cần nhập / no files given.');
          const { overrides, problems } = parseOverrides({
            industry: options.industry,
            province: options.province,
            district: options.district,
            wageRegion: options.region,
          });
          if (problems.length > 0) {
            return usageError(
              io,
              problems
                .map((p) => `--${p.field === 'wageRegion' ? 'region' : p.field}: ${p.message}`)
                .join('\n'),
            );
          }
          const { service } = open({ rubric: true });
          const collected = collectFiles(paths);
          const { missing } = collected;
          // With --photos every image given is a page of one agreement: they are read as one image PDF.
          const files =
            options.photos && collected.files.length > 0 ? [collected.files[0]!] : collected.files;
          const photos = options.photos ? collected.files : [];
          const outcomes: FileOutcome[] = missing.map((file) => ({
            file,
            status: 'failed',
            reason: 'không tìm thấy tệp hoặc thư mục / no such file or directory',
          }));
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
              const bytes = options.photos
                ? await photosToPdf(photos.map((p) => ({ bytes: readFileSync(p), filename: basename(p) })))
                : readFileSync(file);
              const filename = options.photos
                ? basename(file).replace(/\.(png|jpe?g)$/i, '.pdf')
                : basename(file);
              const draft = await service.readDraft(bytes, {
                filename,
                overrides,
                // A scan's pages take seconds each: say which one is being read.
                onProgress: (p) => {
                  if (!options.json) io.stderr(`${basename(file)}: ${p.message}`);
                },
              });
              if (options.dryRun) {
                const existing = service.findBySha256(draft.source.sha256);
                outcomes.push(
                  existing
                    ? { file, status: 'duplicate', id: existing.id }
                    : {
                        file,
                        status: 'checked',
                        articles: draft.stats.articles,
                        warnings: draft.warnings,
                        ...scanLines(draft),
                      },
                );
                continue;
              }
              // Graded, stored and indexed once (Meilisearch too, with MEILI_URL); undone if the index refuses it.
              const {
                agreement: added,
                grade: agreement,
                sameAgreement,
              } = await service.storeDraft(draft, bytes);
              if (sameAgreement) {
                outcomes.push({
                  file,
                  status: 'same_agreement',
                  id: added.id,
                  reason: `${sameAgreement.message} / ${sameAgreement.messageEn}`,
                });
                continue;
              }
              outcomes.push({
                file,
                status: 'imported',
                id: added.id,
                articles: added.stats.articles,
                warnings: added.warnings,
                grade: agreement.grade,
                ...scanLines(draft),
              });
            } catch (error) {
              if (error instanceof DuplicateError)
                outcomes.push({ file, status: 'duplicate', id: error.existingId });
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
            sameAgreement: count('same_agreement'),
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
                for (const w of o.warnings ?? [])
                  if (w.code !== 'metadata_missing') io.stdout(`    ! ${w.message}`);
                for (const line of o.scan ?? []) io.stdout(`    ◌ ${line}`);
                const missingFields = (o.warnings ?? [])
                  .filter((w) => w.code === 'metadata_missing')
                  .map((w) => w.field);
                if (missingFields.length > 0)
                  io.stdout(`    ! thiếu thông tin / missing: ${missingFields.join(', ')}`);
              } else if (o.status === 'same_agreement') {
                io.stdout(`+ ${o.file}: ${o.reason}`);
              } else if (o.status === 'duplicate') {
                io.stdout(
                  `= ${o.file}: đã có trong thư viện (${o.id}), bỏ qua / already in the library, skipped`,
                );
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
        }),
      )
  );
}

/** The report's scan line (“Văn bản từ bản quét (OCR) — …”), for a draft read by OCR. */
function scanLines(draft: AgreementDraft): Pick<FileOutcome, 'scan'> {
  if (!draft.warnings.some((w) => w.code === 'scanned_text')) return {};
  return {
    scan: (draft.report?.summary ?? [])
      .filter((m) => m.message.startsWith('Văn bản từ bản quét'))
      .map((m) => m.message),
  };
}
