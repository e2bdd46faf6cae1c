import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../clauses/search-text.ts';
import { foldText } from '../../clauses/text.ts';
import { searchedPhrases } from '../../clauses/thesaurus.ts';
import {
  intersectSorted,
  notedPhrase,
  notePhrasesIfStale,
  phrasesIn,
  uniteSorted,
} from '../../library/search-phrases.ts';
import { SqliteSearch } from '../../library/sqlite-search.ts';
import { addSamples, searchQuery, tempLibrary } from '../helpers.ts';

describe('the phrases noted at import', () => {
  it.each([
    ['Công ty cấp bữa ăn giữa ca cho người lao động.', ['bua an giua ca', 'nguoi lao dong']],
    // FTS5 matches a phrase across punctuation: so does the note.
    ['Bữa ăn, giữa ca', ['bua an giua ca']],
    ['Tiền lương làm thêm giờ được trả như sau', ['lam them gio']],
    ['Người lao động-được nghỉ', []],
  ])('finds the thesaurus phrases written in %j, word by word as FTS5 cuts them', (text, expected) => {
    const found = phrasesIn([foldText(text)]);
    for (const phrase of expected) expect(found).toContain(phrase);
    if (expected.length === 0) expect(found).not.toContain('nguoi lao dong duoc');
  });

  it('does not run a phrase from one column into the next', () => {
    expect(phrasesIn(['tien an', 'giua ca'])).not.toContain('an giua ca');
    expect(phrasesIn(['tien an giua ca'])).toContain('an giua ca');
  });

  it('answers from the note only for a thesaurus phrase, never for a prefix or a single word', () => {
    expect(searchedPhrases()).toContain('bua an giua ca');
    const [phrase] = parseSearchQuery('"bữa ăn giữa ca"').terms;
    expect(phrase && notedPhrase(phrase)).toBe('bua an giua ca');
    const [word] = parseSearchQuery('luong ').terms;
    expect(word && notedPhrase(word)).toBeUndefined();
    const [unknown] = parseSearchQuery('"ca giua an bua"').terms;
    expect(unknown && notedPhrase(unknown)).toBeUndefined();
  });

  it.each([
    [
      [
        [1, 3, 5, 9],
        [3, 4, 5, 9, 12],
        [0, 5, 9],
      ],
      [5, 9],
    ],
    [[[1, 2], []], []],
    [[[7]], [7]],
  ])('intersects ascending id lists %j', (lists, expected) => {
    expect([...intersectSorted(lists)]).toEqual(expected);
  });

  it('unites ascending id lists, each id once, ascending', () => {
    expect([...uniteSorted([[1, 5, 9], [2, 5, 10], [9]])]).toEqual([1, 2, 5, 9, 10]);
  });
});

describe('alternatives answered from the noted phrases', () => {
  let cleanup: () => void;
  let fts5: SqliteSearch;
  let db: ReturnType<typeof tempLibrary>['library']['db'];
  let phrases: SqliteSearch;
  beforeAll(() => {
    const temp = tempLibrary();
    cleanup = temp.cleanup;
    addSamples(temp.library);
    db = temp.library.db;
    fts5 = new SqliteSearch(temp.library.db, { alternatives: 'fts5' });
    // Every alternative ranked by bm25, as the phrase passes did: the answers must then be the same.
    phrases = new SqliteSearch(temp.library.db, {
      alternatives: 'phrases',
      scoringBudget: Number.POSITIVE_INFINITY,
    });
  }, 60_000);
  afterAll(() => cleanup());

  const judged = (
    JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'relevance-queries.json'), 'utf8'),
    ) as {
      queries: Array<{ q: string }>;
    }
  ).queries.map((query) => query.q);

  it('gives the same answers as FTS5 phrase passes: total, facets and hits, for every judged query', async () => {
    expect(judged.length).toBeGreaterThan(80);
    for (const q of judged) {
      for (const shape of [{}, { validity: 'all' as const, collapseVersions: true }, { offset: 20 }]) {
        const query = searchQuery({ q, ...shape });
        const [a, b] = [await fts5.search(query), await phrases.search(query)];
        expect({ ...b, tookMs: 0 }, q).toEqual({ ...a, tookMs: 0 });
      }
    }
  }, 120_000);

  it('notes every document again when the thesaurus phrases change, and only then', () => {
    const rows = () => db.prepare('SELECT phrase, doc FROM search_phrases ORDER BY phrase, doc').raw().all();
    const noted = rows();
    expect(noted.length).toBeGreaterThan(100);
    expect(notePhrasesIfStale(db)).toBe(0);
    db.exec("DELETE FROM search_phrases; UPDATE search_phrase_set SET fingerprint = 'an older thesaurus'");
    const documents = db.prepare('SELECT COUNT(*) FROM search_docs').pluck().get();
    expect(notePhrasesIfStale(db)).toBe(documents);
    expect(rows()).toEqual(noted);
  });
});
