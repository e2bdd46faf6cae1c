/**
 * The sample library: on first start an empty library is filled with the
 * agreements in `fixtures/agreements`, the officer answers of
 * `fixtures/assessments.json`, and their grades, so there is something to explore.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Rubric } from '../clauses/grading.ts';
import type { Library, SearchIndex } from '../library/index.ts';
import { createService, type Service } from '../service/index.ts';

export interface SeedResult {
  imported: number;
  failed: Array<{ file: string; reason: string }>;
}

export interface SeedOptions {
  /** The day grades are judged on. */
  on: string;
  rubric?: Rubric;
  /** The search index to fill too; the library's own by default. */
  search?: SearchIndex;
}

const AssessmentsFile = z.object({
  answeredBy: z.string().min(1),
  answeredAt: z.string().min(1),
  agreements: z.record(z.string(), z.record(z.string(), z.union([z.boolean(), z.number()]))),
});

/**
 * Imports every .md and .txt file of `dir` into `library` if the library is
 * empty (through the service, graded as they are stored) and records the sample
 * officer answers (`../assessments.json` beside the folder, when there is one).
 */
export async function seedLibrary(library: Library, dir: string, options: SeedOptions): Promise<SeedResult> {
  const service = createService({
    library,
    search: options.search,
    rubric: options.rubric,
    clock: () => options.on,
  });
  return seedService(service, dir);
}

/** {@link seedLibrary} through a service already made. */
export async function seedService(service: Service, dir: string): Promise<SeedResult> {
  const result: SeedResult = { imported: 0, failed: [] };
  if (service.counts().agreements > 0) return result;
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/i.test(f))
    .sort();
  const ids: string[] = [];
  for (const file of files) {
    try {
      const { agreement } = await service.importDocument(readFileSync(join(dir, file)), { filename: file });
      ids.push(agreement.id);
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
      await service.saveAnswers(id, { answeredBy: data.answeredBy, answeredAt: data.answeredAt, answers });
    }
  }
  return result;
}
