import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import {
  eachAgreementWithEvents,
  MeiliSearchIndex,
  type SearchIndex,
  type SearchQuery,
  type SqliteLibrary,
} from '../../library/index.ts';
import { addSamples, markedSpans, searchQuery, tempLibrary } from '../helpers.ts';

/**
 * One contract for every search adapter. The Meilisearch leg runs when
 * MEILI_URL answers, in an index of its own that is deleted afterwards.
 */

const MEILI_URL = process.env.MEILI_URL;
const meiliAnswers = MEILI_URL
  ? await fetch(new URL('/health', MEILI_URL))
      .then((r) => r.ok)
      .catch(() => false)
  : false;
if (!meiliAnswers)
  console.info(
    `Meilisearch contract tests skipped: ${MEILI_URL ? `${MEILI_URL} does not answer` : 'MEILI_URL is not set'}`,
  );

const EXTRA = `# Điều 1. Bữa ăn

Chất lượng bữa ăn giữa ca được Công đoàn giám sát hằng tuần.

# Điều 2. Tiền lương

Tiền lương được trả vào ngày 10 hằng tháng.

# Điều 3. Làm việc

Người lao động làm việc thêm 2 giờ khi có yêu cầu đột xuất.
`;

let library: SqliteLibrary;
let cleanup: () => void;
let extraId: string;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  extraId = library.add(
    importDocument(new TextEncoder().encode(EXTRA), { filename: 'kiem-thu-tim-kiem.md' }),
    new TextEncoder().encode(EXTRA),
  ).id;
});
afterAll(() => cleanup());

interface Adapter {
  name: string;
  /** False when the engine does not answer: its leg is reported as skipped. */
  available: boolean;
  /** Meilisearch keeps only the first 10 words of a query. */
  unlimitedWords: boolean;
  open(): Promise<SearchIndex>;
  close(index: SearchIndex): Promise<void>;
}

const adapters: Adapter[] = [
  {
    name: 'embedded (SQLite FTS5)',
    available: true,
    unlimitedWords: true,
    open: async () => library.search,
    close: async () => {},
  },
];
{
  const name = `clauses_test_${process.pid}_${Date.now()}`;
  const url = MEILI_URL ?? 'http://127.0.0.1:7700';
  const headers: Record<string, string> = process.env.MEILI_API_KEY
    ? { Authorization: `Bearer ${process.env.MEILI_API_KEY}` }
    : {};
  adapters.push({
    name: meiliAnswers ? 'meilisearch' : 'meilisearch (skipped: MEILI_URL does not answer)',
    available: meiliAnswers,
    unlimitedWords: false,
    async open() {
      const index = new MeiliSearchIndex({
        url,
        ...(process.env.MEILI_API_KEY ? { apiKey: process.env.MEILI_API_KEY } : {}),
        index: name,
      });
      await index.rebuild(eachAgreementWithEvents(library));
      return index;
    },
    async close() {
      await fetch(new URL(`/indexes/${name}`, url), { method: 'DELETE', headers });
    },
  });
}

describe.each(adapters)('search contract: $name', (adapter) => {
  let index: SearchIndex;
  const it = adapter.available ? test : test.skip;
  beforeAll(async () => {
    if (adapter.available) index = await adapter.open();
  }, 120_000);
  afterAll(async () => {
    if (adapter.available) await adapter.close(index);
  });

  const search = (q: string, overrides: Partial<SearchQuery> = {}) =>
    index.search(searchQuery({ q, ...overrides }));

  it('finds "thỏa ước" typed without diacritics, and both tone-mark styles alike', async () => {
    const folded = await search('thoa uoc');
    expect(folded.total).toBeGreaterThan(10);
    expect((await search('thỏa ước')).total).toBe(folded.total);
    expect((await search('thoả ước')).total).toBe(folded.total);
    expect(markedSpans(folded.hits[0]?.highlight ?? [])).toMatch(/<mark>Thỏa<\/mark> <mark>ước<\/mark>/i);
  });

  it('folds đ to d: "dieu" finds "Điều"', async () => {
    const result = await search('dieu 112');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits[0]?.text).toContain('Điều 112');
  });

  it('"luong" finds lương and lượng; "lương" ranks wage clauses first and "lượng" quantity clauses first', async () => {
    const filters = { agreement: [extraId] };
    const folded = await search('luong', { filters });
    expect(folded.hits.map((h) => h.clauseId).sort()).toEqual(['dieu-1', 'dieu-2']);
    expect((await search('lương', { filters })).hits.map((h) => h.clauseId)).toEqual(['dieu-2', 'dieu-1']);
    expect((await search('lượng', { filters })).hits.map((h) => h.clauseId)).toEqual(['dieu-1', 'dieu-2']);
  });

  it('leaves out the agreements a reader may not see (filters.hidden), whatever else matches', async () => {
    const all = await search('luong');
    const hidden = await search('luong', { filters: { hidden: [extraId] } });
    expect(hidden.hits.some((h) => h.agreementId === extraId)).toBe(false);
    expect(hidden.total).toBe(all.total - 2);
    expect((await search('luong', { filters: { agreement: [extraId], hidden: [extraId] } })).total).toBe(0);
  });

  it('matches a quoted phrase only where its syllables are adjacent', async () => {
    const filters = { agreement: [extraId] };
    expect((await search('lam them gio', { filters })).hits.map((h) => h.clauseId)).toEqual(['dieu-3']);
    expect((await search('"làm thêm giờ"', { filters })).total).toBe(0);
    expect((await search('"lam them gio"')).total).toBeGreaterThan(5);
  });

  it('matches the last word as a prefix while typing', async () => {
    const typing = await search('nghi hang na');
    expect(typing.total).toBeGreaterThan(5);
    expect(markedSpans(typing.hits[0]?.highlight ?? [])).toContain('<mark>năm</mark>');
  });

  (adapter.unlimitedWords ? it : test.skip)('keeps every word of a long query', async () => {
    const eleven = 'người lao động được nghỉ hằng năm ngày làm việc hưởng nguyên lương';
    expect((await search(eleven)).total).toBeGreaterThan(0);
    expect((await search(`${eleven} xyzzy`)).total).toBe(0);
  });

  it('filters by several industries and counts facets over the whole result', async () => {
    const result = await search('', { filters: { industry: ['det-may', 'da-giay'] }, limit: 100 });
    expect(result.total).toBeGreaterThan(20);
    expect(new Set(result.hits.map((h) => h.industry))).toEqual(new Set(['det-may', 'da-giay']));
    expect(Object.keys(result.facets.industry).sort()).toEqual(['da-giay', 'det-may']);
    expect(Object.values(result.facets.industry).reduce((a, b) => a + b, 0)).toBe(result.total);
    expect(Object.values(result.facets.status).reduce((a, b) => a + b, 0)).toBe(result.total);
  });

  it('finds the meal clauses of textile agreements in a province, typed without diacritics', async () => {
    const result = await search('bua an giua ca', {
      filters: { industry: ['det-may'], province: ['Bình Dương'] },
    });
    // Phú Hưng's 2024 agreement and the 2021 one it renewed, where meals were Điều 16.
    expect(new Set(result.hits.map((h) => `${h.agreementId} ${h.path}`))).toEqual(
      new Set(['det-may-phu-hung-2024 Chương V › Điều 17', 'det-may-phu-hung-2021 Chương V › Điều 16']),
    );
    expect(result.hits[0]?.employer).toBe('Công ty TNHH May mặc Phú Hưng');
  });

  it('browses by topic with an empty query, and by status on the day given', async () => {
    const meals = await search('', { filters: { topic: ['meal'] }, limit: 100 });
    expect(meals.total).toBeGreaterThanOrEqual(12);
    expect(meals.hits.every((h) => h.topics.includes('meal'))).toBe(true);
    const continuing = await search('', { filters: { status: ['continuation'] } });
    expect(Object.keys(continuing.facets.industry).sort()).toEqual(['da-giay', 'dien-luc']);
    expect(continuing.facets.status).toEqual({ continuation: continuing.total });
    // Three months later other agreements are in their continuation.
    const later = await search('', { filters: { status: ['continuation'] }, on: '2027-02-20' });
    expect(Object.keys(later.facets.industry).sort()).toEqual(['det-may', 'ngan-hang', 'van-tai', 'y-te']);
  });

  it('filters by district without diacritics and by agreement', async () => {
    const result = await search('', { filters: { district: ['hoang mai'] }, limit: 100 });
    expect(new Set(result.hits.map((h) => h.agreementId))).toEqual(new Set(['van-tai-xe-buyt-thu-do-2024']));
  });

  it('sorts by expiry date', async () => {
    const result = await search('nghi hang nam', { sort: 'expires', limit: 100 });
    const expiries = result.hits.map((h) => h.agreementId);
    expect(expiries[0]).toBe('det-may-phu-hung-2021'); // expired on 31/01/2024, the earliest
  });

  it('keeps the law apart: only with source=law or source=all', async () => {
    const agreements = await search('làm thêm giờ ban đêm', { limit: 100 });
    expect(agreements.hits.every((h) => h.source === 'agreement')).toBe(true);
    const law = await search('làm thêm giờ ban đêm', { source: 'law' });
    expect(law.total).toBeGreaterThan(0);
    expect(law.hits.every((h) => h.source === 'law' && h.agreementId === undefined)).toBe(true);
    expect(law.hits.map((h) => h.path)).toContain('Điều 98 BLLĐ 2019 › khoản 3');
    const all = await search('làm thêm giờ ban đêm', { source: 'all' });
    expect(all.total).toBe(agreements.total + law.total);
  });

  it('pages without overlap', async () => {
    const first = await search('lương', { limit: 5 });
    const second = await search('lương', { limit: 5, offset: 5 });
    expect(first.total).toBe(second.total);
    const ids = [...first.hits, ...second.hits].map((h) => `${h.agreementId}#${h.clauseId}`);
    expect(new Set(ids).size).toBe(10);
  });

  it('forgets a removed agreement and comes back after a rebuild', async () => {
    const filters = { agreement: [extraId] };
    await index.removeAgreement(extraId);
    expect((await search('luong', { filters })).total).toBe(0);
    const report = await index.rebuild(eachAgreementWithEvents(library));
    expect(report.agreements).toBe(17);
    expect((await search('luong', { filters })).total).toBe(2);
  });
});
