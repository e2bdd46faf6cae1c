/**
 * The generated libraries of the search benchmark, stored once and reused: importing a million clauses
 * costs some ten minutes, so `npm run bench -- search --library <dir>` keeps one library per size in
 * `<dir>/clauses-<N>/` and opens it again on the next run (never inside the repository).
 */

import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importDocument } from '../importer/index.ts';
import { DATABASE_FILE, openLibrary, type SqliteLibrary } from '../library/index.ts';
import { generateCorpus } from './generate.ts';

/** Agreement clauses (documents of the index, the law's left out) of a library. */
export function clauseCount(library: SqliteLibrary): number {
  return library.db
    .prepare("SELECT COUNT(*) FROM search_docs WHERE source = 'agreement'")
    .pluck()
    .get() as number;
}

/** The folder of the stored library of one size. */
export const libraryFolder = (root: string, clauses: number) => join(root, `clauses-${clauses}`);

export interface BenchLibrary {
  library: SqliteLibrary;
  /** Seconds spent importing for this size in this run (0 when reused). */
  importSeconds: number;
  agreements: number;
  reused: boolean;
}

/**
 * Opens the stored library of each size under `root`, building the missing ones from generated agreements
 * (about 44 clauses each): one library grows size after size and a copy of its file is kept at each.
 *
 * @param root a folder outside the repository (created when missing)
 * @param sizes clause counts, any order
 * @returns a function opening the library of one size (the caller closes it)
 */
export function prepareLibraries(root: string, sizes: readonly number[]): (clauses: number) => BenchLibrary {
  const sorted = [...sizes].sort((a, b) => a - b);
  const built = new Map<number, { importSeconds: number; agreements: number }>();
  const missing = sorted.filter((n) => !existsSync(join(libraryFolder(root, n), DATABASE_FILE)));
  if (missing.length) {
    const files = generateCorpus(
      join('bench', 'out', 'search-corpus'),
      Math.ceil((sorted.at(-1)! * 1.05) / 40),
    );
    const work = join(root, 'building');
    mkdirSync(work, { recursive: true });
    const library = openLibrary(work);
    let next = 0;
    let importSeconds = 0;
    for (const target of sorted) {
      const started = performance.now();
      while (next < files.length && clauseCount(library) < target) {
        // Ten at a time between counts: counting a million rows is not free.
        for (const file of files.slice(next, next + 10)) {
          const bytes = readFileSync(file);
          library.add(importDocument(bytes, { filename: basename(file) }), bytes);
        }
        next = Math.min(next + 10, files.length);
        if (next % 1000 === 0) console.error(`  … ${next} agreements imported`);
      }
      importSeconds += (performance.now() - started) / 1000;
      if (!missing.includes(target)) continue;
      library.db.pragma('wal_checkpoint(TRUNCATE)');
      const folder = libraryFolder(root, target);
      mkdirSync(folder, { recursive: true });
      copyFileSync(join(work, DATABASE_FILE), join(folder, DATABASE_FILE));
      built.set(target, { importSeconds, agreements: next });
      console.error(
        `  stored ${target} clauses (${next} agreements, ${importSeconds.toFixed(0)} s) in ${folder}`,
      );
    }
    library.close();
  }
  return (clauses) => {
    const library = openLibrary(libraryFolder(root, clauses));
    const agreements = library.db.prepare('SELECT COUNT(*) FROM agreements').pluck().get() as number;
    const fresh = built.get(clauses);
    return { library, importSeconds: fresh?.importSeconds ?? 0, agreements, reused: !fresh };
  };
}
