/**
 * Library-wide questions benchmark: the requests that read every agreement of
 * an area (below the floor, the distribution of a topic, the N-way table of
 * an industry, the grade dashboard) through the Hono app: a freshly started
 * server's first request (its memory of the stored verdicts loaded), then in
 * one running server the first request of each new day and again, and the
 * first after a write; with `--before`, a server comparing every agreement
 * between them in the same process. With `--library <dir>[,<dir>…]` it opens
 * libraries built once by `npm run bench -- build-library` (stored verdicts
 * missing in them are computed first, and that refresh is timed); otherwise
 * it stores `--count` generated agreements in memory.
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

/** The requests asked, on a day (`/api/grades` follows the server's today). */
const urlsOn = (day: string) => [
  `/api/below-floor?on=${day}`,
  `/api/below-floor?on=${day}&limit=100`,
  `/api/benchmarks?topic=meal&on=${day}`,
  `/api/compare?industry=det-may&topic=meal,overtime&on=${day}`,
  `/api/grades`,
  `/api/grades?limit=100`,
];
const label = (url: string) => `\`${url.replace(/on=[0-9-]+/, 'on=…')}\``;

const fmt = (t: Timing) => `${t.wall.toFixed(0)} (${t.cpu.toFixed(0)})`;
const mid = (list: Timing[]): Timing => ({
  wall: median(list.map((t) => t.wall)),
  cpu: median(list.map((t) => t.cpu)),
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The next day (`YYYY-MM-DD`). */
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The library's stored verdicts refreshed by a service of its own, let go afterwards: its caches are not the
 * running server's, so they are not left on the heap the requests are timed on.
 */
async function refreshed(library: Library) {
  const refresher = createService({ library, clock: () => ON });
  const stale = refresher.storedVerdicts();
  return { stale, refresh: await timed(() => refresher.refreshVerdicts()) };
}

/**
 * One library: the refresh of its stored verdicts; a freshly started server's first request (the memory
 * loaded); then, in one running server, each request on the first day of a new day and again, and the
 * first after a write; with `before`, a server comparing every agreement, between them.
 */
async function benchOne(library: Library, name: string, rounds: number, before: boolean): Promise<void> {
  const agreements = library.counts().agreements;
  const clauses = library.counts().clauses;
  let day = ON;
  const serve = (storedVerdicts: boolean) => {
    const service = createService({ library, clock: () => day, storedVerdicts });
    return { service, app: createApp({ library, today: () => day, service }) };
  };
  const { stale, refresh } = await refreshed(library);
  console.log(
    `\n${name}: ${agreements.toLocaleString('en')} agreements, ${clauses.toLocaleString('en')} clauses; stored verdicts fresh ${stale.fresh.toLocaleString('en')} of ${stale.agreements.toLocaleString('en')} at open, ${stale.agreements > stale.fresh ? `the rest refreshed in ${(refresh.wall / 1000).toFixed(1)} s (CPU ${(refresh.cpu / 1000).toFixed(1)} s, ${(refresh.cpu / (stale.agreements - stale.fresh)).toFixed(1)} ms CPU an agreement)` : 'nothing to refresh'}; load average ${load()}`,
  );

  // A freshly started server: its first question loads the memory.
  const heapBefore = process.memoryUsage().heapUsed;
  const started = serve(true);
  const fresh = await timed(() => ask(started.app, urlsOn(day)[0]!));
  const size = started.service.verdictMemory();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `Freshly started server, first request (\`/api/below-floor\`, the memory loaded): ${fmt(fresh)} ms wall (CPU); memory: ${size.agreements.toLocaleString('en')} agreements, ${size.rows.toLocaleString('en')} rows, ${size.shared.toLocaleString('en')} shared strings and objects, heap +${mb(heap)} (resident ${mb(process.memoryUsage().rss)}); load average ${load()}`,
  );

  // One running server, warmed once; then each round is a new day of the same floor period.
  const { service, app } = started;
  for (const url of urlsOn(day)) await ask(app, url);
  const now = new Map<number, { first: Timing[]; again: Timing[]; write: Timing[]; bytes: number }>();
  const old = new Map<number, { first: Timing[] }>();
  const [someone] = service.summaries({});
  for (let round = 1; round <= rounds; round++) {
    day = nextDay(day);
    const urls = urlsOn(day);
    for (const [i, url] of urls.entries()) {
      const first = await timed(() => ask(app, url));
      const again = await timed(() => ask(app, url));
      const entry = now.get(i) ?? { first: [], again: [], write: [], bytes: 0 };
      entry.first.push(first);
      entry.again.push(again);
      entry.bytes = (await (await app.request(url)).arrayBuffer()).byteLength;
      now.set(i, entry);
      if (before && round === 1) {
        const b = serve(false);
        old.set(i, { first: [await timed(() => ask(b.app, url))] });
      }
    }
    // A write (an officer's answer) moves the memory: the next question patches it and computes its tables.
    for (const [i, url] of urls.entries()) {
      if (someone)
        await service.saveAnswers(someone.id, {
          answeredBy: 'bench',
          answers: { published: round % 2 === 0 },
        });
      now.get(i)?.write.push(await timed(() => ask(app, url)));
    }
    // The rest of the day is asked after that write, so the next day starts from a question already asked.
    for (const url of urls) await ask(app, url);
  }
  console.log(`Load average ${load()}; a running server, median of ${rounds} new days:`);
  console.log(
    `| request | first of a new day: ms wall (CPU) | again | first ≤ ${TARGET_MS} ms | first after a write | answer |${before ? ' first, comparing every agreement (before) | before ÷ now (CPU) |' : ''}`,
  );
  console.log(`|---|---:|---:|---|---:|---:|${before ? '---:|---:|' : ''}`);
  for (const [i, url] of urlsOn(day).entries()) {
    const entry = now.get(i)!;
    const first = mid(entry.first);
    const b = before ? mid(old.get(i)!.first) : undefined;
    console.log(
      `| ${label(url)} | ${fmt(first)} | ${fmt(mid(entry.again))} | ${first.wall <= TARGET_MS ? 'met' : 'not met'} | ${fmt(mid(entry.write))} | ${(entry.bytes / 1024).toFixed(0)} KB |${b ? ` ${fmt(b)} | ${(b.cpu / first.cpu).toFixed(0)}× |` : ''}`,
    );
  }
  console.log(
    `Resident memory: ${mb(process.memoryUsage().rss)}; memory of the questions: ${JSON.stringify(service.verdictMemory())}`,
  );
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
    `Library-wide requests through the Hono app, median of ${rounds} new days after a warm-up; ms wall (CPU ms of this process)`,
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
