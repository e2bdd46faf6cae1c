/**
 * Whether a number grants something. An agreement's numbers are not all
 * entitlements: a number may limit who gets another benefit (`nếu`, `khi`,
 * `không quá … thì`, `dành cho NLĐ …`), point at a rule (`theo Điều 16`),
 * illustrate a formula (`ví dụ`, `minh họa`), date a holiday (`30/4`), name a
 * code (`ISO 9001`, `L2`) or restate a number already counted. These rules
 * say which, and why, so every number of an agreement is accounted for.
 */

import { findDates } from './dates.ts';
import type { Message } from './types.ts';

/** Why a number was not measured as an entitlement. */
export type SkipReason =
  /** It limits who gets a benefit or when (`nếu`, `khi`, `không quá … thì`). */
  | 'condition'
  | 'date'
  /** It points at another rule (`theo Điều 16 (150%)`, `khoản 2`). */
  | 'reference'
  /** A worked example or an illustration. */
  | 'example'
  /** The same number for the same thing, already measured in this article. */
  | 'restatement'
  /** Part of a number measured just before it (`02 ngày (02/9 và 01 ngày liền kề)`). */
  | 'part_of_benefit'
  /** A code, an address, a phone number, a standard (`ISO 9001`, `L2`, `5S`). */
  | 'code'
  /** A count of things or a position (`04 bản`, `giờ thứ 8`), not an amount. */
  | 'count'
  /** A time limit of the parties (term of the agreement, review, reply to the union). */
  | 'procedure'
  /** Something the worker must do, not something the worker gets. */
  | 'obligation'
  /** An amount with a unit whose subject the product could not tell: not read. */
  | 'no_subject';

export const SKIP_REASONS: readonly SkipReason[] = [
  'condition',
  'date',
  'reference',
  'example',
  'restatement',
  'part_of_benefit',
  'code',
  'count',
  'procedure',
  'obligation',
  'no_subject',
];

const REASON_TEXT: Record<SkipReason, Message> = {
  condition: { vi: 'điều kiện hưởng, không phải quyền lợi', en: 'a condition, not an entitlement' },
  date: { vi: 'ngày tháng', en: 'a date' },
  reference: { vi: 'dẫn chiếu điều khoản khác', en: 'a reference to another rule' },
  example: { vi: 'ví dụ minh họa', en: 'a worked example' },
  restatement: { vi: 'nhắc lại con số đã đối chiếu', en: 'restates a number already compared' },
  part_of_benefit: {
    vi: 'một phần của con số đứng trước',
    en: 'part of the number just before it',
  },
  code: { vi: 'mã số, ký hiệu hoặc địa chỉ', en: 'a code, a name or an address' },
  count: { vi: 'số đếm hoặc thứ tự, không phải mức hưởng', en: 'a count or a position, not an amount' },
  procedure: {
    vi: 'thời hạn thủ tục của các bên, không phải quyền lợi',
    en: 'a time limit of the parties, not an entitlement',
  },
  obligation: { vi: 'nghĩa vụ của người lao động', en: 'an obligation of the worker' },
  no_subject: {
    vi: 'chưa xác định được nội dung con số này',
    en: 'what this number is about was not recognised',
  },
};

/** The message of a reason, with the words that decided it when there are some. */
export function skipMessage(reason: SkipReason, words?: string): Message {
  const base = REASON_TEXT[reason];
  if (!words) return base;
  const quoted = words.trim().replace(/\s+/g, ' ').slice(0, 60);
  return { vi: `${base.vi} ("${quoted}")`, en: `${base.en} ("${quoted}")` };
}

/** Reasons that say the number is not an entitlement; `no_subject` means it was not read. */
export function isNotEntitlement(reason: SkipReason): boolean {
  return reason !== 'no_subject';
}

const EXAMPLE = /(?<![\p{L}\p{M}])(?:ví\s+dụ|minh\s+họa|giả\s+sử|chẳng\s+hạn)(?![\p{L}\p{M}])/iu;

/** Headings and lead-ins that make a whole clause an illustration (`Điều 19. Ví dụ minh họa`). */
export function isExampleHeading(heading: string | undefined): boolean {
  return heading !== undefined && EXAMPLE.test(heading);
}

/**
 * The example words governing the number at `start`: the part of its
 * sentence opened by `ví dụ`, `giả sử`, or a bracket that starts with them.
 */
export function exampleBefore(segment: string, start: number): string | undefined {
  const before = segment.slice(0, start);
  const open = before.lastIndexOf('(');
  const close = before.lastIndexOf(')');
  if (open > close) {
    const inside = before.slice(open + 1);
    const m = EXAMPLE.exec(inside);
    if (m && m.index < 4) return m[0];
  }
  const m = EXAMPLE.exec(before);
  return m ? m[0] : undefined;
}

// "theo Điều 16 (150%/200%)", "tại khoản 2 Điều 17 (+30%)": the number is the other rule's, restated.
const REFERENCE_TAIL =
  /(?:theo|tại|như|của|ở)\s+(?:quy\s+định\s+(?:tại|của)\s+)?(?:điều|khoản|điểm|mục|chương|phụ\s+lục)\s+[\d.]+(?:\s+(?:khoản|điều|điểm)\s+[\d.a-zđ]+)*\s*\(\s*[^()]*$/iu;

/** Whether the words before a number make it a restatement of another rule (`theo Điều 17 (+30%)`). */
export function referenceBefore(segmentBefore: string): string | undefined {
  const m = REFERENCE_TAIL.exec(segmentBefore);
  return m ? m[0] : undefined;
}

const OPENERS = [
  'nếu',
  'khi',
  'trường hợp',
  'với điều kiện',
  'điều kiện hưởng',
  'điều kiện được',
  'đủ điều kiện',
  'dành cho',
  'áp dụng cho',
  'áp dụng đối với',
  'chỉ áp dụng',
];
const OPENER = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${OPENERS.map((o) => o.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{M}])`,
  'giu',
);
// The condition has ended and the entitlement begins.
const MAIN =
  /(?<![\p{L}\p{M}])(?:thì|phải|báo\s+trước|sẽ\s+được|được\s+(?:hưởng|nghỉ|trả|thưởng|cấp|hỗ\s+trợ|tặng|bố\s+trí|tính|chi\s+trả|thanh\s+toán|giải\s+quyết|ưu\s+tiên)|công\s+ty\s+(?:sẽ\s+)?(?:hỗ\s+trợ|trả|chi|thưởng|tặng|cấp)|chi\s+trả|trả\s+thêm|hưởng)(?![\p{L}\p{M}])|[:,]/giu;
// "cho NLĐ nghỉ không quá 02 ngày": the number limits who gets what came before.
const FOR_WHOM =
  /(?<![\p{L}\p{M}])(?:cho|dành\s+cho)\s+(?:những\s+|các\s+)?(?:nlđ|người\s+lao\s+động|lao\s+động|công\s+nhân|nhân\s+viên)\b[^,;:()]*?(?:không\s+quá|dưới|trên|từ|đủ|ít\s+hơn|nhiều\s+hơn|tối\s+đa)\s*$/iu;
// "NLĐ làm đủ 12 tháng … được thưởng", "nghỉ không quá 2 ngày … thì": a threshold before the entitlement.
const THRESHOLD = /(?<![\p{L}\p{M}])(?:đủ|không\s+quá|dưới|trên|từ|ít\s+hơn|quá)\s*$/iu;
const LATER_MAIN =
  /(?<![\p{L}\p{M}])(?:thì|mới\s+được|sẽ|với\s+mức|được\s+(?:hưởng|nghỉ|trả|thưởng|cấp|hỗ\s+trợ|tặng|xét))(?![\p{L}\p{M}])/iu;

/**
 * The words that make the number at `[start, end)` of a sentence a condition
 * of something else, or `undefined` when the number is what the sentence grants.
 *
 * @example conditionAt('Thưởng 300.000 đồng cho NLĐ nghỉ không quá 02 ngày trong tháng', 46, 53) // 'cho NLĐ nghỉ không quá'
 */
export function conditionAt(segment: string, start: number, end: number): string | undefined {
  const before = segment.slice(0, start);
  let opener: RegExpExecArray | undefined;
  OPENER.lastIndex = 0;
  for (const m of before.matchAll(OPENER)) opener = m as RegExpExecArray;
  // "trừ khi Công ty lựa chọn …" is an exception the employer may choose, not a condition of the number.
  // "sau khi", "trước khi", "kể từ khi" say when, not on what condition.
  const preceding = before.slice(Math.max(0, opener ? opener.index - 8 : 0), opener?.index ?? 0);
  if (opener && !/(?:trừ|sau|trước|từ|trong)\s*$/iu.test(preceding)) {
    const between = before.slice(opener.index + opener[0].length);
    MAIN.lastIndex = 0;
    if (!MAIN.test(between)) return `${opener[0]}${between}`.trim();
  }
  const forWhom = FOR_WHOM.exec(before);
  // Only after an amount: "thưởng 300.000 đồng cho NLĐ nghỉ không quá 02 ngày".
  if (forWhom && /\d/.test(before.slice(0, forWhom.index))) return forWhom[0].trim();
  const threshold = THRESHOLD.exec(before);
  // "từ 300.000 đến 2.000.000" is a range; "từ 02 giờ trở lên" is a threshold.
  const isRange =
    threshold && /^từ/iu.test(threshold[0].trim()) && !/^[^;,.]{0,24}trở\s+lên/iu.test(segment.slice(end));
  if (threshold && !isRange) {
    const after = segment.slice(end);
    const later = LATER_MAIN.exec(after);
    // The entitlement follows in the same clause: the number was its threshold.
    if (later && !/[;]/.test(after.slice(0, later.index))) return `${threshold[0].trim()} … ${later[0]}`;
  }
  return undefined;
}

const PROCEDURE = [
  'hiệu lực',
  'thời hạn của thỏa ước',
  'thời hạn thỏa ước',
  'sửa đổi',
  'bổ sung thỏa ước',
  'rà soát',
  'trả lời',
  'phản hồi',
  'kiến nghị',
  'thông báo bằng văn bản',
  'biết trước',
  'lập thành',
];

/** The words that make a number a time limit of the parties rather than of a worker's rights. */
export function procedureWords(has: (phrase: string) => boolean): string | undefined {
  return PROCEDURE.find(has);
}

/** A number that is not a quantity: its reason, given the words around it. */
export interface LooseNumber {
  written: string;
  start: number;
  end: number;
  reason: SkipReason;
}

const DIGITS = /(?<![\p{L}\p{M}\p{N}])[A-Za-z+]*\d+(?:[.,:/–-]\d+)*[A-Za-z+]*/gu;
const REF_WORDS =
  /(?:điều|khoản|điểm|mục|chương|phần|phụ lục|nghị định|thông tư|quyết định|luật|số|iso|quy chuẩn|tcvn)\s*(?:số\s*)?$/iu;
const CODE_WORDS = /(?:mã|mst|mã số thuế|điện thoại|đt|đtdđ|fax|lô|đường|số nhà|tài khoản|email)\s*:?\s*$/iu;

/**
 * Every digit run of a text that no quantity covers, with the reason it is not one.
 *
 * @param text a sentence
 * @param covered the spans of the quantities read in it
 */
export function looseNumbers(text: string, covered: ReadonlyArray<readonly [number, number]>): LooseNumber[] {
  if (!/\d/.test(text)) return [];
  const dates = findDates(text).map((d) => [d.index, d.index + d.raw.length] as const);
  const out: LooseNumber[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered.some(([from, to]) => start < to && end > from)) continue;
    const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
    let reason: SkipReason;
    if (dates.some(([from, to]) => start < to && end > from) || /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/.test(m[0]))
      reason = 'date';
    else if (/[A-Za-z]/.test(m[0]) || /\d{7,}/.test(m[0].replace(/\D/g, '')) || CODE_WORDS.test(before))
      reason = 'code';
    else if (REF_WORDS.test(before) || /^\d+\/\d{4}\//.test(text.slice(start, start + 12)))
      reason = 'reference';
    else if (/(?:ngày|tháng|năm)\s*$/iu.test(before)) reason = 'date';
    else reason = 'count';
    out.push({ written: m[0], start, end, reason });
  }
  return out;
}
