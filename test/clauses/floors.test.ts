import { describe, expect, it } from 'vitest';
import {
  compareWithFloors,
  type FloorConditions,
  type FloorRule,
  floorsInForce,
  formatNumber,
  LEGAL_FLOORS,
  lawExcerpt,
  type MeasureSubject,
  parseFloorsFile,
} from '../../clauses/index.ts';
import { draftWith } from './draft.ts';

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const DAY = { normal: 'ngày thường', weekly_rest: 'ngày nghỉ hằng tuần', holiday: 'ngày lễ, tết' } as const;
const WORK = {
  normal: 'công việc trong điều kiện bình thường',
  heavy: 'công việc nặng nhọc, độc hại',
  especially_heavy: 'công việc đặc biệt nặng nhọc, độc hại',
} as const;
const JOB = {
  manager: 'người quản lý doanh nghiệp',
  college: 'công việc cần trình độ cao đẳng trở lên',
  technical: 'nhân viên kỹ thuật',
  other: 'công nhân sản xuất',
} as const;
const HOLIDAY = {
  new_year: 'Tết Dương lịch',
  tet: 'Tết Âm lịch',
  victory: 'Ngày Chiến thắng 30/4',
  labour: 'Ngày Quốc tế Lao động 01/5',
  national: 'Quốc khánh 02/9',
  hung_kings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  culture: 'Ngày Văn hóa Việt Nam 24/11',
} as const;
const CHILD_CASE = {
  night_work: 'không phải làm việc ban đêm',
  nursing_break: 'được nghỉ 60 phút mỗi ngày',
  reduced_hours: 'làm công việc nặng nhọc, độc hại được giảm bớt 01 giờ làm việc',
  dismissal: 'không bị sa thải hoặc đơn phương chấm dứt hợp đồng',
} as const;
const CONTRACT = {
  indefinite: 'không xác định thời hạn',
  fixed: 'xác định thời hạn từ 12 tháng đến 36 tháng',
  short: 'xác định thời hạn dưới 12 tháng',
} as const;

/** How a clause for each subject is written, given the value and the floor's conditions. */
const TEMPLATES: Record<string, (v: string, c: FloorConditions, unit: string) => string> = {
  min_wage_month: (v, c) =>
    `Công ty thuộc địa bàn vùng ${ROMAN[c.region ?? 1]}. Mức lương thấp nhất trả cho người lao động là ${v} đồng/tháng.`,
  min_wage_hour: (v, c) =>
    `Công ty thuộc địa bàn vùng ${ROMAN[c.region ?? 1]}. Mức lương thấp nhất theo giờ là ${v} đồng/giờ.`,
  min_wage_premium: (v) => `Mức lương thấp nhất cao hơn ${v}% so với mức lương tối thiểu vùng.`,
  normal_hours_day: (v) => `Thời giờ làm việc bình thường không quá ${v} giờ/ngày.`,
  normal_hours_week: (v) => `Thời giờ làm việc bình thường không quá ${v} giờ/tuần.`,
  ot_cap_month: (v) => `Số giờ làm thêm không quá ${v} giờ/tháng.`,
  ot_cap_year: (v) => `Số giờ làm thêm không quá ${v} giờ/năm.`,
  ot_rate: (v, c) => `Tiền lương làm thêm giờ vào ${DAY[c.day ?? 'normal']} ít nhất bằng ${v}%.`,
  night_premium: (v) => `Người lao động làm việc vào ban đêm được trả thêm ${v}% tiền lương.`,
  night_ot_rate: (v, c) =>
    `Làm thêm giờ vào ban đêm của ${DAY[c.day ?? 'normal']} được trả ${v}% tiền lương.`,
  break_minutes: (v, c) =>
    `Người lao động được nghỉ giữa ca ${v} phút đối với ${c.shift === 'night' ? 'ca đêm' : 'ca ngày'}.`,
  shift_rest: (v) => `Giữa hai ca làm việc người lao động được nghỉ ít nhất ${v} giờ.`,
  weekly_rest: (v) => `Người lao động được nghỉ hằng tuần ít nhất ${v} giờ liên tục.`,
  public_holidays: (v) => `Người lao động được nghỉ lễ, tết ${v} ngày hưởng nguyên lương.`,
  public_holidays_extra: (v) =>
    `Ngoài các ngày lễ, tết, người lao động được nghỉ thêm ${v} ngày hưởng nguyên lương.`,
  annual_leave: (v, c) =>
    `Người lao động làm ${WORK[c.work ?? 'normal']} được nghỉ hằng năm ${v} ngày làm việc.`,
  annual_leave_extra: (v) => `Người lao động được nghỉ hằng năm 12 ngày làm việc và nghỉ thêm ${v} ngày.`,
  annual_leave_seniority: (v) => `Cứ đủ ${v} năm làm việc được nghỉ hằng năm thêm 01 ngày.`,
  leave_own_marriage: (v) => `Bản thân kết hôn: nghỉ ${v} ngày hưởng nguyên lương.`,
  leave_child_marriage: (v) => `Con kết hôn: nghỉ ${v} ngày hưởng nguyên lương.`,
  leave_bereavement: (v) => `Cha, mẹ, vợ, chồng, con chết: nghỉ ${v} ngày hưởng nguyên lương.`,
  leave_family_unpaid: (v) => `Ông, bà, anh, chị, em ruột chết: nghỉ ${v} ngày không hưởng lương.`,
  maternity_leave: (v) => `Lao động nữ được nghỉ thai sản ${v} tháng.`,
  menstruation_break: (v) => `Lao động nữ trong thời gian hành kinh được nghỉ ${v} phút mỗi ngày.`,
  menstruation_days: (v) =>
    `Lao động nữ trong thời gian hành kinh được nghỉ 30 phút mỗi ngày, tối thiểu ${v} ngày/tháng.`,
  nursing_break: (v) => `Lao động nữ nuôi con nhỏ được nghỉ ${v} phút mỗi ngày.`,
  nursing_child_age: (v, c) =>
    `Lao động nữ nuôi con dưới ${v} tháng tuổi ${CHILD_CASE[c.childCase ?? 'night_work']}.`,
  probation_max: (v, c, unit) =>
    `Thời gian thử việc đối với ${JOB[c.job ?? 'other']} không quá ${v} ${unit === 'working_day' ? 'ngày làm việc' : 'ngày'}.`,
  probation_pay: (v) => `Tiền lương thử việc bằng ${v}% mức lương của công việc.`,
  notice_worker: (v, c, unit) =>
    `Người lao động đơn phương chấm dứt hợp đồng lao động ${CONTRACT[c.contract ?? 'indefinite']} phải báo trước ${v} ${unit === 'working_day' ? 'ngày làm việc' : 'ngày'}.`,
  notice_employer: (v, c, unit) =>
    `Công ty đơn phương chấm dứt hợp đồng lao động ${CONTRACT[c.contract ?? 'indefinite']} phải báo trước ${v} ${unit === 'working_day' ? 'ngày làm việc' : 'ngày'}.`,
  severance: (v) => `Người lao động được trợ cấp thôi việc ${v} tháng tiền lương cho mỗi năm làm việc.`,
  job_loss: (v) => `Trợ cấp mất việc làm ${v} tháng tiền lương cho mỗi năm làm việc.`,
  job_loss_minimum: (v) => `Trợ cấp mất việc làm ít nhất bằng ${v} tháng tiền lương.`,
  settlement_days: (v) =>
    `Khi chấm dứt hợp đồng, Công ty thanh toán đầy đủ các khoản trong thời hạn ${v} ngày làm việc.`,
  late_payment_days: (v) => `Trường hợp bất khả kháng, Công ty chậm trả lương không quá ${v} ngày.`,
  stoppage_pay: (v) => `Ngừng việc do lỗi của Công ty, người lao động được trả ${v}% tiền lương.`,
  deduction_cap: (v) => `Mức khấu trừ tiền lương hằng tháng không quá ${v}% tiền lương.`,
  union_fee: (v) => `Công ty đóng kinh phí công đoàn ${v}% quỹ tiền lương.`,
  public_holiday_day: (v, c) => `${HOLIDAY[c.holiday ?? 'new_year']}: nghỉ ${v} ngày hưởng nguyên lương.`,
  night_hours_start: (v) => `Thời gian làm việc ban đêm tính từ ${v} giờ đến 06 giờ sáng hôm sau.`,
  night_hours_end: (v) => `Thời gian làm việc ban đêm tính từ 22 giờ đến ${v} giờ sáng hôm sau.`,
  night_ot_extra: (v, c) =>
    `Khi làm thêm giờ vào ban đêm của ${DAY[c.day ?? 'normal']}, người lao động được trả thêm ${v}% tiền lương giờ của ngày làm việc bình thường.`,
  dialogue_interval: (v) => `Công ty tổ chức đối thoại định kỳ tại nơi làm việc ${v} tháng một lần.`,
  health_check_interval: (v, c) =>
    `Công ty tổ chức khám sức khỏe định kỳ cho người lao động làm ${WORK[c.work ?? 'normal']} ${Number(v.replace(',', '.')) * 12} tháng một lần.`,
  nursing_hours_day: (v, c) =>
    `Lao động nữ nuôi con dưới 12 tháng tuổi làm ${WORK[c.work ?? 'normal']} mỗi ngày làm việc ${v} giờ.`,
  pregnancy_hours_day: (v, c) =>
    `Lao động nữ mang thai làm ${WORK[c.work ?? 'normal']} làm việc ${v} giờ/ngày.`,
  reduced_hours_pay: (v) =>
    `Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ 60 phút mỗi ngày, tiền lương vẫn tính đủ ${v} giờ.`,
  reduced_hours_cut: (v) =>
    `Lao động nữ mang thai làm công việc nặng nhọc, độc hại được giảm ${v} giờ làm việc mỗi ngày.`,
  nursing_break_work_pay: (v) =>
    `Lao động nữ nuôi con dưới 12 tháng tuổi nếu làm việc trong thời gian nghỉ thì được hưởng thêm ${v} giờ tiền lương.`,
};

const STEP: Record<string, number> = { VND: 10_000, percent: 10, minute: 5, month_wage: 0.25 };
// Health checks are counted in years between two, and a quarter year is a clause's step.
const SUBJECT_STEP: Record<string, number> = { health_check_interval: 0.25 };

// A floor on the minimum wage, met by any share of the contract wage from it on, has its own test below.
const floors = LEGAL_FLOORS.floors.filter((f): f is FloorRule => f.kind === 'floor' && !f.base);

function verdictFor(rule: FloorRule, value: number) {
  const template = TEMPLATES[rule.subject];
  if (!template) throw new Error(`no template for ${rule.subject}`);
  const text = template(formatNumber(value, 'vi'), rule.conditions ?? {}, rule.unit);
  // The 300-hour sectors follow the agreement's industry.
  const industry = rule.conditions?.otScheme === 'extended' ? 'det-may' : 'ngan-hang';
  const comparison = compareWithFloors(draftWith(text, { industry }), { on: rule.effectiveFrom });
  const row = comparison.rows.find((r) => r.subject === rule.subject);
  return { text, row };
}

describe('the legal floors file', () => {
  it('gives every entry a citation, a date range and a source status', () => {
    for (const rule of LEGAL_FLOORS.floors) {
      expect(rule.citation.text, rule.key).toMatch(/^Điều \d+/);
      expect(rule.effectiveFrom, rule.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.effectiveTo === null || rule.effectiveTo >= rule.effectiveFrom, rule.key).toBe(true);
      expect(['C-PD', 'C-web', 'S', 'derived']).toContain(rule.status);
    }
  });

  it('never has two floors for the same subject and conditions in force on the same day', () => {
    const days = [
      '2020-06-01',
      '2022-07-01',
      '2024-06-30',
      '2024-07-01',
      '2025-12-31',
      '2026-01-01',
      '2026-07-01',
      '2027-01-01',
    ];
    for (const on of days) {
      const seen = new Set<string>();
      for (const rule of floorsInForce(on)) {
        const key = `${rule.subject}|${JSON.stringify(rule.kind === 'floor' ? (rule.conditions ?? {}) : {})}`;
        expect(seen.has(key), `${key} on ${on}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it('covers all four minimum-wage decrees since 2020, monthly and hourly', () => {
    const wage = (on: string, subject: string, region: number) =>
      floorsInForce(on).find(
        (f): f is FloorRule => f.kind === 'floor' && f.subject === subject && f.conditions?.region === region,
      )?.value;
    expect(wage('2021-05-01', 'min_wage_month', 1)).toBe(4_420_000);
    expect(wage('2021-05-01', 'min_wage_hour', 1)).toBeUndefined(); // no hourly minimum before 01/07/2022
    expect(wage('2023-01-01', 'min_wage_month', 2)).toBe(4_160_000);
    expect(wage('2023-01-01', 'min_wage_hour', 4)).toBe(15_600);
    expect(wage('2025-12-31', 'min_wage_month', 1)).toBe(4_960_000);
    expect(wage('2026-01-01', 'min_wage_month', 1)).toBe(5_310_000);
    expect(wage('2026-01-01', 'min_wage_hour', 3)).toBe(20_000);
  });

  it('has 11 public holidays until 30/06/2026 and 12 from 01/07/2026', () => {
    const holidays = (on: string) =>
      floorsInForce(on).find((f): f is FloorRule => f.kind === 'floor' && f.subject === 'public_holidays')
        ?.value;
    expect(holidays('2026-06-30')).toBe(11);
    expect(holidays('2026-07-01')).toBe(12);
  });

  it('marks benefits the law leaves to bargaining as no_floor', () => {
    const none = LEGAL_FLOORS.floors.filter((f) => f.kind === 'no_floor').map((f) => f.subject);
    expect(none).toEqual(
      expect.arrayContaining(['bonus', 'meal_allowance', 'seniority_allowance', 'welfare_support']),
    );
  });

  it('rejects a floors file with an entry missing its citation', () => {
    const broken = structuredClone(LEGAL_FLOORS) as { floors: Array<Record<string, unknown>> };
    delete broken.floors[0]!.citation;
    expect(() => parseFloorsFile(broken)).toThrow(/citation/);
  });

  it('shows the words of the cited article beside the floor', () => {
    const excerpt = lawExcerpt({
      text: 'Điều 98 khoản 1 điểm b BLLĐ 2019',
      law: 'BLLĐ 2019',
      article: 98,
      clause: 1,
      point: 'b',
    });
    expect(excerpt?.title).toBe('Điều 98. Tiền lương làm thêm giờ, làm việc vào ban đêm');
    expect(excerpt?.text).toContain('b) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%');
  });
});

describe.each(floors.map((rule) => [rule.key, rule] as const))('floor %s', (_key, rule) => {
  const step =
    SUBJECT_STEP[rule.subject] ?? (rule.unit === 'percent' && rule.value <= 10 ? 1 : (STEP[rule.unit] ?? 1));
  const better = rule.direction === 'higher' ? step : -step;

  it('is equal for a clause at the floor', () => {
    const { text, row } = verdictFor(rule, rule.value);
    expect(row, text).toBeDefined();
    expect(row?.floor?.key, text).toBe(rule.key);
    expect(row?.verdict, text).toBe('equal');
    expect(row?.floor?.citation.text).toBe(rule.citation.text);
  });

  it('is above for a clause more favourable than the floor', () => {
    const { text, row } = verdictFor(rule, rule.value + better);
    expect(row?.verdict, text).toBe('above');
  });

  // A floor of zero extra days cannot be undercut; 8 hours a day beside a nursing break is read as the
  // normal day the break is taken from, so the 7-hour nursing day has no "below" in words.
  const canBeUndercut =
    !(rule.value === 0 && rule.direction === 'higher') && rule.key !== 'nursing_hours_day.normal';
  if (canBeUndercut) {
    it('is below for a clause less favourable than the floor', () => {
      const { text, row } = verdictFor(rule, rule.value - better);
      expect(row?.verdict, text).toBe('below');
      expect(row?.difference?.value, text).toBeCloseTo(-better);
    });
  }
});

describe('no-floor benefits', () => {
  const cases: Array<[MeasureSubject, string]> = [
    ['bonus', 'Người lao động làm đủ 12 tháng được thưởng tháng lương thứ 13.'],
    ['meal_allowance', 'Bữa ăn giữa ca trị giá 30.000 đồng/suất.'],
    ['allowance', 'Phụ cấp chuyên cần: 300.000 đồng/tháng.'],
    ['seniority_allowance', 'Phụ cấp thâm niên: 100.000 đồng/tháng cho mỗi năm làm việc.'],
    ['childcare_support', 'Công ty hỗ trợ tiền gửi trẻ 200.000 đồng/tháng.'],
    ['welfare_birthday', 'Tặng quà sinh nhật người lao động 200.000 đồng.'],
    ['pay_rise', 'Hằng năm Công ty xét nâng lương với mức tăng không thấp hơn 5%.'],
  ];
  it.each(cases)('marks %s as an extra benefit, never equal to the law', (subject, text) => {
    const row = compareWithFloors(draftWith(text), { on: '2026-11-23' }).rows.find(
      (r) => r.subject === subject,
    );
    expect(row?.verdict).toBe('no_floor');
    expect(row?.floor?.kind).toBe('no_floor');
    expect(row?.floor?.citation.text).toMatch(/^Điều/);
  });
});
