/**
 * Builds a big generated library once, to be reused by the library and import
 * benchmarks (`--library <dir>`): the generated corpus imported agreement by
 * agreement (read, stored and indexed; no grade) until the library holds the wanted numbers of
 * clauses; a copy of the database is kept at each size on the way. Prints the
 * import rate at every thousand agreements, so the growth of its cost shows.
 */

import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importDocument } from '../importer/index.ts';
import { DATABASE_FILE, openLibrary } from '../library/index.ts';
import { generateCorpus } from './generate.ts';

/** The day the generated libraries are built and asked on. */
export const BENCH_DAY = '2026-11-23';

export interface BuildOptions {
  /** Where the libraries go: `<dir>/clauses-<N>/library.sqlite` for each size. */
  dir: string;
  /** Sizes in clauses (search documents of agreements), ascending. */
  clauses: number[];
}

/** The folder of the library of `clauses` clauses under `dir`. */
export function libraryDir(dir: string, clauses: number): string {
  return join(dir, `clauses-${clauses}`);
}

export function buildLibraries({ dir, clauses }: BuildOptions): void {
  const sizes = [...clauses].sort((a, b) => a - b);
  const largest = sizes.at(-1) ?? 0;
  const files = generateCorpus(join('bench', 'out', 'search-corpus'), Math.ceil((largest * 1.05) / 40));
  const work = join(dir, 'building');
  mkdirSync(work, { recursive: true });
  const library = openLibrary(work);
  const countDocs = () =>
    library.db.prepare("SELECT COUNT(*) FROM search_docs WHERE source = 'agreement'").pluck().get() as number;
  let next = library.counts().agreements;
  let lap = performance.now();
  let lapCpu = process.cpuUsage();
  for (const target of sizes) {
    const out = libraryDir(dir, target);
    if (existsSync(join(out, DATABASE_FILE))) {
      console.log(`${out}: already built`);
      continue;
    }
    while (next < files.length && countDocs() < target) {
      for (const file of files.slice(next, next + 100)) {
        const bytes = readFileSync(file);
        library.add(importDocument(bytes, { filename: basename(file) }), bytes);
      }
      next = Math.min(next + 100, files.length);
      if (next % 1000 === 0) {
        const seconds = (performance.now() - lap) / 1000;
        const cpu = process.cpuUsage(lapCpu);
        console.log(
          `${next} agreements: ${(1000 / seconds).toFixed(0)} agreements/s over the last 1,000 (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, wall ${seconds.toFixed(1)} s)`,
        );
        lap = performance.now();
        lapCpu = process.cpuUsage();
      }
    }
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(out, { recursive: true });
    copyFileSync(join(work, DATABASE_FILE), join(out, DATABASE_FILE));
    console.log(`${out}: ${countDocs()} clauses, ${next} agreements`);
  }
  library.close();
}
