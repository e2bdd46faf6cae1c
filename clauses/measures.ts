/**
 * Measures: the numbers in an agreement that promise something, each with
 * what it is about (its subject: annual-leave days, overtime pay on a weekly
 * rest day, …) and the conditions it applies under (region, heavy work, day
 * type, job, contract). A number's subject comes from the words nearest to
 * it first, then its sentence, then its clause, then the headings above it.
 * Leave tables "theo BLLĐ | theo Thỏa ước" are read row by row.
 */

import type { FloorConditions } from './floors.ts';
import { type PhraseMatcher, phraseMatcher } from './phrases.ts';
import { extractQuantities, type Quantity, type QuantityUnit } from './quantities.ts';
import { convertUnit, type MeasureSubject, SUBJECT_UNITS } from './subjects.ts';
import { walkTree } from './tree.ts';
import type { ClauseNode, StructureNode, TableNode, WageRegion } from './types.ts';

export interface Measure {
  nodeId: string;
  path: string;
  /** 1-based row of a table node (the header is row 0). */
  row?: number;
  /** The clause (or table row) the number was read from. */
  text: string;
  subject: MeasureSubject;
  quantity: Quantity;
  /** The value, the low end of a range, in the subject's unit (`SUBJECT_UNITS`) where it converts. */
  value: number;
  max?: number;
  unit: QuantityUnit;
  /** Conditions read from the clause; what it does not say is absent. */
  conditions: FloorConditions;
  /** Conditions that were not written and were assumed (e.g. `work: normal`). */
  assumed: Array<keyof FloorConditions>;
  /** Whether the clause says the days are paid (`có lương`) or unpaid. */
  paid?: boolean;
}

export interface MeasureOptions {
  /** Region to compare wages with; else what the clause or agreement says. */
  region?: WageRegion;
  /** The agreement's wage region from its metadata. */
  agreementRegion?: WageRegion;
  /** The agreement's industry id, for the 300-hour overtime sectors. */
  industry?: string;
  /** Industries allowed 300 hours of overtime a year. */
  extendedOvertimeIndustries?: readonly string[];
}

interface Scope {
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
}

const OVERTIME = ['làm thêm giờ', 'làm thêm', 'tăng ca', 'giờ làm thêm'];
const NIGHT = ['ban đêm', 'ca đêm', 'trực đêm', 'làm đêm', 'ca 3'];
const HOLIDAY = ['lễ', 'tết', 'ngày nghỉ có hưởng lương', 'ngày lễ'];
const WEEKLY_REST = ['nghỉ hằng tuần', 'nghỉ hàng tuần', 'chủ nhật', 'ngày nghỉ'];
const NORMAL_DAY = ['ngày thường', 'ngày làm việc bình thường', 'ngày bình thường'];
const PAID = ['có lương', 'hưởng lương', 'hưởng nguyên lương', 'hưởng đủ lương', 'nguyên lương'];
const UNPAID = ['không lương', 'không hưởng lương'];
const ANNUAL_LEAVE = [
  'nghỉ hằng năm',
  'nghỉ hàng năm',
  'phép năm',
  'nghỉ phép năm',
  'ngày phép',
  'nghỉ phép',
];
const MEAL = ['bữa ăn', 'ăn giữa ca', 'ăn ca', 'tiền ăn', 'ăn trưa', 'suất ăn', 'mức ăn'];
const WAGE_FLOOR = [
  'lương thấp nhất',
  'mức lương tối thiểu',
  'lương tối thiểu',
  'lương khởi điểm',
  'mức lương khởi điểm',
];
const SENIORITY =
  /cứ\s+(?:đủ\s+)?(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+năm(?:\s+làm\s+việc)?[^;.]*?(?:thêm|tăng thêm)\s+(\d+|một|hai|ba)\s+ngày/iu;
const THIRTEENTH_MONTH = /tháng\s+lương\s+thứ\s+13|lương\s+tháng\s+(?:thứ\s+)?13/iu;
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

/**
 * Reads the measures of a clause tree, in document order.
 *
 * @param tree the agreement's clause tree
 * @param options region, industry and the sectors allowed 300 h of overtime
 * @returns one measure per number whose subject is known
 */
export function readMeasures(tree: readonly ClauseNode[], options: MeasureOptions = {}): Measure[] {
  const measures: Measure[] = [];
  walkTree(tree, (node, ancestors) => {
    const above = ancestors.map(contextOf).join('\n');
    if (node.type === 'table') measures.push(...readTable(node, above, options));
    else measures.push(...readText(node, node.text, above, options));
  });
  return measures;
}

function contextOf(node: ClauseNode): string {
  return node.type === 'table' ? '' : [node.heading, node.text].filter(Boolean).join('. ');
}

interface Segment {
  text: string;
  /** The `;`-part before this one in the same sentence, which a list item continues. */
  lead?: string;
}

/** Splits text into sentences and `;` parts. Dots inside numbers (`5.200.000`) do not split. */
function segments(text: string): Segment[] {
  const parts: Segment[] = [];
  let start = 0;
  let lead: string | undefined;
  for (const m of [...text.matchAll(/;|\.(?=\s|$)|\n/g), { index: text.length, 0: '' }]) {
    const part = text.slice(start, m.index);
    if (part.trim()) parts.push(lead === undefined ? { text: part } : { text: part, lead });
    lead = m[0] === ';' ? part : undefined;
    start = m.index + 1;
  }
  return parts;
}

function readText(
  node: StructureNode,
  text: string,
  above: string,
  options: MeasureOptions,
  row?: { index: number; quantity?: Quantity; display?: string },
): Measure[] {
  const measures: Measure[] = [];
  const shown = row?.display ?? text;
  const nodeMatcher = phraseMatcher(text);
  const context = phraseMatcher([above, node.heading ?? '', text].join('\n'));
  // A table row is one unit: its case and its value.
  const parts: Segment[] = row?.quantity ? [{ text }] : segments(text);
  for (const part of parts) {
    const segment = phraseMatcher(part.text);
    const special = row?.quantity ? [] : specialQuantities(part.text, context);
    const taken = special.map((s) => [s.quantity.start, s.quantity.end] as const);
    const found = (row?.quantity ? [row.quantity] : extractQuantities(part.text)).filter(
      (q) => !taken.some(([from, to]) => q.start < to && q.end > from),
    );
    for (const s of special) measures.push(build(node, shown, s.subject, s.quantity, { row: row?.index }));
    found.forEach((quantity, i) => {
      const scope: Scope = {
        before: phraseMatcher(part.text.slice(found[i - 1]?.end ?? 0, quantity.start)),
        after: phraseMatcher(part.text.slice(quantity.end, found[i + 1]?.start ?? part.text.length)),
        segment,
        lead: phraseMatcher(part.lead ?? ''),
        context,
        node: nodeMatcher,
      };
      const subject = subjectOf(quantity, scope);
      if (!subject) return;
      let offset = 0;
      // "bằng 130% tiền lương" for night work is a premium of 30 %; overtime "trả thêm 50%" is 150 %.
      if (subject === 'night_premium' && quantity.value >= 100) offset = -100;
      if (subject === 'ot_rate' && quantity.value < 100 && scope.before.has('thêm')) offset = 100;
      const leave = quantity.unit === 'day' || quantity.unit === 'working_day';
      const paid = !leave
        ? undefined
        : segment.first(UNPAID)
          ? false
          : segment.first(PAID)
            ? true
            : undefined;
      measures.push(
        build(node, shown, subject, quantity, {
          ...conditionsOf(subject, scope, options),
          paid,
          row: row?.index,
          offset,
        }),
      );
    });
  }
  return measures;
}

interface BuildExtras {
  conditions?: FloorConditions;
  assumed?: Array<keyof FloorConditions>;
  paid?: boolean | undefined;
  row?: number | undefined;
  /** Added to a percentage to turn a premium into a rate or back. */
  offset?: number;
}

function build(
  node: ClauseNode,
  text: string,
  subject: MeasureSubject,
  quantity: Quantity,
  extras: BuildExtras,
): Measure {
  const wanted = SUBJECT_UNITS[subject];
  const converts = convertUnit(1, quantity.unit, wanted) !== undefined;
  const unit = converts ? wanted : quantity.unit;
  const offset = extras.offset ?? 0;
  const value = (convertUnit(quantity.value, quantity.unit, unit) ?? quantity.value) + offset;
  const max =
    quantity.max === undefined
      ? undefined
      : (convertUnit(quantity.max, quantity.unit, unit) ?? quantity.max) + offset;
  const measure: Measure = {
    nodeId: node.id,
    path: node.path,
    text,
    subject,
    quantity,
    value,
    unit,
    conditions: extras.conditions ?? {},
    assumed: extras.assumed ?? [],
  };
  if (max !== undefined) measure.max = max;
  if (extras.row !== undefined) measure.row = extras.row;
  if (extras.paid !== undefined) measure.paid = extras.paid;
  return measure;
}

/** Measures written without a plain number: "cứ đủ 05 năm … thêm 01 ngày", "tháng lương thứ 13". */
function specialQuantities(
  text: string,
  context: PhraseMatcher,
): Array<{ subject: MeasureSubject; quantity: Quantity }> {
  const found: Array<{ subject: MeasureSubject; quantity: Quantity }> = [];
  const seniority = SENIORITY.exec(text);
  if (seniority && (context.first(ANNUAL_LEAVE) || context.has('nghỉ'))) {
    const years = toNumber(seniority[1]);
    const days = toNumber(seniority[2]);
    if (years && days) {
      const quantity = {
        value: years / days,
        unit: 'year' as const,
        per: [],
        text: seniority[0],
        start: seniority.index,
        end: seniority.index + seniority[0].length,
        flags: [],
      };
      found.push({ subject: 'annual_leave_seniority', quantity });
    }
  }
  const thirteenth = THIRTEENTH_MONTH.exec(text);
  if (thirteenth) {
    const start = thirteenth.index;
    const quantity = {
      value: 1,
      unit: 'month_wage' as const,
      per: [],
      text: thirteenth[0],
      start,
      end: start + thirteenth[0].length,
      flags: [],
    };
    found.push({ subject: 'bonus', quantity });
  }
  return found;
}

function toNumber(written: string | undefined): number | undefined {
  if (!written) return undefined;
  return /^\d+$/.test(written) ? Number(written) : SMALL_WORDS[written.toLowerCase()];
}

/** Decides what a number is about, or `undefined` when it promises nothing we compare. */
function subjectOf(quantity: Quantity, scope: Scope): MeasureSubject | undefined {
  const { before, after, segment, context } = scope;
  const near = (phrases: readonly string[]) => before.first(phrases) ?? after.first(phrases);
  const overtime = segment.first(OVERTIME) ?? context.first(OVERTIME);
  switch (quantity.unit) {
    case 'percent': {
      if (segment.first(['tối thiểu vùng', 'lương tối thiểu']) && segment.has('cao hơn'))
        return 'min_wage_premium';
      if (segment.first(['thử việc', 'làm thử'])) return 'probation_pay';
      if (segment.has('khấu trừ')) return 'deduction_cap';
      if (segment.has('ngừng việc'))
        return segment.has('do lỗi của') && !segment.has('lỗi của người lao động')
          ? 'stoppage_pay'
          : undefined;
      if (segment.has('kinh phí công đoàn')) return 'union_fee';
      if (
        segment.first(['nâng lương', 'tăng lương', 'điều chỉnh tăng lương', 'mức tăng', 'điều chỉnh lương'])
      )
        return 'pay_rise';
      if (segment.has('phụ cấp')) return 'allowance';
      if (segment.first(['học phí', 'viện phí', 'lãi suất', 'hỗ trợ'])) return 'welfare_support';
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
      if (
        segment.first([
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
        ])
      )
        return 'welfare_support';
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
      if (segment.has('nuôi con')) return 'nursing_break';
      if (segment.first(['mang thai', 'sau mỗi giờ', 'mỗi giờ làm việc'])) return undefined;
      if (
        segment.first(['nghỉ giữa ca', 'nghỉ giữa giờ', 'nghỉ trưa', 'giải lao', 'nghỉ giữa', 'nghỉ ăn ca'])
      )
        return 'break_minutes';
      return undefined;
    }
    case 'hour': {
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
    case 'month': {
      if (quantity.flags.includes('age')) return segment.has('nuôi con') ? 'nursing_child_age' : undefined;
      if (segment.has('thai sản')) return 'maternity_leave';
      if (isProbation(scope)) return 'probation_max';
      if (before.has('báo trước'))
        return segment.first(['người sử dụng lao động', 'công ty']) &&
          !segment.has('người lao động đơn phương')
          ? 'notice_employer'
          : 'notice_worker';
      return undefined;
    }
    default:
      return undefined;
  }
}

function daySubject(quantity: Quantity, scope: Scope): MeasureSubject | undefined {
  const { before, segment, context } = scope;
  if (isProbation(scope)) return 'probation_max';
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

/** The conditions a clause states for its subject, and those assumed because it does not. */
function conditionsOf(
  subject: MeasureSubject,
  scope: Scope,
  options: MeasureOptions,
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

/**
 * Reads a leave or benefit table. With a "theo luật | theo thỏa ước" header,
 * each row is one measure: the row's first cell says what it is about, the
 * agreement's column gives the value (`01 ngày BLLĐ + 01 ngày TƯLĐTT` adds up;
 * a column of extra days is added to the law's column).
 */
function readTable(table: TableNode, above: string, options: MeasureOptions): Measure[] {
  const [header, ...rows] = table.rows;
  if (!header) return [];
  const heads = header.map((cell) => phraseMatcher(cell));
  const lawColumn = heads.findIndex((h) => h.first(['luật', 'bllđ', 'bộ luật', 'pháp luật']));
  const agreementColumn = heads.findIndex(
    (h, i) =>
      i !== lawColumn && h.first(['thỏa ước', 'tưlđtt', 'công ty', 'doanh nghiệp', 'thêm', 'tăng thêm']),
  );
  const asNode: StructureNode = { type: 'paragraph', id: table.id, path: table.path, text: '', children: [] };
  if (lawColumn < 0 || agreementColumn < 0) {
    return rows.flatMap((cells, i) => readText(asNode, cells.join(' '), above, options, { index: i + 1 }));
  }
  const extra = heads[agreementColumn]?.first(['thêm', 'tăng thêm', 'bổ sung']) !== undefined;
  return rows.flatMap((cells, i) => {
    const cell = cells[agreementColumn] ?? '';
    const found = extractQuantities(cell);
    const first = found[0];
    if (!first) return [];
    let value = cell.includes('+')
      ? found.reduce((sum, q) => sum + (q.unit === first.unit ? q.value : 0), 0)
      : first.value;
    const lawCell = cells[lawColumn] ?? '';
    // Extra days on top of the law's, unless the law's days are unpaid and the agreement's are paid.
    if (extra && !phraseMatcher(lawCell).first(UNPAID)) value += extractQuantities(lawCell)[0]?.value ?? 0;
    const text = `${cells[0] ?? ''}: ${cell}`;
    const quantity: Quantity = {
      ...first,
      value,
      text: cell,
      start: text.length - cell.length,
      end: text.length,
    };
    const display = cells.join(' | ');
    return readText(asNode, text, [above, header.join(' | ')].join('\n'), options, {
      index: i + 1,
      quantity,
      display,
    });
  });
}
