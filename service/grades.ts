/**
 * Grading agreements of the library: each one's comparison with the law, its
 * expiry status and recorded events, and the officer's answers, judged by the
 * rubric on a day; and the grades of an area, as federations report them.
 */

import type { Comparison } from '../clauses/compare.ts';
import { expiryHolds, expiryStatus, holdsOn } from '../clauses/expiry.ts';
import { type AssessmentAnswer, GRADES, type GradeReport, gradeAgreement } from '../clauses/grading.ts';
import { compareWithLawWording } from '../clauses/law-wording.ts';
import type { MeasuredComparison } from '../clauses/measured.ts';
import type {
  Agreement,
  AgreementDraft,
  AgreementEvent,
  AgreementSummary,
  StoredGrade,
} from '../clauses/types.ts';
import type { AgreementFilter } from '../library/index.ts';
import type { ComparedSummary } from './comparisons.ts';
import { comparisonOf, type ServiceContext } from './context.ts';
import { HeldDays } from './held-days.ts';
import { CountRanking } from './ranking.ts';
import type { GradeLine, RememberedAgreement } from './verdict-memory.ts';
import {
  measuredComparisons,
  refreshing,
  rememberedOf,
  saveVerdicts,
  sortByCountThenId,
  summariesOf,
} from './verdicts.ts';

/** Whether the law's words matter: they are the evidence of "copies the law", when nothing is above it. */
const copiesTheLaw = (comparison: Comparison) =>
  !comparison.rows.some((r) => r.verdict === 'above' || r.verdict === 'no_floor');

/** The grade of a draft about to be imported: no answers nor events yet. */
export function gradeDraft(
  ctx: ServiceContext,
  draft: AgreementDraft,
  comparison: Comparison,
  on: string,
): GradeReport {
  return gradeAgreement(
    {
      meta: draft.meta,
      comparison,
      ...(copiesTheLaw(comparison) ? { lawWording: compareWithLawWording(draft.tree, comparison) } : {}),
      expiry: expiryStatus(draft, on, { events: [] }),
      answers: [],
      events: [],
    },
    ctx.rubric,
  );
}

/**
 * The grade report of a stored agreement on a day, without storing anything.
 * @param known what the caller has read already (the events of many agreements are read in one query)
 * @returns undefined when the agreement is no longer in the library
 */
export function gradeStored(
  ctx: ServiceContext,
  summary: ComparedSummary | Agreement,
  on: string,
  known: { events?: readonly AgreementEvent[]; answers?: readonly AssessmentAnswer[] } = {},
): GradeReport | undefined {
  const comparison = comparisonOf(ctx, summary, { on });
  if (!comparison) return undefined;
  const events = known.events ?? ctx.library.events([summary.id]).get(summary.id) ?? [];
  const lawWording = copiesTheLaw(comparison)
    ? ctx.cache.lawWording(summary, { on }, () => ('tree' in summary ? summary : ctx.library.get(summary.id)))
    : undefined;
  return gradeAgreement(
    {
      meta: summary.meta,
      comparison,
      ...(lawWording ? { lawWording } : {}),
      expiry: expiryStatus(summary, on, { events }),
      answers: known.answers ?? ctx.library.assessment(summary.id),
      events,
    },
    ctx.rubric,
  );
}

/**
 * Grades a stored agreement today and stores the grade when it changed; call inside the write's
 * transaction.
 * @returns the report and whether the stored grade changed (an external index then needs it)
 */
export function storeGrade(
  ctx: ServiceContext,
  agreement: Agreement,
): { report: GradeReport; changed: boolean } {
  const on = ctx.today();
  const report = gradeStored(ctx, agreement, on) as GradeReport;
  const changed = agreement.grade !== report.grade;
  if (changed) ctx.library.setGrade(agreement.id, report.grade);
  // The write's own comparison (remembered by gradeStored) becomes the agreement's stored verdicts.
  saveVerdicts(ctx, agreement.id, comparisonOf(ctx, agreement, { on }) as Comparison, on);
  return { report, changed };
}

export interface GradesQuery {
  filter: AgreementFilter;
  /** A year is judged on its last day (or today, for the current year), over the agreements signed by then. */
  year?: number;
}

export interface GradesDashboard {
  on: string;
  total: number;
  counts: Record<StoredGrade, number>;
  /** Shares in percent, one decimal: A, B and A+B (the figure federations report). */
  share: { A: number; B: number; AB: number };
  grades: typeof GRADES;
  /** Set when some stored verdicts were being refreshed: those agreements were compared for this answer. */
  refreshing?: { computed: number };
  /** Most points first; equal points by id (the page and the API list the same order). */
  items: GradeLine[];
}

const keyOfItem = (item: GradeLine) => ({ count: item.points, id: item.id });

/** The grades of an area kept in memory across days and writes (see `gradesDashboard`). */
interface KeptGrades {
  on: string;
  counts: Record<StoredGrade, number>;
  ranking: CountRanking<GradeLine>;
  /** The days each line's expiry holds on (its agreement's memory may since hold another day's). */
  held: HeldDays;
  computed: number;
}

/** The grades of an area on a day: counts, shares and every agreement's grade. */
export function gradesDashboard(ctx: ServiceContext, { filter, year }: GradesQuery): GradesDashboard {
  const today = ctx.today();
  const on = year && `${year}-12-31` < today ? `${year}-12-31` : today;
  const signedBy = (s: AgreementSummary) => {
    const signed = s.meta.signedOn ?? s.meta.effectiveOn;
    return !year || (signed !== undefined && signed <= on);
  };
  const remembered = rememberedOf(ctx, on);
  const grades = remembered
    ? keptGrades(ctx, filter, year, on, remembered, signedBy)
    : gradeAll(ctx, summariesOf(ctx, filter, undefined).filter(signedBy), on, undefined);
  const { counts, computed } = grades;
  const items = [...grades.ranking.list];
  const total = items.length;
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  return {
    on,
    total,
    counts: { ...counts },
    share: { A: share(counts.A), B: share(counts.B), AB: share(counts.A + counts.B) },
    grades: GRADES,
    items,
    ...refreshing(computed),
  };
}

/**
 * In memory, an area's grades are kept across days and writes: a write judges again only the agreements it
 * changed, and a new day only those whose expiry's days ran out (`expiryHolds`), each moved to its place.
 */
function keptGrades(
  ctx: ServiceContext,
  filter: AgreementFilter,
  year: number | undefined,
  on: string,
  remembered: ReadonlyMap<string, RememberedAgreement>,
  signedBy: (s: AgreementSummary) => boolean,
): KeptGrades {
  const listed = () => summariesOf(ctx, filter, remembered).filter(signedBy);
  // A past year is judged on its last day; the current year's agreements signed by today change daily.
  const key = JSON.stringify(['grades', filter, year ?? null, year ? on : null]);
  const kept = ctx.memory.keep(
    key,
    () => gradeAll(ctx, listed(), on, remembered),
    (grades, changed) => {
      const members = ctx.memory.derive(`grades:${key}`, () => new Set(listed().map((s) => s.id)));
      return regrade(ctx, grades, changed, members, remembered, grades.on);
    },
    (grades) => grades.computed === 0,
  );
  if (kept.on !== on && kept.computed === 0) {
    // A new day: those whose expiry holds on it keep their line; the others are listed still.
    const due = kept.held.dueOn(on, kept.on);
    if (!regrade(ctx, kept, due, kept.ranking, remembered, on))
      return gradeAll(ctx, listed(), on, remembered);
    kept.on = on;
  }
  return kept;
}

/**
 * Judges some agreements of kept grades again on a day, each moved to its place (or out, when no longer
 * listed). Nothing is moved unless all can be judged from memory.
 * @param members the agreements the grades list now
 * @returns false when one of them has no fresh stored verdicts
 */
function regrade(
  ctx: ServiceContext,
  grades: KeptGrades,
  ids: ReadonlySet<string>,
  members: { has(id: string): boolean },
  remembered: ReadonlyMap<string, RememberedAgreement>,
  on: string,
): boolean {
  for (const id of ids) {
    const entry = remembered.get(id);
    if (entry && members.has(id) && !entry.measured) return false;
  }
  for (const id of ids) {
    const listed = members.has(id);
    const old = grades.ranking.remove(id);
    if (old) grades.counts[old.grade]--;
    grades.held.delete(id);
    const entry = remembered.get(id);
    if (!entry?.measured || !listed) continue;
    const item = lineOf(ctx, entry.summary, entry.measured, on, entry, entry);
    grades.counts[item.grade]++;
    grades.ranking.set(item);
    grades.held.set(id, entry.expiry?.holds);
  }
  return true;
}

/** Grades every agreement listed: from memory where stored, the others compared here. */
function gradeAll(
  ctx: ServiceContext,
  summaries: readonly AgreementSummary[],
  on: string,
  remembered: ReadonlyMap<string, RememberedAgreement> | undefined,
): KeptGrades {
  // In memory each agreement's stored comparison, events and answers are read from its entry; only those
  // whose stored verdicts are stale are compared, and their events and answers read, here.
  const unstored = remembered ? summaries.filter((s) => !remembered.get(s.id)?.measured) : summaries;
  const ids = unstored.map((s) => s.id);
  const events = unstored.length ? ctx.library.events(ids) : new Map<string, AgreementEvent[]>();
  const answers = unstored.length
    ? ctx.library.assessments(unstored.length <= 500 ? ids : undefined)
    : new Map<string, AssessmentAnswer[]>();
  const { byId, computed } = measuredComparisons(ctx, unstored, on);
  const counts: Record<StoredGrade, number> = { A: 0, B: 0, C: 0, D: 0, unranked: 0 };
  const items: GradeLine[] = [];
  const held = new HeldDays();
  for (const summary of summaries) {
    const entry = remembered?.get(summary.id);
    const stored = entry?.measured && entry.summary === summary ? entry : undefined;
    const comparison = stored?.measured ?? byId.get(summary.id);
    if (!comparison) continue;
    const known = stored ?? { events: events.get(summary.id) ?? [], answers: answers.get(summary.id) ?? [] };
    const item = lineOf(ctx, summary, comparison, on, known, stored);
    counts[item.grade]++;
    items.push(item);
    held.set(summary.id, stored?.expiry?.holds);
  }
  const sorted = sortByCountThenId(ctx, remembered, items, keyOfItem);
  return { on, counts, ranking: new CountRanking(sorted, keyOfItem), held, computed };
}

/**
 * One agreement's line of the dashboard on a day.
 * @param entry its memory (whose events and answers are the ones given), which keeps its expiry and report
 */
function lineOf(
  ctx: ServiceContext,
  summary: AgreementSummary,
  comparison: Comparison | MeasuredComparison,
  on: string,
  { events, answers }: { events: readonly AgreementEvent[]; answers: readonly AssessmentAnswer[] },
  entry?: RememberedAgreement,
): GradeLine {
  // In memory, the expiry judged on an earlier day is kept through the days it holds on (no event between
  // the days, the same bounds): a new day judges again only the agreements whose status can have changed.
  const last = entry?.expiry;
  const expiry = last && holdsOn(last.holds, on) ? last.info : expiryStatus(summary, on, { events });
  if (entry && last?.info !== expiry) entry.expiry = { info: expiry, holds: expiryHolds(expiry, events) };
  // The law's words are only the evidence of "copies the law", which the dashboard does not show: the
  // grade, the points and the reasons are the same without them.
  const line = (): GradeLine => {
    const report = gradeAgreement({ meta: summary.meta, comparison, expiry, answers, events }, ctx.rubric);
    return {
      id: summary.id,
      ...(summary.meta.employer ? { employer: summary.meta.employer } : {}),
      grade: report.grade,
      points: report.score.total,
      unrankedReasons: report.unrankedReasons.map((r) => r.id),
    };
  };
  // In memory, the stored comparison, metadata and answers are the entry's own (a write replaces the entry),
  // so the last line holds while the expiry the rubric reads is the same (the same line object, whose JSON
  // is kept beside it); others are graded afresh.
  return entry ? ctx.memory.graded(entry, expiry, line) : line();
}

/** The officer's checklist of an agreement: each criterion with its current answer. */
export function checklistOf(ctx: ServiceContext, id: string) {
  const answers = new Map(ctx.library.assessment(id).map((a) => [a.criterion, a]));
  return ctx.rubric.criteria
    .filter((c) => c.evaluation === 'officer')
    .map((c) => ({
      criterion: c.id,
      dimension: c.dimension,
      label: c.label,
      labelEn: c.labelEn,
      answer: c.answer,
      points: c.points,
      ...(answers.get(c.id) ? { current: answers.get(c.id) } : {}),
    }));
}
