/**
 * Ranking tiers of the embedded index. A text query gathers candidates from
 * several sources — every word with the diacritics typed, every word folded,
 * the thesaurus's alternative phrasings, the clauses of a topic the query
 * names, and, when those find fewer than a handful, clauses with most of the
 * words — and ranks them tier by tier, bm25 (or the share of words found)
 * within a tier. Keys are lower-is-better numbers: `tier × 1000 + within`.
 */

import { uniteSorted } from './search-phrases.ts';
import type { HitMatch } from './search-types.ts';
import { seek } from './term-lists.ts';

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

/**
 * Candidates and their ranking keys, one entry per document. The words' matches alone carry no keys: each
 * is made from the match's bm25 and whether it has the diacritics typed when it is looked at, since an
 * array of keys for a common word's 160,000 matches costs more to fill than the query's counting.
 */
export interface RankedCandidates {
  ids: Int32Array;
  keys?: Float64Array | undefined;
  /** bm25 of each candidate, when `keys` is absent. */
  scores?: Float64Array | undefined;
  /** 1 where the candidate has the accented words with their diacritics, when `keys` is absent. */
  exact?: Uint8Array | undefined;
}

/** The ranking key of the candidate at position `k`. */
export function keyAt({ keys, scores, exact }: RankedCandidates, k: number): number {
  return keys ? keys[k]! : rankKey(exact?.[k] ? TIERS.exact : TIERS.words, scores?.[k] ?? 0);
}

/** A source of candidates: ids with a key for each, or one key for all. */
export interface CandidateSource {
  ids: ArrayLike<number>;
  keys: ArrayLike<number> | number;
}

/**
 * Unites sources into one list, each document once with its best key.
 * Documents are numbered by SQLite rowid, so a typed array indexed by id
 * dedupes in one pass.
 *
 * @param scratch zeros, at least one longer than the highest id, used and given back zeroed: a fresh array
 *   the size of the library on every query cost more than the merge (its pages are new memory each time)
 */
export function mergeCandidates(
  sources: readonly CandidateSource[],
  scratch?: Int32Array,
): { ids: Int32Array; keys: Float64Array } {
  let maxId = 0;
  let count = 0;
  for (const { ids } of sources) {
    count += ids.length;
    for (let k = 0; k < ids.length; k++) if (ids[k]! > maxId) maxId = ids[k]!;
  }
  const at = scratch && scratch.length > maxId ? scratch : new Int32Array(maxId + 1);
  const ids = new Int32Array(count);
  const keys = new Float64Array(count);
  let n = 0;
  for (const source of sources) {
    const own = typeof source.keys === 'number' ? undefined : source.keys;
    const one = typeof source.keys === 'number' ? source.keys : 0;
    for (let k = 0; k < source.ids.length; k++) {
      const id = source.ids[k]!;
      const key = own ? own[k]! : one;
      const position = at[id]!;
      if (position === 0) {
        ids[n] = id;
        keys[n] = key;
        n++;
        at[id] = n;
      } else if (key < keys[position - 1]!) keys[position - 1] = key;
    }
  }
  for (let k = 0; k < n; k++) at[ids[k]!] = 0;
  return { ids: ids.subarray(0, n), keys: keys.subarray(0, n) };
}

/** The ids of documents holding one term, for counting how many of a query's terms a document holds. */
export type TermPostings = ArrayLike<number>;

/** Documents with their share of a query's terms: ascending ids, each share above 0. */
export interface Coverage {
  ids: Int32Array;
  shares: Float64Array;
}

/** The share of one document in a coverage, 0 when it falls short (binary search). */
export function shareOf({ ids, shares }: Coverage, id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return ids[low] === id ? shares[low]! : 0;
}

/** The best share of each document over two coverages (both ascending). */
function bestOf(a: Coverage, b: Coverage): Coverage {
  if (a.ids.length === 0) return b;
  if (b.ids.length === 0) return a;
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const shares = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i]! : Number.POSITIVE_INFINITY;
    const y = j < b.ids.length ? b.ids[j]! : Number.POSITIVE_INFINITY;
    if (x < y) {
      ids[n] = x;
      shares[n++] = a.shares[i++]!;
    } else if (y < x) {
      ids[n] = y;
      shares[n++] = b.shares[j++]!;
    } else {
      ids[n] = x;
      shares[n++] = Math.max(a.shares[i++]!, b.shares[j++]!);
    }
  }
  return { ids: ids.subarray(0, n), shares: shares.subarray(0, n) };
}

/**
 * How well each document covers a set of terms: the share of the terms'
 * weight (rarer terms weigh more, as in idf) it holds, counting only
 * documents that hold at least `need` of the terms.
 *
 * A document holding `need` of `m` terms holds one of any `m − need + 1` of them, so only the documents of
 * the rarest `m − need + 1` lists are looked at, and the others are galloped through for them: the
 * commonest word of a query (`công`, in every document) is never walked. Each document's weight is added
 * in the terms' order, so the shares are the same numbers as adding every list into an array by id.
 *
 * @param sets term sets (the query's words, the words of its best alternatives), each as ascending postings per term
 * @param documents how many documents the index holds (for the idf)
 * @param need at least this many terms of a set (default: one of two, else more than half)
 * @returns the documents reaching `need` in some set, ascending, with their best share (0–1) over the sets
 */
export function coverage(
  sets: ReadonlyArray<readonly TermPostings[]>,
  documents: number,
  need?: number,
): Coverage {
  let result: Coverage = { ids: new Int32Array(0), shares: new Float64Array(0) };
  for (const postings of sets) {
    const m = postings.length;
    if (m === 0) continue;
    const least = Math.max(1, need ?? (m <= 2 ? 1 : Math.floor(m / 2) + 1));
    if (least > m) continue;
    const weights = postings.map((p) => Math.log(1 + documents / (1 + p.length)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const rarest = [...postings].sort((a, b) => a.length - b.length).slice(0, m - least + 1);
    const candidates = uniteSorted(rarest);
    const at = new Int32Array(m);
    const ids = new Int32Array(candidates.length);
    const shares = new Float64Array(candidates.length);
    let n = 0;
    for (let c = 0; c < candidates.length; c++) {
      const id = candidates[c]!;
      let count = 0;
      let weight = 0;
      for (let t = 0; t < m; t++) {
        const list = postings[t]!;
        const p = seek(list, id, at[t]!);
        at[t] = p;
        if (p < list.length && list[p] === id) {
          count++;
          weight += weights[t]!;
        }
      }
      if (count < least) continue;
      ids[n] = id;
      shares[n++] = weight / total;
    }
    result = bestOf(result, { ids: ids.subarray(0, n), shares: shares.subarray(0, n) });
  }
  return result;
}
