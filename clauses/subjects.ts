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
  /** Welfare sums by occasion (`welfare-subjects.ts`): compared only with sums for the same occasion. */
  welfare_birthday: 'VND',
  welfare_womens_day: 'VND',
  welfare_children: 'VND',
  welfare_holiday_gift: 'VND',
  welfare_tet_gift: 'VND',
  welfare_wedding: 'VND',
  welfare_funeral: 'VND',
  welfare_childbirth: 'VND',
  welfare_accident: 'VND',
  welfare_sickness: 'VND',
  welfare_retirement: 'VND',
  welfare_hardship: 'VND',
  pay_rise: 'percent',
  /** One named public holiday of a list (Tết Âm lịch: 05 ngày), against that holiday's own days. */
  public_holiday_day: 'day',
  /** Paid days off with no legal counterpart: founding day, birthdays, Christmas, a wife's childbirth. */
  extra_day_off: 'day',
  night_hours_start: 'hour',
  night_hours_end: 'hour',
  /** The extra 20 % of night overtime (Điều 98 khoản 3), in % of the normal-day hourly wage. */
  night_ot_extra: 'percent',
  /** Day of the following month the monthly wage is paid by. */
  wage_pay_day: 'day',
  bonus_pay_day: 'day',
  /** Months between two periodic workplace dialogues. */
  dialogue_interval: 'month',
  /** Years between two periodic health checks. */
  health_check_interval: 'year',
  /** Time a worker commits to stay after training paid by the employer. */
  training_commitment: 'month',
  company_trip: 'times',
  /** Accident insurance bought beyond the compulsory social insurance (`24/24 giờ`). */
  extra_insurance: 'hour',
  si_book_return_days: 'day',
  /** Hours worked a day while nursing a child under 12 months. */
  nursing_hours_day: 'hour',
  /** Hours worked a day while pregnant. */
  pregnancy_hours_day: 'hour',
  /** Hours of pay kept when the working day is shortened (`tiền lương vẫn tính đủ 8 giờ`). */
  reduced_hours_pay: 'hour',
  /** Hours cut from the working day (`được giảm 1 giờ làm việc`). */
  reduced_hours_cut: 'hour',
  /** Extra pay for working through the nursing break, in hours of wage. */
  nursing_break_work_pay: 'hour',
  /** Paid leave before retirement. */
  retirement_leave: 'month',
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
  year: { year: 1, month: 12 },
  month: { month: 1, day: 30, working_day: 30, year: 1 / 12 },
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
