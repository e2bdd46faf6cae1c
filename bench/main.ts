/**
 * `npm run bench -- <name> [--count N] [--rounds N]`: runs a benchmark.
 *   import     the generated corpus end to end vs bare remark-parse (default 1,000 agreements);
 *              with --library <dir>: storing into that big library vs an empty one (--count per batch, at most 200)
 *   compare    compareWithFloors over the same corpus vs importDocument
 *   library    library-wide API requests (below the floor, benchmarks, N-way, grades), first and again
 *              (--library dir,dir: libraries built by build-library; --before: also comparing every agreement)
 *   build-library  generated libraries of --clauses sizes under --library (default /work/bench-data), built once
 *   search     500 queries against 100,000 and 1,000,000 clauses (--clauses 100000,1000000 --queries 500
 *              --library <dir>: keep the generated libraries there and reuse them; --seconds N per HTTP run)
 *   ocr        scanned sample PDFs read back by OCR: CER, WER, headings, verdicts, s/page (--dpi 150,300 --raw --docs N --only name
 *              --ocr-cache dir: keep what tesseract read, to try clean-up rules without reading again)
 *   relevance  recall@10 and MRR of the judged queries over the sample library (--verbose, --literal)
 *   hostile    hostile documents posted to a real server while /api/health is sampled (--in-process: no pool; --profile DIR: the server's CPU profile; --against DIR --rounds N: A/B with DIR's server)
 *   generate   only write the corpus to bench/out/corpus-N
 */

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLibraries } from './build-library.ts';
import { runCompareBench } from './compare.ts';
import { generateCorpus } from './generate.ts';
import { runHostileBench } from './hostile.ts';
import { runImportAtScale, runImportBench } from './import.ts';
import { runLibraryBench } from './library.ts';
import { runOcrBench } from './ocr.ts';
import { runRelevanceBench } from './relevance.ts';
import { runSearchBench } from './search.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    clauses: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '500' },
    library: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    verbose: { type: 'boolean', default: false },
    literal: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
    dpi: { type: 'string', default: '150,300' },
    raw: { type: 'boolean', default: false },
    docs: { type: 'string', default: '4' },
    profile: { type: 'string' },
    against: { type: 'string' },
    only: { type: 'string' },
    'ocr-cache': { type: 'string' },
    before: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('--count and --rounds must be positive integers');
  process.exit(2);
}

switch (positionals[0] ?? 'import') {
  case 'import':
    if (values.library) runImportAtScale({ library: values.library, count: Math.min(count, 200), rounds });
    else runImportBench({ count, rounds });
    break;
  case 'compare':
    runCompareBench({ count, rounds });
    break;
  case 'library':
    await runLibraryBench({
      count,
      rounds,
      libraries: values.library ? values.library.split(',') : [],
      before: values.before,
    });
    break;
  case 'build-library':
    buildLibraries({
      dir: values.library ?? '/work/bench-data',
      clauses: values.clauses.split(',').map(Number),
    });
    break;
  case 'search': {
    const clauses = values.clauses.split(',').map(Number);
    const queries = Number(values.queries);
    if (clauses.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(queries) || queries < 1) {
      console.error('--clauses takes positive integers separated by commas; --queries a positive integer');
      process.exit(2);
    }
    await runSearchBench({
      clauses,
      queries,
      seconds: Number(values.seconds),
      ...(values.library ? { library: values.library } : {}),
    });
    break;
  }
  case 'ocr':
    await runOcrBench({
      dpi: values.dpi.split(',').map(Number),
      raw: values.raw,
      docs: Number(values.docs),
      ...(values.only ? { only: values.only } : {}),
      ...(values['ocr-cache'] ? { cache: values['ocr-cache'] } : {}),
    });
    break;
  case 'relevance':
    await runRelevanceBench({ verbose: values.verbose, literal: values.literal });
    break;
  case 'hostile':
    // --against DIR: the same bench against DIR's server and this one, alternately, --rounds times (A/B).
    for (let round = 0; round < (values.against ? rounds : 1); round++)
      for (const serverDir of values.against ? [values.against, process.cwd()] : [process.cwd()])
        await runHostileBench({ inProcess: values['in-process'], profileDir: values.profile, serverDir });
    break;
  case 'generate':
    console.log(
      `${generateCorpus(join('bench', 'out', `corpus-${count}`), count).length} files in bench/out/corpus-${count}`,
    );
    break;
  default:
    console.error(
      `Unknown benchmark "${positionals[0]}". Available: import, compare, library, build-library, search, relevance, hostile, ocr, generate`,
    );
    process.exit(2);
}
