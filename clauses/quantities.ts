/**
 * Quantities as agreements write them: money (`4.960.000 đồng`, `1,5 triệu`,
 * `30.000đ/bữa`, ranges `từ 300.000 đến 3.000.000 đồng/tháng`), percentages
 * (`ít nhất bằng 200%`), durations (`14 ngày làm việc`, `03 (ba) tháng`,
 * `mười hai ngày`, `8 giờ/ngày`), counts (`2 lần/năm`) and months of wages
 * (`01 tháng tiền lương`). What a number is *about* is decided later, from its
 * words around it (see `measures.ts`).
 */

import { findDates } from './dates.ts';
import { parseNumberWords } from './numbers.ts';

export type QuantityUnit =
  | 'VND'
  | 'percent'
  | 'minute'
  | 'hour'
  | 'day'
  | 'working_day'
  | 'week'
  | 'month'
  | 'year'
  | 'times'
  | 'month_wage'
  /** A half-day session (`một buổi`). */
  | 'session';

/** The period or thing a quantity is counted per (`/tháng` → `month`, `/bữa` → `meal`). */
export type PerUnit =
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'year'
  | 'meal'
  | 'shift'
  | 'person'
  | 'time'
  | 'child'
  | 'period';

export type QuantityFlag =
  /** Digit groups that cannot be right, e.g. `1.000.0000`: the value is a guess. */
  | 'malformed_number'
  /** Digits and the words in brackets disagree, e.g. `03 (hai) ngày`. */
  | 'number_mismatch'
  /** An age (`dưới 12 tháng tuổi`), not a length of time. */
  | 'age';

export interface Quantity {
  value: number;
  /** Upper end of a range (`từ 300.000 đến 3.000.000`). */
  max?: number;
  unit: QuantityUnit;
  per: PerUnit[];
  /** The words as written, and where they are in the text. */
  text: string;
  start: number;
  end: number;
  flags: QuantityFlag[];
}

const NUMBER_WORD = '(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|linh|lẻ|nửa)';
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}.,/])(?:(\\d+(?:[.,]\\d+)*)|(${NUMBER_WORD}(?:\\s+${NUMBER_WORD})*))(?!(?!đ(?![\\p{L}\\p{M}]))[\\p{L}\\p{M}\\p{N}])`,
  'gu',
);
const CANDIDATE_AT = new RegExp(CANDIDATE.source, 'uy');
const MULTIPLIERS: Record<string, number> = { tỷ: 1e9, tỉ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };
const UNIT = String.raw`%|phần\s+trăm|đồng|vnđ|vnd|đ(?![\p{L}\p{M}])|phút|giờ(?:\s+làm\s+việc)?|h(?![\p{L}\p{M}\p{N}])|ngày\s+làm\s+việc|ngày|tuần|tháng\s+(?:tiền\s+)?lương|tháng|năm|lần|kỳ|buổi`;
const TAIL = new RegExp(
  String.raw`\s*(?:\((?<paren>[^()\n]{1,60})\)\s*)?(?:(?<mult>tỷ|tỉ|triệu|nghìn|ngàn)(?![\p{L}\p{M}]))?\s*(?:(?<unit>${UNIT})(?![\p{L}\p{M}]))?`,
  'uy',
);
const PER_UNIT = String.raw`ngày\s+làm\s+việc|ngày|tuần|tháng|năm(?:\s+làm\s+việc)?|giờ|bữa|suất|ca|người|lần|con|phiên\s+trực|phiên|kỳ`;
const PER = new RegExp(
  String.raw`\s*(?:\/|cho\s+mỗi|mỗi|một|trên|hằng|hàng|trong\s+(?:một|01|1))\s*(?<per>${PER_UNIT})(?![\p{L}\p{M}])`,
  'uy',
);
const RANGE_JOIN = /\s*(?:đến|tới|-|–|~)\s*/uy;
const AGE = /\s*tuổi(?![\p{L}\p{M}])/uy;
// Numbers that are references, not quantities: "Điều 46", "khoản 2", "lần thứ 2", "ngày 15", "tháng 7".
const REFERENCE_BEFORE =
  /(?:điều|khoản|điểm|mục|chương|phần|số|thứ|ngày|tháng|vùng|nghị định|thông tư|quyết định|luật|kỳ|quy chuẩn)\s*$/u;
const TIME_OF_DAY_BEFORE = /(?:lúc|từ|đến|tới|sau|trước|khoảng)\s*$/u;
// "mỗi ngày 8 giờ", "hằng tháng 500.000 đồng": the word before the number is a period, not a date.
const DISTRIBUTIVE_BEFORE = /(?:mỗi|mọi|một|hằng|hàng|trên|\/)\s*(?:ngày|tháng|tuần)(?:\s+làm\s+việc)?\s*$/u;
// References that a money amount or a percentage cannot be: "ngày 1.000.000đ" is a table cell after a row's words.
const DATE_WORD_BEFORE = /(?:ngày|tháng|kỳ)\s*$/u;
// "1/2 ngày" is half a day; "24/24 giờ" is round the clock.
const FRACTION = /\s*\/\s*(\d{1,2})(?!\d)/uy;
const TIME_OF_DAY_AFTER = /^\s*(?:sáng|chiều|tối|trưa|đêm|\d)/u;

const PER_KEYS: Record<string, PerUnit> = {
  ngày: 'day',
  'ngày làm việc': 'day',
  tuần: 'week',
  tháng: 'month',
  năm: 'year',
  'năm làm việc': 'year',
  giờ: 'hour',
  bữa: 'meal',
  suất: 'meal',
  ca: 'shift',
  phiên: 'shift',
  'phiên trực': 'shift',
  người: 'person',
  lần: 'time',
  con: 'child',
  kỳ: 'period',
};

/**
 * Finds the quantities in a clause, in order. Dates and references
 * (`Điều 46`, `khoản 2`, `ngày 15`) are not quantities.
 *
 * @param text clause text in canonical form (see `normalizeText`)
 * @returns the quantities with their value, unit, period and span
 * @example extractQuantities('nghỉ 30 phút mỗi ngày')[0] // { value: 30, unit: 'minute', per: ['day'], … }
 */
export function extractQuantities(text: string): Quantity[] {
  const lower = text.toLowerCase();
  // Lower-casing Vietnamese keeps offsets; if some letter does not, spans refer to the lower-case text.
  const source = lower.length === text.length ? text : lower;
  const dates = findDates(text).map((d) => [d.index, d.index + d.raw.length] as const);
  const found: Quantity[] = [];
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null = CANDIDATE.exec(lower);
  while (match) {
    const quantity = readQuantity(lower, source, match, dates);
    if (quantity) {
      found.push(quantity);
      CANDIDATE.lastIndex = quantity.end;
    }
    match = CANDIDATE.exec(lower);
  }
  return found;
}

interface Reading {
  value: number;
  unit: QuantityUnit | undefined;
  /** `triệu`, `nghìn` as written after the number, else 1. */
  multiplier: number;
  end: number;
  flags: QuantityFlag[];
}

function readQuantity(
  lower: string,
  source: string,
  match: RegExpExecArray,
  dates: ReadonlyArray<readonly [number, number]>,
): Quantity | undefined {
  let start = match.index;
  const before = lower.slice(Math.max(0, start - 24), start);
  if (dates.some(([from, to]) => start >= from && start < to)) return undefined;
  const reference = REFERENCE_BEFORE.test(before) && !DISTRIBUTIVE_BEFORE.test(before);
  let token: Token = { digits: match[1], words: match[2], end: match.index + match[0].length };
  FRACTION.lastIndex = token.end;
  const fraction = token.digits && /^\d{1,2}$/.test(token.digits) ? FRACTION.exec(lower) : null;
  if (fraction) {
    const [top, bottom] = [Number(token.digits), Number(fraction[1])];
    // 1/2, 3/4 of a unit, or N/N ("24/24 giờ"); other slashes are dates and ratios (15/3, 1.486/1.720).
    if (top < bottom && bottom <= 4) token = { ...token, value: top / bottom, end: FRACTION.lastIndex };
    else if (top === bottom && top > 1) token = { ...token, end: FRACTION.lastIndex };
    else return undefined;
  } else if (/^\s*\/\s*\d/.test(lower.slice(token.end))) return undefined;
  if (reference) {
    // A date word before a money amount is the end of a table's previous cell, not a date.
    const money = readAt(lower, token);
    if (!DATE_WORD_BEFORE.test(before) || (money?.unit !== 'VND' && money?.unit !== 'percent'))
      return undefined;
  }

  if (token.words !== undefined && /^năm(?:\s|$)/u.test(token.words)) {
    // "hằng năm mười hai ngày": a leading "năm" after these words is the year, not five.
    if (/(?:hằng|hàng|mỗi|trong|cả|các|những|của|cuối|đầu)\s*$/u.test(before)) {
      const rest = token.words.replace(/^năm\s*/u, '');
      if (!rest) return undefined;
      start = token.end - rest.length;
      token = { ...token, words: rest };
    }
  }
  const first = readAt(lower, token);
  if (!first) return undefined;

  let reading = first;
  let max: number | undefined;
  RANGE_JOIN.lastIndex = first.end;
  const join = RANGE_JOIN.exec(lower);
  if (join) {
    CANDIDATE_AT.lastIndex = join.index + join[0].length;
    const next = CANDIDATE_AT.exec(lower);
    if (next) {
      const second = readAt(lower, { digits: next[1], words: next[2], end: next.index + next[0].length });
      if (second?.unit && (!first.unit || first.unit === second.unit)) {
        // "từ 1 đến 3 triệu": the multiplier written once applies to both ends.
        const low = first.multiplier === 1 ? first.value * second.multiplier : first.value;
        max = second.value;
        reading = { ...second, value: low, flags: [...first.flags, ...second.flags] };
      }
    }
  }
  if (!reading.unit) {
    // "dưới 1 tuổi", "dưới một tuổi": an age in years.
    AGE.lastIndex = reading.end;
    const age = AGE.exec(lower);
    if (!age) return undefined;
    reading = { ...reading, unit: 'year', end: reading.end, flags: [...reading.flags] };
  }

  let end = reading.end;
  const unit: QuantityUnit = reading.unit ?? 'year';
  // "từ 11 giờ đến 14 giờ", "05 giờ sáng", "17 giờ 30" are times of day, not lengths of time.
  // "từ 03 giờ trở lên" is a length of time.
  const timeOfDay =
    unit === 'hour' &&
    !/^\s*(?:\/\s*ngày\s*)?trở\s+(?:lên|xuống)/u.test(lower.slice(end)) &&
    (TIME_OF_DAY_BEFORE.test(before) || TIME_OF_DAY_AFTER.test(lower.slice(end)));
  if (unit === 'year' && reading.value >= 1900) return undefined;

  const per: PerUnit[] = [];
  for (;;) {
    PER.lastIndex = end;
    const p = PER.exec(lower);
    if (!p?.groups?.per) break;
    const key = PER_KEYS[p.groups.per.replace(/\s+/g, ' ')];
    if (key) per.push(key);
    end = p.index + p[0].length;
  }
  if (timeOfDay && per.length === 0) return undefined;
  if (
    unit === 'hour' &&
    per.length === 0 &&
    /(?:mỗi|một|hằng|hàng)\s+ngày(?:\s+làm\s+việc)?\s*$/u.test(before)
  )
    per.push('day');
  const flags = [...reading.flags];
  AGE.lastIndex = end;
  const age = AGE.exec(lower);
  if (age && (unit === 'month' || unit === 'year')) {
    flags.push('age');
    end = age.index + age[0].length;
  }
  const quantity: Quantity = {
    value: reading.value,
    unit,
    per,
    text: source.slice(start, end),
    start,
    end,
    flags: [...new Set(flags)],
  };
  if (max !== undefined && max !== reading.value) quantity.max = max;
  return quantity;
}

interface Token {
  digits: string | undefined;
  words: string | undefined;
  /** Offset just past the number. */
  end: number;
  /** The value when the digits do not say it alone (`1/2` is 0.5). */
  value?: number;
}

function readAt(lower: string, { digits, words, end: numberEnd, value: given }: Token): Reading | undefined {
  TAIL.lastIndex = numberEnd;
  const tail = TAIL.exec(lower);
  const groups = tail?.groups ?? {};
  const multiplier = groups.mult ? (MULTIPLIERS[groups.mult] ?? 1) : 1;
  const flags: QuantityFlag[] = [];
  let value: number | undefined = given;
  if (value !== undefined) {
    // read as given
  } else if (digits !== undefined) {
    const parsed = parseDigits(digits, multiplier !== 1);
    value = parsed.value;
    if (parsed.malformed) flags.push('malformed_number');
  } else if (words !== undefined) {
    value = parseWords(words);
  }
  if (value === undefined) return undefined;
  if (groups.paren !== undefined && digits !== undefined) {
    const spelled = parseWords(groups.paren);
    if (spelled !== undefined && spelled !== value && spelled !== value * multiplier)
      flags.push('number_mismatch');
  }
  const unit = toUnit(groups.unit, multiplier !== 1);
  const end = tail && (groups.unit || groups.mult || groups.paren) ? tail.index + tail[0].length : numberEnd;
  return { value: value * multiplier, unit, multiplier, end, flags };
}

function toUnit(written: string | undefined, multiplied: boolean): QuantityUnit | undefined {
  if (!written) return multiplied ? 'VND' : undefined;
  const unit = written.replace(/\s+/g, ' ');
  if (unit === '%' || unit === 'phần trăm') return 'percent';
  if (unit === 'đồng' || unit === 'đ' || unit === 'vnđ' || unit === 'vnd') return 'VND';
  if (multiplied) return undefined; // "5 triệu ngày" is not money
  if (unit === 'phút') return 'minute';
  if (unit.startsWith('giờ') || unit === 'h') return 'hour';
  if (unit === 'buổi') return 'session';
  if (unit === 'ngày làm việc') return 'working_day';
  if (unit === 'ngày') return 'day';
  if (unit === 'tuần') return 'week';
  if (unit.startsWith('tháng ')) return 'month_wage';
  if (unit === 'tháng') return 'month';
  if (unit === 'năm') return 'year';
  return 'times';
}

/**
 * Reads digits in Vietnamese notation. Dots group thousands and commas mark
 * decimals; commas grouping thousands (`4,960,000`) are read as such. Groups
 * that cannot be right (`1.000.0000`) are flagged and read digit by digit.
 */
function parseDigits(token: string, multiplied: boolean): { value: number | undefined; malformed: boolean } {
  if (/^\d+$/.test(token)) return { value: Number(token), malformed: false };
  if (/^\d{1,3}(?:\.\d{3})+$/.test(token))
    return { value: Number(token.replace(/\./g, '')), malformed: false };
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(token))
    return { value: Number(token.replace(/,/g, '')), malformed: false };
  if (/^\d{1,3},\d{3}$/.test(token) && !multiplied)
    return { value: Number(token.replace(',', '')), malformed: false };
  if (/^\d+,\d+$/.test(token)) return { value: Number(token.replace(',', '.')), malformed: false };
  if (/^\d+\.\d{1,2}$/.test(token)) return { value: Number(token), malformed: false };
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(token))
    return { value: Number(token.replace(/\./g, '').replace(',', '.')), malformed: false };
  return { value: Number(token.replace(/[.,]/g, '')), malformed: true };
}

/** Reads numbers in words, including amounts such as `năm triệu ba trăm nghìn`. */
function parseWords(words: string): number | undefined {
  const tokens = words.trim().toLowerCase().split(/\s+/);
  if (tokens.length === 1 && tokens[0] === 'nửa') return 0.5;
  let total = 0;
  let segment: string[] = [];
  for (const token of tokens) {
    const multiplier = MULTIPLIERS[token];
    if (multiplier) {
      total += (segment.length ? (parseNumberWords(segment.join(' ')) ?? Number.NaN) : 1) * multiplier;
      segment = [];
    } else if (token === 'đồng') {
      // "(năm triệu đồng)": the currency inside the brackets
    } else {
      segment.push(token);
    }
  }
  if (segment.length) total += parseNumberWords(segment.join(' ')) ?? Number.NaN;
  return Number.isFinite(total) ? total : undefined;
}
