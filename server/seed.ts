/**
 * The sample library: on first start an empty library is filled with the
 * agreements in `fixtures/agreements`, the officer answers of
 * `fixtures/assessments.json`, and their grades, so there is something to explore.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Rubric } from '../clauses/grading.ts';
import { importDocument } from '../importer/index.ts';
import { type Library, regrade } from '../library/index.ts';

export interface SeedResult {
  imported: number;
  failed: Array<{ file: string; reason: string }>;
}

export interface SeedOptions {
  /** The day grades are judged on. */
  on: string;
  rubric?: Rubric;
}

const AssessmentsFile = z.object({
  answeredBy: z.string().min(1),
  answeredAt: z.string().min(1),
  agreements: z.record(z.string(), z.record(z.string(), z.union([z.boolean(), z.number()]))),
});

/**
 * Imports every .md and .txt file of `dir` into `library` if the library is
 * empty, records the sample officer answers (`../assessments.json` beside the
 * folder, when there is one) and grades every agreement.
 */
export function seedLibrary(library: Library, dir: string, options: SeedOptions): SeedResult {
  const result: SeedResult = { imported: 0, failed: [] };
  if (library.counts().agreements > 0) return result;
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort();
  const ids: string[] = [];
  for (const file of files) {
    try {
      const bytes = readFileSync(join(dir, file));
      ids.push(library.add(importDocument(bytes, { filename: file }), bytes).id);
      result.imported++;
    } catch (error) {
      result.failed.push({ file, reason: (error as Error).message });
    }
  }
  const assessments = join(dir, '..', 'assessments.json');
  if (existsSync(assessments)) {
    const data = AssessmentsFile.parse(JSON.parse(readFileSync(assessments, 'utf8')));
    for (const [id, answers] of Object.entries(data.agreements)) {
      if (!ids.includes(id)) continue;
      library.saveAssessment(
        id,
        Object.entries(answers).map(([criterion, value]) => ({
          criterion,
          value,
          answeredBy: data.answeredBy,
          answeredAt: data.answeredAt,
        })),
      );
    }
  }
  for (const id of ids) {
    const agreement = library.get(id);
    if (agreement) regrade(library, agreement, options);
  }
  return result;
}
