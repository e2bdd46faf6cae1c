/**
 * Whole-word phrase matching over Vietnamese text. Text with diacritics is
 * matched with diacritics (`lương` is not `lượng`); text typed without them
 * is matched on the folded form, so `lam them gio` still finds `làm thêm giờ`.
 */

import { foldText, lowerText } from './text.ts';

export interface PhraseMatcher {
  /** The text as matched: lower case, with or without diacritics. */
  readonly text: string;
  /** Whether the text carried diacritics (then phrases match exactly). */
  readonly accented: boolean;
  /** True when the phrase occurs as whole words. */
  has(phrase: string): boolean;
  /** The first of `phrases` that occurs, in the order given. */
  first(phrases: readonly string[]): string | undefined;
  /** Every phrase of `phrases` that occurs. */
  all(phrases: readonly string[]): string[];
  /** Offset of the last occurrence of any of `phrases`, or -1. */
  lastIndex(phrases: readonly string[]): number;
}

// Phrases come from a fixed vocabulary, so their two patterns are built once.
const patterns = new Map<string, { accented: RegExp; folded: RegExp }>();

function wholeWords(words: string): RegExp {
  const escaped = words.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

function pattern(phrase: string, accented: boolean): RegExp {
  let entry = patterns.get(phrase);
  if (!entry) {
    entry = { accented: wholeWords(lowerText(phrase)), folded: wholeWords(foldText(phrase)) };
    patterns.set(phrase, entry);
  }
  const re = accented ? entry.accented : entry.folded;
  re.lastIndex = 0;
  return re;
}

/** Whether the text contains any Vietnamese diacritic or `đ`. */
export function hasDiacritics(text: string): boolean {
  return lowerText(text) !== foldText(text);
}

/**
 * Builds a matcher over `text`.
 * @example phraseMatcher('Nghỉ hằng năm 14 ngày').has('nghỉ hằng năm') // true
 */
export function phraseMatcher(text: string): PhraseMatcher {
  const lowered = lowerText(text);
  const folded = foldText(text);
  const accented = lowered !== folded;
  const subject = accented ? lowered : folded;
  const has = (phrase: string) => pattern(phrase, accented).test(subject);
  return {
    text: subject,
    accented,
    has,
    first: (phrases) => phrases.find(has),
    all: (phrases) => phrases.filter(has),
    lastIndex(phrases) {
      let last = -1;
      for (const phrase of phrases) {
        for (const match of subject.matchAll(pattern(phrase, accented))) last = Math.max(last, match.index);
      }
      return last;
    },
  };
}
