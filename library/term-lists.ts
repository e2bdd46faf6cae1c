/**
 * The posting lists of single query terms, held in memory as typed arrays: each term's documents
 * (ascending ids) with the term's own bm25 score in each. A query of several words is then the
 * intersection of its terms' lists, its score the sum of theirs — which is how FTS5's bm25 adds up the
 * phrases of an AND query (each phrase's idf × its saturated frequency, summed in the query's order), so
 * the answers are the same as one FTS5 pass over the whole query, bit for bit. What that saves: FTS5
 * scores every match of every query afresh (about 1 µs a match, with a read of the document's size), and
 * a common word (`lương`, a sixth of the library) has hundreds of thousands; here a list is read once,
 * kept (bounded by bytes, least recently used first out) until the next write, and intersecting and
 * summing typed arrays costs a few nanoseconds a document.
 */

import { LRUCache } from 'lru-cache';

/** One term's documents, ascending, with its bm25 score in each when the list is scored. */
export interface TermList {
  ids: Int32Array;
  scores: Float64Array | undefined;
}

/** Reads one term's list from the index: `scored` adds its bm25 in each document. */
export type ReadTermList = (expression: string, scored: boolean) => TermList;

/** Bytes of term lists kept by default: 12 bytes a scored entry, so some 16 million entries. */
export const DEFAULT_TERM_BYTES = 192 * 1024 * 1024;

const bytesOf = (list: TermList) => Math.max(1, list.ids.byteLength + (list.scores?.byteLength ?? 0));

export class TermLists {
  private readonly lists: LRUCache<string, TermList>;

  constructor(
    private readonly read: ReadTermList,
    maxBytes = DEFAULT_TERM_BYTES,
  ) {
    this.lists = new LRUCache<string, TermList>({ maxSize: maxBytes, sizeCalculation: bytesOf });
  }

  /** The list of one FTS5 term expression, read on first use. An unscored list is answered by a scored one. */
  get(expression: string, scored: boolean): TermList {
    const kept = this.lists.get(`s${expression}`) ?? (scored ? undefined : this.lists.get(`i${expression}`));
    if (kept) return kept;
    const list = this.read(expression, scored);
    this.lists.set(`${scored ? 's' : 'i'}${expression}`, list);
    return list;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.lists.calculatedSize;
  }

  clear(): void {
    this.lists.clear();
  }
}

/** The first position at or after `from` whose id is at least `id` (galloping, then binary search). */
function seek(ids: Int32Array, id: number, from: number): number {
  let step = 1;
  let low = from;
  let high = from;
  while (high < ids.length && ids[high]! < id) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > ids.length) high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The ids found in every list, ascending; the shortest list leads, the others are galloped through. */
export function intersectLists(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  if (lists.length === 1) return lists[0]!;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const lead = sorted[0]!;
  const rest = sorted.slice(1);
  const at = new Int32Array(rest.length);
  const out = new Int32Array(lead.length);
  let n = 0;
  outer: for (let k = 0; k < lead.length; k++) {
    const id = lead[k]!;
    for (let r = 0; r < rest.length; r++) {
      const list = rest[r]!;
      const p = seek(list, id, at[r]!);
      at[r] = p;
      if (p >= list.length) break outer;
      if (list[p] !== id) continue outer;
    }
    out[n++] = id;
  }
  return out.subarray(0, n);
}

/**
 * The documents of every scored list with the sum of their scores, added in the lists' order (the
 * query's), as FTS5 adds up its phrases.
 */
export function intersectScored(lists: readonly TermList[]): { ids: Int32Array; scores: Float64Array } {
  // One term: its own list, not a copy (the copy of a common word's scores cost more than the query's
  // counting, its pages being new memory; the list is never written to).
  if (lists.length === 1 && lists[0]!.scores) return { ids: lists[0]!.ids, scores: lists[0]!.scores };
  const ids = intersectLists(lists.map((l) => l.ids));
  const scores = new Float64Array(ids.length);
  for (const list of lists) {
    const own = list.scores!;
    if (list.ids === ids) {
      for (let k = 0; k < ids.length; k++) scores[k]! += own[k]!;
      continue;
    }
    let p = 0;
    for (let k = 0; k < ids.length; k++) {
      p = seek(list.ids, ids[k]!, p);
      scores[k]! += own[p]!;
    }
  }
  return { ids, scores };
}

/** 1 for each of `ids` (ascending) that is also in `set` (ascending). */
export function flagsIn(ids: Int32Array, set: Int32Array): Uint8Array {
  const flags = new Uint8Array(ids.length);
  let p = 0;
  for (let k = 0; k < ids.length; k++) {
    p = seek(set, ids[k]!, p);
    if (p >= set.length) break;
    if (set[p] === ids[k]) flags[k] = 1;
  }
  return flags;
}
