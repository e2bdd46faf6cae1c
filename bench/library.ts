/**
 * Library-wide questions benchmark: the requests that read every agreement of
 * an area (below the floor, the distribution of a topic, the N-way table of
 * an industry, the grade dashboard) through the Hono app, each asked first by
 * a new service (nothing in memory: a restarted server, or the first request
 * of a day in the same floor period) and then again, with the stored verdicts
 * (now) and comparing every agreement (before them), alternately in one
 * process. With `--library <dir>[,<dir>…]` it opens libraries built once by
 * `npm run bench -- build-library` (stored verdicts missing in them are
 * computed first, and that refresh is timed); otherwise it stores `--count`
 * generated agreements in memory.
 */

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { importDocument } from '../importer/index.ts';
import { type Library, openLibrary } from '../library/index.ts';
import { createApp } from '../server/app.ts';
import { createService } from '../service/index.ts';
import { BENCH_DAY } from './build-library.ts';
import { generateCorpus } from './generate.ts';
import { median } from './import.ts';

const ON = BENCH_DAY;
/** The target of issue 19 for a first request. */
const TARGET_MS = 200;

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
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

const URLS = [
  `/api/below-floor?on=${ON}`,
  `/api/benchmarks?topic=meal&on=${ON}`,
  `/api/compare?industry=det-may&topic=meal,overtime&on=${ON}`,
  `/api/grades`,
];

const fmt = (t: Timing) => `${t.wall.toFixed(0)} (${t.cpu.toFixed(0)})`;
const mid = (list: Timing[]): Timing => ({
  wall: median(list.map((t) => t.wall)),
  cpu: median(list.map((t) => t.cpu)),
});

/** One library: the refresh of its stored verdicts, then each request first and again, now and before. */
async function benchOne(library: Library, name: string, rounds: number, before: boolean): Promise<void> {
  const agreements = library.counts().agreements;
  const clauses = library.counts().clauses;
  const app = (storedVerdicts: boolean) => {
    const service = createService({ library, clock: () => ON, storedVerdicts });
    return createApp({ library, today: () => ON, service });
  };
  const refresher = createService({ library, clock: () => ON });
  const stale = refresher.storedVerdicts();
  const refresh = await timed(() => refresher.refreshVerdicts());
  console.log(
    `\n${name}: ${agreements.toLocaleString('en')} agreements, ${clauses.toLocaleString('en')} clauses; stored verdicts fresh ${stale.fresh.toLocaleString('en')} of ${stale.agreements.toLocaleString('en')} at open, the rest refreshed in ${(refresh.wall / 1000).toFixed(1)} s (CPU ${(refresh.cpu / 1000).toFixed(1)} s, ${(refresh.cpu / Math.max(1, stale.agreements - stale.fresh)).toFixed(1)} ms CPU an agreement); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const now = new Map(URLS.map((u) => [u, { first: [] as Timing[], again: [] as Timing[] }]));
  const old = new Map(URLS.map((u) => [u, { first: [] as Timing[], again: [] as Timing[] }]));
  for (let round = 0; round <= rounds; round++) {
    for (const url of URLS) {
      // Interleaved: the stored verdicts, then (in the first measured round) comparing every agreement.
      const a = app(true);
      const first = await timed(() => ask(a, url));
      const again = await timed(() => ask(a, url));
      if (round > 0) {
        now.get(url)!.first.push(first);
        now.get(url)!.again.push(again);
      }
      if (before && round === 1) {
        const b = app(false);
        old.get(url)!.first.push(await timed(() => ask(b, url)));
        old.get(url)!.again.push(await timed(() => ask(b, url)));
      }
    }
  }
  console.log(
    `| request | first, stored verdicts: ms wall (CPU) | again | first ≤ ${TARGET_MS} ms | ${before ? 'first, comparing every agreement (before) | again, before | first: before ÷ now (CPU) |' : ''}`,
  );
  console.log(`|---|---:|---:|---|${before ? '---:|---:|---:|' : ''}`);
  for (const url of URLS) {
    const first = mid(now.get(url)!.first);
    const again = mid(now.get(url)!.again);
    const b = before ? mid(old.get(url)!.first) : undefined;
    const bAgain = before ? mid(old.get(url)!.again) : undefined;
    console.log(
      `| \`${url.replace(`on=${ON}`, 'on=…')}\` | ${fmt(first)} | ${fmt(again)} | ${first.wall <= TARGET_MS ? 'met' : 'not met'} |${b && bAgain ? ` ${fmt(b)} | ${fmt(bAgain)} | ${(b.cpu / first.cpu).toFixed(1)}× |` : ''}`,
    );
  }
  console.log(`Resident memory: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
}

export async function runLibraryBench({
  count,
  rounds,
  libraries,
  before,
}: {
  count: number;
  rounds: number;
  /** Library folders built once (`build-library`); a generated in-memory library of `count` when empty. */
  libraries: string[];
  /** Also measure comparing every agreement (slow on big libraries). */
  before: boolean;
}): Promise<void> {
  console.log(
    `Each request asked by a new service (first) and right after (again), median of ${rounds} rounds after one warm-up; ms wall (CPU ms of this process)`,
  );
  if (libraries.length === 0) {
    const library = openLibrary(':memory:');
    fill(library, generateCorpus(join('bench', 'out', `corpus-${count}`), count));
    await benchOne(library, `generated, in memory`, rounds, before);
    library.close();
    return;
  }
  for (const dir of libraries) {
    const library = openLibrary(dir);
    await benchOne(library, dir, rounds, before);
    library.close();
  }
}
