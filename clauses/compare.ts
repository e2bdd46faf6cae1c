/**
 * Side by side with the law: every measured clause of an agreement against
 * the legal floor in force on a chosen date — above, equal, below, no floor,
 * or unclear (with the reason) — with the difference, the citation and the
 * words of the law; plus a summary and the essential topics the agreement
 * never mentions.
 */

import type { Correction, DismissedRow, RowCorrection } from './corrections.ts';
import { isNotEntitlement } from './entitlements.ts';
import {
  type Citation,
  type Floor,
  type FloorConditions,
  type FloorRule,
  type FloorsFile,
  inForce,
  LEGAL_FLOORS,
} from './floors.ts';
import { type LawExcerpt, lawExcerpt } from './law.ts';
import { restatesLawAt } from './law-wording.ts';
import { type Measure, readNumbers, type SkippedNumber } from './measures.ts';
import type { PerUnit, QuantityUnit } from './quantities.ts';
import { hasUnsureNumbers, SCAN_CAUTION } from './scan.ts';
import { convertUnit, type MeasureSubject } from './subjects.ts';
import { classifyNode, getTopic, TOPICS } from './topics.ts';
import { walkTree } from './tree.ts';
import type { Agreement, ClauseNode, Message, WageRegion } from './types.ts';

export type Verdict = 'above' | 'equal' | 'below' | 'no_floor' | 'unclear';

export const VERDICTS: readonly Verdict[] = ['above', 'equal', 'below', 'no_floor', 'unclear'];

export interface ComparisonOptions {
  /** The date whose floors apply (`YYYY-MM-DD`). */
  on: string;
  /** Compare wages with this region, whatever the agreement says. */
  region?: WageRegion;
  /** A floors file; the bundled one by default. */
  floors?: FloorsFile;
}

export type { Message };

/** A floor as shown beside a clause, with the words of the law it cites. */
export interface FloorReference {
  key: string;
  kind: Floor['kind'];
  label: string;
  labelEn: string;
  value?: number;
  unit?: QuantityUnit;
  direction?: 'higher' | 'lower';
  conditions?: FloorConditions;
  unpaid?: boolean;
  citation: Citation;
  see?: Citation[];
  effectiveFrom: string;
  effectiveTo: string | null;
  status: Floor['status'];
  note?: string;
}

export interface Difference {
  value: number;
  unit: QuantityUnit;
  /** `+1 ngày`, `-20 điểm phần trăm`, `+290.000 đồng` */
  text: string;
  textEn: string;
}

export interface ComparisonRow {
  nodeId: string;
  path: string;
  row?: number;
  text: string;
  topics: string[];
  subject: MeasureSubject;
  measure: {
    value: number;
    max?: number;
    unit: QuantityUnit;
    /** The number as written in the clause. */
    written: string;
    conditions: FloorConditions;
    assumed: Array<keyof FloorConditions>;
    paid?: boolean;
    /** What the amount is for: `/bữa`, `/tháng`. */
    per?: PerUnit[];
  };
  verdict: Verdict;
  /** Why the number was measured: the words that made it an entitlement of its subject. */
  basis: Message;
  floor?: FloorReference;
  difference?: Difference;
  reason?: Message;
  /** The text of the cited article, clause or point. */
  law?: LawExcerpt;
  /** Set by an officer's correction: who, when, why, and what the product had said. */
  correction?: RowCorrection;
}

export type VerdictCounts = Record<Verdict, number>;

/** How many of an agreement's numbers were compared, were not entitlements, or were not read. */
export interface Coverage {
  /** Every number found in the agreement's clauses. */
  numbers: number;
  /** Compared with the law (the rows). */
  measured: number;
  /** Conditions, dates, references, examples, restatements, codes, counts. */
  notEntitlements: number;
  /** Amounts whose subject was not recognised. */
  unread: number;
  /** `đã đối chiếu 41/52 con số; 11 không phải quyền lợi; 0 chưa đọc được` */
  text: Message;
}

export interface Comparison {
  agreementId?: string;
  on: string;
  region?: WageRegion;
  regionSource: 'option' | 'agreement' | 'unknown';
  floorsVersion: string;
  rows: ComparisonRow[];
  summary: VerdictCounts & { total: number };
  /** Rows below the floor: unlawful, the agreement is partly invalid (Điều 86 khoản 1). */
  unlawful: ComparisonRow[];
  /** Essential topics the agreement does not mention at all. */
  missing: Array<{ topic: string; label: string; labelEn: string }>;
  /** The numbers that were not compared, each with its reason. */
  skipped: SkippedNumber[];
  coverage: Coverage;
  /** Rows an officer marked "not an entitlement" (after corrections are applied). */
  dismissed?: DismissedRow[];
  /** Corrections whose number is no longer in the text. */
  stale?: Correction[];
}

/** The topic a subject belongs to, so a row is found under its topic even when its words do not name it. */
const SUBJECT_TOPIC: Record<MeasureSubject, string> = {
  min_wage_month: 'minimum_wage',
  min_wage_hour: 'minimum_wage',
  min_wage_premium: 'minimum_wage',
  normal_hours_day: 'working_hours',
  normal_hours_week: 'working_hours',
  ot_cap_month: 'overtime',
  ot_cap_year: 'overtime',
  ot_rate: 'overtime',
  night_premium: 'night_work',
  night_ot_rate: 'overtime',
  break_minutes: 'breaks',
  shift_rest: 'breaks',
  weekly_rest: 'weekly_rest',
  public_holidays: 'public_holidays',
  public_holidays_extra: 'public_holidays',
  annual_leave: 'annual_leave',
  annual_leave_extra: 'annual_leave',
  annual_leave_seniority: 'annual_leave',
  leave_own_marriage: 'personal_leave',
  leave_child_marriage: 'personal_leave',
  leave_bereavement: 'personal_leave',
  leave_family_unpaid: 'personal_leave',
  maternity_leave: 'female_workers',
  menstruation_break: 'female_workers',
  menstruation_days: 'female_workers',
  nursing_break: 'female_workers',
  nursing_child_age: 'female_workers',
  probation_max: 'probation',
  probation_pay: 'probation',
  notice_worker: 'termination',
  notice_employer: 'termination',
  severance: 'termination',
  job_loss: 'termination',
  job_loss_minimum: 'termination',
  settlement_days: 'termination',
  late_payment_days: 'wages',
  stoppage_pay: 'job_security',
  deduction_cap: 'discipline',
  union_fee: 'union',
  bonus: 'bonus',
  meal_allowance: 'meal',
  allowance: 'allowances',
  seniority_allowance: 'seniority',
  childcare_support: 'childcare',
  welfare_support: 'welfare',
  welfare_birthday: 'welfare',
  welfare_womens_day: 'welfare',
  welfare_children: 'welfare',
  welfare_holiday_gift: 'welfare',
  welfare_tet_gift: 'welfare',
  welfare_wedding: 'welfare',
  welfare_funeral: 'welfare',
  welfare_childbirth: 'welfare',
  welfare_accident: 'welfare',
  welfare_sickness: 'welfare',
  welfare_retirement: 'welfare',
  welfare_hardship: 'welfare',
  pay_rise: 'pay_rise',
  public_holiday_day: 'public_holidays',
  extra_day_off: 'personal_leave',
  night_hours_start: 'night_work',
  night_hours_end: 'night_work',
  night_ot_extra: 'overtime',
  wage_pay_day: 'wages',
  bonus_pay_day: 'bonus',
  dialogue_interval: 'union',
  health_check_interval: 'safety',
  training_commitment: 'training',
  company_trip: 'welfare',
  extra_insurance: 'insurance',
  si_book_return_days: 'insurance',
  nursing_hours_day: 'female_workers',
  pregnancy_hours_day: 'female_workers',
  reduced_hours_pay: 'female_workers',
  reduced_hours_cut: 'female_workers',
  nursing_break_work_pay: 'female_workers',
  retirement_leave: 'welfare',
};

const CONDITION_LABELS: Record<keyof FloorConditions, Message> = {
  region: { vi: 'chưa rõ vùng lương tối thiểu', en: 'wage region unknown' },
  work: { vi: 'chưa rõ điều kiện lao động', en: 'working conditions unknown' },
  otScheme: {
    vi: 'chưa rõ ngành có được làm thêm đến 300 giờ/năm',
    en: 'unknown whether the sector may work 300 h of overtime',
  },
  day: {
    vi: 'chưa rõ ngày thường, ngày nghỉ hằng tuần hay ngày lễ',
    en: 'day type (normal, weekly rest, holiday) not stated',
  },
  shift: { vi: 'chưa rõ ca ngày hay ca đêm', en: 'day or night shift not stated' },
  job: { vi: 'chưa rõ loại công việc thử việc', en: 'kind of job on probation not stated' },
  contract: { vi: 'chưa rõ loại hợp đồng', en: 'contract type not stated' },
  holiday: { vi: 'chưa rõ ngày lễ nào', en: 'which public holiday is not stated' },
  cause: { vi: 'chưa rõ nguyên nhân ngừng việc', en: 'cause of the stoppage not stated' },
  childCase: {
    vi: 'chưa rõ chế độ nào cho lao động nuôi con nhỏ',
    en: 'which protection of nursing workers is meant',
  },
};

/**
 * Compares each measured clause of an agreement with the legal floor in force on a date.
 *
 * @param agreement its tree, metadata (wage region, industry) and id
 * @param options `on` date, optional `region`, optional floors file
 * @returns one row per measure, a summary, unlawful rows and missing topics
 * @example compareWithFloors(agreement, { on: '2026-01-01' }).summary.below
 */
export function compareWithFloors(
  agreement: Pick<Agreement, 'tree' | 'meta'> & { id?: string },
  options: ComparisonOptions,
): Comparison {
  const file = options.floors ?? LEGAL_FLOORS;
  const region = options.region ?? agreement.meta.wageRegion;
  const { measures, skipped } = readNumbers(agreement.tree, {
    ...(options.region ? { region: options.region } : {}),
    ...(agreement.meta.wageRegion ? { agreementRegion: agreement.meta.wageRegion } : {}),
    ...(agreement.meta.industry ? { industry: agreement.meta.industry } : {}),
    extendedOvertimeIndustries: file.extendedOvertimeIndustries,
  });
  const nodeTopics = new Map<string, string[]>();
  walkTree(agreement.tree, (node) => {
    nodeTopics.set(
      node.id,
      classifyNode(node).map((m) => m.topic),
    );
  });
  const rows = measures.map((measure) => {
    const row = compareMeasure(measure, options.on, file, nodeTopics.get(measure.nodeId) ?? []);
    if (row.floor) row.basis = basisOf(measure, row.floor);
    return row;
  });
  // A clause that is the law's own words is never also below it: its number is the law's.
  const nodes = new Map<string, string>();
  for (const row of rows) if (row.verdict === 'below') nodes.set(row.nodeId, row.text);
  for (const [nodeId, text] of nodes) {
    const law = restatesLawAt(text);
    if (!law) continue;
    for (const row of rows)
      if (row.nodeId === nodeId && row.verdict === 'below') {
        row.verdict = 'unclear';
        delete row.difference;
        row.reason = {
          vi: `điều khoản chép lại ${law.text}; con số này là một số khác của cùng quy định, không so với mức sàn chính`,
          en: `the clause restates ${law.text}; this is another number of the same rule, not compared with its main floor`,
        };
      }
  }
  // A number OCR read with little confidence may be misread: never below, unclear until checked on the page.
  const scanned = new Map<string, ClauseNode>();
  walkTree(agreement.tree, (node) => {
    if (hasUnsureNumbers(node)) scanned.set(node.id, node);
  });
  for (const row of rows)
    if (row.verdict === 'below' && scanned.has(row.nodeId)) {
      row.verdict = 'unclear';
      delete row.difference;
      row.reason = { ...SCAN_CAUTION };
    }
  const summary = { total: rows.length, above: 0, equal: 0, below: 0, no_floor: 0, unclear: 0 };
  for (const row of rows) summary[row.verdict]++;
  const mentioned = new Set([...nodeTopics.values()].flat());
  for (const row of rows) for (const topic of row.topics) mentioned.add(topic);
  const unread = skipped.filter((s) => !isNotEntitlement(s.reason)).length;
  const coverage = coverageOf(rows.length, skipped.length - unread, unread);
  const comparison: Comparison = {
    on: options.on,
    regionSource: options.region ? 'option' : agreement.meta.wageRegion ? 'agreement' : 'unknown',
    floorsVersion: file.version,
    rows,
    summary,
    unlawful: rows.filter((row) => row.verdict === 'below'),
    missing: TOPICS.filter((topic) => topic.essential && !mentioned.has(topic.id)).map((topic) => ({
      topic: topic.id,
      label: topic.label,
      labelEn: topic.labelEn,
    })),
    skipped,
    coverage,
  };
  if (agreement.id) comparison.agreementId = agreement.id;
  if (region) comparison.region = region;
  return comparison;
}

/**
 * The coverage line of a comparison: how many numbers were compared, were not entitlements, were not read.
 * @example coverageOf(41, 11, 0).text.vi === 'đã đối chiếu 41/52 con số; 11 không phải quyền lợi; 0 chưa đọc được'
 */
export function coverageOf(measured: number, notEntitlements: number, unread: number): Coverage {
  const numbers = measured + notEntitlements + unread;
  return {
    numbers,
    measured,
    notEntitlements,
    unread,
    text: {
      vi: `đã đối chiếu ${measured}/${numbers} con số; ${notEntitlements} không phải quyền lợi; ${unread} chưa đọc được`,
      en: `compared ${measured} of ${numbers} numbers; ${notEntitlements} not entitlements; ${unread} not read`,
    },
  };
}

function compareMeasure(
  measure: Measure,
  on: string,
  file: FloorsFile,
  topics: readonly string[],
): ComparisonRow {
  const row: ComparisonRow = {
    nodeId: measure.nodeId,
    path: measure.path,
    text: measure.text,
    topics: [...new Set([SUBJECT_TOPIC[measure.subject], ...topics])].filter((t) => getTopic(t)),
    subject: measure.subject,
    measure: {
      value: measure.value,
      unit: measure.unit,
      written: measure.quantity.text,
      conditions: measure.conditions,
      assumed: measure.assumed,
    },
    verdict: 'unclear',
    basis: basisOf(measure),
  };
  if (measure.row !== undefined) row.row = measure.row;
  if (measure.max !== undefined) row.measure.max = measure.max;
  if (measure.paid !== undefined) row.measure.paid = measure.paid;
  if (measure.quantity.per.length) row.measure.per = measure.quantity.per;

  const rules = file.floors.filter((rule) => rule.subject === measure.subject);
  const current = rules.filter((rule) => inForce(rule, on));
  const mistyped = measure.quantity.flags.includes('malformed_number')
    ? {
        vi: `số "${measure.quantity.text}" có vẻ viết sai, cần kiểm tra`,
        en: `"${measure.quantity.text}" looks mistyped; check the number`,
      }
    : undefined;
  const noFloor = current.find((rule) => rule.kind === 'no_floor');
  if (noFloor)
    return withFloor({ ...row, verdict: 'no_floor', ...(mistyped ? { reason: mistyped } : {}) }, noFloor);
  const plain = current.find((rule) => rule.kind === 'rule');
  if (plain)
    return withFloor(
      { ...row, verdict: plain.verdict, reason: { vi: plain.reason, en: plain.reasonEn } },
      plain,
    );
  const judged0 = judgeAll(measure, row, rules, current, on, mistyped);
  if (measure.caution && (judged0.verdict === 'above' || judged0.verdict === 'below')) {
    const { difference: _difference, ...rest } = judged0;
    return { ...rest, verdict: 'unclear', reason: measure.caution };
  }
  return judged0;
}

function judgeAll(
  measure: Measure,
  row: ComparisonRow,
  rules: readonly Floor[],
  current: readonly Floor[],
  on: string,
  mistyped: Message | undefined,
): ComparisonRow {
  if (current.length === 0) {
    const reason = rules.length
      ? { vi: `không có mức sàn pháp lý còn hiệu lực vào ngày ${on}`, en: `no legal floor in force on ${on}` }
      : { vi: 'chưa có mức sàn pháp lý trong dữ liệu', en: 'no legal floor recorded for this' };
    return { ...row, reason };
  }
  const candidates = current.filter(
    (rule): rule is FloorRule =>
      rule.kind === 'floor' &&
      Object.entries(rule.conditions ?? {}).every(([key, value]) => {
        const known = measure.conditions[key as keyof FloorConditions];
        return known === undefined || known === value;
      }),
  );
  if (candidates.length === 0) {
    return {
      ...row,
      reason: { vi: 'không có mức sàn cho điều kiện này', en: 'no floor for these conditions' },
    };
  }
  const sameUnit = (unit: QuantityUnit) => convertUnit(1, measure.unit, unit) === 1;
  if (!candidates.every((rule) => sameUnit(rule.unit))) {
    return withFloor(
      {
        ...row,
        reason: {
          vi: `không so sánh được "${measure.quantity.text}" với mức sàn tính bằng đơn vị khác`,
          en: `"${measure.quantity.text}" is in a unit the floor is not`,
        },
      },
      candidates[0]!,
    );
  }
  if (mistyped) return withFloor({ ...row, reason: mistyped }, candidates[0]!);
  const judged = candidates.map((rule) => ({ rule, ...judge(measure, rule) }));
  const verdicts = new Set(judged.map((j) => j.verdict));
  const worst = judged.find((j) => j.verdict === 'below');
  if (verdicts.size > 1 && measure.allDays && worst) {
    // One value for every day type: it must meet each day's floor, and it does not meet this one.
    const floors = judged
      .map(
        (j) =>
          `${CONDITION_WORDS[j.rule.conditions?.day ?? 'normal'] ?? ''} ${formatValue(j.rule.value, j.rule.unit, 'vi')}`,
      )
      .join(', ');
    const floorsEn = judged
      .map((j) => `${j.rule.conditions?.day ?? 'normal'} day ${formatValue(j.rule.value, j.rule.unit, 'en')}`)
      .join(', ');
    const result: ComparisonRow = {
      ...row,
      verdict: 'below',
      reason: {
        vi: `một mức cho mọi loại ngày, tính trên lương ngày thường; luật tính theo lương của chính ngày đó (${floors})`,
        en: `one value for every day type, on the normal-day wage; the law counts the wage of that day (${floorsEn})`,
      },
    };
    if (worst.difference) result.difference = worst.difference;
    return withFloor(result, worst.rule);
  }
  if (verdicts.size > 1) {
    const unknown = [...new Set(candidates.flatMap((rule) => Object.keys(rule.conditions ?? {})))].filter(
      (key) => measure.conditions[key as keyof FloorConditions] === undefined,
    ) as Array<keyof FloorConditions>;
    const values = candidates.map((rule) => rule.value);
    const unit = candidates[0]!.unit;
    const range = `${formatValue(Math.min(...values), unit, 'vi')}–${formatValue(Math.max(...values), unit, 'vi')}`;
    const rangeEn = `${formatValue(Math.min(...values), unit, 'en')}–${formatValue(Math.max(...values), unit, 'en')}`;
    const what = unknown.map((key) => CONDITION_LABELS[key]);
    return {
      ...row,
      reason: {
        vi: `${what.map((w) => w.vi).join(', ') || 'nhiều mức sàn'}: mức sàn từ ${range}`,
        en: `${what.map((w) => w.en).join(', ') || 'several floors'}: floor is ${rangeEn}`,
      },
    };
  }
  // All candidate floors agree: show the strictest one.
  const strictest = judged.reduce((best, j) =>
    (j.rule.direction === 'higher' ? j.rule.value > best.rule.value : j.rule.value < best.rule.value)
      ? j
      : best,
  );
  const result: ComparisonRow = { ...row, verdict: strictest.verdict };
  if (strictest.difference) result.difference = strictest.difference;
  if (strictest.reason) result.reason = strictest.reason;
  return withFloor(result, strictest.rule);
}

function judge(
  measure: Measure,
  rule: FloorRule,
): { verdict: Verdict; difference?: Difference; reason?: Message } {
  if (rule.base === 'min_wage') {
    // The floor is a share of the minimum wage; a share of the contract wage is never less (Điều 90 khoản 2).
    return measure.value >= rule.value
      ? {
          verdict: 'above',
          reason: {
            vi: 'tiền lương theo hợp đồng không thấp hơn lương tối thiểu vùng, mức luật đòi hỏi',
            en: 'the contract wage is never below the regional minimum wage the law requires',
          },
        }
      : {
          verdict: 'unclear',
          reason: {
            vi: `không rõ ${measure.quantity.text} tiền lương hợp đồng có đạt lương tối thiểu vùng không`,
            en: `whether ${measure.quantity.text} of the contract wage reaches the regional minimum wage is unknown`,
          },
        };
  }
  if (rule.unpaid && measure.paid) {
    const paid = measure.value;
    return {
      verdict: 'above',
      difference: difference(paid, rule.unit, ' hưởng lương', ' paid'),
      reason: { vi: 'luật cho nghỉ không hưởng lương', en: 'the law grants these days unpaid' },
    };
  }
  // A range is judged by its least favourable end.
  const value = rule.direction === 'lower' ? (measure.max ?? measure.value) : measure.value;
  const delta = round(value - rule.value);
  const verdict: Verdict =
    delta === 0 ? 'equal' : delta > 0 === (rule.direction === 'higher') ? 'above' : 'below';
  return { verdict, difference: difference(delta, rule.unit) };
}

function difference(delta: number, unit: QuantityUnit, suffix = '', suffixEn = ''): Difference {
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const magnitude = Math.abs(delta);
  const vi =
    unit === 'percent'
      ? `${formatNumber(magnitude, 'vi')} điểm phần trăm`
      : formatValue(magnitude, unit, 'vi');
  const en =
    unit === 'percent'
      ? `${formatNumber(magnitude, 'en')} percentage points`
      : formatValue(magnitude, unit, 'en');
  return { value: delta, unit, text: `${sign}${vi}${suffix}`, textEn: `${sign}${en}${suffixEn}` };
}

/** A rule of the floors file as shown beside a clause (without the words of the law). */
export function floorReference(rule: Floor): FloorReference {
  const floor: FloorReference = {
    key: rule.key,
    kind: rule.kind,
    label: rule.label,
    labelEn: rule.labelEn,
    citation: rule.citation,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    status: rule.status,
  };
  if (rule.kind === 'floor') {
    floor.value = rule.value;
    floor.unit = rule.unit;
    floor.direction = rule.direction;
    if (rule.conditions) floor.conditions = rule.conditions;
    if (rule.unpaid) floor.unpaid = true;
  }
  if (rule.see) floor.see = rule.see;
  if (rule.note) floor.note = rule.note;
  return floor;
}

function withFloor(row: ComparisonRow, rule: Floor): ComparisonRow {
  const floor = floorReference(rule);
  const law = [rule.citation, ...(rule.see ?? [])].map(lawExcerpt).find((excerpt) => excerpt !== undefined);
  const result: ComparisonRow = { ...row, floor };
  if (law) result.law = law;
  return result;
}

const CONDITION_WORDS: Record<string, string> = {
  normal: 'ngày thường',
  weekly_rest: 'ngày nghỉ hằng tuần',
  holiday: 'ngày lễ, tết',
};

/** Why a measure was compared: its subject's words and the entitlement verb found beside it. */
function basisOf(measure: Measure, floor?: Pick<FloorReference, 'label' | 'labelEn'>): Message {
  const words = [...new Set(measure.because)].map((w) => `"${w}"`).join(' + ');
  const subject = measure.subject.replace(/_/g, ' ');
  const vi = floor?.label ?? subject;
  const en = floor?.labelEn ?? subject;
  return words ? { vi: `${words} → ${vi}`, en: `${words} → ${en}` } : { vi: `→ ${vi}`, en: `→ ${en}` };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const UNIT_WORDS: Record<QuantityUnit, { vi: string; en: string; enPlural: string }> = {
  VND: { vi: 'đồng', en: 'VND', enPlural: 'VND' },
  percent: { vi: '%', en: '%', enPlural: '%' },
  minute: { vi: 'phút', en: 'minute', enPlural: 'minutes' },
  hour: { vi: 'giờ', en: 'hour', enPlural: 'hours' },
  day: { vi: 'ngày', en: 'day', enPlural: 'days' },
  working_day: { vi: 'ngày làm việc', en: 'working day', enPlural: 'working days' },
  week: { vi: 'tuần', en: 'week', enPlural: 'weeks' },
  month: { vi: 'tháng', en: 'month', enPlural: 'months' },
  year: { vi: 'năm', en: 'year', enPlural: 'years' },
  times: { vi: 'lần', en: 'time', enPlural: 'times' },
  month_wage: { vi: 'tháng lương', en: "month's wage", enPlural: "months' wages" },
  session: { vi: 'buổi', en: 'half-day session', enPlural: 'half-day sessions' },
};

// Building a formatter costs far more than using one, and comparisons format thousands of numbers.
const NUMBER_FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

/** `5.310.000` in Vietnamese, `5,310,000` in English. */
export function formatNumber(value: number, language: 'vi' | 'en'): string {
  return NUMBER_FORMATS[language].format(value);
}

/**
 * A value with its unit, as a reader writes it.
 * @example formatValue(5310000, 'VND', 'vi') // '5.310.000 đồng'
 */
export function formatValue(value: number, unit: QuantityUnit, language: 'vi' | 'en'): string {
  const words = UNIT_WORDS[unit];
  const number = formatNumber(value, language);
  if (unit === 'percent') return `${number}%`;
  if (language === 'vi') return `${number} ${words.vi}`;
  return `${number} ${value === 1 ? words.en : words.enPlural}`;
}
