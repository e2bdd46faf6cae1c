/**
 * Which of the thesaurus's phrases each document holds, noted when it is
 * indexed (table `search_phrases`): a query's alternatives (`bữa ăn giữa ca`
 * for `tiền ăn giữa ca`) are then answered from that note, without a second
 * FTS5 phrase pass over the long posting lists of common words. Words are cut
 * as FTS5's unicode61 tokenizer cuts them (letters, marks and digits), so a
 * phrase noted here is a phrase FTS5 would match in the same column.
 */

import type { QueryTerm } from '../clauses/search-text.ts';
import { searchedPhrases } from '../clauses/thesaurus.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const PHRASES: ReadonlySet<string> = new Set(searchedPhrases());
const LONGEST = Math.max(2, ...[...PHRASES].map((p) => p.split(' ').length));

/**
 * The thesaurus phrases found in some folded texts (each column apart: a
 * phrase does not run from the heading into the text).
 *
 * @example phrasesIn(['bua an giua ca duoc cap']) // ['bua an giua ca', …]
 */
export function phrasesIn(foldedTexts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of foldedTexts) {
    const words = text.match(WORD) ?? [];
    for (let i = 0; i + 1 < words.length; i++) {
      let key = words[i]!;
      for (let n = 2; n <= LONGEST && i + n <= words.length; n++) {
        key += ` ${words[i + n - 1]}`;
        if (PHRASES.has(key)) found.add(key);
      }
    }
  }
  return [...found];
}

/** The noted phrase a query term stands for, or `undefined` when the index must match it itself. */
export function notedPhrase(term: QueryTerm): string | undefined {
  if (!term.phrase || term.prefix) return undefined;
  const key = (term.folded.join(' ').match(WORD) ?? []).join(' ');
  return PHRASES.has(key) ? key : undefined;
}

/** The ids in every one of some ascending lists. */
export function intersectSorted(lists: readonly ArrayLike<number>[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = Int32Array.from(sorted[0]!);
  for (const list of sorted.slice(1)) {
    const next = new Int32Array(out.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < out.length && j < list.length; i++) {
      const id = out[i]!;
      while (j < list.length && list[j]! < id) j++;
      if (j < list.length && list[j] === id) next[n++] = id;
    }
    out = next.subarray(0, n);
  }
  return out;
}

/** The ids in any of some ascending lists, ascending, each once. */
export function uniteSorted(lists: readonly ArrayLike<number>[]): Int32Array {
  if (lists.length === 1) return Int32Array.from(lists[0]!);
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let n = 0;
  for (const list of lists) for (let k = 0; k < list.length; k++) all[n++] = list[k]!;
  all.sort();
  let m = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[m++] = all[k]!;
  return all.subarray(0, m);
}
