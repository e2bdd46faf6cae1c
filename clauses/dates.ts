/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so that no
 * time zone moves a day. Month arithmetic clamps to the month's end.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds an ISO date if `y-m-d` is a real calendar date. */
export function toIsoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** True when `text` is a valid ISO calendar date. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  return m !== null && toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

function toUtc(iso: string): Date {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * The day number of an ISO date: days since 1970-01-01 (a day past its month's end counts on into the next,
 * as `Date.UTC` does). Integer arithmetic (the civil-from-days algorithm of H. Hinnant), no `Date`: the
 * library-wide questions do this for every agreement of a national library.
 */
function dayNumber(iso: string): number {
  // Read by character codes (the regular expression's work, a few times faster): `YYYY-MM-DD` or a RangeError.
  let year = 0;
  let month = 0;
  let date = 0;
  for (let i = 0; i < 10; i++) {
    const code = iso.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (code !== 45) year = Number.NaN;
      continue;
    }
    const digit = code - 48;
    if (!(digit >= 0 && digit <= 9)) year = Number.NaN;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else date = date * 10 + digit;
  }
  if (iso.length !== 10 || Number.isNaN(year)) throw new RangeError(`Not an ISO date: ${iso}`);
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day number (see {@link dayNumber}). */
function isoOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

/** Adds days (negative to go back). */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/**
 * Adds calendar months, clamping to the end of a shorter month.
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The last day in force of a term that starts on `effectiveOn`: a 3-year
 * agreement effective 01/01/2024 is in force through 31/12/2026.
 */
export function termEnd(effectiveOn: string, termMonths: number): string {
  return addDays(addMonths(effectiveOn, termMonths), -1);
}

/** Months between two dates when the second ends a whole-month term from the first. */
export function wholeMonthsBetween(effectiveOn: string, expiresOn: string): number | undefined {
  const from = toUtc(effectiveOn);
  const to = toUtc(expiresOn);
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  for (const candidate of [months, months + 1]) {
    if (candidate > 0 && termEnd(effectiveOn, candidate) === expiresOn) return candidate;
  }
  return undefined;
}

export interface DateMatch {
  iso: string;
  /** Offset of the match in the text. */
  index: number;
  /** The text as written. */
  raw: string;
}

const WRITTEN_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/.-])/gu;

/**
 * Finds the dates written in Vietnamese text, in order: `ngày 01 tháng 01 năm 2026`,
 * `11/10/2024`, `11-10-2024`, `11.10.2024` (always day first). Impossible dates are skipped.
 */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(WRITTEN_DATE)) {
    const iso = toIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso) found.push({ iso, index: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = toIsoDate(Number(m[4]), Number(m[3]), Number(m[1]));
    if (iso) found.push({ iso, index: m.index, raw: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The calendar day in Vietnam (UTC+7) at an instant: "today" for comparisons and expiry.
 * @param instant the moment, passed in (this module reads no clock)
 * @example dateInVietnam(new Date('2026-11-22T18:30:00Z')) // '2026-11-23'
 */
export function dateInVietnam(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
}
