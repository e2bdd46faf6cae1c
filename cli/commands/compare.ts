/**
 * `cba compare <id>`: a stored agreement side by side with the law;
 * `cba check <file>`: the same for a draft, nothing stored (and no library opened).
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Comparison } from '../../clauses/compare.ts';
import { CbaError } from '../../clauses/errors.ts';
import type { WageRegion } from '../../clauses/types.ts';
import { parseOverrides } from '../../importer/index.ts';
import { checkDocument } from '../../service/index.ts';
import { type CliIo, dayOption, type Runner, usageError } from '../context.ts';
import { formatComparison } from '../format-comparison.ts';

interface DayFlags {
  on?: string;
  region?: string;
  json: boolean;
}

/** The day and the wage region of the flags. @returns a usage error's exit code when the region is wrong */
function dayOf(io: CliIo, flags: DayFlags): { on: string; region?: WageRegion } | number {
  const on = dayOption(flags.on);
  const { overrides, problems } = parseOverrides({ wageRegion: flags.region });
  if (problems.length > 0) return usageError(io, problems.map((p) => `--region: ${p.message}`).join('\n'));
  return overrides.wageRegion ? { on, region: overrides.wageRegion } : { on };
}

function print(io: CliIo, comparison: Comparison, title: string, json: boolean): number {
  io.stdout(json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison, title));
  return 0;
}

const withDayFlags = (command: Command) =>
  command
    .option('--on <YYYY-MM-DD>')
    .option('--region <I–IV>')
    .option('--json', '', false)
    .allowExcessArguments();

export function compareCommand(run: Runner): Command {
  return withDayFlags(new Command('compare').argument('[id]')).action(
    run(({ io, open }, id: string | undefined, flags: DayFlags) => {
      if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
      const day = dayOf(io, flags);
      if (typeof day === 'number') return day;
      const { service } = open();
      const stored = service.agreement(id);
      const title = `${stored.meta.employer ?? stored.id} (${stored.id})`;
      return print(io, service.comparison(id, day), title, flags.json);
    }),
  );
}

export function checkCommand(run: Runner): Command {
  return withDayFlags(new Command('check').argument('[file]')).action(
    run(async ({ io, config }, file: string | undefined, flags: DayFlags) => {
      if (!file) return usageError(io, 'Thiếu tệp dự thảo / no draft file given.');
      const day = dayOf(io, flags);
      if (typeof day === 'number') return day;
      let comparison: Comparison;
      try {
        ({ comparison } = await checkDocument(readFileSync(file), {
          filename: basename(file),
          ...day,
          maxBytes: config.maxUploadBytes,
        }));
      } catch (error) {
        const reason =
          error instanceof CbaError ? `${error.messageVi} / ${error.message}` : (error as Error).message;
        io.stderr(`Không đọc được "${file}" / cannot read "${file}": ${reason}`);
        return 1;
      }
      return print(io, comparison, `Dự thảo / draft: ${basename(file)}`, flags.json);
    }),
  );
}
