/** `cba expiring`: agreements expiring soon or in their continuation, most urgent first. */

import { Command } from 'commander';
import { parseOverrides } from '../../importer/index.ts';
import { dayOption, type Runner, usageError } from '../context.ts';
import { formatExpiry } from '../format-reports.ts';

interface ExpiringOptions {
  within: string;
  district?: string;
  province?: string;
  on?: string;
  json: boolean;
}

export function expiringCommand(run: Runner): Command {
  return new Command('expiring')
    .option('--within <ngày>', '', '90')
    .option('--district <khu vực>')
    .option('--province <tỉnh>')
    .option('--on <YYYY-MM-DD>')
    .option('--json', '', false)
    .action(
      run(({ io, open }, options: ExpiringOptions) => {
        const on = dayOption(options.on);
        const within = Number(options.within);
        if (!Number.isInteger(within) || within < 0)
          return usageError(io, '--within phải là số ngày / must be a number of days.');
        const { overrides, problems } = parseOverrides({ province: options.province });
        if (problems.length > 0)
          return usageError(io, problems.map((p) => `--province: ${p.message}`).join('\n'));
        const result = open().service.expiry({
          filter: { province: overrides.province, district: options.district },
          on,
          within,
        });
        io.stdout(options.json ? JSON.stringify(result, null, 2) : formatExpiry(result, within));
        return 0;
      }),
    );
}
