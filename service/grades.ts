/**
 * Grading agreements of the library: each one's comparison with the law, its
 * expiry status and recorded events, and the officer's answers, judged by the
 * rubric on a day; and the grades of an area, as federations report them.
 */

import type { Comparison } from '../clauses/compare.ts';
import { expiryStatus, sameExpiryOn } from '../clauses/expiry.ts';
import { type AssessmentAnswer, GRADES, type GradeReport, gradeAgreement } from '../clauses/grading.ts';
import { compareWithLawWording } from '../clauses/law-wording.ts';
import type { Agreement, AgreementDraft, AgreementEvent, StoredGrade } from '../clauses/types.ts';
import type { AgreementFilter } from '../library/index.ts';
import type { ComparedSummary } from './comparisons.ts';
import { comparisonOf, type ServiceContext } from './context.ts';
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
  items: Array<{
    id: string;
    employer?: string;
    grade: StoredGrade;
    points: number;
    unrankedReasons: string[];
  }>;
}

type DashboardItem = GradesDashboard['items'][number];

/** The dashboard's line of a report kept in memory (the same report, the same line). */
const itemOf = new WeakMap<GradeReport, DashboardItem>();

/** The grades of an area on a day: counts, shares and every agreement's grade. */
export function gradesDashboard(ctx: ServiceContext, { filter, year }: GradesQuery): GradesDashboard {
  const today = ctx.today();
  const on = year && `${year}-12-31` < today ? `${year}-12-31` : today;
  const remembered = rememberedOf(ctx, on);
  const summaries = summariesOf(ctx, filter, remembered).filter((s) => {
    const signed = s.meta.signedOn ?? s.meta.effectiveOn;
    return !year || (signed !== undefined && signed <= on);
  });
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
  const items: DashboardItem[] = [];
  for (const summary of summaries) {
    const entry = remembered?.get(summary.id);
    const stored = entry?.measured && entry.summary === summary ? entry : undefined;
    const comparison = stored?.measured ?? byId.get(summary.id);
    if (!comparison) continue;
    const agreementEvents = stored ? stored.events : (events.get(summary.id) ?? []);
    // In memory, the expiry judged on an earlier day holds while nothing of it moved (no event between the
    // days, the same bounds): a new day judges again only the agreements whose status can have changed.
    const last = stored?.expiry;
    const expiry =
      last && sameExpiryOn(last, agreementEvents, on)
        ? last
        : expiryStatus(summary, on, { events: agreementEvents });
    if (stored) stored.expiry = expiry;
    // The law's words are only the evidence of "copies the law", which the dashboard does not show: the
    // grade, the points and the reasons are the same without them.
    const grade = () =>
      gradeAgreement(
        {
          meta: summary.meta,
          comparison,
          expiry,
          answers: stored ? stored.answers : (answers.get(summary.id) ?? []),
          events: agreementEvents,
        },
        ctx.rubric,
      );
    // In memory, the stored comparison, metadata and answers are the entry's own (a write replaces the entry),
    // so the last report holds while the expiry the rubric reads is the same; others are graded afresh.
    const report = stored ? ctx.memory.graded(stored, expiry, grade) : grade();
    let item = itemOf.get(report);
    if (!item) {
      item = {
        id: summary.id,
        ...(summary.meta.employer ? { employer: summary.meta.employer } : {}),
        grade: report.grade,
        points: report.score.total,
        unrankedReasons: report.unrankedReasons.map((r) => r.id),
      };
      if (stored) itemOf.set(report, item);
    }
    counts[item.grade]++;
    items.push(item);
  }
  const total = items.length;
  const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
  return {
    on,
    total,
    counts,
    share: { A: share(counts.A), B: share(counts.B), AB: share(counts.A + counts.B) },
    grades: GRADES,
    items: sortByCountThenId(ctx, remembered, items, (item) => ({ count: item.points, id: item.id })),
    ...refreshing(computed),
  };
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
