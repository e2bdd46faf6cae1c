/**
 * The benchmark and N-way tables kept across writes. Each agreement's cells (its most favourable value per
 * measure of some topics: `benchmarkTable` of that agreement alone) are kept in memory, and a write picks
 * again only the agreements it changed; the table is then put together from the kept cells — sorted
 * values, medians, places among all — without reading every agreement's rows again.
 */

import {
  type BenchmarkCell,
  type BenchmarkColumn,
  type BenchmarkRow,
  type BenchmarkTable,
  benchmarkTable,
  median,
  rankInSorted,
} from '../clauses/benchmarks.ts';
import { expiryStatus } from '../clauses/expiry.ts';
import { getTopic } from '../clauses/topics.ts';
import type { AgreementSummary } from '../clauses/types.ts';
import type { AgreementFilter } from '../library/index.ts';
import type { ServiceContext } from './context.ts';
import type { RememberedAgreement } from './verdict-memory.ts';
import { measuredComparisons, rememberedOf, summariesOf } from './verdicts.ts';

/** One agreement's part of a table: its row and columns as `benchmarkTable` gives them for it alone. */
export interface PickedAgreement {
  summary: AgreementSummary;
  row: BenchmarkRow;
  /** Its columns, by key (their figures are its own, unused). */
  columns: ReadonlyMap<string, BenchmarkColumn>;
  /** The expiry status last judged, and on which day. */
  status?: { on: string; status: string };
}

function pickOne(summary: AgreementSummary, rows: BenchmarkTableInput, topics: readonly string[]) {
  const table = benchmarkTable([{ agreement: summary, comparison: { rows } }], { topics });
  return {
    summary,
    row: table.rows[0]!,
    columns: new Map(table.columns.map((c) => [c.key, c])),
  } satisfies PickedAgreement;
}

type BenchmarkTableInput = Parameters<typeof benchmarkTable>[0][number]['comparison']['rows'];

/**
 * Every remembered agreement's cells on some topics, kept across writes (a write picks its agreements
 * again); undefined when some agreement has no fresh stored verdicts (the table is then computed as before).
 */
export function pickedAgreements(
  ctx: ServiceContext,
  remembered: ReadonlyMap<string, RememberedAgreement>,
  on: string,
  topics: readonly string[],
): ReadonlyMap<string, PickedAgreement> | undefined {
  const measure = (summaries: readonly AgreementSummary[]) =>
    measuredComparisons(ctx, summaries, on, { onlyTopics: topics });
  const picked = ctx.memory.keep(
    JSON.stringify(['benchmark-picks', topics]),
    () => {
      const summaries = [...remembered.values()].map((e) => e.summary);
      const { byId, computed } = measure(summaries);
      const byAgreement = new Map<string, PickedAgreement>();
      for (const summary of summaries) {
        const measured = byId.get(summary.id);
        if (measured) byAgreement.set(summary.id, pickOne(summary, measured.rows, topics));
      }
      return { byAgreement, computed };
    },
    (kept, changed) => {
      for (const id of changed) {
        const entry = remembered.get(id);
        if (entry && !entry.measured) return false;
      }
      for (const id of changed) {
        kept.byAgreement.delete(id);
        const entry = remembered.get(id);
        if (!entry) continue;
        const measured = measure([entry.summary]).byId.get(id);
        if (measured) kept.byAgreement.set(id, pickOne(entry.summary, measured.rows, topics));
      }
      return true;
    },
    (kept) => kept.computed === 0,
  );
  return picked.computed === 0 ? picked.byAgreement : undefined;
}

/** An agreement's expiry status on a day, judged once per day while it is not written to. */
export function statusOf(
  picked: PickedAgreement,
  remembered: ReadonlyMap<string, RememberedAgreement>,
  on: string,
): string {
  if (picked.status?.on === on) return picked.status.status;
  const events = remembered.get(picked.summary.id)?.events ?? [];
  const { status } = expiryStatus(picked.summary, on, { events });
  picked.status = { on, status };
  return status;
}

/** Sorted values of each column, per group (industry or province) of a population. */
function groupsOf(
  population: Iterable<PickedAgreement>,
  group: (summary: AgreementSummary) => string | undefined,
): Map<string, Map<string, Float64Array>> {
  const lists = new Map<string, Map<string, number[]>>();
  for (const p of population) {
    const name = group(p.summary);
    if (name === undefined) continue;
    for (const [key, cell] of Object.entries(p.row.cells)) {
      let byGroup = lists.get(key);
      if (!byGroup) {
        byGroup = new Map();
        lists.set(key, byGroup);
      }
      const values = byGroup.get(name);
      if (values) values.push(cell.value);
      else byGroup.set(name, [cell.value]);
    }
  }
  const sorted = new Map<string, Map<string, Float64Array>>();
  for (const [key, byGroup] of lists) {
    const groups = new Map<string, Float64Array>();
    for (const [name, values] of byGroup) groups.set(name, Float64Array.from(values).sort());
    sorted.set(key, groups);
  }
  return sorted;
}

/**
 * The table `benchmarkTable` gives for these agreements, from their kept cells: the same columns, rows,
 * figures and best clauses.
 *
 * @param entries the agreements compared, in the table's order
 * @param population the agreements percentiles within an industry or province are taken among; `entries` when absent
 */
export function assembleTable(
  entries: readonly PickedAgreement[],
  topics: readonly string[],
  population?: Iterable<PickedAgreement>,
): BenchmarkTable {
  // The column's description comes from the first agreement that has it, as `benchmarkTable` reads it.
  const firsts = new Map<string, BenchmarkColumn>();
  for (const e of entries)
    for (const [key, column] of e.columns) if (!firsts.has(key)) firsts.set(key, column);
  const keys = [...firsts.keys()].sort((a, b) => a.localeCompare(b));
  const cohort = population ? [...population] : entries;
  const byIndustry = groupsOf(cohort, (s) => s.meta.industry);
  const byProvince = groupsOf(cohort, (s) => s.meta.province);
  const cells = entries.map(() => ({}) as Record<string, BenchmarkCell>);
  const columns: BenchmarkColumn[] = [];
  for (const key of keys) {
    const first = firsts.get(key)!;
    const { better } = first;
    const list: number[] = [];
    let hasFloor = false;
    for (const e of entries) {
      const cell = e.row.cells[key];
      if (!cell) continue;
      list.push(cell.value);
      if (cell.verdict !== 'no_floor') hasFloor = true;
    }
    const values = Float64Array.from(list).sort();
    const industries = byIndustry.get(key);
    const provinces = byProvince.get(key);
    let best: { entry: PickedAgreement; cell: BenchmarkCell } | undefined;
    entries.forEach((e, i) => {
      const cell = e.row.cells[key];
      if (!cell) return;
      const { industry: industryName, province: provinceName } = e.summary.meta;
      const industry = (industryName && industries?.get(industryName)) || undefined;
      const province = (provinceName && provinces?.get(provinceName)) || undefined;
      cells[i]![key] = {
        value: cell.value,
        written: cell.written,
        verdict: cell.verdict,
        nodeId: cell.nodeId,
        path: cell.path,
        text: cell.text,
        ...(cell.converted ? { converted: true } : {}),
        percentile: rankInSorted(cell.value, values, better),
        ...(industry?.length ? { percentileInIndustry: rankInSorted(cell.value, industry, better) } : {}),
        ...(province?.length ? { percentileInProvince: rankInSorted(cell.value, province, better) } : {}),
      };
      const eligible = cell.verdict === 'above' || (!hasFloor && cell.verdict === 'no_floor');
      if (
        eligible &&
        (!best || (better === 'higher' ? cell.value > best.cell.value : cell.value < best.cell.value))
      )
        best = { entry: e, cell };
    });
    const sorted = Array.from(values);
    const { stats: _stats, values: _values, best: _best, ...described } = first;
    columns.push({
      ...described,
      stats: { count: sorted.length, min: sorted[0]!, max: sorted.at(-1)!, median: median(sorted) },
      values: sorted,
      ...(best ? { best: bestOf(best.entry, best.cell) } : {}),
    });
  }
  const rows = entries.map((e, i) => ({ ...e.row, cells: cells[i]! }));
  return { topics: topics.filter((t) => getTopic(t)), columns, rows };
}

function bestOf(entry: PickedAgreement, cell: BenchmarkCell): NonNullable<BenchmarkColumn['best']> {
  const { employer } = entry.summary.meta;
  return {
    agreementId: entry.summary.id,
    ...(employer ? { employer } : {}),
    nodeId: cell.nodeId,
    path: cell.path,
    text: cell.text,
    written: cell.written,
    value: cell.value,
  };
}

export interface PickedChoice {
  ids?: readonly string[] | undefined;
  filter?: AgreementFilter | undefined;
  status?: string | undefined;
  on: string;
  topics: readonly string[];
}

/**
 * The table of the chosen agreements from the kept cells, placed among the whole library (`among: 'all'`)
 * or among themselves; undefined when the memory cannot answer it (another period, verdicts not fresh, an
 * id not held): the caller computes it as before.
 */
export function keptTable(
  ctx: ServiceContext,
  choice: PickedChoice,
  among: 'all' | 'themselves',
): BenchmarkTable | undefined {
  const remembered = ctx.keptTables ? rememberedOf(ctx, choice.on) : undefined;
  if (!remembered) return undefined;
  const picked = pickedAgreements(ctx, remembered, choice.on, choice.topics);
  if (!picked) return undefined;
  const entries: PickedAgreement[] = [];
  if (choice.ids) {
    const seen = new Set<string>();
    for (const id of choice.ids) {
      const p = picked.get(id);
      if (!p) return undefined;
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push(p);
    }
  } else {
    for (const summary of summariesOf(ctx, choice.filter ?? {}, remembered)) {
      const p = picked.get(summary.id);
      if (!p) return undefined;
      entries.push(p);
    }
  }
  const { status, on } = choice;
  const chosen = status ? entries.filter((p) => statusOf(p, remembered, on) === status) : entries;
  return assembleTable(chosen, choice.topics, among === 'all' ? picked.values() : undefined);
}
