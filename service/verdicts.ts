/**
 * The library-wide questions read each agreement's measures and verdicts from
 * the library's store (`library.verdicts`), not by comparing it again. A
 * stored row holds for one floor period — the set of floors in force, so
 * every day with the same floors shares it — and one data fingerprint (the
 * floors, topics and thesaurus files and the comparison code). Rows are
 * written at import and by every write that grades (in its transaction);
 * rows that are stale (the period or the data changed, or the agreement's
 * document, metadata or corrections changed since) are answered by comparing
 * on the request and recomputed in the background, a few agreements per turn
 * of the event loop.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison } from '../clauses/compare.ts';
import { addDays } from '../clauses/dates.ts';
import { type FloorsFile, floorsInForce, LEGAL_FLOORS } from '../clauses/floors.ts';
import {
  type MeasuredComparison,
  type MeasuredRow,
  toMeasured,
  toStoredVerdicts,
} from '../clauses/measured.ts';
import { getTopic } from '../clauses/topics.ts';
import type { Agreement, AgreementEvent, AgreementSummary } from '../clauses/types.ts';
import { type AgreementFilter, eachSummary, type Library, type VerdictKey } from '../library/index.ts';
import type { ComparedSummary } from './comparisons.ts';
import { compareCorrected, comparisonOf, type ServiceContext } from './context.ts';
import { byIdOrder } from './ranking.ts';
import type { RememberedAgreement } from './verdict-memory.ts';

/** Agreements compared and stored per turn of the event loop by the background refresh. */
const REFRESH_CHUNK = 8;
/** A floor change due within this many days has its period's verdicts stored ahead of time. */
export const AHEAD_DAYS = 31;
/** Entries of the change log kept (a service that fell further behind loads everything again). */
const CHANGES_KEPT = 200_000;

/**
 * The first day after `on`, within `days`, on which another set of floors is in force (a regional minimum
 * wage, a new rule taking effect or one ending), read from the floors file; undefined when there is none.
 * @example nextFloorChange('2025-12-20', 31) // '2026-01-01' (Nghị định 293/2025/NĐ-CP)
 */
export function nextFloorChange(
  on: string,
  days: number,
  file: FloorsFile = LEGAL_FLOORS,
): string | undefined {
  const last = addDays(on, days);
  const dates = new Set<string>();
  for (const rule of file.floors) {
    dates.add(rule.effectiveFrom);
    if (rule.effectiveTo) dates.add(addDays(rule.effectiveTo, 1));
  }
  const period = floorPeriod(on);
  return [...dates]
    .filter((day) => day > on && day <= last)
    .sort()
    .find((day) => floorPeriod(day) !== period);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

let bundledData: string | undefined;

/**
 * The fingerprint of what a comparison is computed with besides the agreement: the data files
 * (`clauses/data/*.json`: floors, topics, thesaurus, law texts…) and the domain code (`clauses/*.ts`).
 */
export function dataFingerprint(): string {
  if (bundledData) return bundledData;
  const hash = createHash('sha256');
  for (const dir of ['../clauses/data', '../clauses']) {
    const folder = join(import.meta.dirname, dir);
    for (const name of readdirSync(folder).sort())
      if (/\.(json|ts)$/.test(name)) hash.update(name).update(readFileSync(join(folder, name)));
  }
  bundledData = hash.digest('hex').slice(0, 32);
  return bundledData;
}

const periods = new Map<string, string>();

/** The fingerprint of the floor period of a day: the set of floors (regional minimum wages included) in force. */
function floorPeriod(on: string): string {
  let period = periods.get(on);
  if (!period) {
    if (periods.size > 1000) periods.clear();
    period = sha(JSON.stringify(floorsInForce(on)));
    periods.set(on, period);
  }
  return period;
}

/** The stored verdicts a day reads. */
export function verdictKey(ctx: ServiceContext, on: string): VerdictKey {
  return { period: floorPeriod(on), data: ctx.verdicts.data };
}

/** The verdicts of the agreements a question reads, and how many had to be compared on this request. */
export interface Measured<T> {
  byId: Map<string, T>;
  /** Compared on this request: their stored verdicts were missing or stale (they are being refreshed). */
  computed: number;
}

/** The answer's note that some figures were compared now because their stored verdicts are being refreshed. */
export function refreshing(computed: number): { refreshing?: { computed: number } } {
  return computed ? { refreshing: { computed } } : {};
}

/** Stores an agreement's verdicts for the period of `on`; call in the transaction that compared it. */
export function saveVerdicts(ctx: ServiceContext, id: string, comparison: Comparison, on: string): void {
  if (!ctx.verdicts.enabled) return;
  const stored = toStoredVerdicts(comparison);
  const below = stored.rows.filter((row) => row.verdict === 'below').length;
  ctx.library.verdicts.save(verdictKey(ctx, on), id, JSON.stringify(stored), below);
}

function compared(ctx: ServiceContext, summary: ComparedSummary, on: string): MeasuredComparison | undefined {
  const comparison = comparisonOf(ctx, summary, { on });
  return comparison && toMeasured(comparison);
}

/**
 * The agreements in memory for a day, patched with every change since the last question; undefined when
 * the day's questions do not read the store (it is off, or the day is in another floor period than today).
 */
export function rememberedOf(
  ctx: ServiceContext,
  on: string,
): ReadonlyMap<string, RememberedAgreement> | undefined {
  // Only today's floor period (and the next one, ahead of a change) is kept; another period's question
  // compares (and the cache remembers).
  if (!ctx.verdicts.enabled || floorPeriod(on) !== floorPeriod(ctx.today())) return undefined;
  return ctx.memory.sync(verdictKey(ctx, on));
}

/**
 * The summaries of the agreements matching a filter, in the library's order: the ids from SQLite, the
 * summaries from memory when the day's questions read it.
 */
export function summariesOf(
  ctx: ServiceContext,
  filter: AgreementFilter,
  remembered: ReadonlyMap<string, RememberedAgreement> | undefined,
): AgreementSummary[] {
  if (!remembered) return [...eachSummary(ctx.library, filter)];
  const summaries: AgreementSummary[] = [];
  // The order and the matches of a filter change only with a write, which moves the memory's generation.
  const ids = ctx.memory.derive(`ids:${JSON.stringify(filter)}`, () => ctx.library.listIds(filter));
  for (const id of ids) {
    const entry = remembered.get(id);
    if (entry) summaries.push(entry.summary);
  }
  return summaries;
}

/**
 * Sorts a list by a number, highest first, ties by id (`byIdOrder`: `localeCompare`'s order). In memory each id's rank
 * among all is sorted once while the same agreements are held, so this sort compares numbers only.
 */
export function sortByCountThenId<T>(
  ctx: ServiceContext,
  remembered: ReadonlyMap<string, RememberedAgreement> | undefined,
  items: readonly T[],
  keys: (item: T) => { count: number; id: string },
): T[] {
  const rank = remembered && ctx.memory.rankOf(byIdOrder);
  const keyed = items.map((item) => {
    const { count, id } = keys(item);
    return { item, count, id, rank: rank?.get(id) ?? -1 };
  });
  const ranked = rank !== undefined && keyed.every((k) => k.rank >= 0);
  keyed.sort((a, b) => b.count - a.count || (ranked ? a.rank - b.rank : byIdOrder(a.id, b.id)));
  return keyed.map((k) => k.item);
}

/** The recorded events of some agreements, from memory when the day's questions read it. */
export function eventsOfAll(
  ctx: ServiceContext,
  summaries: readonly AgreementSummary[],
  remembered: ReadonlyMap<string, RememberedAgreement> | undefined,
): Map<string, readonly AgreementEvent[]> {
  if (!remembered) return ctx.library.events(summaries.map((s) => s.id));
  return new Map(summaries.map((s) => [s.id, remembered.get(s.id)?.events ?? []]));
}

export interface MeasuredOptions {
  /**
   * Only the rows of these topics are read (the others may be left out of `rows`): what the benchmark table
   * reads of each agreement. Unknown topics are ignored, as the table ignores them; none: every row.
   */
  onlyTopics?: readonly string[] | undefined;
}

/**
 * The measured comparisons of some agreements on a day: stored ones when fresh, the others compared now
 * (and their refresh started).
 */
export function measuredComparisons(
  ctx: ServiceContext,
  summaries: readonly ComparedSummary[],
  on: string,
  options: MeasuredOptions = {},
): Measured<MeasuredComparison> {
  const remembered = rememberedOf(ctx, on);
  const byId = new Map<string, MeasuredComparison>();
  const topics = (options.onlyTopics ?? []).filter((t) => getTopic(t));
  const single = topics.length === 1 ? ctx.memory.rowsOfTopic(topics[0]!) : undefined;
  const wanted = (row: MeasuredRow) => row.topics.some((t) => topics.includes(t));
  let computed = 0;
  for (const summary of summaries) {
    const stored = remembered?.get(summary.id)?.measured;
    if (stored) {
      const rows = single
        ? (single.get(summary.id) ?? [])
        : topics.length
          ? stored.rows.filter(wanted)
          : stored.rows;
      byId.set(summary.id, { on, rows, unlawful: stored.unlawful });
      continue;
    }
    const measured = compared(ctx, summary, on);
    if (measured) byId.set(summary.id, measured);
    computed++;
  }
  if (computed && remembered) ctx.verdicts.schedule();
  return { byId, computed: remembered ? computed : 0 };
}

/** The rows below the floor of some agreements on a day. */
export function unlawfulRows(
  ctx: ServiceContext,
  summaries: readonly ComparedSummary[],
  on: string,
): Measured<MeasuredRow[]> {
  const { byId, computed } = measuredComparisons(ctx, summaries, on);
  return { byId: new Map([...byId].map(([id, m]) => [id, m.unlawful])), computed };
}

/** The store's state for a service: whether it is used, its data fingerprint, its background refresh. */
export interface VerdictRefresh {
  enabled: boolean;
  data: string;
  /** Starts the background refresh of today's stale verdicts, or joins the one running. @returns how many were computed */
  refresh(): Promise<number>;
  /** Starts the refresh in the background (its failure is logged, not thrown). */
  schedule(): void;
  /** Whether a refresh is running. */
  running(): boolean;
  /** Stops the running refresh at its next turn. */
  stop(): void;
}

/**
 * The background refresh of stored verdicts: today's stale rows, a few agreements per turn of the event
 * loop, each chunk compared and stored in one transaction (so what is stored matches what was read).
 */
export function createVerdictRefresh(deps: {
  library: Library;
  today: () => string;
  enabled: boolean;
  data: string;
  /** A floor change due within this many days has its period's verdicts stored ahead ({@link AHEAD_DAYS} by default). */
  aheadDays?: number | undefined;
  /** Told each comparison made (the service's cache remembers today's, for the agreements' pages). */
  compared?: (agreement: Agreement, on: string, comparison: Comparison) => void;
}): VerdictRefresh {
  const { library, today } = deps;
  const aheadDays = deps.aheadDays ?? AHEAD_DAYS;
  let running: Promise<number> | undefined;
  let stopped = false;
  /** Compares and stores a period's stale verdicts, a chunk per turn; stops early when `still` turns false. */
  const refreshPeriod = async (on: string, still: () => boolean, isToday: boolean): Promise<number> => {
    const key = { period: floorPeriod(on), data: deps.data };
    let done = 0;
    const stale = library.verdicts.stale(key);
    for (let i = 0; i < stale.length; i += REFRESH_CHUNK) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped || !still()) return done;
      const chunk = stale.slice(i, i + REFRESH_CHUNK);
      done += library.transaction(() => {
        const fresh = library.verdicts.fresh(key, { belowOnly: true, ids: chunk });
        let count = 0;
        for (const id of chunk) {
          if (fresh.has(id)) continue;
          const agreement = library.get(id);
          if (!agreement) continue;
          const comparison = compareCorrected(library, agreement, { on });
          if (isToday) deps.compared?.(agreement, on, comparison);
          const stored = toStoredVerdicts(comparison);
          const below = stored.rows.filter((row) => row.verdict === 'below').length;
          library.verdicts.save(key, id, JSON.stringify(stored), below);
          count++;
        }
        return count;
      });
    }
    return done;
  };
  const run = async (): Promise<number> => {
    let done = 0;
    await new Promise((resolve) => setImmediate(resolve));
    library.transaction(() => {
      library.verdicts.dropOtherData(deps.data);
      library.verdicts.pruneChanges(CHANGES_KEPT);
    });
    for (;;) {
      const on = today();
      const period = floorPeriod(on);
      const next = nextFloorChange(on, aheadDays);
      // Only today's period and the next one are read: older periods' rows go.
      library.transaction(() =>
        library.verdicts.dropOtherPeriods([period, ...(next ? [floorPeriod(next)] : [])]),
      );
      // The day moved into another floor period: start again with its stale rows.
      const still = () => floorPeriod(today()) === period;
      const count = await refreshPeriod(on, still, true);
      done += count;
      if (stopped) return done;
      if (!still()) continue;
      if (count > 0) continue; // more may have gone stale meanwhile
      // Today's rows are all fresh: store the next period's before its first day, so that day reads them.
      if (next) done += await refreshPeriod(next, still, false);
      if (stopped || still()) return done;
    }
  };
  return {
    enabled: deps.enabled,
    data: deps.data,
    refresh() {
      if (!deps.enabled) return Promise.resolve(0);
      stopped = false;
      running ??= run()
        .catch((error: unknown) => {
          // The library was closed under it (a test's end, a shutdown): nothing left to refresh.
          if (error instanceof TypeError && /not open/.test(error.message)) return 0;
          throw error;
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    schedule() {
      this.refresh().catch((error: unknown) =>
        console.error('Refreshing the stored verdicts stopped:', error),
      );
    },
    running: () => running !== undefined,
    stop() {
      stopped = true;
    },
  };
}
