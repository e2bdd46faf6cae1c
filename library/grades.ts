/**
 * Grading an agreement of the library: its comparison with the law, its
 * expiry status and recorded events, and the officer's answers, judged by a
 * rubric on a day; the grade is stored for listing and search.
 */

import { expiryStatus } from '../clauses/expiry.ts';
import { type GradeReport, gradeAgreement, RUBRIC, type Rubric } from '../clauses/grading.ts';
import { compareWithLawWording } from '../clauses/law-wording.ts';
import type { Agreement } from '../clauses/types.ts';
import { comparisonOf } from './comparisons.ts';
import type { Library } from './types.ts';

export interface GradeOptions {
  /** The day to judge on (`YYYY-MM-DD`). */
  on: string;
  rubric?: Rubric;
}

/** The grade report of a stored agreement, without storing anything. */
export function gradeStored(
  library: Library,
  agreement: Agreement,
  { on, rubric = RUBRIC }: GradeOptions,
): GradeReport {
  const events = library.events([agreement.id]).get(agreement.id) ?? [];
  const comparison = comparisonOf(library, agreement, { on });
  return gradeAgreement(
    {
      meta: agreement.meta,
      comparison,
      // The law's words matter only as the evidence of "copies the law": nothing above the law.
      ...(comparison.rows.some((r) => r.verdict === 'above' || r.verdict === 'no_floor')
        ? {}
        : { lawWording: compareWithLawWording(agreement.tree, comparison) }),
      expiry: expiryStatus(agreement, on, { events }),
      answers: library.assessment(agreement.id),
      events,
    },
    rubric,
  );
}

/**
 * Grades an agreement and stores the grade when it changed.
 * @returns the report and whether the stored grade changed (an external search index then needs it)
 */
export function regrade(
  library: Library,
  agreement: Agreement,
  options: GradeOptions,
): { report: GradeReport; changed: boolean } {
  const report = gradeStored(library, agreement, options);
  const changed = agreement.grade !== report.grade;
  if (changed) library.setGrade(agreement.id, report.grade);
  return { report, changed };
}
