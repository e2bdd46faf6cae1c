/**
 * Search benchmark: builds libraries of N generated agreements (about 100
 * clauses each), then runs a fixed mix of 500 realistic queries — with and
 * without diacritics, phrases, prefixes, filters — with facet counts and
 * totals, against the embedded index and, when MEILI_URL answers, against
 * Meilisearch. Prints p50/p95/p99 latency, build time, database size and
 * peak memory; then measures GET /api/search through Hono with autocannon.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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
  SqliteSearch,
} from '../library/index.ts';
import { createApp } from '../server/app.ts';
import { generateCorpus } from './generate.ts';

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

/**
 * Times every query of the mix. `cold` empties the embedded index's cache of
 * recent matches before each query, so every query ranks its matches afresh.
 */
async function measure(index: SearchIndex, queries: SearchQuery[], cold = false) {
  for (const query of queries.slice(0, 50)) await index.search(query); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const query of queries) {
    if (cold && index instanceof SqliteSearch) index.clearQueryCache();
    const started = performance.now();
    const result = await index.search(query);
    times.push(performance.now() - started);
    hits += result.total;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? 0,
    meanTotal: Math.round(hits / queries.length),
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Requests per second of one URL on a listening server: 10 connections for `seconds`. */
async function rate(base: string, path: string, seconds: number) {
  const result = await autocannon({ url: `${base}${path}`, connections: 10, duration: seconds });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

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
    `Sample library (14 agreements), 10 connections, ${seconds} s each, one run: GET /api/health ${health.rps.toFixed(0)} requests/s (p99 ${health.p99} ms); GET /api/search?q=lương&industry=det-may ${common.rps.toFixed(0)} requests/s (p99 ${common.p99} ms) — ${(common.rps / health.rps).toFixed(2)}× health, ${health.non2xx + common.non2xx} non-2xx`,
  );
  server.close();
  library.close();
  rmSync(dir, { recursive: true, force: true });
}

export async function runSearchBench({
  clauses,
  queries: queryCount,
}: {
  clauses: number[];
  queries: number;
}): Promise<void> {
  await runSampleHttpBench();
  const queries = queryMix(queryCount);
  console.log(
    `Query mix: ${queries.length} distinct queries (${WORDS.length} texts, with and without diacritics, × 8 shapes: alone, industry, province, status, industry + province, second page, topic browse, industry browse); facets and totals always`,
  );
  console.log(
    '| clauses | agreements | engine | import + index | database | p50 | p95 | p99 | max | mean total |',
  );
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  const meiliUrl = process.env.MEILI_URL;
  const meiliAnswers = meiliUrl
    ? await fetch(new URL('/health', meiliUrl)).then(
        (r) => r.ok,
        () => false,
      )
    : false;
  // About 44 clauses per generated agreement; a little more than needed, imported until each target is reached.
  const files = generateCorpus(
    join('bench', 'out', 'search-corpus'),
    Math.ceil((Math.max(...clauses) * 1.05) / 40),
  );
  const dir = mkdtempSync(join(tmpdir(), 'cba-search-bench-'));
  const library = openLibrary(dir);
  const countDocs = () =>
    library.db.prepare("SELECT COUNT(*) FROM search_docs WHERE source = 'agreement'").pluck().get() as number;
  let next = 0;
  let importSeconds = 0;
  for (const target of [...clauses].sort((a, b) => a - b)) {
    const started = performance.now();
    while (next < files.length && countDocs() < target) {
      // Ten at a time between counts: counting a million rows is not free.
      for (const file of files.slice(next, next + 10)) {
        const bytes = readFileSync(file);
        library.add(importDocument(bytes, { filename: basename(file) }), bytes);
      }
      next = Math.min(next + 10, files.length);
    }
    importSeconds += (performance.now() - started) / 1000;
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    const size = statSync(join(dir, DATABASE_FILE)).size;
    const documents = countDocs();
    const row = (engine: string, build: string, database: string, m: Awaited<ReturnType<typeof measure>>) =>
      console.log(
        `| ${documents.toLocaleString('en')} | ${next.toLocaleString('en')} | ${engine} | ${build} | ${database} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${m.max.toFixed(0)} ms | ${m.meanTotal.toLocaleString('en')} |`,
      );
    const loadStarted = performance.now();
    await library.search.search(queries[0]!); // reads the facet columns
    const loadMs = performance.now() - loadStarted;
    const build = `${importSeconds.toFixed(0)} s (+ ${(loadMs / 1000).toFixed(1)} s first query)`;
    row('embedded, cold', build, `${mb(size)} MB`, await measure(library.search, queries, true));
    row('embedded, mix in order', build, `${mb(size)} MB`, await measure(library.search, queries));
    if (meiliAnswers && meiliUrl) {
      const meili = new MeiliSearchIndex({
        url: meiliUrl,
        ...(process.env.MEILI_API_KEY ? { apiKey: process.env.MEILI_API_KEY } : {}),
        index: `clauses_bench_${target}`,
      });
      const meiliStarted = performance.now();
      await meili.rebuild(eachAgreementWithEvents(library));
      row(
        'meilisearch',
        `${((performance.now() - meiliStarted) / 1000).toFixed(0)} s index`,
        '—',
        await measure(meili, queries),
      );
    }
  }
  console.log(`Peak memory (max RSS): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
  if (!meiliAnswers)
    console.log(
      `Meilisearch: not measured (${meiliUrl ? `${meiliUrl} does not answer` : 'MEILI_URL not set'}).`,
    );

  // HTTP: the largest library through Hono and @hono/node-server, 10 connections for 10 s.
  const app = createApp({ library, today: () => '2026-11-23' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const requests = queries.map((query) => {
    const params = new URLSearchParams({ q: query.q, offset: String(query.offset) });
    for (const [key, values] of Object.entries(query.filters))
      for (const value of values as string[]) params.append(key, value);
    return { method: 'GET' as const, path: `/api/search?${params}` };
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 10,
    duration: 10,
    requests,
  });
  console.log(
    `HTTP GET /api/search (${countDocs().toLocaleString('en')} clauses, 10 connections, 10 s, the query mix in turn): ${result.requests.average.toFixed(0)} requests/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx`,
  );
  server.close();
  library.close();
  rmSync(dir, { recursive: true, force: true });
}
