/**
 * The conditions a measured number applies under, as its clause states
 * them: wage region, heavy work, day type, job, contract, which public
 * holiday, the cause of a stoppage, which protection of a nursing worker —
 * and the ones assumed because the clause does not say (normal work).
 */

import type { FloorConditions } from './floors.ts';
import {
  HEAVY,
  HOLIDAY,
  holidayOf,
  NIGHT,
  NORMAL_DAY,
  OBJECTIVE_CAUSE,
  type Scope,
  type SubjectOptions,
  WEEKLY_REST,
} from './measure-subjects.ts';
import type { PhraseMatcher } from './phrases.ts';
import type { MeasureSubject } from './subjects.ts';
import type { WageRegion } from './types.ts';

/** The conditions a clause states for its subject, and those assumed because it does not. */
export function conditionsOf(
  subject: MeasureSubject,
  scope: Scope,
  options: SubjectOptions,
): { conditions: FloorConditions; assumed: Array<keyof FloorConditions> } {
  const { before, after, segment, node } = scope;
  const conditions: FloorConditions = {};
  const assumed: Array<keyof FloorConditions> = [];
  // The words right after a number win when they start with a preposition ("200% vào ngày thường").
  const local = (phrases: readonly string[]) =>
    (/^\s*(?:vào|đối với|cho|khi|tại)\s/u.test(after.text) ? after.first(phrases) : undefined) ??
    before.first(phrases);
  switch (subject) {
    case 'min_wage_month':
    case 'min_wage_hour': {
      const region = options.region ?? regionIn(segment) ?? regionIn(node) ?? options.agreementRegion;
      if (region) conditions.region = region;
      break;
    }
    case 'annual_leave':
      if (segment.has('đặc biệt nặng nhọc')) conditions.work = 'especially_heavy';
      else if (segment.first(['nặng nhọc', 'độc hại', 'nguy hiểm', 'chưa thành niên', 'khuyết tật']))
        conditions.work = 'heavy';
      else {
        conditions.work = 'normal';
        if (!segment.first(['bình thường', 'điều kiện bình thường'])) assumed.push('work');
      }
      break;
    case 'ot_cap_year': {
      const extendedWords = [
        'thời vụ',
        'cấp bách',
        'xuất khẩu',
        'cung ứng điện',
        'sản xuất điện',
        'viễn thông',
        'lọc dầu',
        'cấp, thoát nước',
        'khám bệnh, chữa bệnh',
      ];
      if (segment.first(extendedWords)) conditions.otScheme = 'extended';
      else if (options.industry)
        conditions.otScheme = options.extendedOvertimeIndustries?.includes(options.industry)
          ? 'extended'
          : 'standard';
      break;
    }
    case 'ot_rate':
    case 'night_ot_rate': {
      const day = local(HOLIDAY)
        ? 'holiday'
        : local(WEEKLY_REST)
          ? 'weekly_rest'
          : local(NORMAL_DAY)
            ? 'normal'
            : segment.first(HOLIDAY)
              ? 'holiday'
              : segment.first(WEEKLY_REST)
                ? 'weekly_rest'
                : segment.first(NORMAL_DAY)
                  ? 'normal'
                  : undefined;
      if (day) conditions.day = day;
      break;
    }
    case 'break_minutes':
      if (local(NIGHT)) conditions.shift = 'night';
      else if (local(['ca ngày', 'ban ngày'])) conditions.shift = 'day';
      else conditions.shift = 'day';
      break;
    case 'probation_max': {
      const job = segment.first(['quản lý doanh nghiệp', 'giám đốc', 'người quản lý'])
        ? 'manager'
        : segment.first(['cao đẳng', 'đại học', 'bác sĩ', 'dược sĩ', 'kỹ sư', 'thạc sĩ'])
          ? 'college'
          : segment.first([
                'trung cấp',
                'kỹ thuật',
                'nghiệp vụ',
                'chuyên môn',
                'điều dưỡng',
                'kỹ thuật viên',
                'kiểm nghiệm',
                'nhân viên',
              ])
            ? 'technical'
            : segment.first(['công nhân', 'lao động phổ thông', 'giản đơn', 'công việc khác', 'sản xuất'])
              ? 'other'
              : undefined;
      if (job) conditions.job = job;
      break;
    }
    case 'notice_worker':
    case 'notice_employer': {
      const contract = segment.has('không xác định thời hạn')
        ? 'indefinite'
        : segment.first(['dưới 12 tháng'])
          ? 'short'
          : segment.first(['từ 12 tháng', 'đến 36 tháng', 'xác định thời hạn'])
            ? 'fixed'
            : undefined;
      if (contract) conditions.contract = contract;
      break;
    }
    case 'public_holiday_day': {
      const holiday = holidayOf(before) ?? holidayOf(segment);
      if (holiday) conditions.holiday = holiday;
      break;
    }
    case 'stoppage_pay':
      if (
        segment.first(['không do lỗi', 'không phải do lỗi', 'không phải lỗi']) ||
        segment.first(OBJECTIVE_CAUSE)
      )
        conditions.cause = 'objective';
      else if (segment.has('do lỗi của') && !segment.has('lỗi của người lao động'))
        conditions.cause = 'employer';
      break;
    case 'night_ot_extra': {
      // The base written after the number ("của ngày làm việc bình thường") is not the day of the overtime.
      const day = before.first(HOLIDAY)
        ? 'holiday'
        : before.first(WEEKLY_REST)
          ? 'weekly_rest'
          : before.first(NORMAL_DAY)
            ? 'normal'
            : undefined;
      if (day) conditions.day = day;
      break;
    }
    case 'nursing_hours_day':
    case 'pregnancy_hours_day':
    case 'reduced_hours_pay':
    case 'health_check_interval': {
      const heavy = segment.first(HEAVY) ?? scope.leadIn.first(HEAVY);
      conditions.work = heavy ? 'heavy' : 'normal';
      if (!heavy && !segment.has('bình thường')) assumed.push('work');
      break;
    }
    case 'nursing_child_age': {
      const childCase = segment.first([
        'ưu tiên giao kết',
        'giao kết hợp đồng',
        'sa thải',
        'đơn phương',
        'chấm dứt',
      ])
        ? 'dismissal'
        : segment.first(['ban đêm', 'làm thêm giờ', 'công tác xa'])
          ? 'night_work'
          : segment.first([...HEAVY, 'giảm bớt', 'giảm 01 giờ', 'giảm 1 giờ'])
            ? 'reduced_hours'
            : segment.first(['nghỉ', 'phút', 'giờ'])
              ? 'nursing_break'
              : undefined;
      if (childCase) conditions.childCase = childCase;
      break;
    }
    default:
      break;
  }
  return { conditions, assumed };
}

const REGION_WORDS: Array<[string, WageRegion]> = [
  ['vùng iv', 4],
  ['vùng iii', 3],
  ['vùng ii', 2],
  ['vùng i', 1],
  ['vùng 4', 4],
  ['vùng 3', 3],
  ['vùng 2', 2],
  ['vùng 1', 1],
];

function regionIn(matcher: PhraseMatcher): WageRegion | undefined {
  return REGION_WORDS.find(([words]) => matcher.has(words))?.[1];
}
