/** `cba show <id>` and `cba remove <id>`: one agreement printed as its tree, or removed. */

import { Command } from 'commander';
import { type Runner, usageError } from '../context.ts';
import { formatAgreement } from '../format-tree.ts';

export function showCommand(run: Runner): Command {
  return new Command('show')
    .argument('[id]')
    .option('--json', '', false)
    .allowExcessArguments()
    .action(
      run(({ io, open }, id: string | undefined, options: { json: boolean }) => {
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        const agreement = open().service.agreement(id);
        io.stdout(options.json ? JSON.stringify(agreement, null, 2) : formatAgreement(agreement));
        return 0;
      }),
    );
}

export function removeCommand(run: Runner): Command {
  return new Command('remove')
    .argument('[id]')
    .allowExcessArguments()
    .allowUnknownOption()
    .action(
      run(async ({ io, open }, id: string | undefined) => {
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        // From the library and from the search index (Meilisearch too, with MEILI_URL).
        await open().service.remove(id);
        io.stdout(`Đã xóa / removed ${id}`);
        return 0;
      }),
    );
}
