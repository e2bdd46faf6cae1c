/**
 * FTS5's bm25 for one phrase, recomputed from its parts so that a kept term list can be rescored after a
 * write changes the library's totals (row count, token count, the phrase's match count) instead of being
 * read again. The arithmetic is fts5Bm25Function's (sqlite ext/fts5/fts5_aux.c, k1 = 1.2, b = 0.75) in
 * its own order of operations; the idf is taken from SQLite's `ln` (the C library's `log`, as FTS5 uses),
 * not from `Math.log`, which need not agree in the last bit. `frequencyOf` is the safety net a patch
 * uses entry by entry (a frequency only when it reproduces the score exactly).
 */

const K1 = 1.2;
const B = 0.75;

/** The library-wide totals a score depends on. */
export interface Bm25Totals {
  /** Rows in the index (FTS5's xRowCount). */
  rows: number;
  /** Tokens in all columns of all rows (xColumnTotalSize(-1)). */
  tokens: number;
}

/** The argument of FTS5's idf logarithm for a phrase matching `hits` of `rows` rows. */
export const idfArgument = (rows: number, hits: number): number => (rows - hits + 0.5) / (hits + 0.5);

/** FTS5's idf from the logarithm of `idfArgument` (computed by SQLite's `ln`): never ≤ 0. */
export const idfFromLog = (log: number): number => (log <= 0 ? 1e-6 : log);

/**
 * One phrase's bm25 in one row, as FTS5 returns it (lower is better): `idf` from `idfFromLog`, `freq` the
 * sum of the column weights over the phrase's instances in the row, `length` the row's tokens in all
 * columns.
 */
export const bm25Score = (idf: number, freq: number, length: number, totals: Bm25Totals): number => {
  const avgdl = totals.tokens / totals.rows;
  const score = 0.0 + idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * length) / avgdl)));
  return -1.0 * score;
};

/** SQLite's varints (FTS5's averages record): 7 bits a byte, high bit set to continue; the ninth byte whole. */
const readVarints = (block: Uint8Array): number[] => {
  const out: number[] = [];
  let i = 0;
  while (i < block.length) {
    let value = 0;
    for (let n = 0; ; n++) {
      const byte = block[i++] as number;
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) break;
    }
    out.push(value);
  }
  return out;
};

/**
 * The totals FTS5 itself scores with, from its averages record (`SELECT block FROM <table>_data WHERE
 * id = 1`): the row count, then one token total per column. These, not a count of the rows, are what a
 * patched list must be scored with: after deletes from a contentless table they need not equal a recount.
 */
export const totalsFromAverages = (block: Uint8Array): Bm25Totals => {
  const [rows = 0, ...columns] = readVarints(block);
  return { rows, tokens: columns.reduce((sum, c) => sum + c, 0) };
};

/**
 * The phrase's frequency in a row that gives `score` (FTS5's, lower is better), when one reproduces it
 * exactly: the inverse of `bm25Score`, rounded to the half (a sum of column weights 4, 1 and 0.5 over the
 * phrase's instances) and checked. Undefined when no such frequency reproduces the score to the last bit
 * (other weights, or a score these parts do not explain): the list must then be read again.
 */
export const frequencyOf = (
  score: number,
  idf: number,
  length: number,
  totals: Bm25Totals,
): number | undefined => {
  const avgdl = totals.tokens / totals.rows;
  const r = -score / idf;
  const k = K1 * (1 - B + (B * length) / avgdl);
  const freq = Math.round((2 * r * k) / (K1 + 1 - r)) / 2;
  return freq >= 0 && Object.is(bm25Score(idf, freq, length, totals), score) ? freq : undefined;
};
