import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  type Bm25Totals,
  bm25Score,
  frequencyOf,
  idfArgument,
  idfFromLog,
  totalsFromAverages,
} from '../../library/bm25-parts.ts';

/**
 * Whether the parts reproduce FTS5's scores of a list exactly (`Object.is`, so -0 and NaN count too).
 */
const scoresAgree = (
  fts5: Float64Array,
  idf: number,
  freqs: Float64Array,
  lengths: ArrayLike<number>,
  totals: Bm25Totals,
): boolean => {
  if (fts5.length !== freqs.length || fts5.length !== lengths.length) return false;
  for (let i = 0; i < fts5.length; i++) {
    if (!Object.is(fts5[i], bm25Score(idf, freqs[i] as number, lengths[i] as number, totals))) return false;
  }
  return true;
};

const WEIGHTS = [4.0, 1.0, 0.5, 0.0];
const WORDS = ['luong', 'thuong', 'ca', 'dem', 'nghi', 'phep', 'tro', 'cap', 'an', 'trua'];

/** Row `n`'s four columns: words picked by a small congruential generator, so every run has the same text. */
const rowText = (n: number, salt: number): string[] => {
  let state = n * 7919 + salt;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return [1 + (next() % 4), 3 + (next() % 20), 1 + (next() % 3), 2 + (next() % 6)].map((count) =>
    Array.from({ length: count }, () => WORDS[next() % WORDS.length]).join(' '),
  );
};

/** An index shaped like search_fts, with each row's text kept beside it to know the parts. */
const index = () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(heading_f, text_f, employer_f, exact,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')`);
  const rows = new Map<number, string[][]>();
  const recounted: { rows: number; tokens: number; fts5: { rows: number; tokens: number } }[] = [];
  const insert = db.prepare(
    'INSERT INTO fts (rowid, heading_f, text_f, employer_f, exact) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM fts WHERE rowid = ?');
  const ln = db.prepare<[number], { v: number }>('SELECT ln(?) AS v');
  const averages = db.prepare<[], { block: Buffer }>('SELECT block FROM fts_data WHERE id = 1');
  const scored = db.prepare<[string], { rowid: number; score: number }>(
    'SELECT rowid, bm25(fts, 4.0, 1.0, 0.5, 0.0) AS score FROM fts WHERE fts MATCH ? ORDER BY rowid',
  );
  return {
    add(id: number, salt: number) {
      const columns = rowText(id, salt);
      insert.run(id, ...columns);
      rows.set(
        id,
        columns.map((c) => c.split(' ')),
      );
    },
    remove(id: number) {
      remove.run(id);
      rows.delete(id);
    },
    recounted,
    fts5: (expression: string) => scored.all(expression),
    /** The parts of `word`'s list: freq and length of each matching row, the totals, the idf from SQLite. */
    parts(word: string, ids: number[]) {
      let tokens = 0;
      for (const columns of rows.values()) for (const c of columns) tokens += c.length;
      const totals = totalsFromAverages(averages.get()?.block ?? new Uint8Array());
      recounted.push({ rows: rows.size, tokens, fts5: totals });
      const freqs = Float64Array.from(ids, (id) => {
        let freq = 0;
        (rows.get(id) ?? []).forEach((c, col) => {
          for (const w of c) if (w === word) freq += WEIGHTS[col] as number;
        });
        return freq;
      });
      const lengths = ids.map((id) => (rows.get(id) ?? []).reduce((sum, c) => sum + c.length, 0));
      const idf = idfFromLog(ln.get(idfArgument(totals.rows, ids.length))?.v ?? Number.NaN);
      return { totals, freqs, lengths, idf };
    },
  };
};

describe('bm25 from its parts', () => {
  it('reproduces FTS5 bit for bit for every word, before and after adds, replacements and removals', () => {
    const fts = index();
    for (let id = 1; id <= 400; id++) fts.add(id, 0);
    const check = () => {
      for (const word of WORDS) {
        const found = fts.fts5(word);
        expect(found.length).toBeGreaterThan(0);
        const { totals, freqs, lengths, idf } = fts.parts(
          word,
          found.map((r) => r.rowid),
        );
        expect(
          scoresAgree(
            Float64Array.from(found, (r) => r.score),
            idf,
            freqs,
            lengths,
            totals,
          ),
        ).toBe(true);
      }
    };
    check();
    for (let id = 401; id <= 450; id++) fts.add(id, 0); // adds
    for (let id = 10; id <= 30; id++) {
      fts.remove(id);
      fts.add(id, 1); // the same rows with other text
    }
    for (let id = 100; id <= 160; id++) fts.remove(id); // removals
    check();
    // Why the totals come from FTS5's averages record, not a recount: in this build a delete from the
    // contentless table leaves them as they were, so FTS5 scores with every row ever inserted.
    expect(fts.recounted.at(-1)).toMatchObject({ rows: 389, fts5: { rows: 400 + 50 + 21 } });
  });

  it('recovers the frequency in each row from its FTS5 score, and nothing from a score it does not explain', () => {
    const fts = index();
    for (let id = 1; id <= 300; id++) fts.add(id, 0);
    for (const word of ['luong', 'ca', 'trua']) {
      const found = fts.fts5(word);
      const { totals, freqs, lengths, idf } = fts.parts(
        word,
        found.map((r) => r.rowid),
      );
      found.forEach((row, i) => {
        expect(frequencyOf(row.score, idf, lengths[i] as number, totals)).toBe(freqs[i]);
        const nextDown = row.score - Number.EPSILON * Math.max(1, Math.abs(row.score));
        expect(frequencyOf(nextDown, idf, lengths[i] as number, totals)).toBeUndefined();
      });
    }
  });

  it('clamps a non-positive idf to 1e-6 as FTS5 does (a word in more than half the rows)', () => {
    expect(idfFromLog(Math.log(idfArgument(10, 8)))).toBe(1e-6);
    expect(bm25Score(1e-6, 1, 10, { rows: 10, tokens: 100 })).toBeLessThan(0);
  });

  it('refuses a list whose scores it does not reproduce: one score off by one ulp, an OR, a prefix', () => {
    const fts = index();
    for (let id = 1; id <= 200; id++) fts.add(id, 0);
    const found = fts.fts5('luong');
    const { totals, freqs, lengths, idf } = fts.parts(
      'luong',
      found.map((r) => r.rowid),
    );
    const scores = Float64Array.from(found, (r) => r.score);
    expect(scoresAgree(scores, idf, freqs, lengths, totals)).toBe(true);
    const off = scores.slice();
    const view = new BigInt64Array(off.buffer);
    view[3] = (view[3] as bigint) + 1n;
    expect(scoresAgree(off, idf, freqs, lengths, totals)).toBe(false);
    expect(scoresAgree(scores.subarray(1), idf, freqs, lengths, totals)).toBe(false);
    for (const expression of ['luong OR dem', 'lu* OR de*']) {
      const other = fts.fts5(expression);
      const p = fts.parts(
        'luong',
        other.map((r) => r.rowid),
      );
      expect(
        scoresAgree(
          Float64Array.from(other, (r) => r.score),
          p.idf,
          p.freqs,
          p.lengths,
          p.totals,
        ),
      ).toBe(false);
    }
  });
});
