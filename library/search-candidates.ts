/**
 * Ranking tiers of the embedded index. A text query gathers candidates from
 * several sources — every word with the diacritics typed, every word folded,
 * the thesaurus's alternative phrasings, the clauses of a topic the query
 * names, and, when those find fewer than a handful, clauses with most of the
 * words — and ranks them tier by tier, bm25 (or the share of words found)
 * within a tier. Keys are lower-is-better numbers: `tier × 1000 + within`.
 */

import type { HitMatch } from './search-types.ts';

export const TIERS = {
  exact: 0,
  words: 1,
  /** Alternatives weighing 0.9 or more (abbreviations, spellings). */
  thesaurusClose: 2,
  /** Synonyms (0.8 and the query without its question words). */
  thesaurus: 3,
  /** Combined or one-way replacements, below 0.8. */
  thesaurusFar: 4,
  topic: 5,
  near: 6,
} as const;

const SPAN = 1000;

/** Fewer strong matches than this (across the library) and near matches are added. */
export const NEAR_THRESHOLD = 5;

/** The tier of an alternative phrasing, by its weight. */
export function alternativeTier(weight: number): number {
  if (weight >= 0.9) return TIERS.thesaurusClose;
  if (weight >= 0.8) return TIERS.thesaurus;
  return TIERS.thesaurusFar;
}

/** A ranking key: the tier first, then `within` (bm25: negative, lower is better), kept inside the tier. */
export function rankKey(tier: number, within: number): number {
  return tier * SPAN + Math.max(-(SPAN - 1), Math.min(0, within));
}

export function tierOfKey(key: number): number {
  return Math.floor((key + SPAN - 1) / SPAN);
}

export function matchOfKey(key: number): HitMatch {
  const tier = tierOfKey(key);
  if (tier <= TIERS.exact) return 'exact';
  if (tier === TIERS.words) return 'words';
  if (tier < TIERS.topic) return 'thesaurus';
  return tier === TIERS.topic ? 'topic' : 'near';
}

/** Candidates and their ranking keys, one entry per document. */
export interface RankedCandidates {
  ids: Int32Array;
  keys: Float64Array;
}

/** A source of candidates: ids with a key for each (or one key for all). */
export interface CandidateSource {
  ids: ArrayLike<number>;
  key: (position: number) => number;
}

/**
 * Unites sources into one list, each document once with its best key.
 * Documents are numbered by SQLite rowid, so a typed array indexed by id
 * dedupes in one pass.
 */
export function mergeCandidates(sources: readonly CandidateSource[]): RankedCandidates {
  let maxId = 0;
  let count = 0;
  for (const { ids } of sources) {
    count += ids.length;
    for (let k = 0; k < ids.length; k++) if (ids[k]! > maxId) maxId = ids[k]!;
  }
  const at = new Int32Array(maxId + 1);
  const ids = new Int32Array(count);
  const keys = new Float64Array(count);
  let n = 0;
  for (const source of sources) {
    for (let k = 0; k < source.ids.length; k++) {
      const id = source.ids[k]!;
      const key = source.key(k);
      const position = at[id]!;
      if (position === 0) {
        ids[n] = id;
        keys[n] = key;
        n++;
        at[id] = n;
      } else if (key < keys[position - 1]!) keys[position - 1] = key;
    }
  }
  return { ids: ids.subarray(0, n), keys: keys.subarray(0, n) };
}

/** The ids of documents holding one term, for counting how many of a query's terms a document holds. */
export type TermPostings = ArrayLike<number>;

/**
 * How well each document covers a set of terms: the share of the terms'
 * weight (rarer terms weigh more, as in idf) it holds, counting only
 * documents that hold at least `need` of the terms.
 *
 * @param sets term sets (the query's words, the words of its best alternatives), each as postings per term
 * @param documents how many documents the index holds (for the idf)
 * @param need at least this many terms of a set (default: one of two, else more than half)
 * @returns by document id, the best share (0–1) over the sets; 0 for documents that fall short
 */
export function coverage(
  sets: ReadonlyArray<readonly TermPostings[]>,
  documents: number,
  need?: number,
): Float64Array {
  let maxId = 0;
  for (const postings of sets)
    for (const ids of postings) for (let k = 0; k < ids.length; k++) if (ids[k]! > maxId) maxId = ids[k]!;
  const best = new Float64Array(maxId + 1);
  const weight = new Float64Array(maxId + 1);
  const count = new Uint8Array(maxId + 1);
  for (const postings of sets) {
    if (postings.length === 0) continue;
    const least = need ?? (postings.length <= 2 ? 1 : Math.floor(postings.length / 2) + 1);
    const weights = postings.map((p) => Math.log(1 + documents / (1 + p.length)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    weight.fill(0);
    count.fill(0);
    postings.forEach((ids, t) => {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        count[id]!++;
        weight[id]! += weights[t]!;
      }
    });
    for (const ids of postings)
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (count[id]! < least) continue;
        const share = weight[id]! / total;
        if (share > best[id]!) best[id] = share;
      }
  }
  return best;
}
