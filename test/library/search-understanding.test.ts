import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SqliteLibrary } from '../../library/index.ts';
import { addSamples, markedSpans, searchQuery, tempLibrary } from '../helpers.ts';

/**
 * The embedded index understands how people ask: everyday words and
 * abbreviations through the thesaurus, topics, near matches, one typo; hits
 * carry their agreement's year and status; versions fold into one hit.
 */

let library: SqliteLibrary;
let cleanup: () => void;
beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
});
afterAll(() => cleanup());

const search = (q: string, overrides: Partial<SearchQuery> = {}) =>
  library.search.search(searchQuery({ q, ...overrides }));
const ids = (hits: Array<{ agreementId?: string; clauseId: string }>) =>
  hits.map((h) => `${h.agreementId}#${h.clauseId}`);

describe('search that understands how people ask', () => {
  it('finds the textile meal clause for "tien an giua ca", which textile agreements write "bữa ăn giữa ca"', async () => {
    const result = await search('tien an giua ca', { filters: { industry: ['det-may'] } });
    const meal = result.hits.find(
      (h) => h.agreementId === 'det-may-phu-hung-2024' && h.clauseId === 'dieu-17',
    );
    expect(meal?.match).toBe('thesaurus');
    expect(markedSpans(meal?.highlight ?? [])).toContain(
      '<mark>bữa</mark> <mark>ăn</mark> <mark>giữa</mark> <mark>ca</mark>',
    );
    expect(result.alternatives).toContain('bữa ăn giữa ca');
  });

  it('ranks clauses with the words typed before those found through the thesaurus', async () => {
    const result = await search('tiền ăn giữa ca');
    const matches = result.hits.map((h) => h.match);
    expect(matches[0]).toBe('exact');
    expect(ids(result.hits.slice(0, 2))).toContain('xay-dung-song-hong-2022#dieu-10');
    const firstThesaurus = matches.indexOf('thesaurus');
    expect(firstThesaurus).toBeGreaterThan(0);
    expect(matches.slice(0, firstThesaurus).every((m) => m === 'exact' || m === 'words')).toBe(true);
  });

  it.each([
    ['BHXH', 'da-giay-thai-binh-duong-2023#dieu-17'],
    ['tang ca', 'det-may-phu-hung-2024#dieu-9'],
    ['phep nam', 'dien-tu-tan-phat-2025#dieu-9'],
    ['di du lich', 'dien-tu-tan-phat-2025#dieu-16.khoan-1'],
    ['xe dua ruoc', 'thuy-san-mekong-2025#dieu-13.khoan-1'],
    ['sua doc hai', 'y-te-benh-vien-an-phuoc-2024#dieu-13'],
    ['tien thoi viec', 'det-may-phu-hung-2024#dieu-7'],
  ])('"%s" finds %s in the first ten', async (q, id) => {
    expect(ids((await search(q, { limit: 10 })).hits)).toContain(id);
  });

  it('also finds the clauses of a topic the query names, after those with the words, and offers the topic', async () => {
    const result = await search('tien an', { limit: 100 });
    expect(result.topicSuggestions).toEqual([
      { id: 'meal', label: 'Bữa ăn giữa ca', labelEn: 'Mid-shift meals' },
    ]);
    const matches = result.hits.map((h) => h.match);
    const firstTopic = matches.indexOf('topic');
    expect(firstTopic).toBeGreaterThan(0);
    expect(matches.slice(firstTopic).every((m) => m === 'topic')).toBe(true);
    expect(result.hits.slice(firstTopic).every((h) => h.topics.includes('meal'))).toBe(true);
  });

  it('does not offer a topic already chosen as a filter', async () => {
    const result = await search('tien an', { filters: { topic: ['meal'] } });
    expect(result.topicSuggestions).toBeUndefined();
  });

  it('fills the page with near matches when no clause holds every word, and says so', async () => {
    // A sentence that mentions annual leave, not a topic search: its clauses come as near matches only.
    const result = await search('người lao động được nghỉ hằng năm xyzzy hưởng nguyên lương');
    expect(result.total).toBe(0);
    expect(result.approximate).toBe(true);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.match === 'near')).toBe(true);
    expect(result.hits[0]?.topics).toContain('annual_leave');
  });

  it('does not call a result approximate when the words are found', async () => {
    const result = await search('bữa ăn giữa ca');
    expect(result.approximate).toBeUndefined();
    expect(result.hits.some((h) => h.match === 'near')).toBe(false);
  });

  it.each([
    ['tro cap thoi vjec', 'tro cap thoi viec'],
    ['luogn toi thieu', 'luong toi thieu'],
    ['kham suc khoe dinh kyy', 'kham suc khoe dinh ky'],
  ])('suggests "%s" → "%s" for one typo in a folded word', async (q, suggestion) => {
    expect((await search(q)).didYouMean).toBe(suggestion);
  });

  it('makes no suggestion when every word is in the library', async () => {
    expect((await search('tro cap thoi viec')).didYouMean).toBeUndefined();
  });

  it('gives every agreement hit its year and its status on the query day', async () => {
    const result = await search('bữa ăn giữa ca', { limit: 50 });
    const old = result.hits.find((h) => h.agreementId === 'det-may-phu-hung-2021');
    expect(old).toMatchObject({ year: 2021, status: 'expired' });
    const current = result.hits.find((h) => h.agreementId === 'det-may-phu-hung-2024');
    expect(current).toMatchObject({ year: 2024, status: 'renewal_window' });
    expect(
      result.hits.every((h) => typeof h.year === 'number' || h.agreementId === 'co-khi-hai-phong-ban-chep'),
    ).toBe(true);
  });

  it('keeps expired agreements out when asked for current ones only', async () => {
    const all = await search('bữa ăn giữa ca', { limit: 50 });
    const current = await search('bữa ăn giữa ca', { limit: 50, validity: 'current' });
    expect(all.hits.some((h) => h.status === 'expired')).toBe(true);
    expect(current.hits.some((h) => h.status === 'expired')).toBe(false);
    expect(current.total).toBeLessThan(all.total);
    expect(current.hits.map((h) => h.agreementId)).toContain('che-bien-go-tam-phuoc-2026'); // not yet effective
  });

  it('folds the versions of one agreement into one hit, the newest first, with the others listed', async () => {
    const result = await search('bữa ăn giữa ca', {
      filters: { industry: ['det-may'] },
      collapseVersions: true,
    });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({
      agreementId: 'det-may-phu-hung-2024',
      clauseId: 'dieu-17',
      otherVersions: [{ agreementId: 'det-may-phu-hung-2021', clauseId: 'dieu-16', year: 2021 }],
    });
  });

  it('searches the words as typed only when asked to be literal', async () => {
    const result = await search('tien an giua ca', { literal: true, limit: 100 });
    expect(result.hits.every((h) => h.match === 'exact' || h.match === 'words')).toBe(true);
    expect(result.alternatives).toBeUndefined();
    expect(result.topicSuggestions).toBeUndefined();
  });

  it('keeps lương and lượng apart: the thesaurus never turns one into the other', async () => {
    const result = await search('chất lượng');
    expect(result.alternatives ?? []).not.toContain('chất lương');
    expect(
      result.hits.every((h) => /lượng/i.test(`${h.heading ?? ''} ${h.text}`) || h.match !== 'exact'),
    ).toBe(true);
  });
});
