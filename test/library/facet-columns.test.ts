import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOPICS } from '../../clauses/index.ts';
import { FacetColumns, MAX_TOPICS } from '../../library/facet-columns.ts';
import type { SearchQuery } from '../../library/index.ts';

// The facet columns pack each clause's topics in two 32-bit masks: 64 topics fit, a 65th must be refused
// rather than share a bit with another topic.

const topicIds = (n: number) => Array.from({ length: n }, (_, i) => `topic_${i + 1}`);

let db: BetterSqlite3.Database;
beforeEach(() => {
  db = new BetterSqlite3(':memory:');
  db.exec(`CREATE TABLE search_docs (id INTEGER PRIMARY KEY, source TEXT, agreement_id TEXT, industry TEXT,
    province TEXT, district_folded TEXT, level TEXT, grade TEXT, topics TEXT, effective_on TEXT, expires_on TEXT)`);
  const insert = db.prepare("INSERT INTO search_docs (id, source, topics) VALUES (?, 'agreement', ?)");
  insert.run(1, 'topic_1 topic_33');
  insert.run(2, 'topic_32 topic_64');
  insert.run(3, 'topic_64');
  insert.run(4, 'topic_65');
});
afterEach(() => db.close());

const query = (topic?: string[]): SearchQuery => ({
  q: '',
  filters: topic ? { topic } : {},
  source: 'agreements',
  sort: 'relevance',
  limit: 20,
  offset: 0,
  on: '2026-11-23',
});

describe('topic masks of the facet columns', () => {
  it('hold the topics of topics.json', () => {
    expect(TOPICS.length).toBeLessThanOrEqual(MAX_TOPICS);
  });

  it('count and filter each of 64 topics on its own bit, the last ones included', () => {
    const columns = FacetColumns.load(db, topicIds(64));
    expect(columns.count(undefined, query()).facets.topic).toEqual({
      topic_64: 2,
      topic_1: 1,
      topic_32: 1,
      topic_33: 1,
    });
    expect(columns.count(undefined, query(['topic_64'])).total).toBe(2);
    expect(columns.count(undefined, query(['topic_32'])).total).toBe(1);
    expect(columns.count(undefined, query(['topic_1', 'topic_33'])).total).toBe(1);
  });

  it('refuse a 65th topic with an error that names it and says where to act', () => {
    expect(() => FacetColumns.load(db, topicIds(65))).toThrow(
      /Cannot index 65 topics: .* 64 bits .*"topic_65".*clauses\/data\/topics\.json/,
    );
  });

  it('stop the library from loading when topics.json holds a 65th topic', async () => {
    vi.resetModules();
    vi.doMock('../../clauses/topics.ts', () => ({ TOPICS: topicIds(65).map((id) => ({ id })) }));
    try {
      await expect(import('../../library/facet-columns.ts')).rejects.toThrow(/Cannot index 65 topics/);
    } finally {
      vi.doUnmock('../../clauses/topics.ts');
      vi.resetModules();
    }
  });
});

describe('documents of filter values and passing positions', () => {
  const withFilters = (filters: SearchQuery['filters']): SearchQuery => ({ ...query(), filters });

  beforeEach(() => {
    db.exec(`UPDATE search_docs SET industry = 'det-may', province = 'Hà Nội' WHERE id IN (1, 3);
      UPDATE search_docs SET industry = 'xay-dung', province = 'Hà Nội' WHERE id = 2`);
  });

  it.each<[string, SearchQuery['filters'], number[] | undefined]>([
    ['no filter of a column', {}, undefined],
    ['one industry', { industry: ['det-may'] }, [1, 3]],
    ['the fewest of industry and province', { industry: ['xay-dung'], province: ['Hà Nội'] }, [2]],
    ['topics, any of them', { topic: ['topic_1', 'topic_32'] }, [1, 2]],
    ['an industry nobody has', { industry: ['thuy-san'] }, []],
  ])('lists the documents that can pass %s', (_, filters, expected) => {
    const columns = FacetColumns.load(db, topicIds(64));
    const found = columns.filtered(withFilters(filters));
    expect(found && [...found]).toEqual(expected);
    const passed = new Int32Array(columns.length);
    const all = columns.count(undefined, withFilters(filters), passed);
    if (found) expect(columns.count(found, withFilters(filters))).toEqual(all);
  });

  it('writes the positions of the documents that pass, and stops after as many as asked', () => {
    const columns = FacetColumns.load(db, topicIds(64));
    const passed = new Int32Array(4);
    const ids = Int32Array.of(4, 3, 2, 1);
    expect(columns.count(ids, withFilters({ province: ['Hà Nội'] }), passed).total).toBe(3);
    expect([...passed.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect(columns.count(ids, withFilters({ province: ['Hà Nội'] }), passed, 1).total).toBe(1);
  });
});
