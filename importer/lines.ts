/**
 * Recognises the numbering at the start of a line: Phần, Chương, Mục, Điều,
 * khoản `1.`, điểm `a)` … `đ)`, decimal sub-numbers `3.1`, `8.1 a)`, and
 * bullets. Both front ends (Markdown and plain text) classify with this, so
 * they build the same tree.
 */

import { squashSpaces } from '../clauses/text.ts';

export type HeadingKind = 'part' | 'chapter' | 'section' | 'article';

export type Marker =
  | { kind: HeadingKind; number: string | undefined; heading: string; separated: boolean }
  | { kind: 'clause' | 'point'; number: string; text: string }
  | { kind: 'decimal'; number: string; segments: number; lettered: boolean; text: string }
  | { kind: 'bullet'; symbol: string; text: string };

const SEP = String.raw`[.:\-–—]`;
const NUMBER_WORDS = 'nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười';

const PART = new RegExp(
  String.raw`^(?:PHẦN|Phần)\s+(?:THỨ\s+|thứ\s+)?([IVXLC]+|\d{1,2}|${NUMBER_WORDS}|${NUMBER_WORDS.toUpperCase()})(?![\p{L}\d])\s*${SEP}?\s*(.*)$`,
  'u',
);
const CHAPTER = new RegExp(
  String.raw`^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d{1,2})(?![\p{L}\d])\s*(${SEP}?)\s*(.*)$`,
  'u',
);
const SECTION = new RegExp(String.raw`^(?:MỤC|Mục)\s+([IVXLC]+|\d{1,2})(?:\s*${SEP}\s*(.*)|\s*)$`, 'u');
// "Điều 11." "Điều 11:" "Điều 7 Tiền lương" "Điều . Tiền lương" (number missing).
const ARTICLE = new RegExp(
  String.raw`^(?:ĐIỀU|Điều)(?:\s*(\d{1,3}[a-z]?)(?![\d\p{L}])\s*(${SEP}?)|\s*(${SEP}))\s*(.*)$`,
  'u',
);
const CLAUSE = /^(\d{1,2})\s*[.)](?![\d.])\s*(.*)$/u;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s*([a-zđ])\))?(?:\s+(.*)|$)/u;
const POINT = /^([a-zđ]\d?)\)\s*(.*)$|^([a-zđ])\.\s+(.*)$/u;
const BULLET = /^([-+*•–·▪◦●○])\s+(.*)$/u;

/**
 * Classifies the start of a line.
 *
 * @param line one line of text, already normalised
 * @returns the marker, or `undefined` for running text
 * @example classifyLine('Điều 11: Thời giờ làm việc') // { kind: 'article', number: '11', heading: 'Thời giờ làm việc', … }
 */
export function classifyLine(line: string): Marker | undefined {
  const text = squashSpaces(line);
  if (text === '') return undefined;
  const first = text[0]!;

  if (first === 'P' || first === 'p') {
    const m = PART.exec(text);
    if (m) return { kind: 'part', number: m[1], heading: m[2] ?? '', separated: true };
  }
  if (first === 'C') {
    const m = CHAPTER.exec(text);
    // "Chương II học tập…" without a separator and lower-case text is a sentence.
    if (m && (m[2] !== '' || !startsLowerCase(m[3] ?? ''))) {
      return { kind: 'chapter', number: m[1], heading: m[3] ?? '', separated: true };
    }
  }
  if (first === 'M') {
    const m = SECTION.exec(text);
    if (m) return { kind: 'section', number: m[1], heading: m[2] ?? '', separated: true };
  }
  if (first === 'Đ') {
    const m = ARTICLE.exec(text);
    if (m) {
      const number = m[1];
      const separated = (m[2] ?? m[3] ?? '') !== '';
      const heading = m[4] ?? '';
      // "Điều 5 của Thỏa ước này…" is a sentence, not the heading of Điều 5.
      if (number !== undefined && !separated && startsLowerCase(heading)) return undefined;
      if (number === undefined && heading === '') return undefined;
      return { kind: 'article', number, heading, separated };
    }
  }
  if (first >= '0' && first <= '9') {
    const d = DECIMAL.exec(text);
    if (d) {
      return {
        kind: 'decimal',
        number: d[2] ? `${d[1]} ${d[2]})` : d[1]!,
        segments: d[1]!.split('.').length,
        lettered: d[2] !== undefined,
        text: d[3] ?? '',
      };
    }
    const c = CLAUSE.exec(text);
    if (c) return { kind: 'clause', number: c[1]!, text: c[2] ?? '' };
    return undefined;
  }
  const p = POINT.exec(text);
  if (p) return { kind: 'point', number: (p[1] ?? p[3])!, text: p[2] ?? p[4] ?? '' };
  const b = BULLET.exec(text);
  if (b) return { kind: 'bullet', symbol: b[1]!, text: b[2] ?? '' };
  return undefined;
}

function startsLowerCase(text: string): boolean {
  const c = text[0];
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}

const CLOSING =
  /^(?:ĐẠI DIỆN (?:TẬP THỂ |BÊN |CHO )?(?:NGƯỜI LAO ĐỘNG|NGƯỜI SỬ DỤNG LAO ĐỘNG|NSDLĐ|NLĐ|BAN CHẤP HÀNH|CÔNG ĐOÀN|DOANH NGHIỆP|LAO ĐỘNG)|Nơi nhận\s*:|NƠI NHẬN\s*:)/u;

/** True for the first line of the signature block or the "Nơi nhận" list. */
export function isClosingLine(line: string): boolean {
  return CLOSING.test(squashSpaces(line));
}

const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/**
 * Splits a plain-text table row written with ` | ` or tabs into cells;
 * `undefined` when the line is not a table row.
 */
export function splitTableRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  let cells: string[];
  if (trimmed.includes('|')) {
    cells = trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|');
  } else if (line.includes('\t')) {
    cells = trimmed.split(/\t+/);
  } else {
    return undefined;
  }
  cells = cells.map(squashSpaces);
  return cells.length >= 2 ? cells : undefined;
}

/** True for a Markdown-style row of dashes under a table header. */
export function isTableSeparator(line: string): boolean {
  return TABLE_SEPARATOR.test(line.trim());
}
