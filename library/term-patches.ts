/**
 * Term lists patched after a write instead of read again from FTS5 (half a second for `lương` at a
 * million clauses, two and a half for a word in every clause). A write moves every score of a kept list:
 * bm25 depends on the library's totals and on the term's number of matches. But each score is bm25 of
 * the term's frequency in the document, the document's length and those totals (`bm25-parts.ts`), so the
 * frequency is recovered from the score (checked to the last bit) and the score computed again with the
 * new totals — the same bits FTS5 would give. The documents removed since the list was read leave it;
 * the ids of those added are read from FTS5 from the lowest added id on (SQLite gives a new row the
 * largest id plus one, so that is a seek to the list's tail), and their frequencies from a probe: the
 * added documents written into a small FTS5 table of the same definition and scored there (FTS5's bm25
 * in the library would first count the term's documents in the whole index). Whatever the parts do not
 * reproduce exactly (a score, a length, a log too old) makes the caller read the list again.
 */

import { type Bm25Totals, bm25Score, frequencyOf } from './bm25-parts.ts';
import { seek, type TermList } from './term-lists.ts';

/** The documents removed (ascending) and the lowest id added by some writes; `addedFrom` is Infinity when none. */
export interface DocumentChange {
  removed: Int32Array;
  addedFrom: number;
}

/** Removed ids held across all batches before the oldest are dropped (its lists are then read again). */
const MAX_REMOVED = 500_000;
const MAX_BATCHES = 4096;
const NO_CHANGE: DocumentChange = { removed: new Int32Array(0), addedFrom: Number.POSITIVE_INFINITY };

/** The index's writes as numbered batches (one a write), a bounded number of them. */
export class DocumentChanges {
  private batches: Array<DocumentChange & { seq: number }> = [];
  private removedHeld = 0;
  /** The number of the last write: a list read now is up to date with it. */
  seq = 0;
  /** Documents removed or added by all writes recorded: no count of documents moves by more between two moments. */
  moved = 0;

  record(removed: Int32Array, addedFrom: number, added: number): void {
    if (removed.length === 0 && addedFrom === Number.POSITIVE_INFINITY) return;
    this.seq++;
    this.moved += removed.length + added;
    this.batches.push({ seq: this.seq, removed, addedFrom });
    this.removedHeld += removed.length;
    while (this.batches.length > MAX_BATCHES || (this.removedHeld > MAX_REMOVED && this.batches.length > 1)) {
      this.removedHeld -= this.batches.shift()!.removed.length;
    }
  }

  /** What the writes after `seq` changed; undefined when some of them are no longer held. */
  since(seq: number): DocumentChange | undefined {
    if (seq === this.seq) return NO_CHANGE;
    const first = this.batches.findIndex((batch) => batch.seq > seq);
    if (first < 0 || this.batches[first]!.seq !== seq + 1) return undefined;
    const after = this.batches.slice(first);
    if (after.length === 1) return { removed: after[0]!.removed, addedFrom: after[0]!.addedFrom };
    const removed = new Int32Array(after.reduce((n, batch) => n + batch.removed.length, 0));
    let n = 0;
    for (const batch of after) {
      removed.set(batch.removed, n);
      n += batch.removed.length;
    }
    return {
      removed: removed.sort(),
      addedFrom: Math.min(...after.map((batch) => batch.addedFrom)),
    };
  }

  /** Forgets every batch: nothing read before can be patched. */
  reset(): void {
    this.batches = [];
    this.removedHeld = 0;
    this.seq++;
  }
}

/**
 * Each document's length in tokens over all columns — what FTS5's bm25 reads from its docsize table —
 * by id, read once in pieces and then from the lowest added id on after each write.
 */
export class DocumentLengths {
  private lengths = new Int32Array(0);
  /** The write the lengths are up to date with; -1 before the first read. */
  private seq = -1;

  /**
   * @param read FTS5's docsize rows with ids in [from, to) as `id:hex,id:hex…` (SQLite's `group_concat`
   * of `hex(sz)`: building one string in SQL costs a tenth of a million blobs crossing into JavaScript)
   * @param maxId the largest document id
   */
  constructor(
    private readonly read: (from: number, to: number) => string | null,
    private readonly maxId: () => number,
  ) {}

  /** Makes the lengths current with write `seq`. */
  update(changes: DocumentChanges): void {
    if (this.seq === changes.seq) return;
    const change = this.seq < 0 ? undefined : changes.since(this.seq);
    if (change) {
      if (change.addedFrom !== Number.POSITIVE_INFINITY) this.fill(change.addedFrom, this.maxId() + 1);
    } else {
      this.lengths = new Int32Array(0);
      const end = this.maxId() + 1;
      for (let from = 0; from < end; from += 65_536) this.fill(from, Math.min(end, from + 65_536));
    }
    this.seq = changes.seq;
  }

  /** The length of document `id` (0 for an id never read). */
  of(id: number): number {
    return this.lengths[id] ?? 0;
  }

  private fill(from: number, to: number) {
    if (to > this.lengths.length) {
      const grown = new Int32Array(Math.max(to, Math.ceil(this.lengths.length * 1.25)));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    const text = this.read(from, to);
    if (text) parseDocsizes(text, (id, length) => (this.lengths[id] = length));
  }
}

const hexDigit = (code: number) => (code <= 57 ? code - 48 : code - 55);

/** Reads `id:hex,…` (each hex a docsize blob: one SQLite varint per column) as each id's total length. */
export function parseDocsizes(text: string, put: (id: number, length: number) => void): void {
  let i = 0;
  while (i < text.length) {
    let id = 0;
    for (let c = text.charCodeAt(i); c !== 58; c = text.charCodeAt(++i)) id = id * 10 + (c - 48);
    i++;
    let length = 0;
    let value = 0;
    while (i < text.length && text.charCodeAt(i) !== 44) {
      const byte = hexDigit(text.charCodeAt(i)) * 16 + hexDigit(text.charCodeAt(i + 1));
      i += 2;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) {
        length += value;
        value = 0;
      }
    }
    put(id, length);
    i++;
  }
}

/** A kept list: its entries, the write it is current with, and what its scores were computed with. */
export interface KeptList extends TermList {
  seq: number;
  /** The totals and the term's idf the scores hold; undefined for an unscored list. */
  scoredWith: { totals: Bm25Totals; idf: number } | undefined;
}

/** The added documents scored by FTS5 in a small index of their own, with that index's parts. */
export interface Probe extends TermList {
  scores: Float64Array;
  /** Each document's length in the probe (FTS5's tokens of the same columns: equal to the library's). */
  lengths: ArrayLike<number>;
  totals: Bm25Totals;
  idf: number;
}

/** What a patch reads of the index now. */
export interface PatchSource {
  /** The ids from `from` on holding the term (a seek in FTS5's lists: cheap). */
  readIds(from: number): Int32Array;
  /**
   * The documents from `from` on holding the term with FTS5's scores: exact, but FTS5's bm25 counts the
   * term's documents in the whole index first (as much as reading the list again, for the tail only).
   */
  readScored(from: number): TermList;
  /** Some documents (ascending) scored in a probe index of their own: no count of the whole index. */
  probe(ids: Int32Array): Probe | undefined;
  totals: Bm25Totals;
  /** FTS5's idf of a term matching `hits` documents now. */
  idf(hits: number): number;
  length(id: number): number;
}

const sameIds = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The added documents' scores in the library: each frequency recovered from the probe's own score (with
 * the probe's parts, its lengths equal to the library's), or FTS5's scores of the tail when the probe does
 * not explain them. Undefined when neither holds.
 */
function addedScores(
  ids: Int32Array,
  from: number,
  source: PatchSource,
  idf: number,
  totals: Bm25Totals,
): Float64Array | undefined {
  const probe = source.probe(ids);
  if (probe && sameIds(probe.ids, ids)) {
    const scores = new Float64Array(ids.length);
    let explained = true;
    for (let n = 0; n < ids.length && explained; n++) {
      const length = source.length(ids[n]!);
      const freq = frequencyOf(probe.scores[n]!, probe.idf, probe.lengths[n]!, probe.totals);
      explained = freq !== undefined && probe.lengths[n] === length;
      if (explained) scores[n] = bm25Score(idf, freq!, length, totals);
    }
    if (explained) return scores;
  }
  const tail = source.readScored(from);
  if (!tail.scores || !sameIds(tail.ids, ids)) return undefined;
  // FTS5's own scores: the totals and idf now must explain them, or the patch is off.
  for (let n = 0; n < ids.length; n++) {
    if (frequencyOf(tail.scores[n]!, idf, source.length(ids[n]!), totals) === undefined) return undefined;
  }
  return tail.scores;
}

/** A view of `length` entries over `view`'s own buffer when it holds them, else over a new one with room to grow. */
function room<T extends Int32Array | Float64Array>(view: T, length: number, make: (n: number) => T): T {
  const capacity = (view.buffer.byteLength - view.byteOffset) / view.BYTES_PER_ELEMENT;
  if (capacity >= length)
    return view.constructor === Int32Array
      ? (new Int32Array(view.buffer, view.byteOffset, length) as T)
      : (new Float64Array(view.buffer, view.byteOffset, length) as T);
  return make(Math.ceil(length * 1.125) + 64).subarray(0, length) as T;
}

/**
 * `kept` made current with `change` (made at write `seq`), or undefined when it must be read again. The
 * entries are rewritten in place, in `kept`'s own buffers when they hold the new list (an entry is only
 * ever written at or before where it was read): a new typed array costs its memory pages as they are
 * first written, milliseconds for a common word's list. `kept` is not to be used after the call.
 */
export function patchList(
  kept: KeptList,
  change: DocumentChange,
  seq: number,
  source: PatchSource,
): KeptList | undefined {
  const { removed, addedFrom } = change;
  const end = seek(kept.ids, addedFrom, 0);
  let gone = 0;
  for (let r = 0, p = 0; r < removed.length; r++) {
    p = seek(kept.ids, removed[r]!, p);
    if (p >= end) break;
    if (kept.ids[p] === removed[r]) gone++;
  }
  const added = addedFrom === Number.POSITIVE_INFINITY ? new Int32Array(0) : source.readIds(addedFrom);
  const survivors = end - gone;
  const length = survivors + added.length;
  const ids = room(kept.ids, length, (n) => new Int32Array(n));
  const old = kept.scores;
  const was = kept.scoredWith;
  if (old && !was) return undefined;
  const scores = old && room(old, length, (n) => new Float64Array(n));
  const totals = source.totals;
  const idf = old ? source.idf(length) : 0;
  let w = 0;
  for (let k = 0, r = 0; k < end; k++) {
    const id = kept.ids[k]!;
    while (r < removed.length && removed[r]! < id) r++;
    if (removed[r] === id) continue;
    ids[w] = id;
    if (scores) {
      const size = source.length(id);
      const freq = frequencyOf(old![k]!, was!.idf, size, was!.totals);
      if (freq === undefined) return undefined;
      scores[w] = bm25Score(idf, freq, size, totals);
    }
    w++;
  }
  ids.set(added, survivors);
  if (!scores) return { ids, scores: undefined, seq, scoredWith: undefined };
  if (added.length) {
    const addedScored = addedScores(added, addedFrom, source, idf, totals);
    if (!addedScored) return undefined;
    scores.set(addedScored, survivors);
  }
  return { ids, scores, seq, scoredWith: { totals, idf } };
}

/**
 * Whether counts sum to at most `budget`, each known within `drift` (documents removed or added since
 * it was counted; Infinity when not counted): true or false when every value within the drifts agrees,
 * undefined when the counts must be taken again.
 */
export function withinBudget(
  counts: ReadonlyArray<{ n: number; drift: number }>,
  budget: number,
): boolean | undefined {
  let low = 0;
  let high = 0;
  for (const { n, drift } of counts) {
    low += Math.max(0, n - drift);
    high += n + drift;
  }
  if (high <= budget) return true;
  if (low > budget) return false;
  return undefined;
}
