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

const UNITS = 'giờ|ngày|đồng|lần|người|tháng|tuần|buổi|ca|suất|bữa|phút|tiếng';
const PERIODS = 'năm|tháng|tuần|ngày|ca|giờ|người|lần|bữa|suất|kỳ|quý';
// A number, its unit and the period it is counted over, the slash between them lost or misread (`l`, `1`, `|`).
const GLUED_UNIT = new RegExp(
  `(\\d\\s?)(${UNITS})(?:[1lI|]|\\s?[/]\\s)?(${PERIODS})(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * Puts back the slash OCR loses between a unit and the period it is counted over (`300 giờnăm`, `40 giờltháng`):
 * Vietnamese writes its syllables apart, so two of them glued after a number are a misreading, never a word.
 * @example fixGluedUnits('không quá 300 giờnăm') // 'không quá 300 giờ/năm'
 */
export function fixGluedUnits(line: string): string {
  return line.replace(
    GLUED_UNIT,
    (_, number: string, unit: string, period: string) => `${number}${unit}/${period}`,
  );
}

/**
 * Table rows whose column gap OCR filled with dots (`con chết. 03 ngày`, `Lao động... Theo`): in a run of rows
 * written with ` | `, a row with fewer cells than the widest is cut at its dot runs followed by a space — only
 * when it has exactly as many of them as cells are missing, so a sentence's own full stop is never taken for one.
 * @param lines a page's lines, in order
 * @example splitDottedCells(['A | B | C', 'con chết. 03 ngày | 04 ngày']) // ['A | B | C', 'con chết | 03 ngày | 04 ngày']
 */
export function splitDottedCells(lines: readonly string[]): string[] {
  const out = [...lines];
  const piped = out.map((line) => line.includes(' | '));
  // A row that lost every gap has no ` | ` at all: it belongs to the table when a row stands beside it.
  const row = out.map(
    (line, i) =>
      piped[i]! || ((piped[i - 1] === true || piped[i + 1] === true) && line.search(DOTTED_GAP) >= 0),
  );
  const cells = (line: string) => line.split(' | ').length;
  for (let start = 0; start < out.length; ) {
    if (!row[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < out.length && row[end + 1]) end++;
    if (end > start) {
      const widest = Math.max(...out.slice(start, end + 1).map(cells));
      for (let i = start; i <= end; i++) {
        const missing = widest - cells(out[i]!);
        if (missing <= 0) continue;
        const gaps = out[i]!.match(DOTTED_GAP) ?? [];
        if (gaps.length === missing) out[i] = out[i]!.replace(DOTTED_GAP, ' | ');
      }
    }
    start = end + 1;
  }
  return out;
}

// Dots (or an ellipsis) right after a letter or digit, then a space and the next cell; not the dots of `…` blanks.
const DOTTED_GAP = /(?<=[\p{L}\p{M}\d])(?:\.{1,3}|…) +(?=[\p{L}\d])/gu;

/**
 * Two-syllable words of agreements that OCR reads with one tone mark wrong (`THỊ HÀNH`, `Tống số`, `CỘNG TY`,
 * `tố chức`). Only pairs whose letters without marks stand for no other pair in use (`hằng năm`/`hàng năm`
 * are both right, so they are not here).
 */
const PHRASES = [
  'thi hành',
  'công ty',
  'tổng số',
  'tổ chức',
  'lao động',
  'thỏa ước',
  'tập thể',
  'công đoàn',
  'nguyên lương',
  'bảo hiểm',
  'phụ cấp',
  'tiền lương',
  'làm việc',
  'nghỉ ngơi',
  'hợp đồng',
  'giám đốc',
  'chủ tịch',
  'hiệu lực',
  'thời giờ',
  'điều khoản',
  'người lao',
];

const foldWord = (w: string) =>
  w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
const PHRASE_BY_FOLD = new Map(PHRASES.map((p) => [foldWord(p), p]));

/**
 * Puts right a tone mark OCR misread in a common two-syllable word of agreements, keeping the case as read.
 * @example fixPhrases('Chương VI. ĐIỀU KHOẢN THỊ HÀNH') // 'Chương VI. ĐIỀU KHOẢN THI HÀNH'
 */
export function fixPhrases(line: string): string {
  // Words and what lies between them; pairs overlap (`lao đồng` in `người lao đồng`), so they are walked one by one.
  const parts = line.split(/([^\p{L}\p{M}]+)/u);
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const [a, b] = [parts[i]!, parts[i + 2]!];
    if (parts[i + 1] !== ' ' || !a || !b) continue;
    const read = `${a} ${b}`.toLowerCase();
    const known = PHRASE_BY_FOLD.get(foldWord(read));
    if (!known || known === read) continue;
    const [ka, kb] = known.split(' ') as [string, string];
    parts[i] = cased(ka, a);
    parts[i + 2] = cased(kb, b);
  }
  return parts.join('');
}

/** `word` in the case `read` was written in: all capitals, capitalised, or lower case. */
function cased(word: string, read: string): string {
  if (read.length > 1 && read === read.toUpperCase()) return word.toUpperCase();
  if (read[0] !== read[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
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
  const { words, bbox } = withoutMarks(line);
  const height = Math.max(1, bbox.y1 - bbox.y0);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const word of words) {
    const gap = word.bbox.x0 - end;
    if (text) text += gap > height * 2.5 ? ' | ' : ' ';
    text += word.text;
    end = word.bbox.x1;
  }
  const cleaned = fixPhrases(
    fixGluedUnits(restoreCapitalMarks(fixDigitsInNumbers(fixHeadingWords(text.replace(/\s+/g, ' ').trim())))),
  );
  const confidence = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
  const numbers = words.filter((w) => /\d/.test(w.text)).map((w) => w.confidence);
  const read: ReadLine = { text: cleaned, confidence: Math.round(confidence * 10) / 10 };
  if (numbers.length) read.numberConfidence = Math.min(...numbers);
  return read;
}

/**
 * An OCR line without the bits of a stamp or a scribble at either end (short, unsure words, or an unsure one
 * standing apart after a column gap), its box that of the words kept.
 */
export function withoutMarks(line: OcrLine): OcrLine {
  const height = Math.max(1, line.bbox.y1 - line.bbox.y0);
  // An unsure word standing apart after a column gap (a stamp's ring read as `YVARN`) is junk whatever its length;
  // an unsure word right beside the others may be a real one misread (`giờnăm.` at 5 %), and stays.
  const junk = (w: OcrWord, gap: number) => {
    const letters = w.text.replace(/[^\p{L}\d]/gu, '').length;
    return (
      (letters === 0 && !/^[-+•*–.…)]+$/u.test(w.text)) ||
      (w.confidence < 50 && letters <= 2) ||
      (w.confidence < 50 && gap > height * 2.5)
    );
  };
  const words = [...line.words];
  while (words.length > 1 && junk(words.at(-1)!, words.at(-1)!.bbox.x0 - words.at(-2)!.bbox.x1)) words.pop();
  while (words.length > 1 && junk(words[0]!, words[1]!.bbox.x0 - words[0]!.bbox.x1)) words.shift();
  if (words.length === line.words.length) return line;
  return {
    words,
    bbox: {
      x0: Math.min(...words.map((w) => w.bbox.x0)),
      y0: Math.min(...words.map((w) => w.bbox.y0)),
      x1: Math.max(...words.map((w) => w.bbox.x1)),
      y1: Math.max(...words.map((w) => w.bbox.y1)),
    },
  };
}
