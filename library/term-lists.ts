/**
 * The posting lists of single query terms, held in memory as typed arrays: each term's documents
 * (ascending ids) with the term's own bm25 score in each. A query of several words is then the
 * intersection of its terms' lists, its score the sum of theirs — which is how FTS5's bm25 adds up the
 * phrases of an AND query (each phrase's idf × its saturated frequency, summed in the query's order), so
 * the answers are the same as one FTS5 pass over the whole query, bit for bit. What that saves: FTS5
 * scores every match of every query afresh (about 1 µs a match, with a read of the document's size), and
 * a common word (`lương`, a sixth of the library) has hundreds of thousands; here a list is read once,
 * kept (bounded by bytes, least recently used first out) and patched after writes (`term-patches.ts`),
 * and intersecting and summing typed arrays costs a few nanoseconds a document.
 */

import { LRUCache } from 'lru-cache';
import type { KeptList } from './term-patches.ts';

/** One term's documents, ascending, with its bm25 score in each when the list is scored. */
export interface TermList {
  ids: Int32Array;
  scores: Float64Array | undefined;
}

/** Reads one term's list from the index: `scored` adds its bm25 in each document. */
export type ReadTermList = (expression: string, scored: boolean) => TermList;

/** Bytes of term lists kept by default: 12 bytes a scored entry, so some 16 million entries. */
export const DEFAULT_TERM_BYTES = 192 * 1024 * 1024;

/**
 * How kept lists follow writes: the number of the last write, what a list read now was scored with, and
 * the patch of a list read before (undefined when it must be read again). Without it a write empties them.
 */
export interface TermPatching {
  /** Undefined while writes are uncommitted: lists are then read and not kept. */
  seq(): number | undefined;
  scoredWith(list: TermList): KeptList['scoredWith'];
  patch(expression: string, kept: KeptList): KeptList | undefined;
}

// The buffers, not the views: a patched list keeps room to grow (term-patches.ts).
const bytesOf = (list: TermList) =>
  Math.max(1, list.ids.buffer.byteLength + (list.scores?.buffer.byteLength ?? 0));

export class TermLists {
  private readonly lists: LRUCache<string, KeptList>;
  /** Lists read from the index, and lists patched after writes instead. */
  readonly counts = { read: 0, patched: 0 };

  constructor(
    private readonly read: ReadTermList,
    maxBytes = DEFAULT_TERM_BYTES,
    private readonly patching?: TermPatching,
  ) {
    this.lists = new LRUCache<string, KeptList>({ maxSize: maxBytes, sizeCalculation: bytesOf });
  }

  /** The list of one FTS5 term expression, read on first use. An unscored list is answered by a scored one. */
  get(expression: string, scored: boolean): TermList {
    const kept =
      this.current(`s${expression}`, expression) ??
      (scored ? undefined : this.current(`i${expression}`, expression));
    if (kept) return kept;
    const seq = this.patching ? this.patching.seq() : 0;
    const list = this.read(expression, scored);
    this.counts.read++;
    if (seq === undefined) return list;
    const scoredWith = scored ? this.patching?.scoredWith(list) : undefined;
    const entry: KeptList = { ...list, seq, scoredWith };
    this.lists.set(`${scored ? 's' : 'i'}${expression}`, entry);
    return entry;
  }

  /** A kept list brought up to date with the writes since it was read, if it can be. */
  private current(key: string, expression: string): KeptList | undefined {
    const kept = this.lists.get(key);
    if (!kept || !this.patching) return kept;
    const seq = this.patching.seq();
    if (seq === undefined) return undefined;
    if (kept.seq === seq) return kept;
    const patched = this.patching.patch(expression, kept);
    if (!patched) {
      this.lists.delete(key);
      return undefined;
    }
    this.counts.patched++;
    this.lists.set(key, patched);
    return patched;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.lists.calculatedSize;
  }

  clear(): void {
    this.lists.clear();
  }
}

/**
 * The first position at or after `from` of `ids` (ascending) whose id is at least `id`: a few entries walked
 * (the lists of common words are dense, the next match near), then galloping and a binary search.
 */
export function seek(ids: ArrayLike<number>, id: number, from: number): number {
  const near = Math.min(from + 4, ids.length);
  for (let p = from; p < near; p++) if (ids[p]! >= id) return p;
  if (near === ids.length) return near;
  let step = 1;
  let low = near;
  let high = near;
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
  return n < lead.length / 2 ? out.slice(0, n) : out.subarray(0, n);
}

/**
 * The documents of every scored list with the sum of their scores, added in the lists' order (the
 * query's), as FTS5 adds up its phrases. One pass: each match's score is summed where the lists meet.
 */
export function intersectScored(lists: readonly TermList[]): { ids: Int32Array; scores: Float64Array } {
  // One term: its own list, not a copy (the copy of a common word's scores cost more than the query's
  // counting, its pages being new memory; the list is never written to).
  if (lists.length === 1 && lists[0]!.scores) return { ids: lists[0]!.ids, scores: lists[0]!.scores };
  const m = lists.length;
  if (m === 0) return { ids: new Int32Array(0), scores: new Float64Array(0) };
  const byLength = lists.map((_, t) => t).sort((a, b) => lists[a]!.ids.length - lists[b]!.ids.length);
  const lead = byLength[0]!;
  const rest = byLength.slice(1);
  const leadIds = lists[lead]!.ids;
  const idsOf = lists.map((l) => l.ids);
  const scoresOf = lists.map((l) => l.scores!);
  const at = new Int32Array(m);
  const ids = new Int32Array(leadIds.length);
  const scores = new Float64Array(leadIds.length);
  let n = 0;
  outer: for (let k = 0; k < leadIds.length; k++) {
    const id = leadIds[k]!;
    at[lead] = k;
    for (let r = 0; r < rest.length; r++) {
      const t = rest[r]!;
      const list = idsOf[t]!;
      const p = seek(list, id, at[t]!);
      at[t] = p;
      if (p >= list.length) break outer;
      if (list[p] !== id) continue outer;
    }
    let sum = 0;
    for (let t = 0; t < m; t++) sum += scoresOf[t]![at[t]!]!;
    ids[n] = id;
    scores[n++] = sum;
  }
  // Kept in the caches of matches, which count entries: a few matches must not hold a long list's buffers.
  if (n < leadIds.length / 2) return { ids: ids.slice(0, n), scores: scores.slice(0, n) };
  return { ids: ids.subarray(0, n), scores: scores.subarray(0, n) };
}

/**
 * 1 for each of `ids` (ascending) found in every one of `sets` (ascending): the intersection led by the
 * shortest, usually `ids` (the matches of a query are fewer than the documents of any of its accented words).
 */
export function flagsIn(ids: Int32Array, sets: readonly Int32Array[]): Uint8Array {
  const flags = new Uint8Array(ids.length);
  const found = intersectLists([ids, ...sets]);
  for (let k = 0, p = 0; k < ids.length && p < found.length; k++) {
    if (ids[k] === found[p]) {
      flags[k] = 1;
      p++;
    }
  }
  return flags;
}
