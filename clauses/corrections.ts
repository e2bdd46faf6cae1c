/**
 * Officer corrections of a comparison: a row's verdict, subject or value set
 * by hand, a row marked "not an entitlement", or a number the reader missed
 * added. A correction names its row by where it is in the text (the path of
 * its clause, the number as written and, for a table, its row) — never by a
 * stored id — so it still applies when the same document is imported again.
 * Applying corrections is pure; storing them is the library's business.
 */

import { type Comparison, type ComparisonRow, coverageOf, type Message, type Verdict } from './compare.ts';
import { isNotEntitlement } from './entitlements.ts';
import type { QuantityUnit } from './quantities.ts';
import { type MeasureSubject, SUBJECT_UNITS } from './subjects.ts';

export type CorrectionKind = 'verdict' | 'not_entitlement' | 'missed';

/** Where the corrected number is: its clause's path, the number as written, its table row, and which of equals. */
export interface CorrectionTarget {
  path: string;
  written: string;
  row?: number;
  /** 0-based among the rows of the same path, row and written number (default 0). */
  occurrence?: number;
}

/** A correction as an officer submits it. */
export interface CorrectionInput {
  kind: CorrectionKind;
  target: CorrectionTarget;
  /** The verdict the officer gives (kind `verdict` and `missed`). */
  verdict?: Verdict;
  subject?: MeasureSubject;
  value?: number;
  unit?: QuantityUnit;
  /** For a missed number: the clause text it is in (shown as the row's text). */
  text?: string;
  /** Why, in the officer's words (required). */
  reason: string;
}

/** A stored correction: who made it and when. */
export interface Correction extends CorrectionInput {
  id: string;
  by: string;
  /** ISO date-time. */
  at: string;
}

/** What a corrected row carries: who, when, why, and what the product had said. */
export interface RowCorrection {
  id: string;
  kind: CorrectionKind;
  by: string;
  at: string;
  reason: string;
  before?: { verdict: Verdict; subject: MeasureSubject; value: number };
}

/** A row an officer marked "not an entitlement": no longer judged, kept to be seen. */
export interface DismissedRow {
  row: ComparisonRow;
  correction: RowCorrection;
}

/** A comparison with its corrections applied: the dismissed rows and stale corrections always listed. */
export type CorrectedComparison = Comparison & Required<Pick<Comparison, 'dismissed' | 'stale'>>;

/** The label of a corrected row, for pages and reports. */
export const CORRECTED: Message = { vi: 'đã hiệu chỉnh', en: 'corrected' };

const sameTarget = (row: ComparisonRow, target: CorrectionTarget) =>
  row.path === target.path && row.measure.written === target.written && row.row === target.row;

/** The target that names a row of a comparison (its occurrence among equal rows counted). */
export function targetOf(rows: readonly ComparisonRow[], index: number): CorrectionTarget {
  const row = rows[index]!;
  const target: CorrectionTarget = { path: row.path, written: row.measure.written };
  if (row.row !== undefined) target.row = row.row;
  const occurrence = rows.slice(0, index).filter((r) => sameTarget(r, target)).length;
  if (occurrence) target.occurrence = occurrence;
  return target;
}

function findRow(rows: readonly ComparisonRow[], target: CorrectionTarget): number {
  let seen = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!sameTarget(rows[i]!, target)) continue;
    if (seen === (target.occurrence ?? 0)) return i;
    seen++;
  }
  return -1;
}

/**
 * Applies corrections, oldest first (a later one on the same row wins), and recounts the summary.
 * @param comparison the product's comparison
 * @param corrections the agreement's stored corrections
 * @returns the comparison as corrected, with dismissed rows and corrections that no longer find their row
 * @example applyCorrections(comparison, []).rows.length === comparison.rows.length
 */
export function applyCorrections(
  comparison: Comparison,
  corrections: readonly Correction[],
): CorrectedComparison {
  const rows: ComparisonRow[] = comparison.rows.map((row) => ({
    ...row,
  }));
  const original = comparison.rows;
  const dismissed: DismissedRow[] = [];
  const stale: Correction[] = [];
  let skipped = comparison.skipped;
  const gone = new Set<number>();
  const ordered = [...corrections].sort((a, b) => a.at.localeCompare(b.at));
  for (const correction of ordered) {
    const note: RowCorrection = {
      id: correction.id,
      kind: correction.kind,
      by: correction.by,
      at: correction.at,
      reason: correction.reason,
    };
    if (correction.kind === 'missed') {
      const t = correction.target;
      // A number the reader set aside (as a condition, or unread) that the officer says is an entitlement.
      const set = skipped.find((s) => s.path === t.path && s.written === t.written && s.row === t.row);
      if (set) skipped = skipped.filter((s) => s !== set);
      rows.push(missedRow(correction, note, set?.text));
      continue;
    }
    const index = findRow(original, correction.target);
    if (index < 0 || gone.has(index)) {
      stale.push(correction);
      continue;
    }
    const row = rows[index]!;
    note.before = { verdict: row.verdict, subject: row.subject, value: row.measure.value };
    if (correction.kind === 'not_entitlement') {
      gone.add(index);
      dismissed.push({ row: original[index]!, correction: note });
      continue;
    }
    if (correction.verdict) row.verdict = correction.verdict;
    if (correction.subject) row.subject = correction.subject;
    if (correction.value !== undefined) row.measure = { ...row.measure, value: correction.value };
    if (correction.unit) row.measure = { ...row.measure, unit: correction.unit };
    row.reason = { vi: `${CORRECTED.vi}: ${correction.reason}`, en: `${CORRECTED.en}: ${correction.reason}` };
    delete row.difference;
    row.correction = note;
  }
  const kept = rows.filter((_, i) => !gone.has(i));
  const summary = { total: kept.length, above: 0, equal: 0, below: 0, no_floor: 0, unclear: 0 };
  for (const row of kept) summary[row.verdict]++;
  const unread = skipped.filter((s) => !isNotEntitlement(s.reason)).length;
  return {
    ...comparison,
    rows: kept,
    summary,
    unlawful: kept.filter((row) => row.verdict === 'below'),
    skipped,
    coverage: coverageOf(kept.length, skipped.length - unread + dismissed.length, unread),
    dismissed,
    stale,
  };
}

/** Why an added row was measured: an officer said so. */
const ADDED: Message = {
  vi: 'cán bộ bổ sung con số phần mềm bỏ sót',
  en: 'added by an officer (missed by the reader)',
};

function missedRow(
  correction: Correction,
  note: RowCorrection,
  clauseText: string | undefined,
): ComparisonRow & { correction: RowCorrection } {
  const subject = correction.subject ?? 'allowance';
  const row: ComparisonRow & { correction: RowCorrection } = {
    nodeId: '',
    path: correction.target.path,
    text: correction.text ?? clauseText ?? correction.target.written,
    topics: [],
    subject,
    measure: {
      value: correction.value ?? 0,
      unit: correction.unit ?? SUBJECT_UNITS[subject],
      written: correction.target.written,
      conditions: {},
      assumed: [],
    },
    verdict: correction.verdict ?? 'unclear',
    basis: ADDED,
    reason: { vi: `${CORRECTED.vi}: ${correction.reason}`, en: `${CORRECTED.en}: ${correction.reason}` },
    correction: note,
  };
  if (correction.target.row !== undefined) row.row = correction.target.row;
  return row;
}

/** One entry of the answer-key format of the team's test set (`shared/corpus/labels`). */
export interface AnswerKeyEntry {
  article: number;
  needle: string;
  written: string;
  value: number | null;
  unit: 'day' | 'month' | 'year' | 'hour' | 'minute' | 'percent' | 'vnd' | 'times' | 'other';
  subject: string;
  verdict: Verdict | 'not_a_benefit';
  floor: string | null;
  why: string;
}

const KEY_UNITS: Partial<Record<QuantityUnit, AnswerKeyEntry['unit']>> = {
  day: 'day',
  month: 'month',
  year: 'year',
  hour: 'hour',
  minute: 'minute',
  percent: 'percent',
  VND: 'vnd',
  times: 'times',
};

/** The number of the `Điều` a path names (`Chương 3 › Điều 9 › khoản 2` → 9), 0 before Điều 1. */
export function articleOfPath(path: string): number {
  const match = /Điều\s+(\d+)/u.exec(path);
  return match ? Number(match[1]) : 0;
}

/** A short excerpt of the row's text around its number (12–80 characters) to find it again. */
export function needleOf(text: string, written: string): string {
  const at = text.indexOf(written);
  if (at < 0) return text.slice(0, 80);
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + written.length + 30);
  return text.slice(start, end).trim();
}

/**
 * The corrected rows of a comparison as answer-key entries, so real use grows the team's test set.
 * @param comparison a corrected comparison
 * @returns one entry per corrected, dismissed or added row
 */
export function toAnswerKey(comparison: CorrectedComparison): AnswerKeyEntry[] {
  const entry = (row: ComparisonRow, verdict: AnswerKeyEntry['verdict'], why: string): AnswerKeyEntry => ({
    article: articleOfPath(row.path),
    needle: needleOf(row.text, row.measure.written),
    written: row.measure.written,
    value: row.measure.value,
    unit: KEY_UNITS[row.measure.unit] ?? 'other',
    subject: row.subject,
    verdict,
    floor:
      verdict === 'not_a_benefit' || verdict === 'no_floor' || !row.floor
        ? null
        : [row.floor.value, row.floor.unit, row.floor.citation.text].filter((x) => x !== undefined).join(' '),
    why,
  });
  return [
    ...comparison.rows.flatMap((row) =>
      row.correction ? [entry(row, row.verdict, row.correction.reason)] : [],
    ),
    ...comparison.dismissed.map((d) => entry(d.row, 'not_a_benefit', d.correction.reason)),
  ];
}
