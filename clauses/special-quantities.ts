/**
 * Entitlements written without a plain amount: "cứ đủ 05 năm … thêm 01 ngày"
 * (seniority leave), "tháng lương thứ 13", a night window "từ 22:00 đến
 * 06:00", a pay window "từ ngày 01–03 của tháng kế tiếp", and how often
 * something happens in words: "hằng năm", "hàng quý", "01 lần/năm",
 * "06 tháng một lần" (health checks, workplace dialogue).
 */

import type { PhraseMatcher } from './phrases.ts';
import type { Quantity, QuantityUnit } from './quantities.ts';
import type { MeasureSubject } from './subjects.ts';

export interface SpecialQuantity {
  subject: MeasureSubject;
  quantity: Quantity;
  /** The words that made it an entitlement of its subject. */
  because: string[];
}

const NIGHT = ['ban đêm', 'ca đêm', 'làm đêm', 'giờ làm việc ban đêm'];
const SENIORITY =
  /cứ\s+(?:đủ\s+)?(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm(?:\s+làm\s+việc)?[^;.]*?(?:thêm|tăng thêm)\s+(\d+|một|hai|ba)\s+ngày/iu;
const THIRTEENTH_MONTH = /tháng\s+lương\s+thứ\s+13|lương\s+tháng\s+(?:thứ\s+)?13/iu;
const CLOCK = String.raw`(\d{1,2})\s*(?::\s*(\d{2})|h\s*(\d{2})?|giờ(?:\s*(\d{2}))?)`;
const NIGHT_WINDOW = new RegExp(`${CLOCK}(?:\\s*(?:tối|đêm))?\\s*(?:đến|tới|-|–)\\s*${CLOCK}`, 'iu');
const PAY_WINDOW =
  /(?:từ\s+|vào\s+|trước\s+|chậm\s+nhất(?:\s+là)?(?:\s+vào)?\s+|trong\s+)?ngày\s+(\d{1,2})(?:\s*(?:–|-|đến)\s*(?:ngày\s+)?(\d{1,2}))?\s+(?:của\s+)?(?:tháng\s+(?:kế\s+tiếp|sau|tiếp\s+theo|liền\s+kề)|hằng\s+tháng|hàng\s+tháng|mỗi\s+tháng)/iu;
const PAY_WINDOWS = new RegExp(PAY_WINDOW.source, 'giu');
const FREQUENCY =
  /(?<![\p{L}\p{M}])(?:(?:hằng|hàng|mỗi)\s+(năm|quý|tháng)|(\d{1,2}|một|hai|ba|bốn)\s+lần\s*(?:\/|một|mỗi|trong\s+(?:một|01|1)|trên)\s*(năm|quý|tháng)|(\d{1,2}|một|hai|ba|sáu)\s+tháng\s+(?:một|01|1)\s+lần)(?![\p{L}\p{M}])/iu;
const SMALL_WORDS: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};
const MONTHS_IN: Record<string, number> = { năm: 12, quý: 3, tháng: 1 };

function toNumber(written: string | undefined): number | undefined {
  if (!written) return undefined;
  return /^\d+$/.test(written) ? Number(written) : SMALL_WORDS[written.toLowerCase()];
}

function quantity(text: string, start: number, value: number, unit: QuantityUnit, max?: number): Quantity {
  const q: Quantity = { value, unit, per: [], text, start, end: start + text.length, flags: [] };
  if (max !== undefined) q.max = max;
  return q;
}

/**
 * The entitlements of a sentence written without a plain amount.
 *
 * @param text the sentence
 * @param segment matcher over the sentence
 * @param context matcher over the sentence's clause, headings and a table's header
 */
export function specialQuantities(
  text: string,
  segment: PhraseMatcher,
  context: PhraseMatcher,
): SpecialQuantity[] {
  const found: SpecialQuantity[] = [];
  const seniority = SENIORITY.exec(text);
  if (seniority && (context.has('phép năm') || context.has('nghỉ'))) {
    const years = toNumber(seniority[1]);
    const days = toNumber(seniority[2]);
    if (years && days)
      found.push({
        subject: 'annual_leave_seniority',
        quantity: quantity(seniority[0], seniority.index, years / days, 'year'),
        because: ['cứ … năm', 'thêm … ngày'],
      });
  }
  const thirteenth = THIRTEENTH_MONTH.exec(text);
  if (thirteenth)
    found.push({
      subject: 'bonus',
      quantity: quantity(thirteenth[0], thirteenth.index, 1, 'month_wage'),
      because: [thirteenth[0].toLowerCase()],
    });
  const night = segment.first(NIGHT);
  const window = night ? NIGHT_WINDOW.exec(text) : null;
  if (night && window && (segment.has('thời gian') || segment.has('giờ') || segment.has('khung'))) {
    const clock = (h: string | undefined, ...m: Array<string | undefined>) =>
      Number(h) + Number(m.find((x) => x !== undefined) ?? 0) / 60;
    const start = clock(window[1], window[2], window[3], window[4]);
    const end = clock(window[5], window[6], window[7], window[8]);
    const joined = /^(.*?)\s*(?:tối|đêm)?\s*(?:đến|tới|-|–)\s*/iu.exec(window[0]);
    const first = joined?.[1] ?? '';
    const secondAt = joined?.[0].length ?? 0;
    if (start >= 18 && end <= 8 && first && secondAt > 0) {
      found.push({
        subject: 'night_hours_start',
        quantity: quantity(first, window.index, start, 'hour'),
        because: [night, 'từ'],
      });
      found.push({
        subject: 'night_hours_end',
        quantity: quantity(window[0].slice(secondAt), window.index + secondAt, end, 'hour'),
        because: [night, 'đến'],
      });
    }
  }
  const pay =
    /ngày\s+\d/iu.test(text) &&
    (/(?:trả|chi\s+trả|thanh\s+toán|chi)/iu.test(text) || context.has('chi trả') || context.has('trả lương'));
  for (const m of pay ? text.matchAll(PAY_WINDOWS) : []) {
    // "Chốt KPI: ngày 01–07" is a data cut-off, not a pay date.
    if (/chốt[^|;]{0,20}$/iu.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (low < 1 || high > 31 || high < low) continue;
    const before = text.slice(0, m.index);
    const clause = before.slice(Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), 0));
    const bonus = /thưởng/iu.test(clause) || (/thưởng/iu.test(before) && !/lương/iu.test(clause));
    const written = m[0].replace(/^(?:từ|vào|trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?|trong)\s+/iu, '');
    const offset = m[0].length - written.length;
    const text0 = written.replace(/\s+(?:của\s+)?(?:tháng|hằng|hàng|mỗi)[\s\S]*$/iu, '');
    found.push({
      subject: bonus ? 'bonus_pay_day' : 'wage_pay_day',
      // A pay window is judged by its later end.
      quantity: quantity(text0, m.index + offset, high, 'day'),
      because: [bonus ? 'thưởng' : 'trả lương', 'ngày … tháng'],
    });
  }
  const health = segment.first(['khám sức khỏe', 'khám sức khoẻ']);
  const dialogue = segment.first(['đối thoại']);
  if (health || dialogue) {
    const m = FREQUENCY.exec(text);
    if (m) {
      let months: number | undefined;
      if (m[1]) months = MONTHS_IN[m[1].toLowerCase()];
      else if (m[3]) {
        const times = toNumber(m[2]);
        const per = MONTHS_IN[m[3].toLowerCase()];
        if (times && per) months = per / times;
      } else months = toNumber(m[4]);
      if (months) {
        const subject: MeasureSubject = health ? 'health_check_interval' : 'dialogue_interval';
        const value = subject === 'health_check_interval' ? months / 12 : months;
        found.push({
          subject,
          quantity: quantity(m[0], m.index, value, subject === 'health_check_interval' ? 'year' : 'month'),
          because: [(health ?? dialogue)!, m[0].toLowerCase()],
        });
      }
    }
  }
  return found;
}
