import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAgreement } from '../../bench/generate.ts';
import { queryMix } from '../../bench/search.ts';
import { parseSearchQuery } from '../../clauses/search-text.ts';
import { importDocument } from '../../importer/index.ts';
import { openLibrary } from '../../library/index.ts';
import { SqliteSearch, toFtsQuery } from '../../library/sqlite-search.ts';
import { flagsIn, intersectLists, intersectScored, seek, TermLists } from '../../library/term-lists.ts';
import { addSamples, searchQuery, tempLibrary } from '../helpers.ts';

const ids = (...values: number[]) => Int32Array.from(values);

describe('term lists', () => {
  it('finds the first position at or after a start whose id is at least the one sought, near or far', () => {
    const list = Int32Array.from({ length: 1000 }, (_, k) => k * 2);
    for (const from of [0, 3, 500, 996, 999])
      for (const id of [-1, 0, 1, 6, 7, 998, 1000, 1001, 1994, 1998, 1999, 5000]) {
        const first = list.findIndex((v) => v >= id);
        const expected = Math.max(from, first === -1 ? list.length : first);
        expect(seek(list, id, from), `id ${id} from ${from}`).toBe(expected);
      }
    expect(seek(ids(), 3, 0)).toBe(0);
  });

  it.each([
    [
      [ids(1, 3, 5, 9), ids(3, 4, 5, 9, 12), ids(0, 5, 9)],
      [5, 9],
    ],
    [[ids(1, 2), ids()], []],
    [[ids(7)], [7]],
    [[ids(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 1000), ids(1000)], [1000]],
  ])('intersects ascending id lists %j', (lists, expected) => {
    expect([...intersectLists(lists)]).toEqual(expected);
  });

  it('sums the scores of the documents in every list, list by list in the order given', () => {
    const { ids: found, scores } = intersectScored([
      { ids: ids(1, 2, 3), scores: Float64Array.of(-0.1, -0.2, -0.3) },
      { ids: ids(2, 3, 4), scores: Float64Array.of(-0.7, -0.2, -5) },
    ]);
    expect([...found]).toEqual([2, 3]);
    expect([...scores]).toEqual([-0.2 + -0.7, -0.3 + -0.2]);
  });

  it('flags the ids also found in another list, or in every one of several', () => {
    expect([...flagsIn(ids(1, 4, 6, 9), [ids(4, 5, 9, 10)])]).toEqual([0, 1, 0, 1]);
    expect([...flagsIn(ids(1, 4, 6, 9), [ids(1, 4, 9, 10), ids(4, 6, 9)])]).toEqual([0, 1, 0, 1]);
    expect([...flagsIn(ids(1, 4), [])]).toEqual([1, 1]);
  });

  it('flags, within a long random list, exactly the ids found in every set', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const sample = (share: number) =>
      Int32Array.from({ length: 5_000 }, (_, k) => k).filter(() => random() < share);
    const within = sample(0.3);
    const sets = [sample(0.5), sample(0.9), sample(0.05)];
    const members = sets.map((set) => new Set(set));
    expect([...flagsIn(within, sets)]).toEqual(
      [...within].map((id) => (members.every((m) => m.has(id)) ? 1 : 0)),
    );
  });

  it('reads a term once, answers an unscored request from a scored list, and stays within its bytes', () => {
    const read: string[] = [];
    const lists = new TermLists((expression, scored) => {
      read.push(`${expression}:${scored}`);
      return { ids: new Int32Array(100), scores: scored ? new Float64Array(100) : undefined };
    }, 2_000);
    lists.get('a', true);
    lists.get('a', false);
    lists.get('a', true);
    expect(read).toEqual(['a:true']);
    lists.get('b', true); // 1,200 bytes each: `a` makes room for `b`
    expect(lists.bytes).toBeLessThanOrEqual(2_000);
    lists.get('a', true);
    expect(read).toEqual(['a:true', 'b:true', 'a:true']);
  });
});

/** Every answer of the two ways of matching the words, compared whole (total, facets, hits in order). */
async function expectSameAnswers(
  full: SqliteSearch,
  lists: SqliteSearch,
  queries: Iterable<Parameters<SqliteSearch['search']>[0]>,
) {
  let compared = 0;
  for (const query of queries) {
    full.clearQueryCache();
    lists.clearQueryCache();
    const [a, b] = [await full.search(query), await lists.search(query)];
    expect({ ...b, tookMs: 0 }, JSON.stringify(query)).toEqual({ ...a, tookMs: 0 });
    compared++;
  }
  return compared;
}

describe('words matched from term lists against one FTS5 pass', () => {
  let cleanup: () => void;
  let db: ReturnType<typeof tempLibrary>['library']['db'];
  let full: SqliteSearch;
  let lists: SqliteSearch;
  beforeAll(() => {
    const temp = tempLibrary();
    cleanup = temp.cleanup;
    addSamples(temp.library);
    // Generated agreements beside the samples: many documents share the common words, so scores tie and
    // the order of ties is tested too.
    for (let i = 0; i < 60; i++) {
      const bytes = new TextEncoder().encode(generateAgreement(i));
      temp.library.add(importDocument(bytes, { filename: `synthetic-${i}.md` }), bytes);
    }
    db = temp.library.db;
    full = new SqliteSearch(db, { words: 'fts5' });
    lists = new SqliteSearch(db, { words: 'term-lists' });
  }, 120_000);
  afterAll(() => cleanup());

  it.each([
    'lương',
    'tien an giua ca',
    'tiền ăn giữa ca',
    '"làm thêm giờ" ban đêm',
    'nghi hang na',
    'phụ cấp độc h',
    'lương lương',
  ])('gives bm25 the same bits as FTS5 for %j: each term alone, summed in order', (q) => {
    const parsed = parseSearchQuery(q);
    const bm25 = (match: string) =>
      new Map(
        db
          .prepare(
            'SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.5, 0.0) FROM search_fts WHERE search_fts MATCH ?',
          )
          .raw()
          .all(match) as Array<[number, number]>,
      );
    const whole = bm25(toFtsQuery(parsed));
    expect(whole.size).toBeGreaterThan(0);
    const singles = parsed.terms.map((t) => bm25(toFtsQuery({ terms: [t], foldedWords: t.folded })));
    for (const [id, score] of whole) {
      let sum = 0;
      for (const single of singles) sum += single.get(id)!;
      expect(Object.is(sum, score) || sum === score, `${q} #${id}`).toBe(true);
    }
  });

  const judged = (
    JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'relevance-queries.json'), 'utf8'),
    ) as { queries: Array<{ q: string }> }
  ).queries.map((query) => query.q);

  it('answers every judged query the same: total, facets and hits in order, in three shapes', async () => {
    const queries = judged.flatMap((q) =>
      [{}, { validity: 'all' as const, collapseVersions: true }, { offset: 20 }].map((shape) =>
        searchQuery({ q, ...shape }),
      ),
    );
    expect(await expectSameAnswers(full, lists, queries)).toBeGreaterThan(240);
  }, 120_000);

  it('answers the benchmark mix the same (filters, statuses, pages, prefixes, other orders)', async () => {
    const mix = queryMix(500);
    const sorted = mix.slice(0, 40).map((q) => ({ ...q, sort: 'newest' as const }));
    expect(await expectSameAnswers(full, lists, [...mix, ...sorted])).toBe(540);
  }, 120_000);

  it('reads the lists again after a write: totals and scores follow the library', async () => {
    const query = searchQuery({ q: 'lương' });
    const before = await lists.search(query);
    db.prepare(
      "DELETE FROM search_docs WHERE agreement_id = (SELECT agreement_id FROM search_docs WHERE source = 'agreement' LIMIT 1)",
    ).run();
    full.invalidate();
    lists.invalidate();
    const after = await lists.search(query);
    expect(after.total).toBeLessThan(before.total);
    expect(await expectSameAnswers(full, lists, [query])).toBe(1);
  });
});

describe('term lists patched after writes instead of read again', () => {
  let cleanup: () => void;
  let library: ReturnType<typeof tempLibrary>['library'];
  let dir: string;
  let full: SqliteSearch;
  const queries = [
    ...queryMix(150),
    ...['lương', 'luong', 'tiền ăn giữa ca', 'phụ cấp độc h', '"làm thêm giờ" ban đêm'].map((q) =>
      searchQuery({ q }),
    ),
    // Browsing by a topic or an industry (the facet columns' kept documents of a filter value, followed).
    ...queryMix(500).filter((q) => !q.q),
    // Browsing the whole library page after page: the kept browsing order, patched, against SQL's.
    ...Array.from({ length: 40 }, (_, page) => searchQuery({ q: '', offset: page * 50, limit: 50 })),
  ];
  const add = (i: number, into = library) => {
    const bytes = new TextEncoder().encode(generateAgreement(i));
    return into.add(importDocument(bytes, { filename: `synthetic-${i}.md` }), bytes);
  };
  beforeAll(() => {
    const temp = tempLibrary();
    cleanup = temp.cleanup;
    library = temp.library;
    dir = temp.dir;
    addSamples(library);
    for (let i = 0; i < 40; i++) add(i);
    full = new SqliteSearch(library.db, { words: 'fts5' });
  }, 120_000);
  afterAll(() => cleanup());

  /** The library's own index (its lists kept and patched) answers as one FTS5 pass, and read no list again. */
  async function expectPatched(step: string) {
    full.invalidate(); // another index of the same file: told of the writes as a whole
    const before = library.search.termListCounts;
    expect(await expectSameAnswers(full, library.search, queries), step).toBe(queries.length);
    const after = library.search.termListCounts;
    expect(after.read, `${step}: lists read again`).toBe(before.read);
    expect(after.tailsScored, `${step}: added documents not explained by the probe`).toBe(0);
    return after.patched - before.patched;
  }

  it('answers as FTS5 does, bit for bit, after adds, removals, replacements and a rolled-back write', async () => {
    for (const query of queries) await library.search.search(query); // every list read once
    const read = library.search.termListCounts.read;
    expect(read).toBeGreaterThan(50);

    add(100);
    add(101);
    expect(await expectPatched('two agreements added')).toBeGreaterThan(50);

    const [first, second] = library.listIds({});
    expect(library.remove(first!)).toBe(true);
    expect(await expectPatched('one removed')).toBeGreaterThan(50);

    const agreement = library.get(second!)!;
    library.setMeta(agreement.id, { ...agreement.meta, employer: 'Công ty TNHH Lương Thực Miền Nam' });
    // Signed among the others: its documents move to the middle of the browsing order.
    const middle = library.get(library.listIds({})[20]!)!;
    library.setMeta(middle.id, { ...middle.meta, signedOn: '2019-06-15' });
    add(102);
    expect(await expectPatched('a replacement and an add between two searches')).toBeGreaterThan(50);

    expect(() =>
      library.transaction(() => {
        add(103);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    await expectPatched('a write rolled back');
    expect(library.search.termListCounts.read).toBe(read);
  }, 120_000);

  it('reads a list again, and does not keep it, while a write is not committed', async () => {
    const query = searchQuery({ q: 'lương' });
    await library.search.search(query);
    const { read } = library.search.termListCounts;
    library.db.exec('BEGIN IMMEDIATE');
    add(104);
    library.search.clearQueryCache();
    const inside = await library.search.search(query);
    full.invalidate();
    expect({ ...inside, tookMs: 0 }).toEqual({ ...(await full.search(query)), tookMs: 0 });
    library.db.exec('COMMIT');
    expect(library.search.termListCounts.read).toBeGreaterThan(read);
    await expectPatched('after the commit');
  }, 60_000);

  it("follows another connection's writes from the documents' change log (a command line beside a server)", async () => {
    const other = openLibrary(dir);
    try {
      for (const query of queries) await library.search.search(query);
      const { read } = library.search.termListCounts;
      add(110, other);
      const [first, second] = other.listIds({});
      other.remove(first!);
      const agreement = other.get(second!)!;
      other.setMeta(agreement.id, { ...agreement.meta, province: 'Điện Biên', signedOn: '2018-03-01' });
      other.setGrade(other.listIds({})[5]!, 'A');
      expect(library.changedElsewhere()).toBe(true);
      expect(await expectPatched('written by another connection')).toBeGreaterThan(50);
      expect(library.search.termListCounts.read).toBe(read);

      // A log pruned past what this index read: everything is read again, and the answers are still right.
      add(111, other);
      other.db.exec('DELETE FROM search_changes');
      expect(library.changedElsewhere()).toBe(true);
      full.invalidate();
      expect(await expectSameAnswers(full, library.search, queries)).toBe(queries.length);
      expect(library.search.termListCounts.read).toBeGreaterThan(read);
    } finally {
      other.close();
    }
  }, 120_000);
});
