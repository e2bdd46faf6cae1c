/** `cba list`: the agreements of the library, filtered, a page at a time. */

import { Command } from 'commander';
import { parseOverrides } from '../../importer/index.ts';
import { type Runner, usageError } from '../context.ts';
import { formatSummary } from '../format-reports.ts';

interface ListOptions {
  industry?: string;
  province?: string;
  district?: string;
  q?: string;
  page: string;
  pageSize: string;
  json: boolean;
}

export function listCommand(run: Runner): Command {
  return new Command('list')
    .option('--industry <ngành>')
    .option('--province <tỉnh>')
    .option('--district <khu vực>')
    .option('--q <từ khóa>')
    .option('--page <N>', '', '1')
    .option('--page-size <N>', '', '50')
    .option('--json', '', false)
    .action(
      run(({ io, open }, options: ListOptions) => {
        const { overrides, problems } = parseOverrides({
          industry: options.industry,
          province: options.province,
        });
        if (problems.length > 0)
          return usageError(io, problems.map((p) => `--${p.field}: ${p.message}`).join('\n'));
        const page = Number(options.page);
        const pageSize = Number(options.pageSize);
        if (
          !Number.isInteger(page) ||
          page < 1 ||
          !Number.isInteger(pageSize) ||
          pageSize < 1 ||
          pageSize > 1000
        ) {
          return usageError(io, '--page và --page-size phải là số nguyên dương (page-size ≤ 1000).');
        }
        const result = open().service.list(
          {
            industry: overrides.industry,
            province: overrides.province,
            district: options.district,
            q: options.q,
          },
          { page, pageSize },
        );
        if (options.json) io.stdout(JSON.stringify(result, null, 2));
        else {
          for (const item of result.items) io.stdout(formatSummary(item));
          io.stdout(`${result.items.length}/${result.total} thỏa ước / agreements (trang ${page})`);
        }
        return 0;
      }),
    );
}
