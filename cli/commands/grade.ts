/** `cba grade <id>`: the grade A/B/C/D with its points per criterion and what would lift it. */

import { Command } from 'commander';
import { dayOption, type Runner, usageError } from '../context.ts';
import { formatGrade } from '../format-reports.ts';

export function gradeCommand(run: Runner): Command {
  return new Command('grade')
    .argument('[id]')
    .option('--on <YYYY-MM-DD>')
    .option('--json', '', false)
    .allowExcessArguments()
    .action(
      run(async ({ io, open }, id: string | undefined, options: { on?: string; json: boolean }) => {
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        const on = dayOption(options.on);
        const { service } = open({ rubric: true, today: on });
        const agreement = service.agreement(id);
        // Graded today, the grade is stored; on another day it is only shown.
        const report = options.on ? service.grade(id, on) : (await service.regrade(id)).report;
        io.stdout(
          options.json
            ? JSON.stringify(report, null, 2)
            : formatGrade(report, agreement.meta.employer ?? id, on),
        );
        return 0;
      }),
    );
}
