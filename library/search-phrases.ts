/**
 * Which of the thesaurus's phrases each document holds, noted when it is
 * indexed (table `search_phrases`): a query's alternatives (`bữa ăn giữa ca`
 * for `tiền ăn giữa ca`) are then answered from that note, without a second
 * FTS5 phrase pass over the long posting lists of common words. Words are cut
 * as FTS5's unicode61 tokenizer cuts them (letters, marks and digits), so a
 * phrase noted here is a phrase FTS5 would match in the same column.
 */

import type BetterSqlite3 from 'better-sqlite3';
import type { QueryTerm } from '../clauses/search-text.ts';
import { foldText } from '../clauses/text.ts';
import { searchedPhrases } from '../clauses/thesaurus.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const PHRASES: ReadonlySet<string> = new Set(searchedPhrases());
const LONGEST = Math.max(2, ...[...PHRASES].map((p) => p.split(' ').length));

/** The phrase list's fingerprint (FNV-1a of the sorted phrases): documents noted with another list are noted again. */
const PHRASE_SET = (() => {
  let hash = 0x811c9dc5;
  for (const char of [...PHRASES].join('\n')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${PHRASES.size}:${hash.toString(16)}`;
})();

/** Documents noted at a time when the whole index is noted again. */
const NOTE_BATCH = 2_000;

/**
 * Notes the phrases of every document again when they were noted with
 * another phrase list (an older thesaurus, or none: a library indexed before
 * the note existed). One transaction; reads the documents a batch at a time.
 *
 * @returns how many documents were noted (0 when the note was current)
 */
export function notePhrasesIfStale(db: BetterSqlite3.Database): number {
  const stored = db.prepare('SELECT fingerprint FROM search_phrase_set').pluck().get() as string | undefined;
  if (stored === PHRASE_SET) return 0;
  let noted = 0;
  db.transaction(() => {
    db.exec('DELETE FROM search_phrases');
    const insert = db.prepare('INSERT INTO search_phrases (phrase, doc) VALUES (?, ?)');
    const batch = db.prepare(
      'SELECT id, heading, text, employer FROM search_docs WHERE id > ? ORDER BY id LIMIT ?',
    );
    let after = 0;
    for (;;) {
      const rows = batch.raw().all(after, NOTE_BATCH) as Array<
        [number, string | null, string, string | null]
      >;
      if (rows.length === 0) break;
      for (const [id, heading, text, employer] of rows) {
        for (const phrase of phrasesIn([foldText(heading ?? ''), foldText(text), foldText(employer ?? '')]))
          insert.run(phrase, id);
        after = id;
      }
      noted += rows.length;
    }
    db.exec('DELETE FROM search_phrase_set');
    db.prepare('INSERT INTO search_phrase_set (fingerprint) VALUES (?)').run(PHRASE_SET);
  })();
  return noted;
}

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
