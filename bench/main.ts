/**
 * `npm run bench -- <name> [--count N] [--rounds N]`: runs a benchmark.
 *   import     the generated corpus end to end vs bare remark-parse (default 1,000 agreements)
 *   compare    compareWithFloors over the same corpus vs importDocument
 *   generate   only write the corpus to bench/out/corpus-N
 */

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCompareBench } from './compare.ts';
import { generateCorpus } from './generate.ts';
import { runImportBench } from './import.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { count: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('--count and --rounds must be positive integers');
  process.exit(2);
}

switch (positionals[0] ?? 'import') {
  case 'import':
    runImportBench({ count, rounds });
    break;
  case 'compare':
    runCompareBench({ count, rounds });
    break;
  case 'generate':
    console.log(
      `${generateCorpus(join('bench', 'out', `corpus-${count}`), count).length} files in bench/out/corpus-${count}`,
    );
    break;
  default:
    console.error(`Unknown benchmark "${positionals[0]}". Available: import, compare, generate`);
    process.exit(2);
}
