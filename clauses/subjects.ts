/**
 * What a measured number is about (the subject of a measure): annual-leave
 * days, overtime pay on a weekly rest day, the monthly minimum wage, … Each
 * subject is compared in one unit; legal floors (`data/legal-floors.json`)
 * name the subject they apply to.
 */

import type { QuantityUnit } from './quantities.ts';

/** Subject → the unit its values are compared in. */
export const SUBJECT_UNITS = {
  min_wage_month: 'VND',
  min_wage_hour: 'VND',
  min_wage_premium: 'percent',
  normal_hours_day: 'hour',
  normal_hours_week: 'hour',
  ot_cap_month: 'hour',
  ot_cap_year: 'hour',
  ot_rate: 'percent',
  night_premium: 'percent',
  night_ot_rate: 'percent',
  break_minutes: 'minute',
  shift_rest: 'hour',
  weekly_rest: 'hour',
  public_holidays: 'day',
  public_holidays_extra: 'day',
  annual_leave: 'day',
  annual_leave_extra: 'day',
  annual_leave_seniority: 'year',
  leave_own_marriage: 'day',
  leave_child_marriage: 'day',
  leave_bereavement: 'day',
  leave_family_unpaid: 'day',
  maternity_leave: 'month',
  menstruation_break: 'minute',
  menstruation_days: 'day',
  nursing_break: 'minute',
  nursing_child_age: 'month',
  probation_max: 'day',
  probation_pay: 'percent',
  notice_worker: 'day',
  notice_employer: 'day',
  severance: 'month_wage',
  job_loss: 'month_wage',
  job_loss_minimum: 'month_wage',
  settlement_days: 'day',
  late_payment_days: 'day',
  stoppage_pay: 'percent',
  deduction_cap: 'percent',
  union_fee: 'percent',
  bonus: 'month_wage',
  meal_allowance: 'VND',
  allowance: 'VND',
  seniority_allowance: 'VND',
  childcare_support: 'VND',
  welfare_support: 'VND',
  pay_rise: 'percent',
} as const satisfies Record<string, QuantityUnit>;

export type MeasureSubject = keyof typeof SUBJECT_UNITS;

export const MEASURE_SUBJECTS = Object.keys(SUBJECT_UNITS) as MeasureSubject[];

/** How many of `to` make one `from`, for the units that convert (days and working days count alike). */
const FACTORS: Partial<Record<QuantityUnit, Partial<Record<QuantityUnit, number>>>> = {
  hour: { minute: 60, hour: 1 },
  minute: { minute: 1, hour: 1 / 60 },
  day: { day: 1, working_day: 1 },
  working_day: { day: 1, working_day: 1 },
  week: { day: 7, working_day: 7 },
  month: { month: 1, day: 30, working_day: 30 },
  year: { year: 1, month: 12 },
};

/**
 * Converts a value between units, or `undefined` when they do not convert
 * (money and days, percent and minutes).
 * @example convertUnit(2, 'hour', 'minute') // 120
 */
export function convertUnit(value: number, from: QuantityUnit, to: QuantityUnit): number | undefined {
  if (from === to) return value;
  const factor = FACTORS[from]?.[to];
  return factor === undefined ? undefined : value * factor;
}
