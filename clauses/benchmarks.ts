/**
 * Agreements side by side on a topic: one row per agreement, one column per
 * measure (meal allowance per meal, overtime on a weekly rest day, annual
 * leave days, …), the most favourable value each agreement gives, the
 * column's median, minimum and maximum, and where each agreement stands
 * (percentile) among the agreements compared and within its industry and
 * province. The best clause of each column is the model to draft from.
 */

import type { Verdict } from './compare.ts';
import type { FloorConditions } from './floors.ts';
import type { MeasuredRow } from './measured.ts';
import type { QuantityUnit } from './quantities.ts';
import { getTopic } from './topics.ts';
import type { Agreement } from './types.ts';

/** Working days in a month, to read a monthly meal allowance per meal. */
export const MEALS_PER_MONTH = 26;

export interface BenchmarkEntry {
  agreement: Pick<Agreement, 'id' | 'meta'>;
  /** Its comparison with the law (the measured rows are enough). */
  comparison: { rows: readonly MeasuredRow[] };
}

export interface BenchmarkCell {
  value: number;
  written: string;
  verdict: Verdict;
  nodeId: string;
  path: string;
  text: string;
  /** Read from a monthly amount (÷ 26 meals). */
  converted?: boolean;
  /** 0–100: share of the compared agreements that give less (half of those that give the same). */
  percentile: number;
  percentileInIndustry?: number;
  percentileInProvince?: number;
}

export interface BenchmarkColumn {
  key: string;
  subject: string;
  conditions: FloorConditions;
  label: string;
  labelEn: string;
  unit: QuantityUnit;
  /** `meal` for meal allowances, read per meal. */
  per?: 'meal';
  /** Which way is better for workers: more leave, fewer overtime hours. */
  better: 'higher' | 'lower';
  stats: { count: number; min: number; max: number; median: number };
  /** Every value, in order: the distribution. */
  values: number[];
  /** The most favourable clause above the law (or, where the law sets no floor, the most favourable one). */
  best?: {
    agreementId: string;
    employer?: string;
    nodeId: string;
    path: string;
    text: string;
    written: string;
    value: number;
  };
}

export interface BenchmarkRow {
  agreementId: string;
  employer?: string;
  industry?: string;
  province?: string;
  cells: Record<string, BenchmarkCell>;
}

export interface BenchmarkTable {
  topics: string[];
  columns: BenchmarkColumn[];
  rows: BenchmarkRow[];
}

/**
 * The column of a measure: its subject, and the conditions that make two numbers different measures —
 * the kind of day of an overtime rate, heavy work, night shifts. Normal work and day shifts are the default.
 */
function columnKey(row: MeasuredRow): { key: string; conditions: FloorConditions } {
  const { day, work, shift } = row.measure.conditions;
  const conditions: FloorConditions = {
    ...(day ? { day } : {}),
    ...(work && work !== 'normal' ? { work } : {}),
    ...(shift === 'night' ? { shift } : {}),
  };
  const suffix = Object.entries(conditions)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return { key: suffix ? `${row.subject}:${suffix}` : row.subject, conditions };
}

/** A row's value in the column's unit: meal allowances per meal. */
function columnValue(row: MeasuredRow): { value: number; converted?: boolean } {
  if (row.subject === 'meal_allowance' && row.measure.per?.includes('month'))
    return { value: Math.round(row.measure.value / MEALS_PER_MONTH), converted: true };
  return { value: row.measure.value };
}

/** The median of sorted numbers. */
export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Percentile rank (mid-rank): the share of values worse than `value`, plus half of those equal to it, in %.
 * @example percentileRank(20, [10, 20, 20, 40], 'higher') // 50
 */
export function percentileRank(value: number, values: readonly number[], better: 'higher' | 'lower'): number {
  if (values.length === 0) return 0;
  const worse = values.filter((v) => (better === 'higher' ? v < value : v > value)).length;
  const equal = values.filter((v) => v === value).length;
  return Math.round(((worse + equal / 2) / values.length) * 1000) / 10;
}

/** `percentileRank` over values already sorted ascending, by binary search (the same figures). */
export function rankInSorted(value: number, sorted: ArrayLike<number>, better: 'higher' | 'lower'): number {
  if (sorted.length === 0) return 0;
  const bound = (strict: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (strict ? sorted[mid]! < value : sorted[mid]! <= value) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const below = bound(true);
  const notAbove = bound(false);
  const worse = better === 'higher' ? below : sorted.length - notAbove;
  const equal = notAbove - below;
  return Math.round(((worse + equal / 2) / sorted.length) * 1000) / 10;
}

/** Sorted values of each group (industry or province) of a column's population. */
function sortedBy(
  picked: Iterable<Picked>,
  group: (meta: Agreement['meta']) => string | undefined,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const p of picked) {
    const key = group(p.entry.agreement.meta);
    if (key === undefined) continue;
    const values = groups.get(key) ?? [];
    values.push(p.value);
    groups.set(key, values);
  }
  for (const values of groups.values()) values.sort((a, b) => a - b);
  return groups;
}

interface Picked {
  entry: BenchmarkEntry;
  row: MeasuredRow;
  value: number;
  converted?: boolean;
}

/** For each column, each agreement's most favourable value. */
function pick(entries: readonly BenchmarkEntry[], wanted: (row: MeasuredRow) => boolean) {
  const columns = new Map<
    string,
    { conditions: FloorConditions; first: MeasuredRow; byAgreement: Map<string, Picked> }
  >();
  for (const entry of entries) {
    for (const row of entry.comparison.rows) {
      if (!wanted(row) || row.verdict === 'unclear') continue;
      const { key, conditions } = columnKey(row);
      const column = columns.get(key) ?? { conditions, first: row, byAgreement: new Map() };
      columns.set(key, column);
      const better = row.floor?.direction ?? 'higher';
      const { value, converted } = columnValue(row);
      const held = column.byAgreement.get(entry.agreement.id);
      const wins = !held || (better === 'higher' ? value > held.value : value < held.value);
      if (wins)
        column.byAgreement.set(entry.agreement.id, {
          entry,
          row,
          value,
          ...(converted ? { converted } : {}),
        });
    }
  }
  return columns;
}

/**
 * The side-by-side table of agreements on some topics.
 *
 * @param entries the agreements to compare, each with its comparison with the law
 * @param options.topics topic ids (`meal`, `overtime`, `annual_leave`); every measured topic when empty
 * @param options.population the agreements percentiles within an industry or province are taken among
 *   (the whole library); `entries` when absent
 */
export function benchmarkTable(
  entries: readonly BenchmarkEntry[],
  options: { topics?: readonly string[]; population?: readonly BenchmarkEntry[] } = {},
): BenchmarkTable {
  const topics = (options.topics ?? []).filter((t) => getTopic(t));
  const wanted = (row: MeasuredRow) => topics.length === 0 || row.topics.some((t) => topics.includes(t));
  const picked = pick(entries, wanted);
  // Without another population the agreements are placed among themselves: picked once.
  const population = options.population ? pick(options.population, wanted) : picked;
  const rows = new Map<string, BenchmarkRow>(
    entries.map(({ agreement }) => [
      agreement.id,
      {
        agreementId: agreement.id,
        ...(agreement.meta.employer ? { employer: agreement.meta.employer } : {}),
        ...(agreement.meta.industry ? { industry: agreement.meta.industry } : {}),
        ...(agreement.meta.province ? { province: agreement.meta.province } : {}),
        cells: {},
      },
    ]),
  );
  const columns: BenchmarkColumn[] = [];
  for (const [key, column] of [...picked].sort((a, b) => a[0].localeCompare(b[0]))) {
    const better = column.first.floor?.direction ?? 'higher';
    const values = [...column.byAgreement.values()].map((p) => p.value).sort((a, b) => a - b);
    // Each agreement is placed among its industry and province: grouped once, not filtered per agreement.
    const cohort = population.get(key)?.byAgreement.values() ?? [];
    const byIndustry = sortedBy(cohort, (meta) => meta.industry);
    const byProvince = sortedBy(population.get(key)?.byAgreement.values() ?? [], (meta) => meta.province);
    let best: Picked | undefined;
    const hasFloor = [...column.byAgreement.values()].some((p) => p.row.verdict !== 'no_floor');
    for (const p of column.byAgreement.values()) {
      const row = rows.get(p.entry.agreement.id)!;
      const { meta } = p.entry.agreement;
      const industry = (meta.industry && byIndustry.get(meta.industry)) || [];
      const province = (meta.province && byProvince.get(meta.province)) || [];
      row.cells[key] = {
        value: p.value,
        written: p.row.measure.written,
        verdict: p.row.verdict,
        nodeId: p.row.nodeId,
        path: p.row.path,
        text: p.row.text,
        ...(p.converted ? { converted: true } : {}),
        percentile: rankInSorted(p.value, values, better),
        ...(industry.length ? { percentileInIndustry: rankInSorted(p.value, industry, better) } : {}),
        ...(province.length ? { percentileInProvince: rankInSorted(p.value, province, better) } : {}),
      };
      const eligible = p.row.verdict === 'above' || (!hasFloor && p.row.verdict === 'no_floor');
      if (eligible && (!best || (better === 'higher' ? p.value > best.value : p.value < best.value)))
        best = p;
    }
    const floor = column.first.floor;
    columns.push({
      key,
      subject: column.first.subject,
      conditions: column.conditions,
      label: floor?.label ?? getTopic(column.first.topics[0] ?? '')?.label ?? column.first.subject,
      labelEn: floor?.labelEn ?? getTopic(column.first.topics[0] ?? '')?.labelEn ?? column.first.subject,
      unit: column.first.measure.unit,
      ...(column.first.subject === 'meal_allowance' ? { per: 'meal' as const } : {}),
      better,
      stats: { count: values.length, min: values[0]!, max: values.at(-1)!, median: median(values) },
      values,
      ...(best
        ? {
            best: {
              agreementId: best.entry.agreement.id,
              ...(best.entry.agreement.meta.employer ? { employer: best.entry.agreement.meta.employer } : {}),
              nodeId: best.row.nodeId,
              path: best.row.path,
              text: best.row.text,
              written: best.row.measure.written,
              value: best.value,
            },
          }
        : {}),
    });
  }
  return { topics, columns, rows: [...rows.values()] };
}
