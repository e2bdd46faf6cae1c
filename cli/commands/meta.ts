/** `cba meta <id> --set field=value… --by name`: an officer sets metadata by hand; `--unset field` withdraws an edit. */

import { Command } from 'commander';
import { type Runner, usageError } from '../context.ts';

interface MetaOptions {
  set: string[];
  unset: string[];
  by?: string;
  json: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function metaCommand(run: Runner): Command {
  return new Command('meta')
    .argument('[id]')
    .option('--set <field=value>', '', collect, [])
    .option('--unset <field>', '', collect, [])
    .option('--by <name>')
    .option('--json', '', false)
    .action(
      run(async ({ io, open }, id: string | undefined, options: MetaOptions) => {
        if (!id) return usageError(io, 'Thiếu mã thỏa ước / no id given.');
        const set: Record<string, string | null> = {};
        for (const pair of options.set) {
          const at = pair.indexOf('=');
          if (at <= 0)
            return usageError(io, `--set ${pair}: cần dạng trường=giá trị / expected field=value.`);
          // An empty value clears the field.
          set[pair.slice(0, at).trim()] = pair.slice(at + 1).trim() || null;
        }
        if (Object.keys(set).length === 0 && options.unset.length === 0)
          return usageError(io, 'Cần --set trường=giá trị hoặc --unset trường / give --set or --unset.');
        if (Object.keys(set).length > 0 && !options.by)
          return usageError(io, 'Cần --by <tên người sửa> / --by <who edits> is required.');
        const { service } = open({ rubric: true });
        const before = service.agreement(id).meta as unknown as Record<string, unknown>;
        let result = undefined as Awaited<ReturnType<typeof service.editMetadata>> | undefined;
        for (const field of options.unset) result = await service.withdrawMetadataEdit(id, field);
        if (Object.keys(set).length > 0) result = await service.editMetadata(id, { set, by: options.by! });
        if (!result) return 0;
        if (options.json) {
          io.stdout(JSON.stringify({ id, meta: result.meta, edits: result.edits }, null, 2));
          return 0;
        }
        const after = result.meta as unknown as Record<string, unknown>;
        const edited = [...Object.keys(set), ...options.unset];
        // The values derived from the edited ones (an expiry from a new term) changed with them: shown too.
        const followed = Object.keys(result.meta.provenance ?? {}).filter(
          (field) => !edited.includes(field) && after[field] !== before[field],
        );
        for (const field of [...edited, ...followed]) {
          const value = after[field];
          const source = result.meta.provenance?.[field as keyof NonNullable<typeof result.meta.provenance>];
          const from =
            source?.from === 'hand'
              ? `do ${source.by ?? '?'} sửa / set by hand`
              : source?.from === 'derived'
                ? `suy ra / derived: ${source.rule}${source.setByHand?.length ? `, từ / from ${source.setByHand.join(', ')} (sửa tay / set by hand)` : ''}`
                : source?.from === 'given'
                  ? 'ghi kèm khi nhập / given with the import'
                  : 'theo văn bản / from the text';
          io.stdout(`${field}: ${value === undefined ? '—' : String(value)}  (${from})`);
        }
        io.stdout(`Hạng / grade: ${result.grade.grade}`);
        return 0;
      }),
    );
}
