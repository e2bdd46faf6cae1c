/**
 * The sample library: on first start an empty library is filled with the
 * agreements in `fixtures/agreements` so there is something to explore.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument } from '../importer/index.ts';
import type { Library } from '../library/index.ts';

export interface SeedResult {
  imported: number;
  failed: Array<{ file: string; reason: string }>;
}

/** Imports every .md and .txt file of `dir` into `library` if the library is empty. */
export function seedLibrary(library: Library, dir: string): SeedResult {
  const result: SeedResult = { imported: 0, failed: [] };
  if (library.counts().agreements > 0) return result;
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort();
  for (const file of files) {
    try {
      const bytes = readFileSync(join(dir, file));
      library.add(importDocument(bytes, { filename: file }), bytes);
      result.imported++;
    } catch (error) {
      result.failed.push({ file, reason: (error as Error).message });
    }
  }
  return result;
}
