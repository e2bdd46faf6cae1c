/**
 * What to write in a blank or a weak clause: the legal floor in force ("Viết
 * ít nhất 150 % …" with its citation), what the library's agreements in force
 * give for the same measure — median and upper quartile, in the same industry
 * and province and nationally, never from fewer than three agreements — and
 * the three most favourable clauses to copy. Pure: the service gathers the
 * agreements and their comparisons.
 */

import { MEALS_PER_MONTH, median } from './benchmarks.ts';
import { type ComparisonRow, type FloorReference, formatValue, type Verdict } from './compare.ts';
import type { FloorConditions } from './floors.ts';
import { getIndustry } from './industries.ts';
import type { MeasuredRow } from './measured.ts';
import type { QuantityUnit } from './quantities.ts';
import type { MeasureSubject } from './subjects.ts';
import type { AgreementMeta, Blank, Message } from './types.ts';

/** Fewer agreements than this give no figure: "chỉ có 2 thỏa ước — chưa đủ để gợi ý". */
export const MIN_AGREEMENTS = 3;

/** What one measure is: its subject and the conditions that make two numbers different measures. */
export interface MeasureKey {
  subject: MeasureSubject;
  conditions: FloorConditions;
}

/**
 * The key of a measure: its subject, the kind of day of an overtime rate, heavy work, night shifts
 * (normal work and day shifts are the default), as the benchmarks page groups them.
 */
export function measureKeyOf({ subject, conditions }: MeasureKey): string {
  const parts = [
    conditions.day ? `day=${conditions.day}` : '',
    conditions.work && conditions.work !== 'normal' ? `work=${conditions.work}` : '',
    conditions.shift === 'night' ? 'shift=night' : '',
    conditions.holiday ? `holiday=${conditions.holiday}` : '',
  ].filter(Boolean);
  return parts.length ? `${subject}:${parts.join(',')}` : subject;
}

/**
 * The p-th percentile of sorted numbers, interpolated between the closest ranks
 * (the spreadsheet's PERCENTILE.INC).
 * @example percentile([10, 20, 30, 40], 75) // 32.5
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Median and upper quartile of a cohort, or only its size when it is too small to say anything. */
export type CohortStats =
  | { count: number; enough: true; median: number; upperQuartile: number }
  | { count: number; enough: false };

/**
 * The figures of a cohort: median and the quartile on the workers' side (the 75th percentile when more is
 * better, the 25th when less is: overtime caps).
 * @param values one value per agreement
 */
export function cohortStats(values: readonly number[], better: 'higher' | 'lower'): CohortStats {
  if (values.length < MIN_AGREEMENTS) return { count: values.length, enough: false };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    enough: true,
    median: round(median(sorted)),
    upperQuartile: round(percentile(sorted, better === 'higher' ? 75 : 25)),
  };
}

/** One agreement's value for a measure: its most favourable clause on it. */
export interface LibraryValue {
  agreementId: string;
  meta: Pick<AgreementMeta, 'employer' | 'industry' | 'province' | 'currentProvince' | 'signedOn'>;
  value: number;
  unit: QuantityUnit;
  verdict: Verdict;
  nodeId: string;
  path: string;
  text: string;
  written: string;
}

/** A row's value in the unit measures of its key are compared in: meal allowances per meal. */
function comparableValue(row: MeasuredRow): number {
  if (row.subject === 'meal_allowance' && row.measure.per?.includes('month'))
    return Math.round(row.measure.value / MEALS_PER_MONTH);
  return row.measure.value;
}

/**
 * Each agreement's most favourable value per measure key, from its comparison rows (unclear rows
 * are left out: their number is not sure).
 */
export function libraryValues(
  entries: ReadonlyArray<{
    agreement: { id: string; meta: LibraryValue['meta'] };
    rows: readonly MeasuredRow[];
  }>,
): Map<string, LibraryValue[]> {
  const byKey = new Map<string, Map<string, LibraryValue>>();
  for (const { agreement, rows } of entries) {
    for (const row of rows) {
      if (row.verdict === 'unclear') continue;
      const key = measureKeyOf({ subject: row.subject, conditions: row.measure.conditions });
      const better = row.floor?.direction ?? 'higher';
      const value = comparableValue(row);
      const held = byKey.get(key)?.get(agreement.id);
      if (held && (better === 'higher' ? held.value >= value : held.value <= value)) continue;
      const column = byKey.get(key) ?? new Map<string, LibraryValue>();
      byKey.set(key, column);
      column.set(agreement.id, {
        agreementId: agreement.id,
        meta: agreement.meta,
        value,
        unit: row.measure.unit,
        verdict: row.verdict,
        nodeId: row.nodeId,
        path: row.path,
        text: row.text,
        written: row.measure.written,
      });
    }
  }
  return new Map([...byKey].map(([key, column]) => [key, [...column.values()]]));
}

/**
 * The `count` most favourable clauses: above the law (or, where the law sets no floor, any), the best
 * value first; ties by the most recent signing.
 */
export function bestClauses(
  values: readonly LibraryValue[],
  better: 'higher' | 'lower',
  count = 3,
): LibraryValue[] {
  const hasFloor = values.some((v) => v.verdict !== 'no_floor');
  return values
    .filter((v) => (hasFloor ? v.verdict === 'above' : v.verdict === 'no_floor'))
    .sort(
      (a, b) =>
        (better === 'higher' ? b.value - a.value : a.value - b.value) ||
        (b.meta.signedOn ?? '').localeCompare(a.meta.signedOn ?? ''),
    )
    .slice(0, count);
}

/**
 * "Viết ít nhất 150 % (Điều 98 khoản 1 điểm a BLLĐ 2019)": what the law asks of the clause, or
 * undefined when its floor has no figure.
 */
export function writeAtLeast(floor: FloorReference | undefined): Message | undefined {
  if (!floor || floor.value === undefined || !floor.unit) return undefined;
  const lower = floor.direction === 'lower';
  const value = (language: 'vi' | 'en') => formatValue(floor.value!, floor.unit!, language);
  return {
    vi: `Viết ${lower ? 'nhiều nhất' : 'ít nhất'} ${value('vi')} (${floor.citation.text})`,
    en: `Write ${lower ? 'at most' : 'at least'} ${value('en')} (${floor.citation.text})`,
  };
}

/** A cohort's figures in words: "trung vị 35.000 đồng, 3/4 thỏa ước không quá 40.000 đồng (7 thỏa ước)". */
export function describeCohort(stats: CohortStats, unit: QuantityUnit, better: 'higher' | 'lower'): Message {
  if (!stats.enough)
    return {
      vi: `chỉ có ${stats.count} thỏa ước — chưa đủ ${MIN_AGREEMENTS} để nêu con số`,
      en: `only ${stats.count} agreement${stats.count === 1 ? '' : 's'} — fewer than ${MIN_AGREEMENTS}, no figure given`,
    };
  const v = (n: number, language: 'vi' | 'en') => formatValue(n, unit, language);
  return {
    vi: `trung vị ${v(stats.median, 'vi')}; một phần tư thỏa ước ${better === 'higher' ? 'từ' : 'không quá'} ${v(stats.upperQuartile, 'vi')} (${stats.count} thỏa ước)`,
    en: `median ${v(stats.median, 'en')}; a quarter of agreements ${better === 'higher' ? 'give' : 'stay at'} ${v(stats.upperQuartile, 'en')} ${better === 'higher' ? 'or more' : 'or less'} (${stats.count} agreements)`,
  };
}

/** What a suggestion is for: a blank, or a clause judged equal to or below the law. */
export type SuggestionTarget = { kind: 'blank'; blank: Blank } | { kind: 'clause'; row: ComparisonRow };

/** Everything the workbench says about one blank or weak clause. */
export interface Suggestion {
  target: SuggestionTarget;
  nodeId: string;
  path: string;
  subject: MeasureSubject;
  key: string;
  label: string;
  floor?: FloorReference;
  /** "Viết ít nhất …" with the citation. */
  writeAtLeast?: Message;
  /** The agreements in force of the draft's industry and province; absent when the draft names neither. */
  local?: CohortStats & { industry?: string; industryName?: Message; province?: string; text: Message };
  national: CohortStats & { text: Message };
  /** The three most favourable clauses on the subject, from agreements in force. */
  best: Array<LibraryValue & { year?: string }>;
  unit?: QuantityUnit;
  better: 'higher' | 'lower';
}

export interface SuggestOptions {
  /** The draft's industry and province (its current province), for the local cohort. */
  industry?: string | undefined;
  province?: string | undefined;
}

/**
 * The suggestions for a draft: one per blank with a subject, one per clause equal to or below the law.
 *
 * @param blanks the draft's blanks (`readBlanks` with the day, so they carry their floor)
 * @param rows the draft's comparison rows
 * @param library each agreement in force's values per measure key (`libraryValues`)
 * @param options the draft's industry and province
 */
export function suggestFor(
  blanks: readonly Blank[],
  rows: readonly ComparisonRow[],
  library: ReadonlyMap<string, readonly LibraryValue[]>,
  options: SuggestOptions = {},
): Suggestion[] {
  const targets: Array<{
    target: SuggestionTarget;
    key: MeasureKey;
    floor?: FloorReference;
    label: string;
    unit?: QuantityUnit;
  }> = [];
  for (const blank of blanks) {
    if (!blank.subject) continue;
    targets.push({
      target: { kind: 'blank', blank },
      key: { subject: blank.subject, conditions: blank.conditions ?? {} },
      ...(blank.floor ? { floor: blank.floor } : {}),
      ...(blank.unit ? { unit: blank.unit } : {}),
      label: blank.label,
    });
  }
  for (const row of rows) {
    if (row.verdict !== 'below' && row.verdict !== 'equal') continue;
    targets.push({
      target: { kind: 'clause', row },
      key: { subject: row.subject, conditions: row.measure.conditions },
      ...(row.floor ? { floor: row.floor } : {}),
      unit: row.measure.unit,
      label: row.floor?.label ?? row.subject,
    });
  }
  return targets.map(({ target, key, floor, label, unit: written }) => {
    const measureKey = measureKeyOf(key);
    const unit = written ?? floor?.unit ?? library.get(measureKey)?.[0]?.unit;
    // A bonus of months of wages and one in đồng are not the same measure.
    const values = (library.get(measureKey) ?? []).filter((v) => v.unit === unit);
    const better = floor?.direction ?? 'higher';
    const national = cohortStats(
      values.map((v) => v.value),
      better,
    );
    const nodeId = target.kind === 'blank' ? target.blank.nodeId : target.row.nodeId;
    const path = target.kind === 'blank' ? target.blank.path : target.row.path;
    const suggestion: Suggestion = {
      target,
      nodeId,
      path,
      subject: key.subject,
      key: measureKey,
      label,
      national: { ...national, text: unit ? describeCohort(national, unit, better) : noUnit(national) },
      best: bestClauses(values, better).map((v) => ({
        ...v,
        ...(v.meta.signedOn ? { year: v.meta.signedOn.slice(0, 4) } : {}),
      })),
      better,
    };
    if (unit) suggestion.unit = unit;
    if (floor) suggestion.floor = floor;
    const write = writeAtLeast(floor);
    if (write) suggestion.writeAtLeast = write;
    if (options.industry || options.province) {
      const found = options.industry ? getIndustry(options.industry) : undefined;
      const industryName = found ? { vi: found.name, en: found.nameEn } : undefined;
      const local = values.filter(
        (v) =>
          (!options.industry || v.meta.industry === options.industry) &&
          (!options.province ||
            v.meta.currentProvince === options.province ||
            v.meta.province === options.province),
      );
      const stats = cohortStats(
        local.map((v) => v.value),
        better,
      );
      suggestion.local = {
        ...stats,
        ...(options.industry ? { industry: options.industry } : {}),
        ...(industryName ? { industryName } : {}),
        ...(options.province ? { province: options.province } : {}),
        text: unit ? describeCohort(stats, unit, better) : noUnit(stats),
      };
    }
    return suggestion;
  });
}

function noUnit(stats: CohortStats): Message {
  return { vi: `${stats.count} thỏa ước`, en: `${stats.count} agreements` };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
