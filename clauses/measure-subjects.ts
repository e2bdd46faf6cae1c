/**
 * What a measured number is about: the words nearest to it first, then its
 * sentence, then its clause, then the headings above it (the conditions it
 * applies under are read in `measure-conditions.ts`). A number that is about nothing we compare
 * gets a reason instead (a condition of another benefit, part of the benefit
 * before it, an obligation).
 */

import type { SkipReason } from './entitlements.ts';
import type { FloorConditions } from './floors.ts';
import type { PhraseMatcher } from './phrases.ts';
import type { Quantity } from './quantities.ts';
import type { MeasureSubject } from './subjects.ts';
import type { WageRegion } from './types.ts';
import { welfareSubjectOf } from './welfare-subjects.ts';

export interface SubjectOptions {
  region?: WageRegion;
  agreementRegion?: WageRegion;
  industry?: string;
  extendedOvertimeIndustries?: readonly string[];
}

/** A number's subject, or why it has none. */
export type SubjectFound = MeasureSubject | { skip: SkipReason; words?: string };

export interface Scope {
  /** Words between the previous number and this one. */
  before: PhraseMatcher;
  /** Words between this number and the next. */
  after: PhraseMatcher;
  /** The sentence or `;`-separated part the number is in. */
  segment: PhraseMatcher;
  /** The `;`-part this one continues ("thử việc đối với A … ; đối với B …"). */
  lead: PhraseMatcher;
  /** The whole clause and the headings and lead-ins above it. */
  context: PhraseMatcher;
  /** The clause's own text (where a region is often written). */
  node: PhraseMatcher;
  /** The clause or table lead-in right above (`… nghỉ việc riêng hưởng nguyên lương như sau:`). */
  leadIn: PhraseMatcher;
}

const OVERTIME = ['làm thêm giờ', 'làm thêm', 'tăng ca', 'giờ làm thêm'];
export const NIGHT = ['ban đêm', 'ca đêm', 'trực đêm', 'làm đêm', 'ca 3'];
export const HOLIDAY = ['lễ', 'tết', 'ngày nghỉ có hưởng lương', 'ngày lễ'];
export const WEEKLY_REST = ['nghỉ hằng tuần', 'nghỉ hàng tuần', 'chủ nhật', 'ngày nghỉ'];
export const NORMAL_DAY = ['ngày thường', 'ngày làm việc bình thường', 'ngày bình thường'];
export const PAID = ['có lương', 'hưởng lương', 'hưởng nguyên lương', 'hưởng đủ lương', 'nguyên lương'];
export const UNPAID = ['không lương', 'không hưởng lương'];
const ANNUAL_LEAVE = [
  'nghỉ hằng năm',
  'nghỉ hàng năm',
  'phép năm',
  'nghỉ phép năm',
  'ngày phép',
  'nghỉ phép',
];
const MEAL = [
  'bữa ăn',
  'ăn giữa ca',
  'ăn ca',
  'tiền ăn',
  'ăn trưa',
  'suất ăn',
  'mức ăn',
  'bữa phụ',
  'ăn thêm',
];
const WAGE_FLOOR = [
  'lương thấp nhất',
  'mức lương tối thiểu',
  'lương tối thiểu',
  'lương khởi điểm',
  'mức lương khởi điểm',
];

const STOPPAGE = ['ngừng việc', 'chờ việc', 'nghỉ chờ việc'];
export const OBJECTIVE_CAUSE = [
  'thiếu đơn hàng',
  'khách quan',
  'mất điện',
  'điện nước',
  'điện, nước',
  'thiên tai',
  'hỏa hoạn',
  'dịch bệnh',
  'di dời',
  'lý do kinh tế',
  'sự cố',
];
const WELFARE_VND = [
  'tặng',
  'quà',
  'mừng',
  'hỗ trợ',
  'thăm hỏi',
  'thăm',
  'viếng',
  'bồi dưỡng',
  'trợ giúp',
  'qua đời',
  'phúc lợi',
  'tang chế',
  'hiếu',
  'hỉ',
  'ốm đau',
  'điều trị',
  'nằm viện',
  'sinh con',
  'kết hôn',
  'nghỉ hưu',
  'thai sản',
];
const TRIP = ['du lịch', 'tham quan', 'nghỉ mát', 'team building', 'dã ngoại'];
const PAY_KEPT = [
  'hưởng lương',
  'tính đủ',
  'trả đủ',
  'hưởng đủ lương',
  'lương vẫn tính',
  'vẫn tính đủ',
  'tính lương',
  'hưởng nguyên lương',
];
export const HEAVY = ['nặng nhọc', 'độc hại', 'nguy hiểm'];
const CHILD_SUPPORT = ['hỗ trợ', 'trợ cấp', 'phụ cấp', 'gửi trẻ', 'nhà trẻ', 'mẫu giáo'];
/** Paid days off the law does not know: the company's day, birthdays, Christmas, a wife's childbirth. */
const EXTRA_DAYS = [
  'thành lập công ty',
  'ngày thành lập',
  'kỷ niệm thành lập',
  'ngày truyền thống',
  'sinh nhật',
  'giáng sinh',
  'noel',
  'vợ sinh',
  'vợ sinh con',
  'quốc tế phụ nữ',
  'phụ nữ việt nam',
];
/** The public holidays of Điều 112 khoản 1, by the names agreements give them. */
const HOLIDAY_NAMES: Array<[NonNullable<FloorConditions['holiday']>, string[]]> = [
  ['new_year', ['tết dương lịch', 'năm mới dương lịch', '1/1 dương lịch', '01/01 dương lịch']],
  ['tet', ['tết âm lịch', 'tết nguyên đán', 'tết cổ truyền']],
  ['hung_kings', ['giỗ tổ', 'hùng vương']],
  ['victory', ['ngày chiến thắng', 'giải phóng miền nam', 'thống nhất đất nước', '30/4', '30 tháng 4']],
  ['labour', ['quốc tế lao động', '1/5', '01/5', '01/05', '1 tháng 5']],
  ['national', ['quốc khánh', '2/9', '02/9', '02/09']],
  ['culture', ['ngày văn hóa việt nam', '24/11']],
];

/** The named public holiday a number's words give days for, if any. */
export function holidayOf(words: PhraseMatcher): NonNullable<FloorConditions['holiday']> | undefined {
  return HOLIDAY_NAMES.find(([, names]) => words.first(names))?.[0];
}

/** Decides what a number is about, or `undefined` when it promises nothing we compare. */
export function subjectOf(quantity: Quantity, scope: Scope): SubjectFound | undefined {
  const { before, after, segment, context } = scope;
  const near = (phrases: readonly string[]) => before.first(phrases) ?? after.first(phrases);
  const overtime = segment.first(OVERTIME) ?? context.first(OVERTIME);
  switch (quantity.unit) {
    case 'percent': {
      if (segment.first(['tối thiểu vùng', 'lương tối thiểu']) && segment.has('cao hơn'))
        return 'min_wage_premium';
      if (segment.first(['thử việc', 'làm thử'])) return 'probation_pay';
      if (segment.has('khấu trừ')) return 'deduction_cap';
      if (segment.first(STOPPAGE)) {
        if (segment.has('lỗi của người lao động'))
          return { skip: 'condition', words: 'lỗi của người lao động' };
        return segment.has('do lỗi của') || segment.first(OBJECTIVE_CAUSE) ? 'stoppage_pay' : undefined;
      }
      if (segment.has('kinh phí công đoàn')) return 'union_fee';
      if (
        segment.first(['nâng lương', 'tăng lương', 'điều chỉnh tăng lương', 'mức tăng', 'điều chỉnh lương'])
      )
        return 'pay_rise';
      if (segment.has('phụ cấp')) return 'allowance';
      if (segment.first(['học phí', 'viện phí', 'lãi suất', 'hỗ trợ', 'tài trợ', 'kinh phí', 'chi phí']))
        return 'welfare_support';
      // "Quy chế lương thưởng" names a policy, not a bonus.
      if (/(?<!lương\s)thưởng/iu.test(segment.text) && !segment.first(OVERTIME) && !context.first(OVERTIME))
        return 'bonus';
      // "cộng thêm 20% … của ngày làm việc bình thường" in an article on overtime at night.
      if (
        quantity.value < 100 &&
        before.first(['thêm', 'cộng thêm']) &&
        // Its sentence names overtime at night, or names neither in an article on overtime at night.
        ((segment.first(OVERTIME) && segment.first(NIGHT)) ||
          (!segment.first(OVERTIME) &&
            !segment.first(NIGHT) &&
            context.first(OVERTIME) &&
            context.first(NIGHT))) &&
        // "30% tiền lương làm việc ban đêm" is the night premium itself.
        !after.first(['làm đêm', 'làm việc ban đêm', 'làm việc vào ban đêm']) &&
        !/(?:làm\s+đêm|làm\s+việc\s+(?:vào\s+)?ban\s+đêm)\s*(?:\([^)]*)?$/u.test(before.text)
      )
        return 'night_ot_extra';
      if (segment.first(OVERTIME))
        return segment.first(NIGHT) ? (quantity.value >= 100 ? 'night_ot_rate' : undefined) : 'ot_rate';
      if (segment.first(NIGHT)) return 'night_premium';
      if (overtime) return near(NIGHT) ? undefined : 'ot_rate';
      if (context.first(['nâng lương', 'tăng lương'])) return 'pay_rise';
      return undefined;
    }
    case 'VND': {
      if (segment.first(MEAL)) return 'meal_allowance';
      if (segment.has('thâm niên')) return 'seniority_allowance';
      if (segment.first(['gửi trẻ', 'nhà trẻ', 'nuôi con nhỏ', 'con nhỏ', 'mẫu giáo']))
        return 'childcare_support';
      if (segment.has('thưởng')) return 'bonus';
      // "Trợ cấp khi người lao động qua đời", "trợ cấp ốm đau": a welfare sum of its occasion.
      const occasion = () => welfareSubjectOf(scope);
      if (segment.has('trợ cấp') && !segment.first(['thôi việc', 'mất việc'])) {
        const named = occasion();
        if (named !== 'welfare_support') return named;
      }
      if (segment.first(['phụ cấp', 'trợ cấp']) && !segment.first(['thôi việc', 'mất việc']))
        return 'allowance';
      const wage =
        segment.first(WAGE_FLOOR) ||
        (segment.first(['lương', 'tiền lương', 'mức lương', 'trả lương']) &&
          segment.first(['không thấp hơn', 'thấp nhất', 'tối thiểu']));
      if (wage && !segment.first(['tặng', 'hỗ trợ', 'mừng'])) {
        if (quantity.per.includes('hour')) return 'min_wage_hour';
        if (quantity.per.length === 0 || quantity.per.includes('month')) return 'min_wage_month';
      }
      if (segment.first(WELFARE_VND)) return occasion();
      // A row of a support table: the header says what the amounts are.
      if (context.first(['mức hỗ trợ', 'hỗ trợ', 'trợ cấp', 'phúc lợi']) && !context.first(WAGE_FLOOR))
        return occasion();
      return undefined;
    }
    case 'month_wage': {
      if (segment.has('thôi việc')) return 'severance';
      if (segment.has('mất việc'))
        return before.first(['ít nhất', 'tối thiểu', 'thấp nhất']) ? 'job_loss_minimum' : 'job_loss';
      if (segment.has('thưởng') || context.has('thưởng')) return 'bonus';
      if (segment.first(['hỗ trợ', 'tặng', 'thai sản'])) return 'welfare_support';
      return undefined;
    }
    case 'minute': {
      if (segment.first(['hành kinh', 'kinh nguyệt'])) return 'menstruation_break';
      if (segment.has('nuôi con') || (scope.leadIn.has('nuôi con') && !segment.first(['mang thai'])))
        return 'nursing_break';
      if (segment.first(['mang thai', 'sau mỗi giờ', 'mỗi giờ làm việc'])) return undefined;
      if (
        segment.first(['nghỉ giữa ca', 'nghỉ giữa giờ', 'nghỉ trưa', 'giải lao', 'nghỉ giữa', 'nghỉ ăn ca'])
      )
        return 'break_minutes';
      return undefined;
    }
    case 'hour': {
      if (segment.has('bảo hiểm') && quantity.value === 24) return 'extra_insurance';
      const female =
        segment.first(['nuôi con', 'mang thai']) ?? scope.leadIn.first(['nuôi con', 'mang thai']);
      if (female) {
        const nursing =
          segment.has('nuôi con') || (!segment.has('mang thai') && scope.leadIn.has('nuôi con'));
        const heavy = segment.first(HEAVY) ?? scope.leadIn.first(HEAVY);
        const lastWords = before.text.slice(-28);
        if (PAY_KEPT.some((w) => lastWords.includes(w)))
          // The law keeps the pay of the hours it cuts (Điều 137 khoản 2, 4); for hours it does not cut
          // the pay is part of the agreement's own benefit, already measured.
          return nursing || heavy ? 'reduced_hours_pay' : { skip: 'part_of_benefit', words: lastWords };
        if (before.first(['giảm', 'giảm bớt', 'rút ngắn'])) return 'reduced_hours_cut';
        if (before.first(['hưởng thêm', 'trả thêm']) && after.first(['tiền lương', 'lương']))
          return nursing ? 'nursing_break_work_pay' : undefined;
        if (quantity.per.includes('day')) {
          // 8 hours or more is the normal day the break is taken from, not a shortened day.
          if (segment.first(['chuyển sang', 'chuyển làm']) || (nursing && quantity.value >= 8))
            return 'normal_hours_day';
          return nursing ? 'nursing_hours_day' : 'pregnancy_hours_day';
        }
      }
      const ot =
        segment.first(OVERTIME) ??
        (context.first(OVERTIME) && !segment.first(['công đoàn', 'làm việc bình thường']));
      if (quantity.per.includes('year')) return ot ? 'ot_cap_year' : undefined;
      if (quantity.per.includes('month')) return ot ? 'ot_cap_month' : undefined;
      if (quantity.per.includes('week')) return ot ? undefined : 'normal_hours_week';
      if (quantity.per.includes('day')) return ot ? undefined : 'normal_hours_day';
      if (segment.first(['giữa hai ca', 'chuyển ca', 'giữa các ca'])) return 'shift_rest';
      if (segment.first(['nghỉ hằng tuần', 'nghỉ hàng tuần', 'nghỉ tuần'])) return 'weekly_rest';
      return undefined;
    }
    case 'day':
    case 'working_day':
      return daySubject(quantity, scope);
    case 'year':
    case 'month': {
      if (quantity.flags.includes('age')) return childAge(quantity, segment);
      if (
        segment.first(['cam kết làm việc', 'cam kết phục vụ', 'cam kết làm']) &&
        context.first(['đào tạo', 'học nghề', 'khóa học'])
      )
        return 'training_commitment';
      if (segment.has('nghỉ hưu')) return 'retirement_leave';
      if (quantity.unit === 'year') return undefined;
      if (segment.first(['thai sản', 'sinh con', 'sinh đôi']) || scope.lead.has('thai sản')) {
        const secondary = before.first([
          'trước khi sinh',
          'trước sinh',
          'sinh đôi',
          'mỗi con',
          'con thứ hai trở đi',
          'trở lại làm việc',
          'đi làm trước',
          'ít nhất được',
        ]);
        // Another number of the maternity rule (time before birth, twins, early return), not its length.
        if (secondary) return { skip: 'restatement', words: secondary };
        return 'maternity_leave';
      }
      if (isProbation(scope)) return 'probation_max';
      if (before.has('báo trước'))
        return segment.first(['người sử dụng lao động', 'công ty']) &&
          !segment.has('người lao động đơn phương')
          ? 'notice_employer'
          : 'notice_worker';
      return undefined;
    }
    case 'times':
      return segment.first(TRIP) ? 'company_trip' : undefined;
    case 'session':
      if (segment.has('phải') && !segment.has('được')) return { skip: 'obligation', words: 'phải' };
      return (segment.first(EXTRA_DAYS) ?? scope.lead.first(EXTRA_DAYS)) && segment.has('nghỉ')
        ? 'extra_day_off'
        : undefined;
    default:
      return undefined;
  }
}

/** A child's age: the bound of a protection of Điều 137, or the condition of a support. */
function childAge(quantity: Quantity, segment: PhraseMatcher): SubjectFound | undefined {
  const months = quantity.unit === 'year' ? quantity.value * 12 : quantity.value;
  if (!segment.has('nuôi con') || months === 0) return { skip: 'condition', words: quantity.text };
  if (segment.first(CHILD_SUPPORT) || months > 24) return { skip: 'condition', words: quantity.text };
  return 'nursing_child_age';
}

function daySubject(quantity: Quantity, scope: Scope): SubjectFound | undefined {
  const { before, segment, context } = scope;
  if (isProbation(scope)) return 'probation_max';
  if (segment.first(['sổ bhxh', 'sổ bảo hiểm xã hội', 'chốt sổ'])) return 'si_book_return_days';
  if (segment.first(EXTRA_DAYS) ?? scope.lead.first(EXTRA_DAYS)) return 'extra_day_off';
  if (holidayOf(before) ?? holidayOf(segment)) return 'public_holiday_day';
  if (segment.has('báo trước')) return noticeSide(segment);
  if (segment.first(['hành kinh', 'kinh nguyệt']))
    return quantity.per.includes('month') ? 'menstruation_days' : undefined;
  if (segment.first(['chậm trả', 'trả chậm'])) return 'late_payment_days';
  if (segment.first(['thanh toán', 'quyết toán']) && segment.first(['chấm dứt', 'nghỉ việc', 'thôi việc']))
    return 'settlement_days';
  if (segment.first(['kết hôn', 'cưới'])) {
    if (segment.has('bản thân')) return 'leave_own_marriage';
    if (
      /^\s*con\b/iu.test(segment.text) ||
      segment.first(['con kết hôn', 'con đẻ', 'con nuôi', 'con cưới', 'con trai', 'con gái'])
    )
      return 'leave_child_marriage';
    if (segment.first(['cha', 'mẹ', 'bố', 'anh', 'chị', 'em'])) return 'leave_family_unpaid';
    return 'leave_own_marriage';
  }
  if (segment.first(['chết', 'mất', 'qua đời', 'từ trần'])) {
    if (segment.first(['ông', 'bà', 'anh', 'chị', 'em', 'anh ruột', 'chị ruột', 'em ruột']))
      return 'leave_family_unpaid';
    return 'leave_bereavement';
  }
  if (segment.first(['lễ', 'tết', 'ngày lễ', 'nghỉ lễ']))
    return before.has('thêm') ? 'public_holidays_extra' : 'public_holidays';
  if (segment.has('nghỉ hưu')) return 'retirement_leave';
  if (segment.first(['nghỉ hằng tuần', 'nghỉ hàng tuần']) && quantity.per.includes('week'))
    return 'weekly_rest';
  const annual = segment.first(ANNUAL_LEAVE) ?? (context.first(ANNUAL_LEAVE) && segment.has('nghỉ'));
  if (annual || (segment.has('nghỉ') && quantity.per.includes('year') && !segment.first(['ngừng việc']))) {
    return before.has('thêm') ? 'annual_leave_extra' : 'annual_leave';
  }
  return undefined;
}

/** A length of probation, not of the contract signed after it ("đã qua thử việc được ký hợp đồng 36 tháng"). */
function isProbation({ before, segment, lead }: Scope): boolean {
  const words = ['thử việc', 'làm thử'];
  if (!segment.first(words) && !lead.first(words)) return false;
  if (segment.first(['qua thử việc', 'sau thử việc', 'hết thời gian thử việc'])) return false;
  return before.lastIndex(['hợp đồng']) <= before.lastIndex(words);
}

function noticeSide(segment: PhraseMatcher): MeasureSubject {
  const employer = segment.first([
    'người sử dụng lao động đơn phương',
    'công ty đơn phương',
    'doanh nghiệp đơn phương',
    'cho thôi việc',
    'sa thải',
  ]);
  return employer ? 'notice_employer' : 'notice_worker';
}
