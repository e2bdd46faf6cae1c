/**
 * Numbers as Vietnamese documents write them: `1.250` (dot for thousands),
 * `1,5` (comma for decimals), words (`mười hai`, `ba mươi lăm`), and Roman
 * numerals for chapters.
 */

import { foldText } from './text.ts';

const UNITS: Record<string, number> = {
  khong: 0,
  linh: 0,
  le: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * Parses a number written in Vietnamese words, up to 999.
 *
 * @param words e.g. `mười hai`, `hai mươi lăm`, `một trăm linh năm`
 * @returns the value, or `undefined` when the words are not a number
 * @example parseNumberWords('mười hai') // 12
 */
export function parseNumberWords(words: string): number | undefined {
  const tokens = foldText(words).split(' ').filter(Boolean);
  if (tokens.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of tokens) {
    if (token === 'tram') {
      total += (current || 1) * 100;
      current = 0;
    } else if (token === 'muoi') {
      // "mười" alone is 10; "hai mươi" multiplies the unit before it.
      current = current === 0 ? 10 : current * 10;
    } else if (token in UNITS) {
      current += UNITS[token]!;
    } else {
      return undefined;
    }
    seen = true;
  }
  return seen ? total + current : undefined;
}

/**
 * Parses a number in Vietnamese notation: `.` groups thousands, `,` marks decimals.
 *
 * @example parseVietnameseNumber('1.250') // 1250
 * @example parseVietnameseNumber('1,5') // 1.5
 */
export function parseVietnameseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return undefined;
  // "1.5" with a single group of fewer than three digits is a decimal, as some writers use it.
  const decimalDot = /^\d+\.\d{1,2}$/.test(cleaned);
  const normalised = decimalDot ? cleaned : cleaned.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/**
 * Reads a Roman numeral (chapter numbers), or an Arabic one.
 * @example parseOrdinal('XIV') // 14
 */
export function parseOrdinal(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[IVXLC]+$/.test(t)) return undefined;
  let value = 0;
  for (let i = 0; i < t.length; i++) {
    const here = ROMAN[t[i]!]!;
    const next = ROMAN[t[i + 1] ?? ''] ?? 0;
    value += here < next ? -here : here;
  }
  return value;
}
