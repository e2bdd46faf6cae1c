/**
 * What OCR breaks in Vietnamese text, put right by general rules — pure
 * functions, no I/O: look-alike letters (Ð eth for Đ), the heading words
 * `Điều`/`Chương` misread (`Diều`, `Ðiều`, `Điểu`, `Chuơng`), `l`/`I`/`O`
 * inside numbers, tone marks lost on capitals, stamp and signature marks
 * read as letters, and two-column lines (signature blocks) kept apart.
 */

import type { OcrLine, OcrWord } from './ocr-pages.ts';

/** A line of a page as OCR read it, after clean-up. */
export interface ReadLine {
  text: string;
  /** Mean confidence of its words, 0–100. */
  confidence: number;
  /** Lowest confidence among its words holding a digit (absent when it has none). */
  numberConfidence?: number;
}

// U+00D0 (Icelandic eth), U+0189 (African D) and U+00F0 look like Đ/đ and are what OCR often gives.
const LOOK_ALIKES: ReadonlyArray<[RegExp, string]> = [
  [/[ÐƉ]/gu, 'Đ'],
  [/ð/gu, 'đ'],
  [/[“”„]/gu, '"'],
  [/[‘’`]/gu, "'"],
];

// The heading words at the start of a line, as OCR misreads them, when a number follows.
const HEADINGS: ReadonlyArray<[RegExp, string]> = [
  [/^[DĐ][iíìỉĩị][eêềếểễệéèẻẽẹ]u(?=\s*[\dlIO]{1,3}\b)/u, 'Điều'],
  [/^[DĐ][IÍÌỈĨỊ][EÊỀẾỂỄỆÉÈẺẼẸ]U(?=\s*[\dlIO]{1,3}\b)/u, 'ĐIỀU'],
  [/^Ch[uưứừửữự][oơớờởỡợóòỏõọ]ng(?=\s+(?:[IVXLC]+|\d{1,2})\b)/u, 'Chương'],
  [/^CH[UƯỨỪỬỮỰ][OƠỚỜỞỠỢÓÒỎÕỌ]NG(?=\s+(?:[IVXLC]+|\d{1,2})\b)/u, 'CHƯƠNG'],
  [/^Ph[aâầấẩẫậ]n(?=\s+(?:thứ\s+)?[IVXLC]+\b)/u, 'Phần'],
  [/^PH[AÂẦẤẨẪẬ]N(?=\s+(?:THỨ\s+)?[IVXLC]+\b)/u, 'PHẦN'],
  [/^M[uụúùủũ]c(?=\s+(?:[IVXLC]+|\d{1,2})\b)/u, 'Mục'],
  [/^M[UỤÚÙỦŨ]C(?=\s+(?:[IVXLC]+|\d{1,2})\b)/u, 'MỤC'],
];

/**
 * Puts right the letters and heading words OCR misreads at the start of a line.
 * @example fixHeadingWords('Diều l2. Tiền lương') // 'Điều 12. Tiền lương'
 */
export function fixHeadingWords(line: string): string {
  let text = line;
  for (const [pattern, replacement] of LOOK_ALIKES) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of HEADINGS) text = text.replace(pattern, replacement);
  // The article number itself: `Điều l2` `ĐIỀU 1O`.
  text = text.replace(/^(Điều|ĐIỀU)\s*([\dlIO]{1,3})(?=[\s.:\-–]|$)/u, (_, word: string, n: string) =>
    /\d/.test(n) || n.length === 1 ? `${word} ${fixDigits(n)}` : `${word} ${n}`,
  );
  // A clause number misread at the start of a line: `l. Người lao động…`
  text = text.replace(/^[lI]([.)])\s/u, '1$1 ');
  return text;
}

const fixDigits = (token: string) => token.replace(/[lI|]/g, '1').replace(/[Oo]/g, '0');

/**
 * Reads `l`, `I`, `|` as 1 and `O`, `o` as 0 inside numbers (a token with a digit in it and only digits,
 * those letters and number punctuation) — never in words.
 * @example fixDigitsInNumbers('lương 4.5O0.000 đồng, ngày l5/6/2025') // 'lương 4.500.000 đồng, ngày 15/6/2025'
 */
export function fixDigitsInNumbers(line: string): string {
  return line.replace(/(?<![\p{L}\d])[\dlIO|o][\dlIO|o.,/%]*[\dlIO|o%](?![\p{L}\d])/gu, (token) => {
    const digits = token.replace(/[^\d]/g, '').length;
    const letters = token.replace(/[^lIO|o]/g, '').length;
    // "lO" or "Io" alone are not numbers; a token needs a digit at one end, or more digits than look-alikes.
    if (digits === 0 || letters === 0) return token;
    if (letters > digits && !/^\d|\d$/.test(token)) return token;
    return fixDigits(token);
  });
}

/** Capital words with their tone marks, for putting back marks OCR lost on capitals (`LUONG` → `LƯƠNG`). */
const CAPITAL_WORDS = [
  'THỎA',
  'ƯỚC',
  'LAO',
  'ĐỘNG',
  'TẬP',
  'THỂ',
  'CHƯƠNG',
  'ĐIỀU',
  'QUY',
  'ĐỊNH',
  'CHUNG',
  'VIỆC',
  'LÀM',
  'TIỀN',
  'LƯƠNG',
  'THƯỞNG',
  'THỜI',
  'GIỜ',
  'NGHỈ',
  'NGƠI',
  'BẢO',
  'HIỂM',
  'PHÚC',
  'LỢI',
  'AN',
  'TOÀN',
  'VỆ',
  'SINH',
  'ĐIỀU',
  'KHOẢN',
  'THI',
  'HÀNH',
  'CỘNG',
  'HÒA',
  'XÃ',
  'HỘI',
  'CHỦ',
  'NGHĨA',
  'VIỆT',
  'NAM',
  'CÔNG',
  'TY',
  'ĐOÀN',
  'CƠ',
  'SỞ',
  'ĐẠI',
  'DIỆN',
  'ĐIỆN',
  'TỬ',
  'NGƯỜI',
  'SỬ',
  'DỤNG',
  'TRÁCH',
  'NHIỆM',
  'HỢP',
  'ĐỒNG',
  'NỮ',
  'TỔ',
  'CHỨC',
  'THỰC',
  'HIỆN',
  'CHẾ',
  'ĐỘ',
  'PHỤ',
  'CẤP',
  'TRỢ',
  'NĂNG',
  'SUẤT',
  'KỶ',
  'LUẬT',
  'ĐÀO',
  'TẠO',
  'TNHH',
  'CỔ',
  'PHẦN',
  'MỤC',
  'CHÍNH',
  'SÁCH',
  'KHÁC',
];

/** Folded capital word → the one capital word with marks it stands for (ambiguous folds left out). */
const BY_FOLD = (() => {
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').normalize('NFC');
  const map = new Map<string, string | null>();
  for (const word of CAPITAL_WORDS) {
    const key = fold(word);
    const seen = map.get(key);
    map.set(key, seen === undefined || seen === word ? word : null);
  }
  return { map, fold };
})();

/**
 * Puts back the tone marks OCR lost or misplaced on capital words, by a word list: a capital word (of a line
 * written in capitals) whose letters without marks are those of exactly one listed word takes that word's marks.
 * @example restoreCapitalMarks('CHUONG II. TIEN LUONG') // 'CHƯƠNG II. TIỀN LƯƠNG'
 */
export function restoreCapitalMarks(line: string): string {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) {
    // A mixed-case line: only its capitalised heading words (`CHUONG` at the start).
    return line.replace(/^\p{Lu}{3,}(?=\s)/u, (word) => capitalWord(word));
  }
  return line.replace(/\p{Lu}+/gu, (word) => capitalWord(word));
}

function capitalWord(word: string): string {
  // Only a word that lost all its marks: one OCR read with marks (even other ones) is left as read.
  if (word !== BY_FOLD.fold(word)) return word;
  const found = BY_FOLD.map.get(BY_FOLD.fold(word));
  return found ?? word;
}

/**
 * Whether an OCR line is the mark of a stamp or a signature rather than text: few real letters,
 * or every word read with little confidence.
 */
export function isMarkLine(words: readonly OcrWord[]): boolean {
  const text = words.map((w) => w.text).join(' ');
  const letters = text.replace(/[^\p{L}\d]/gu, '').length;
  const mean = words.reduce((sum, w) => sum + w.confidence, 0) / Math.max(1, words.length);
  if (letters === 0) return true;
  if (letters / text.replace(/\s/g, '').length < 0.5) return true;
  if (mean < 35) return true;
  // A short run of single letters and symbols scattered by a scribble: "~ ,Ị /ƒ".
  return words.length >= 2 && mean < 60 && words.every((w) => w.text.replace(/[^\p{L}\d]/gu, '').length <= 2);
}

/**
 * One OCR line as text: words joined by spaces, a wide gap (two columns of a signature block, or a table)
 * written ` | ` as the PDF reader writes it; look-alikes, headings and numbers put right.
 * @param line words with boxes in pixels
 */
export function lineText(line: OcrLine): ReadLine {
  const height = Math.max(1, line.bbox.y1 - line.bbox.y0);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  // Bits of a stamp or a scribble at either end of a line: short, unsure words.
  const junk = (w: OcrWord) => {
    const letters = w.text.replace(/[^\p{L}\d]/gu, '').length;
    return (letters === 0 && !/^[-+•*–.…)]+$/u.test(w.text)) || (w.confidence < 50 && letters <= 2);
  };
  const words = [...line.words];
  while (words.length > 1 && junk(words.at(-1)!)) words.pop();
  while (words.length > 1 && junk(words[0]!)) words.shift();
  for (const word of words) {
    const gap = word.bbox.x0 - end;
    if (text) text += gap > height * 2.5 ? ' | ' : ' ';
    text += word.text;
    end = word.bbox.x1;
  }
  const cleaned = restoreCapitalMarks(fixDigitsInNumbers(fixHeadingWords(text.replace(/\s+/g, ' ').trim())));
  const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
  const numbers = words.filter((w) => /\d/.test(w.text)).map((w) => w.confidence);
  const read: ReadLine = { text: cleaned, confidence: Math.round(confidence * 10) / 10 };
  if (numbers.length) read.numberConfidence = Math.min(...numbers);
  return read;
}
