/**
 * Vietnamese text normalisation: one canonical spelling for storage and
 * display, and a folded form without diacritics for matching.
 */

// No-break, narrow no-break, figure, thin and other fixed-width spaces.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

// "oa", "oe", "uy" ending a syllable with the tone on the second vowel
// (the "new" style `thoả`, `hoà`, `thuỷ`). The `qu` onset keeps its mark on
// the second letter in both styles (`quả`, `quý`), hence the look-behind.
const NEW_STYLE_TONE =
  /(?<![qQ])([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])(?![\p{L}\p{M}])|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

/**
 * Normalises Vietnamese text for storage: NFC, plain spaces for no-break and
 * other odd spaces, no zero-width characters, `\n` line ends, `Ð` (eth)
 * read as `Đ`, and tone marks in the classic placement used by legal texts
 * (`thoả` → `thỏa`, `hoà` → `hòa`, `thuỷ` → `thủy`).
 *
 * @param text any Unicode text
 * @returns the canonical form
 * @example normalizeText('Thoả\u00A0ước') // 'Thỏa ước'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ODD_SPACES, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ')
    .replace(NEW_STYLE_TONE, moveToneToFirstVowel);
}

function moveToneToFirstVowel(match: string, o?: string, a?: string, u?: string, y?: string): string {
  const first = (o ?? u)!;
  const second = (a ?? y)!.normalize('NFD');
  const tone = second.match(TONE_MARKS)?.[0];
  if (!tone) return match;
  return `${(first + tone).normalize('NFC')}${second.replace(tone, '').normalize('NFC')}`;
}

/**
 * Folds text for matching: no diacritics, `đ` → `d`, lower case, single spaces.
 * `thỏa ước`, `thoả ước` and `THOA UOC` all fold to `thoa uoc`.
 *
 * @param text any Unicode text
 * @returns the folded form
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ\u00D0\u00F0]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower-cases canonical text while keeping its diacritics, for matching
 * where the marks carry meaning (`lương` is not `lượng`).
 */
export function lowerText(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Collapses runs of spaces and tabs to one space and trims. */
export function squashSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

/**
 * A URL- and file-safe slug from Vietnamese text.
 * @example toSlug('Công ty May Việt Tiến 2025') // 'cong-ty-may-viet-tien-2025'
 */
export function toSlug(text: string, maxLength = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}
