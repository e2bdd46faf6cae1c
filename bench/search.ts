/**
 * Search benchmark: builds libraries of N generated agreements (about 100
 * clauses each), then runs a fixed mix of 500 realistic queries — with and
 * without diacritics, phrases, prefixes, filters — with facet counts and
 * totals, against the embedded index and, when MEILI_URL answers, against
 * Meilisearch. Prints p50/p95/p99 latency, build time, database size and
 * peak memory; then measures GET /api/search through Hono with autocannon.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { importDocument } from '../importer/index.ts';
import {
  DATABASE_FILE,
  eachAgreementWithEvents,
  MeiliSearchIndex,
  openLibrary,
  type SearchIndex,
  type SearchQuery,
  type SqliteLibrary,
  SqliteSearch,
} from '../library/index.ts';
import { createApp } from '../server/app.ts';
import { clauseCount, libraryFolder, prepareLibraries } from './search-library.ts';

const WORDS = [
  'tien an giua ca',
  'tiền ăn giữa ca',
  'bữa ăn',
  'lam them gio',
  '"làm thêm giờ"',
  'làm thêm giờ ban đêm',
  'nghi hang nam',
  'nghỉ hằng năm 14 ngày',
  'nghỉ việc riêng',
  'con ket hon',
  'thuong tet',
  'tháng lương thứ 13',
  'phu cap',
  'phụ cấp chuyên cần',
  'phụ cấp nhà ở',
  'luong toi thieu vung',
  'lương',
  'luong',
  'thử việc',
  'tro cap thoi viec',
  'an toàn vệ sinh lao động',
  'kham suc khoe dinh ky',
  'lao dong nu',
  'hành kinh',
  'nuôi con dưới 12 tháng tuổi',
  'công đoàn',
  'kinh phi cong doan',
  'doi thoai',
  'tranh chap',
  'thoa uoc',
  'hieu luc',
  'nghỉ lễ tết',
  'thời giờ làm việc',
  'nghi giua ca',
  'bảo hiểm xã hội',
  'nang luong',
  'đào tạo',
  'ngừng việc',
  'nghi hang na',
  'phụ cấp độc h',
];
const INDUSTRY_FILTERS = [['det-may'], ['dien-tu'], ['det-may', 'da-giay'], ['xay-dung'], ['thuy-san']];
const PROVINCE_FILTERS = [['Bình Dương'], ['Hà Nội'], ['Đồng Nai', 'Bình Dương']];
const TOPIC_FILTERS = [['meal'], ['overtime'], ['annual_leave'], ['allowances']];

/**
 * The fixed mix: every query text with each of eight shapes — alone, with an
 * industry, a province, a status, industry and province, a second page, a
 * topic and no words, an industry and no words — then more filter variants
 * until `count` distinct queries.
 */
export function queryMix(count: number): SearchQuery[] {
  const queries: SearchQuery[] = [];
  const seen = new Set<string>();
  for (let i = 0; queries.length < count && i < count * 10; i++) {
    const text = WORDS[i % WORDS.length] ?? '';
    const shape = Math.floor(i / WORDS.length) % 8;
    const variant = Math.floor(i / (WORDS.length * 8));
    const pick = <T>(list: T[]) => list[(i + variant) % list.length]!;
    const filters: SearchQuery['filters'] = {};
    if (shape === 1 || shape === 4) filters.industry = pick(INDUSTRY_FILTERS);
    if (shape === 2 || shape === 4) filters.province = pick(PROVINCE_FILTERS);
    if (shape === 3) filters.status = variant % 2 ? ['in_force'] : ['renewal_window', 'continuation'];
    if (shape === 6) filters.topic = pick(TOPIC_FILTERS);
    if (shape === 7) filters.industry = pick(INDUSTRY_FILTERS);
    const query: SearchQuery = {
      q: shape === 6 || shape === 7 ? '' : text,
      filters,
      source: 'agreements',
      sort: 'relevance',
      limit: 20,
      offset: shape === 5 ? 20 : 0,
      on: '2026-11-23',
    };
    const key = JSON.stringify(query);
    if (seen.has(key)) continue;
    seen.add(key);
    queries.push(query);
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/**
 * 10 connections for `seconds` on a listening server, sent from a worker thread: the load generator on
 * the server's own thread took the core it was measuring (the mix at 100,000 clauses measured 0.6–0.7× of
 * the same load from a worker), as a client on another machine does not.
 */
async function loadOf(url: string, requests: Array<{ method: 'GET'; path: string }>, seconds: number) {
  const result = await autocannon({ url, connections: 10, duration: seconds, requests, workers: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/** Requests per second of one URL on a listening server. */
const rate = (base: string, path: string, seconds: number) =>
  loadOf(base, [{ method: 'GET', path }], seconds);

/**
 * The sample library (14 agreements) on one server: a common word with an
 * industry filter against a bare health request, one after the other in the
 * same run, as the issue measured them.
 */
export async function runSampleHttpBench(seconds = 10): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cba-sample-http-'));
  const library = openLibrary(dir);
  const samples = join(import.meta.dirname, '..', 'fixtures', 'agreements');
  for (const file of readdirSync(samples).filter((f) => /\.(md|txt)$/.test(f))) {
    const bytes = readFileSync(join(samples, file));
    library.add(importDocument(bytes, { filename: file }), bytes);
  }
  const app = createApp({ library, today: () => '2026-11-23' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const search = `/api/search?${new URLSearchParams({ q: 'lương', industry: 'det-may' })}`;
  await rate(base, search, 2); // warm-up
  const health = await rate(base, '/api/health', seconds);
  const common = await rate(base, search, seconds);
  console.log(
    `Sample library (14 agreements), 10 connections from a worker thread, ${seconds} s each, one run: GET /api/health ${health.rps.toFixed(0)} requests/s (p99 ${health.p99} ms); GET /api/search?q=lương&industry=det-may ${common.rps.toFixed(0)} requests/s (p99 ${common.p99} ms) — ${(common.rps / health.rps).toFixed(2)}× health, ${health.non2xx + common.non2xx} non-2xx`,
  );
  server.close();
  library.close();
  rmSync(dir, { recursive: true, force: true });
}

interface Timed {
  name: string;
  index: SearchIndex;
  /** Run before each measured query, untimed (emptying caches for cold queries, a write). */
  before?: (query: SearchQuery) => unknown;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpu50: number;
  cpu95: number;
  cpu99: number;
  cpuMean: number;
  meanTotal: number;
  facets: number;
}

/**
 * Times several indexes over the same queries, interleaved (query by query, the order rotating), so the
 * machine's load falls on each alike: wall time and this process's CPU time per query.
 */
async function measureInterleaved(
  runs: readonly Timed[],
  queries: readonly SearchQuery[],
): Promise<Figures[]> {
  const wall = runs.map(() => [] as number[]);
  const cpu = runs.map(() => [] as number[]);
  const totals = runs.map(() => 0);
  const facets = runs.map(() => 0);
  for (let i = 0; i < queries.length; i++) {
    for (let j = 0; j < runs.length; j++) {
      const x = (i + j) % runs.length;
      const run = runs[x]!;
      await run.before?.(queries[i]!);
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      const result = await run.index.search(queries[i]!);
      wall[x]!.push(performance.now() - started);
      const used = process.cpuUsage(cpu0);
      cpu[x]!.push((used.user + used.system) / 1000);
      totals[x]! += result.total;
      facets[x]! += Object.values(result.facets).reduce((n, f) => n + Object.keys(f).length, 0);
    }
  }
  return runs.map((_, x) => {
    const w = wall[x]!.sort((a, b) => a - b);
    const c = cpu[x]!.sort((a, b) => a - b);
    return {
      p50: percentile(w, 50),
      p95: percentile(w, 95),
      p99: percentile(w, 99),
      max: w.at(-1) ?? 0,
      cpu50: percentile(c, 50),
      cpu95: percentile(c, 95),
      cpu99: percentile(c, 99),
      cpuMean: c.reduce((sum, t) => sum + t, 0) / (c.length || 1),
      meanTotal: Math.round(totals[x]! / queries.length),
      facets: Math.round(facets[x]! / queries.length),
    };
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

/** The search mix through Hono on a listening server, and GET /api/health in the same run. */
async function httpRates(library: SqliteLibrary, queries: readonly SearchQuery[], seconds: number) {
  const app = createApp({ library, today: () => '2026-11-23' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const requests = queries.map((query) => {
    const params = new URLSearchParams({ q: query.q, offset: String(query.offset) });
    for (const [key, values] of Object.entries(query.filters))
      for (const value of values as string[]) params.append(key, value);
    return { method: 'GET' as const, path: `/api/search?${params}` };
  });
  const run = (paths: typeof requests) => loadOf(url, paths, seconds);
  await run(requests.slice(0, 50)); // warm-up
  const health = await run([{ method: 'GET', path: '/api/health' }]);
  const remembered = await run(requests);
  // Every request a query not asked before: the index's caches of answers and matches emptied each time.
  const index = library.search;
  const search = index.search.bind(index);
  index.search = (query) => {
    index.clearQueryCache();
    return search(query);
  };
  const cold = await run(requests);
  index.search = search;
  await new Promise((resolve) => server.close(resolve));
  return { health, remembered, cold };
}

export async function runSearchBench({
  clauses,
  queries: queryCount,
  library: libraryRoot,
  seconds = 10,
}: {
  clauses: number[];
  queries: number;
  /** A folder keeping the generated libraries between runs (made on the first); a temporary one otherwise. */
  library?: string;
  seconds?: number;
}): Promise<void> {
  await runSampleHttpBench(seconds);
  const queries = queryMix(queryCount);
  console.log(
    `Query mix: ${queries.length} distinct queries (${WORDS.length} texts, with and without diacritics, × 8 shapes: alone, industry, province, status, industry + province, second page, topic browse, industry browse); facets and totals always`,
  );
  const meiliUrl = process.env.MEILI_URL;
  const meiliAnswers = meiliUrl
    ? await fetch(new URL('/health', meiliUrl)).then(
        (r) => r.ok,
        () => false,
      )
    : false;
  const root = libraryRoot ?? mkdtempSync(join(tmpdir(), 'cba-search-bench-'));
  const open = prepareLibraries(root, clauses);
  for (const target of [...clauses].sort((a, b) => a - b)) {
    const { library, importSeconds, agreements, reused } = open(target);
    const documents = clauseCount(library);
    const size = statSync(join(libraryFolder(root, target), DATABASE_FILE)).size;
    const now = library.search;
    const onePass = new SqliteSearch(library.db, { words: 'fts5' });
    const loadStarted = performance.now();
    await now.search(queries[0]!); // reads the facet columns
    const loadMs = performance.now() - loadStarted;
    await onePass.search(queries[0]!);
    // Warm-up: each word's list is read on its first query (timed apart below, as "first sight").
    for (const query of queries.slice(0, 50)) {
      await now.search(query);
      await onePass.search(query);
    }
    console.log(
      `\n### ${documents.toLocaleString('en')} clauses, ${agreements.toLocaleString('en')} agreements (${reused ? 'stored library reused' : `imported in ${importSeconds.toFixed(0)} s`}; database ${mb(size)} MB; first query ${(loadMs / 1000).toFixed(1)} s: facet columns)`,
    );
    console.log(
      '| index | queries | p50 | p95 | p99 | max | CPU p50 | CPU p95 | CPU p99 | mean total | facet values |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const row = (name: string, kind: string, m: Figures) =>
      console.log(
        `| ${name} | ${kind} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${m.max.toFixed(0)} ms | ${m.cpu50.toFixed(1)} ms | ${m.cpu95.toFixed(1)} ms | ${m.cpu99.toFixed(1)} ms | ${m.meanTotal.toLocaleString('en')} | ${m.facets} |`,
      );
    const loadBefore = load();
    const [cold, coldBefore] = await measureInterleaved(
      [
        { name: 'term lists', index: now, before: () => now.clearQueryCache() },
        { name: 'one FTS5 pass', index: onePass, before: () => onePass.clearQueryCache() },
      ],
      queries,
    );
    row('term lists (now)', 'cold', cold!);
    row('one FTS5 pass (before)', 'cold', coldBefore!);
    const [inOrder, inOrderBefore] = await measureInterleaved(
      [
        { name: 'term lists', index: now },
        { name: 'one FTS5 pass', index: onePass },
      ],
      queries,
    );
    row('term lists (now)', 'mix in order', inOrder!);
    row('one FTS5 pass (before)', 'mix in order', inOrderBefore!);
    const firstSight = queries.filter((_, i) => i % 5 === 0);
    const [sight] = await measureInterleaved(
      [
        {
          name: 'term lists',
          index: now,
          before: () => {
            now.clearQueryCache();
            now.clearTermLists();
          },
        },
      ],
      firstSight,
    );
    row('term lists (now)', `first sight of every word (${firstSight.length} queries)`, sight!);
    // After a write: one agreement's documents written again (its metadata saved unchanged), then the query.
    const written = library.listIds({}).slice(0, 10);
    let writes = 0;
    const write = () => {
      const id = written[writes++ % written.length]!;
      library.setMeta(id, library.get(id)!.meta);
    };
    write();
    now.clearQueryCache();
    const firstPatch = performance.now();
    await now.search(queries[0]!); // the first patch after the index opened reads every document's length
    const firstPatchMs = performance.now() - firstPatch;
    const afterWrite = (forget: boolean) => async (query: SearchQuery) => {
      await now.search(query); // its words' lists held
      write();
      now.clearQueryCache();
      if (forget) now.clearTermLists();
    };
    const [patched, reread] = await measureInterleaved(
      [
        { name: 'patched', index: now, before: afterWrite(false) },
        { name: 'read again', index: now, before: afterWrite(true) },
      ],
      firstSight,
    );
    row('term lists patched (now)', `first query after a write (${firstSight.length})`, patched!);
    row('term lists read again (before)', `first query after a write (${firstSight.length})`, reread!);
    console.log(
      `After a write: ${writes} writes, the first patch with every document's length read ${firstPatchMs.toFixed(0)} ms; lists read ${now.termListCounts.read}, patched ${now.termListCounts.patched} since the index opened`,
    );
    await now.search(queries[0]!);
    for (const query of queries) await now.search(query); // the lists back for the HTTP runs
    console.log(
      `Load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after; term lists held: ${mb(now.termListBytes)} MB`,
    );
    if (meiliAnswers && meiliUrl) {
      const meili = new MeiliSearchIndex({
        url: meiliUrl,
        ...(process.env.MEILI_API_KEY ? { apiKey: process.env.MEILI_API_KEY } : {}),
        index: `clauses_bench_${target}`,
      });
      const meiliStarted = performance.now();
      await meili.rebuild(eachAgreementWithEvents(library));
      console.log(`Meilisearch indexed in ${((performance.now() - meiliStarted) / 1000).toFixed(0)} s`);
      const [m] = await measureInterleaved([{ name: 'meilisearch', index: meili }], queries);
      row('meilisearch', 'mix in order', m!);
    }
    const http = await httpRates(library, queries, seconds);
    const rss = process.memoryUsage().rss;
    const httpLine = (name: string, r: Awaited<ReturnType<typeof httpRates>>['health']) =>
      `${name} ${r.rps.toFixed(0)} requests/s (p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''})`;
    console.log(
      `HTTP through Hono, 10 connections from a worker thread, ${seconds} s each: ${httpLine('GET /api/health', http.health)}; ${httpLine('GET /api/search, the mix in turn (answers remembered after the first round)', http.remembered)}; ${httpLine('GET /api/search, every request cold', http.cold)}`,
    );
    console.log(`Resident memory of this process (library, index, server): ${mb(rss)} MB`);
    // Issue 19's targets are set at 1,000,000 clauses; at 100,000 they are printed as the same bars.
    // The throughput target is for the search mix as it is sent (its words come back); every request a new
    // query is printed beside it, with one cold query's CPU (the one core that serves spends it on each).
    console.log(
      `Targets at ${documents.toLocaleString('en')} clauses: cold p95 ≤ 20 ms ${met(cold!.p95 <= 20)} (${cold!.p95.toFixed(1)} ms; CPU ${cold!.cpu95.toFixed(1)} ms), cold p99 ≤ 50 ms ${met(cold!.p99 <= 50)} (${cold!.p99.toFixed(1)} ms; CPU ${cold!.cpu99.toFixed(1)} ms), ≥ 1,500 search requests/s through Hono ${met(http.remembered.rps >= 1500)} (${http.remembered.rps.toFixed(0)}, the mix in turn; health ${http.health.rps.toFixed(0)}); every request a new query ${http.cold.rps.toFixed(0)}/s (no target; a cold query's CPU: p50 ${cold!.cpu50.toFixed(1)} ms, mean ${cold!.cpuMean.toFixed(1)} ms, on the one core that serves)`,
    );
    library.close();
  }
  if (!meiliAnswers)
    console.log(
      `Meilisearch: not measured (${meiliUrl ? `${meiliUrl} does not answer` : 'MEILI_URL not set'}).`,
    );
  if (!libraryRoot) rmSync(root, { recursive: true, force: true });
}
