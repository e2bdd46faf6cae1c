/**
 * Search text for Vietnamese: a query parsed into terms (words and quoted
 * phrases, each with its folded and its exact spelling, the last one a
 * prefix while typing), the words a hit matched as text segments, and a
 * Telex spelling that keeps diacritics in ASCII for engines that fold them.
 */

import { foldText, lowerText, normalizeText } from './text.ts';

export interface QueryTerm {
  /** Syllables as typed, lower case, canonical tone placement (`thoả` → `thỏa`). */
  words: string[];
  /** The same without diacritics (`đ` → `d`). */
  folded: string[];
  /** A quoted phrase: its syllables must be adjacent. */
  phrase: boolean;
  /** The last word of the query while typing: matches as a prefix. */
  prefix: boolean;
  /** Typed with diacritics: exact spellings rank first. */
  accented: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Every folded word, for highlighting. */
  foldedWords: string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return [...lowerText(text).matchAll(WORD)].map((m) => m[0]);
}

/**
 * Parses a search box: words and "quoted phrases". The last bare word is a
 * prefix unless the query ends with a space. Every word counts — there is
 * no limit on their number.
 *
 * @example parseSearchQuery('tien an "giua ca"').terms.map((t) => t.folded) // [['tien'], ['an'], ['giua', 'ca']]
 */
export function parseSearchQuery(query: string): ParsedQuery {
  const text = normalizeText(query);
  const terms: QueryTerm[] = [];
  for (const part of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const quoted = part[1] !== undefined;
    const words = wordsOf(quoted ? (part[1] ?? '') : part[0]);
    if (words.length === 0) continue;
    const term = (w: string[], phrase: boolean): QueryTerm => ({
      words: w,
      folded: w.map((x) => foldText(x)),
      phrase,
      prefix: false,
      accented: w.some((x) => x !== foldText(x)),
    });
    // A bare token with punctuation inside ("thêm-giờ", "8.1") is a phrase of its words.
    terms.push(term(words, quoted || words.length > 1));
  }
  const last = terms.at(-1);
  if (last && !last.phrase && !/\s$/.test(query)) last.prefix = true;
  return { terms, foldedWords: terms.flatMap((t) => t.folded) };
}

/** A piece of a snippet: its text, and whether the query matched it. */
export interface MatchSpan {
  text: string;
  match: boolean;
}

const ELLIPSIS_BEFORE = '… ';
const ELLIPSIS_AFTER = ' …';

/**
 * Marks the words of `text` that a query matched, with diacritics or without:
 * the text as segments, matched words apart, cut to `maxLength` characters
 * around the first match (a cut shown by `…`). Each face renders the segments
 * (the page as `<mark>`, the terminal in brackets); joined, they are the text.
 *
 * @example highlightSpans('Tiền ăn giữa ca', parseSearchQuery('tien an'))
 * // [{ text: 'Tiền', match: true }, { text: ' ', match: false }, { text: 'ăn', match: true }, { text: ' giữa ca', match: false }]
 */
export function highlightSpans(text: string, query: ParsedQuery, maxLength = 300): MatchSpan[] {
  const targets = new Set(query.foldedWords);
  const prefixes = query.terms.filter((t) => t.prefix).flatMap((t) => t.folded);
  const matches: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldText(m[0]);
    if (targets.has(folded) || prefixes.some((p) => folded.startsWith(p)))
      matches.push([m.index, m.index + m[0].length]);
  }
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    const first = matches[0]?.[0] ?? 0;
    from = Math.max(0, first - Math.floor(maxLength / 3));
    to = Math.min(text.length, from + maxLength);
    // Do not cut a word in half.
    while (from > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[from - 1] ?? '')) from--;
    while (to < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[to] ?? '')) to++;
  }
  const segments: MatchSpan[] = [];
  const plain = (piece: string) => {
    if (!piece) return;
    const last = segments.at(-1);
    if (last && !last.match) last.text += piece;
    else segments.push({ text: piece, match: false });
  };
  if (from > 0) plain(ELLIPSIS_BEFORE);
  let at = from;
  for (const [start, end] of matches) {
    if (start < from || end > to) continue;
    plain(text.slice(at, start));
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  plain(text.slice(at, to));
  if (to < text.length) plain(ELLIPSIS_AFTER);
  return segments;
}

const TELEX_VOWELS: Record<string, string> = {
  â: 'aa',
  ă: 'aw',
  ê: 'ee',
  ô: 'oo',
  ơ: 'ow',
  ư: 'uw',
  đ: 'dd',
};
const TELEX_TONES: Record<string, string> = {
  '\u0300': 'f',
  '\u0301': 's',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0323': 'j',
};

/**
 * Spells a word in Telex, so its diacritics survive an engine that folds
 * accents: `đường` → `dduwowngf`, `lương` → `luwowng`, `lượng` → `luwowngj`.
 */
export function toTelex(word: string): string {
  let tone = '';
  let out = '';
  for (const char of lowerText(word).normalize('NFD')) {
    if (TELEX_TONES[char]) tone = TELEX_TONES[char];
    else if (char === '\u0302' || char === '\u0306' || char === '\u031b') {
      const base = out.at(-1) ?? '';
      const composed = `${base}${char}`.normalize('NFC');
      out = out.slice(0, -1) + (TELEX_VOWELS[composed] ?? composed);
    } else out += TELEX_VOWELS[char] ?? char;
  }
  return out + tone;
}
