/**
 * The library-wide questions and the views of one agreement: what a page, an
 * API route or a command shows, gathered once here from the library, the
 * caches and the domain.
 */

import { type BenchmarkEntry, type BenchmarkTable, benchmarkTable } from '../clauses/benchmarks.ts';
import type { Comparison, ComparisonOptions } from '../clauses/compare.ts';
import { agreementNotFound, SearchUnavailableError } from '../clauses/errors.ts';
import {
  type ExpiryInfo,
  type ExpiryReport,
  type ExpiryStatus,
  expiryReport,
  expiryStatus,
} from '../clauses/expiry.ts';
import type { GradeReport } from '../clauses/grading.ts';
import type { LawWording } from '../clauses/law-wording.ts';
import { type MeasuredRow, toMeasured } from '../clauses/measured.ts';
import { provinceFilterNames } from '../clauses/provinces.ts';
import type { Agreement, AgreementEvent, AgreementSummary, WageRegion } from '../clauses/types.ts';
import { compareVersions, type VersionComparison } from '../clauses/versions.ts';
import { type AgreementFilter, eachSummary, type SearchQuery, type SearchResult } from '../library/index.ts';
import { keptTable } from './benchmark-tables.ts';
import type { CheckResult } from './check.ts';
import { comparisonOf, eventsOf, loadAgreement, type ServiceContext } from './context.ts';
import { gradeStored } from './grades.ts';
import { CountRanking } from './ranking.ts';
import {
  eventsOfAll,
  measuredComparisons,
  refreshing,
  rememberedOf,
  sortByCountThenId,
  summariesOf,
  unlawfulRows,
} from './verdicts.ts';
import type { ImportRequest } from './writes.ts';

export interface DayOptions {
  /** The day (`YYYY-MM-DD`); today by default. */
  on?: string | undefined;
  region?: WageRegion | undefined;
}

function optionsOf(ctx: ServiceContext, { on, region }: DayOptions): ComparisonOptions {
  return { on: on ?? ctx.today(), ...(region ? { region } : {}) };
}

/**
 * A stored agreement compared with the law on a day (remembered between requests).
 * @throws NotFoundError when there is no such agreement
 */
export function comparison(ctx: ServiceContext, id: string, day: DayOptions = {}): Comparison {
  return comparisonOf(ctx, loadAgreement(ctx, id), optionsOf(ctx, day)) as Comparison;
}

/** Each clause of a stored agreement beside the words of the law it follows (remembered likewise). */
export function lawWording(ctx: ServiceContext, id: string, day: DayOptions = {}): LawWording {
  return ctx.cache.lawWording(loadAgreement(ctx, id), optionsOf(ctx, day)) as LawWording;
}

/** An agreement's recorded events and its expiry status on a day (today by default), events counted. */
export function agreementEvents(
  ctx: ServiceContext,
  id: string,
  on?: string,
): { events: AgreementEvent[]; expiry: ExpiryInfo } {
  const agreement = loadAgreement(ctx, id);
  const events = eventsOf(ctx, id);
  return { events, expiry: expiryStatus(agreement, on ?? ctx.today(), { events }) };
}

export interface AgreementView {
  agreement: Agreement;
  events: AgreementEvent[];
  on: string;
  expiry: ExpiryInfo;
  comparison: Comparison;
  wording: LawWording;
}

/** Everything the agreement page and its report show: events, expiry, the comparison and the law's words. */
export function agreementView(ctx: ServiceContext, id: string, day: DayOptions = {}): AgreementView {
  const agreement = loadAgreement(ctx, id);
  const options = optionsOf(ctx, day);
  const events = eventsOf(ctx, id);
  return {
    agreement,
    events,
    on: options.on,
    expiry: expiryStatus(agreement, options.on, { events }),
    comparison: comparisonOf(ctx, agreement, options) as Comparison,
    wording: ctx.cache.lawWording(agreement, options) as LawWording,
  };
}

/**
 * The grade report of a stored agreement on a day (today by default), stored nowhere.
 * @throws NotFoundError when there is no such agreement
 */
export function grade(ctx: ServiceContext, id: string, on?: string): GradeReport {
  return gradeStored(ctx, loadAgreement(ctx, id), on ?? ctx.today()) as GradeReport;
}

export interface BelowFloor {
  on: string;
  /** How many agreements were compared. */
  checked: number;
  /** Those with at least one clause below the floor: most such clauses first, then by id. */
  items: Array<{ agreement: AgreementSummary; unlawful: MeasuredRow[] }>;
  /**
   * Set when some agreements' stored verdicts were not fresh (a new floor period, changed data files, an
   * agreement changed): they were compared for this answer and are being stored again in the background.
   */
  refreshing?: { computed: number };
}

/** The agreements of an area with clauses below the legal floor on a day. */
export function belowFloor(ctx: ServiceContext, filter: AgreementFilter, day: DayOptions = {}): BelowFloor {
  const options = optionsOf(ctx, day);
  const remembered = rememberedOf(ctx, options.on);
  // Another region than the agreements' own is asked of a few: compared, not stored.
  if (options.region || !remembered) return listBelowFloor(ctx, filter, options);
  // The list is the same every day of a floor period, and a write moves only its agreements' items: kept
  // in memory, patched per write.
  const key = JSON.stringify(['below-floor', filter]);
  const kept = ctx.memory.keep(
    key,
    () => {
      const { on: _on, refreshing: r, items, checked } = listBelowFloor(ctx, filter, options);
      return { checked, ranking: new CountRanking(items, keyOfBelow), computed: r?.computed ?? 0 };
    },
    (list, changed) => {
      const members = ctx.memory.derive(
        `members:${key}`,
        () => new Set(summariesOf(ctx, filter, remembered).map((s) => s.id)),
      );
      for (const id of changed) if (members.has(id) && !remembered.get(id)?.measured) return false;
      for (const id of changed) {
        list.ranking.remove(id);
        const entry = remembered.get(id);
        if (!entry?.measured?.unlawful.length || !members.has(id)) continue;
        list.ranking.set({ agreement: entry.summary, unlawful: entry.measured.unlawful });
      }
      list.checked = members.size;
      return true;
    },
    (list) => list.computed === 0,
  );
  return {
    on: options.on,
    checked: kept.checked,
    items: [...kept.ranking.list],
    ...refreshing(kept.computed),
  };
}

const keyOfBelow = (item: BelowFloor['items'][number]) => ({
  count: item.unlawful.length,
  id: item.agreement.id,
});

function listBelowFloor(
  ctx: ServiceContext,
  filter: AgreementFilter,
  options: ComparisonOptions,
): BelowFloor {
  const remembered = rememberedOf(ctx, options.on);
  const summaries = summariesOf(ctx, filter, remembered);
  const { byId, computed } = options.region
    ? { byId: regionRows(ctx, summaries, options), computed: 0 }
    : unlawfulRows(ctx, summaries, options.on);
  const items: BelowFloor['items'] = [];
  for (const summary of summaries) {
    const unlawful = byId.get(summary.id);
    if (unlawful?.length) items.push({ agreement: summary, unlawful });
  }
  const sorted = sortByCountThenId(ctx, remembered, items, keyOfBelow);
  return { on: options.on, checked: byId.size, items: sorted, ...refreshing(computed) };
}

function regionRows(
  ctx: ServiceContext,
  summaries: readonly AgreementSummary[],
  options: ComparisonOptions,
): Map<string, MeasuredRow[]> {
  const byId = new Map<string, MeasuredRow[]>();
  for (const summary of summaries) {
    const compared = comparisonOf(ctx, summary, options);
    if (compared) byId.set(summary.id, toMeasured(compared).unlawful);
  }
  return byId;
}

export interface ExpiryQuery {
  filter: AgreementFilter;
  on?: string | undefined;
  within?: number | undefined;
  statuses?: readonly ExpiryStatus[] | undefined;
  superiorUnion?: string | undefined;
}

/** The expiry dashboard of an area: the library filters the area, the domain judges each agreement. */
export function expiry(ctx: ServiceContext, query: ExpiryQuery): ExpiryReport {
  const agreements = [...eachSummary(ctx.library, query.filter)];
  return expiryReport(agreements, query.on ?? ctx.today(), {
    events: ctx.library.events(agreements.map((a) => a.id)),
    ...(query.statuses ? { statuses: query.statuses } : {}),
    ...(query.within !== undefined ? { within: query.within } : {}),
    ...(query.superiorUnion ? { superiorUnion: query.superiorUnion } : {}),
  });
}

export interface EntryChoice {
  /** These agreements, in this order. */
  ids?: readonly string[] | undefined;
  filter?: AgreementFilter | undefined;
  /** Expiry status on `on`. */
  status?: ExpiryStatus | undefined;
  on: string;
  /** The topics the table shows: only their rows are read. */
  topics?: readonly string[] | undefined;
}

/** The chosen agreements with their measured comparisons (stored ones when fresh: no tree is read for them). */
function entriesOf(
  ctx: ServiceContext,
  choice: EntryChoice,
): { entries: BenchmarkEntry[]; missing: string[]; computed: number } {
  const remembered = rememberedOf(ctx, choice.on);
  const summaries: Array<AgreementSummary | undefined> = choice.ids
    ? choice.ids.map((id) => summaryOf(ctx, id))
    : summariesOf(ctx, choice.filter ?? {}, remembered);
  const entries: BenchmarkEntry[] = [];
  const missing: string[] = [];
  const found = summaries.filter((s): s is AgreementSummary => s !== undefined);
  const events = choice.status ? eventsOfAll(ctx, found, remembered) : undefined;
  const chosen: AgreementSummary[] = choice.status
    ? found.filter(
        (s) => expiryStatus(s, choice.on, { events: events?.get(s.id) ?? [] }).status === choice.status,
      )
    : found;
  const { byId, computed } = measuredComparisons(ctx, chosen, choice.on, { onlyTopics: choice.topics });
  const kept = new Set(chosen);
  const left = new Set(found.filter((s) => !kept.has(s)).map((s) => s.id));
  summaries.forEach((summary, i) => {
    if (summary && left.has(summary.id)) return; // not of the status asked
    const compared = summary && byId.get(summary.id);
    if (!summary || !compared) missing.push(choice.ids?.[i] ?? '');
    else entries.push({ agreement: summary, comparison: compared });
  });
  return { entries, missing, computed };
}

function summaryOf(ctx: ServiceContext, id: string): AgreementSummary | undefined {
  const agreement = ctx.library.get(id);
  return agreement && { ...agreement, warningCount: agreement.warnings.length };
}

/**
 * The N-way table: the chosen agreements side by side on some topics, each cell placed among the
 * whole library.
 * @throws NotFoundError naming the ids that are not in the library
 */
export function compareAgreements(
  ctx: ServiceContext,
  choice: Omit<EntryChoice, 'on'> & { on?: string | undefined; topics: readonly string[] },
): BenchmarkTable & { on: string; refreshing?: { computed: number } } {
  const on = choice.on ?? ctx.today();
  const compute = () => {
    // From each agreement's kept cells when the memory holds them all (a write picks only its agreements again).
    const kept = keptTable(ctx, { ...choice, on }, 'all');
    if (kept) return { table: kept, computed: 0 };
    const { entries, missing, computed } = entriesOf(ctx, { ...choice, on });
    if (missing.length) throw agreementNotFound(missing.join(', '));
    const population = entriesOf(ctx, { on, topics: choice.topics });
    return {
      table: benchmarkTable(entries, { topics: choice.topics, population: population.entries }),
      computed: computed + population.computed,
    };
  };
  const { ids, filter, status, topics } = choice;
  const { table, computed } = tableOf(
    ctx,
    on,
    ['compare', ids, filter, status, status && on, topics],
    compute,
  );
  return { on, ...table, ...refreshing(computed) };
}

/**
 * A table of the stored verdicts, kept until the next write (the same whatever the day of the period,
 * unless `key` names it): a new day's first question reads it again.
 */
function tableOf<T>(
  ctx: ServiceContext,
  on: string,
  key: unknown[],
  compute: () => { table: T; computed: number },
): { table: T; computed: number } {
  if (!rememberedOf(ctx, on)) return compute();
  return ctx.memory.derive(JSON.stringify(key), compute, (value) => value.computed === 0);
}

/** The distribution of each measure of some topics across the agreements of an area. */
export function benchmarks(
  ctx: ServiceContext,
  query: { filter: AgreementFilter; topics: readonly string[]; on?: string | undefined },
): { on: string; agreements: number; table: BenchmarkTable; refreshing?: { computed: number } } {
  const on = query.on ?? ctx.today();
  const { table, computed } = tableOf(ctx, on, ['benchmarks', query.filter, query.topics], () => {
    const kept = keptTable(ctx, { filter: query.filter, on, topics: query.topics }, 'themselves');
    if (kept) return { table: { agreements: kept.rows.length, table: kept }, computed: 0 };
    const { entries, computed } = entriesOf(ctx, { filter: query.filter, on, topics: query.topics });
    return {
      table: { agreements: entries.length, table: benchmarkTable(entries, { topics: query.topics }) },
      computed,
    };
  });
  return { on, ...table, ...refreshing(computed) };
}

/**
 * Two versions of an agreement compared article by article, their verdicts from the comparison cache.
 * @throws NotFoundError when either is not in the library
 */
export function versions(ctx: ServiceContext, fromId: string, toId: string, on?: string): VersionComparison {
  const from = loadAgreement(ctx, fromId);
  const to = loadAgreement(ctx, toId);
  const day = on ?? ctx.today();
  const comparisons = [comparisonOf(ctx, from, { on: day }), comparisonOf(ctx, to, { on: day })] as [
    Comparison,
    Comparison,
  ];
  return compareVersions(from, to, { on: day, comparisons });
}

/**
 * Searches clauses (and the law); statuses are judged today unless the query says another day.
 * @throws SearchUnavailableError when no index is configured or it does not answer
 */
export function search(
  ctx: ServiceContext,
  query: Omit<SearchQuery, 'on'> & { on?: string | undefined },
): Promise<SearchResult> {
  if (!ctx.search) {
    throw new SearchUnavailableError(
      'search_unavailable',
      'Chưa cấu hình chỉ mục tìm kiếm.',
      'No search index is configured.',
    );
  }
  // A current province also finds the agreements that name the former provinces it absorbed (2025).
  const provinces = query.filters.province?.flatMap((p) => provinceFilterNames(p) ?? [p]);
  const filters = provinces ? { ...query.filters, province: [...new Set(provinces)] } : query.filters;
  return ctx.search.search({ ...query, filters, on: query.on ?? ctx.today() });
}

/** A draft read and compared with the law; nothing is stored. */
export function checkDraft(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest & DayOptions,
): Promise<CheckResult> {
  return ctx.reader.check(bytes, {
    ...request,
    on: request.on ?? ctx.today(),
    maxBytes: ctx.maxBytes,
    limits: ctx.limits,
  });
}
