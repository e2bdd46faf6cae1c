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

interface Pattern {
  re: RegExp;
  /** The phrase as plain text: matched text contains it (both have single spaces), a cheap test first. */
  words: string;
}

// Phrases come from a fixed vocabulary, so their two patterns are built once.
const patterns = new Map<string, { accented: Pattern; folded: Pattern }>();

function wholeWords(words: string): RegExp {
  const escaped = words.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

function compile(words: string): Pattern {
  return { re: wholeWords(words), words };
}

function pattern(phrase: string, accented: boolean): Pattern {
  let entry = patterns.get(phrase);
  if (!entry) {
    entry = { accented: compile(lowerText(phrase)), folded: compile(foldText(phrase)) };
    patterns.set(phrase, entry);
  }
  const found = accented ? entry.accented : entry.folded;
  found.re.lastIndex = 0;
  return found;
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
  const has = (phrase: string) => {
    const { re, words } = pattern(phrase, accented);
    return subject.includes(words) && re.test(subject);
  };
  return {
    text: subject,
    accented,
    has,
    first: (phrases) => phrases.find(has),
    all: (phrases) => phrases.filter(has),
    lastIndex(phrases) {
      let last = -1;
      for (const phrase of phrases) {
        const { re, words } = pattern(phrase, accented);
        if (!subject.includes(words)) continue;
        for (const match of subject.matchAll(re)) last = Math.max(last, match.index);
      }
      return last;
    },
  };
}
