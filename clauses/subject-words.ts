/**
 * The words that make a number an entitlement of its subject, shown beside
 * each compared row (`"nghỉ hằng năm" + "được nghỉ" → Nghỉ hằng năm`), and
 * the words that make it one of the employer's options instead.
 */

import type { Scope } from './measure-subjects.ts';
import type { MeasureSubject } from './subjects.ts';
import { WELFARE_OCCASIONS } from './welfare-subjects.ts';

// Words that make a number one of the employer's options rather than a commitment.
export const DISCRETION = [
  'lựa chọn',
  'có thể',
  'được phép',
  'tùy theo',
  'tùy tình hình',
  'xem xét',
  'khuyến khích',
  'trừ khi',
];
const ENTITLEMENT_VERBS = [
  'được nghỉ',
  'được hưởng',
  'được trả',
  'được thưởng',
  'được hỗ trợ',
  'được cấp',
  'hỗ trợ',
  'trả',
  'chi trả',
  'tặng',
  'thưởng',
  'nghỉ',
  'hưởng',
  'không quá',
  'ít nhất',
  'tối thiểu',
];

/** The words of the sentence that made the number an entitlement: its subject's words and the verb. */
export function becauseOf(subject: MeasureSubject, scope: Scope): string[] {
  const words = SUBJECT_WORDS[subject];
  const topic = words
    ? (scope.before.first(words) ?? scope.segment.first(words) ?? scope.context.first(words))
    : undefined;
  const verb = scope.before.first(ENTITLEMENT_VERBS) ?? scope.segment.first(ENTITLEMENT_VERBS);
  return [topic, verb].filter((w): w is string => w !== undefined);
}

const SUBJECT_WORDS: Partial<Record<MeasureSubject, readonly string[]>> = {
  min_wage_month: ['lương tối thiểu', 'mức lương', 'lương'],
  min_wage_hour: ['lương tối thiểu', 'mức lương', 'lương'],
  normal_hours_day: ['thời giờ làm việc', 'giờ/ngày', 'làm việc'],
  normal_hours_week: ['thời giờ làm việc', 'giờ/tuần', 'làm việc'],
  ot_cap_month: ['làm thêm giờ', 'làm thêm'],
  ot_cap_year: ['làm thêm giờ', 'làm thêm'],
  ot_rate: ['làm thêm giờ', 'làm thêm', 'tăng ca', 'ot'],
  night_premium: ['ban đêm', 'ca đêm', 'làm đêm'],
  night_ot_rate: ['làm thêm giờ vào ban đêm', 'ban đêm'],
  night_ot_extra: ['cộng thêm', 'làm thêm giờ vào ban đêm', 'ban đêm'],
  break_minutes: ['nghỉ giữa ca', 'nghỉ giữa giờ', 'giải lao'],
  public_holidays: ['nghỉ lễ', 'lễ', 'tết'],
  public_holiday_day: [
    'tết dương lịch',
    'tết âm lịch',
    'giỗ tổ',
    'chiến thắng',
    'quốc tế lao động',
    'quốc khánh',
  ],
  annual_leave: ['nghỉ hằng năm', 'phép năm', 'nghỉ phép'],
  leave_own_marriage: ['kết hôn', 'cưới'],
  leave_child_marriage: ['con kết hôn', 'kết hôn'],
  leave_bereavement: ['qua đời', 'chết', 'mất'],
  leave_family_unpaid: ['qua đời', 'chết', 'mất', 'kết hôn'],
  extra_day_off: ['thành lập', 'sinh nhật', 'giáng sinh', 'vợ sinh con', 'ngày truyền thống'],
  maternity_leave: ['thai sản'],
  menstruation_break: ['hành kinh'],
  menstruation_days: ['hành kinh'],
  nursing_break: ['nuôi con'],
  nursing_child_age: ['nuôi con'],
  nursing_hours_day: ['nuôi con'],
  pregnancy_hours_day: ['mang thai'],
  reduced_hours_pay: ['tiền lương', 'tính đủ', 'hưởng lương'],
  reduced_hours_cut: ['giảm'],
  nursing_break_work_pay: ['hưởng thêm', 'tiền lương'],
  probation_max: ['thử việc'],
  probation_pay: ['thử việc'],
  stoppage_pay: ['ngừng việc', 'chờ việc'],
  severance: ['thôi việc'],
  job_loss: ['mất việc'],
  bonus: ['thưởng'],
  meal_allowance: ['ăn ca', 'tiền ăn', 'bữa ăn', 'suất ăn'],
  allowance: ['phụ cấp', 'trợ cấp'],
  welfare_support: ['hỗ trợ', 'tặng', 'quà', 'phúc lợi', 'trợ cấp'],
  ...Object.fromEntries(WELFARE_OCCASIONS.map((o) => [o.subject, o.words])),
  training_commitment: ['cam kết làm việc', 'đào tạo', 'học nghề'],
  company_trip: ['du lịch', 'tham quan', 'team building'],
  extra_insurance: ['bảo hiểm'],
  si_book_return_days: ['sổ bhxh', 'chốt sổ'],
  retirement_leave: ['nghỉ hưu'],
};
