/** Values as readers write them, in each language. */

import type { Language } from './messages.ts';

const UNIT_WORDS: Record<string, [string, string]> = {
  VND: ['đồng', 'VND'],
  percent: ['%', '%'],
  minute: ['phút', 'min'],
  hour: ['giờ', 'h'],
  day: ['ngày', 'days'],
  working_day: ['ngày làm việc', 'working days'],
  month: ['tháng', 'months'],
  year: ['năm', 'years'],
  month_wage: ['tháng lương', "months' wages"],
};

/** A floor's value with its unit: `5.310.000 đồng`, `6 ngày làm việc`, `150%`. */
export function formatFloor(value: number, unit: string | undefined, lang: Language): string {
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(value);
  const words = UNIT_WORDS[unit ?? ''];
  if (!words) return number;
  return unit === 'percent' ? `${number}%` : `${number} ${lang === 'vi' ? words[0] : words[1]}`;
}

/** Day-month-year, as Vietnamese readers write dates (a date-time is read by its day). */
export function formatDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10).split('-').reverse().join('/') : '—';
}
