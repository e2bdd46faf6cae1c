/**
 * Word-level differences between two Vietnamese texts. Vietnamese writes one
 * syllable per space-separated word, so the unit of a difference is the
 * syllable (numbers such as `3.000.000` and `200%` stay whole); texts are
 * compared on their canonical form (NFC, one tone-mark style, lower case), so
 * `thoả`/`thỏa` or a capital letter are not differences, while `lương` and
 * `lượng` are. The diff itself is the `diff` package's (Myers).
 */

import { diffArrays } from 'diff';
import { foldText, lowerText, normalizeText } from './text.ts';

/** A run of the texts: in both (`same`), only in the second (`added`) or only in the first (`removed`). */
export interface DiffSpan {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface WordDiff {
  spans: DiffSpan[];
  /** Dice similarity of the syllables, 0–1: twice the shared syllables over the syllables of both. */
  similarity: number;
  /** Numbers written in one text and not the other (`01` → `02`). */
  changedNumbers: { removed: string[]; added: string[] };
}

interface Token {
  /** Compared form. */
  key: string;
  /** As written, with the spaces after it. */
  text: string;
  word: boolean;
}

const TOKEN = /([\p{L}\p{M}\p{N}]+(?:[.,/][\p{N}]+)*%?|[^\s\p{L}\p{M}\p{N}])(\s*)/gu;
const NUMBER = /^\p{N}/u;

/** The syllables and punctuation of a text, each with the spaces that follow it. */
export function tokenize(text: string): Token[] {
  return [...normalizeText(text).matchAll(TOKEN)].map((m) => ({
    key: lowerText(m[1]!),
    text: m[1]! + (m[2] ? ' ' : ''),
    word: /[\p{L}\p{N}]/u.test(m[1]!),
  }));
}

/**
 * The word-level difference from one text to another.
 * @example wordDiff('nghỉ 01 ngày', 'nghỉ 02 ngày').spans
 *   // [{op:'same',text:'nghỉ '},{op:'removed',text:'01 '},{op:'added',text:'02 '},{op:'same',text:'ngày'}]
 */
export function wordDiff(from: string, to: string): WordDiff {
  const a = tokenize(from);
  const b = tokenize(to);
  const parts = diffArrays(a, b, { comparator: (x, y) => x.key === y.key });
  const spans: DiffSpan[] = [];
  let shared = 0;
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of parts) {
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (op === 'same') shared += part.value.filter((t) => t.word).length;
    for (const token of part.value) {
      if (op === 'removed' && NUMBER.test(token.key)) removed.push(token.key);
      if (op === 'added' && NUMBER.test(token.key)) added.push(token.key);
    }
    const text = part.value.map((t) => t.text).join('');
    const last = spans.at(-1);
    if (last?.op === op) last.text += text;
    else spans.push({ op, text });
  }
  const words = a.filter((t) => t.word).length + b.filter((t) => t.word).length;
  return {
    spans,
    similarity: words === 0 ? 1 : (2 * shared) / words,
    changedNumbers: { removed, added },
  };
}

/** The folded syllables of a text, for quick candidate search before a real diff. */
export function syllableSet(text: string): Set<string> {
  return new Set(foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Dice similarity of two syllable sets, 0–1. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * The spans as plain text, removed words in `[-…-]` and added words in `{+…+}`
 * (as `git diff --word-diff` writes them), for terminals and PDF tables.
 */
export function markedText(spans: readonly DiffSpan[]): string {
  return spans
    .map((s) =>
      s.op === 'same' ? s.text : s.op === 'removed' ? `[-${s.text.trim()}-] ` : `{+${s.text.trim()}+} `,
    )
    .join('')
    .trim();
}
