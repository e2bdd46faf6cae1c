/**
 * Library-wide questions benchmark: the generated corpus stored in a library,
 * then the requests that compare every agreement they read (below the floor,
 * the distribution of a topic, the N-way table of an industry, the grade
 * dashboard) through the Hono app, each asked first with nothing compared
 * yet and then again with the comparisons remembered, against the pure cost
 * of comparing every agreement once, in the same process.
 */

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compareWithFloors } from '../clauses/index.ts';
import { importDocument } from '../importer/index.ts';
import { eachSummary, type Library, openLibrary } from '../library/index.ts';
import { createApp } from '../server/app.ts';
import { createService } from '../service/index.ts';
import { generateCorpus } from './generate.ts';
import { median } from './import.ts';

const ON = '2026-11-23';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function ask(app: ReturnType<typeof createApp>, url: string): Promise<void> {
  const response = await app.request(url);
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

function fill(library: Library, files: string[]): void {
  for (const file of files) {
    const bytes = readFileSync(file);
    library.add(importDocument(bytes, { filename: basename(file) }), bytes);
  }
}

export async function runLibraryBench({ count, rounds }: { count: number; rounds: number }): Promise<void> {
  const files = generateCorpus(join('bench', 'out', `corpus-${count}`), count);
  const urls = [
    `/api/below-floor?on=${ON}`,
    `/api/benchmarks?topic=meal&on=${ON}`,
    `/api/compare?industry=det-may&topic=meal,overtime&on=${ON}`,
    `/api/grades`,
  ];
  const compareAll: number[] = [];
  const cold = new Map<string, number[]>(urls.map((u) => [u, []]));
  const warm = new Map<string, number[]>(urls.map((u) => [u, []]));
  const library = openLibrary(':memory:');
  fill(library, files);
  const service = createService({ library, clock: () => ON });
  const app = createApp({ library, today: () => ON, service });
  const agreements = [...eachSummary(library)].map((s) => library.get(s.id)!);
  for (let round = 0; round <= rounds; round++) {
    const pure = await timed(async () => {
      for (const agreement of agreements) compareWithFloors(agreement, { on: ON });
    });
    const firsts: number[] = [];
    const seconds: number[] = [];
    for (const url of urls) {
      service.clearCaches();
      firsts.push(await timed(() => ask(app, url)));
      seconds.push(await timed(() => ask(app, url)));
    }
    if (round === 0) continue; // warm-up
    compareAll.push(pure);
    urls.forEach((url, i) => {
      cold.get(url)!.push(firsts[i]!);
      warm.get(url)!.push(seconds[i]!);
    });
  }
  library.close();
  const pure = median(compareAll);
  console.log(
    `Library: ${count} agreements; compareWithFloors over all of them once: ${(pure * 1000).toFixed(0)} ms (median of ${rounds} rounds after one warm-up)`,
  );
  console.log('| request | first (ms) | again (ms) | first ÷ again | first ÷ comparing all |');
  console.log('|---|---:|---:|---:|---:|');
  for (const url of urls) {
    const first = median(cold.get(url)!);
    const again = median(warm.get(url)!);
    console.log(
      `| \`${url.replace(`on=${ON}`, 'on=…')}\` | ${(first * 1000).toFixed(0)} | ${(again * 1000).toFixed(0)} | ${(first / again).toFixed(1)}× | ${(first / pure).toFixed(2)}× |`,
    );
  }
}
