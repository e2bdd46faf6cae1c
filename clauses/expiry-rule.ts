/**
 * The expiry status rule as one table: each status is a condition on an
 * agreement's two dates (effective, expiry) and the day judged, and exactly
 * one condition holds for any dates. `statusOnDate` reads the table; the
 * search adapters translate the same rows into SQL, typed-array bounds and
 * a Meilisearch filter, so the four cannot drift apart. The numbers come
 * from `data/procedure.json` (Điều 83 BLLĐ 2019).
 */

import { z } from 'zod';
import raw from './data/procedure.json' with { type: 'json' };
import { addDays, daysBetween } from './dates.ts';
import { type Citation, CitationSchema } from './floors.ts';

const Rule = z.object({
  value: z.number().int().positive(),
  label: z.string(),
  labelEn: z.string(),
  citation: CitationSchema,
});

const ProcedureSchema = z.object({
  version: z.string(),
  note: z.string(),
  rules: z.object({
    renewalWindowDays: Rule,
    continuationDays: Rule,
    filingDays: Rule,
    minTermMonths: Rule,
    maxTermMonths: Rule,
  }),
});

/** Procedural time limits (Điều 77, 78, 83 BLLĐ 2019), from `data/procedure.json`. */
export const PROCEDURE = ProcedureSchema.parse(raw);

export type ExpiryStatus =
  | 'in_force'
  | 'renewal_window'
  | 'continuation'
  | 'expired'
  | 'not_yet_effective'
  | 'unknown';

/** What must hold of the dates for a status, on the day judged (`on`). */
export type ExpiryCondition =
  /** The effective date is after `on`. */
  | { kind: 'not_started' }
  /** No effective date, or in effect (effective date ≤ `on`) with no expiry date. */
  | { kind: 'dates_missing' }
  /**
   * In effect (effective date ≤ `on`), and the expiry date lies `minDays` to
   * `maxDays` days after `on`, both inclusive (negative: before `on`); a missing
   * bound is open.
   */
  | { kind: 'expires_within'; minDays?: number; maxDays?: number };

export interface ExpiryRuleRow {
  status: ExpiryStatus;
  condition: ExpiryCondition;
  /** Where the bound comes from. */
  citation: Citation;
}

const { renewalWindowDays, continuationDays } = PROCEDURE.rules;
const EFFECTIVE_DATE: Citation = {
  text: 'Điều 78 khoản 1 BLLĐ 2019',
  law: 'BLLĐ 2019',
  article: 78,
  clause: 1,
};
const TERM: Citation = { text: 'Điều 78 khoản 3 BLLĐ 2019', law: 'BLLĐ 2019', article: 78, clause: 3 };

/**
 * The rule, one row per status. Days are counted from the day judged to the
 * expiry date: more than 90 → in force; 90 down to 0 (the expiry day itself)
 * → the renewal window; −1 to −90 → the continuation; before that → expired.
 */
export const EXPIRY_RULE: readonly ExpiryRuleRow[] = [
  { status: 'not_yet_effective', condition: { kind: 'not_started' }, citation: EFFECTIVE_DATE },
  { status: 'unknown', condition: { kind: 'dates_missing' }, citation: TERM },
  {
    status: 'in_force',
    condition: { kind: 'expires_within', minDays: renewalWindowDays.value + 1 },
    citation: renewalWindowDays.citation,
  },
  {
    status: 'renewal_window',
    condition: { kind: 'expires_within', minDays: 0, maxDays: renewalWindowDays.value },
    citation: renewalWindowDays.citation,
  },
  {
    status: 'continuation',
    condition: { kind: 'expires_within', minDays: -continuationDays.value, maxDays: -1 },
    citation: continuationDays.citation,
  },
  {
    status: 'expired',
    condition: { kind: 'expires_within', maxDays: -continuationDays.value - 1 },
    citation: continuationDays.citation,
  },
];

type Band = { status: ExpiryStatus; minDays?: number; maxDays?: number };

/** The `expires_within` rows, latest expiry first; checked to cover every day once. */
export const EXPIRY_BANDS: readonly Band[] = checkBands(
  EXPIRY_RULE.flatMap(({ status, condition }) =>
    condition.kind === 'expires_within' ? [{ status, ...condition }] : [],
  ).sort((a, b) => (b.minDays ?? -Infinity) - (a.minDays ?? -Infinity)),
);

function checkBands(bands: Band[]): Band[] {
  const gap = bands.findIndex((band, i) =>
    i === 0 ? band.maxDays !== undefined : band.maxDays !== (bands[i - 1]?.minDays ?? NaN) - 1,
  );
  if (gap >= 0 || bands.at(-1)?.minDays !== undefined) {
    throw new Error(
      `The expiry rule leaves days without a status or gives some two: bands ${JSON.stringify(bands)} must run from an open top to an open bottom without gaps`,
    );
  }
  return bands;
}

/**
 * The expiry dates an `expires_within` condition allows on a day, as ISO dates
 * (both inclusive; absent when open) — what the search adapters compare with.
 *
 * @example expiryDateRange({ kind: 'expires_within', minDays: 0, maxDays: 90 }, '2026-11-23') // { from: '2026-11-23', to: '2027-02-21' }
 */
export function expiryDateRange(
  condition: { minDays?: number; maxDays?: number },
  on: string,
): { from?: string; to?: string } {
  return {
    ...(condition.minDays !== undefined ? { from: addDays(on, condition.minDays) } : {}),
    ...(condition.maxDays !== undefined ? { to: addDays(on, condition.maxDays) } : {}),
  };
}

/**
 * The status from the two dates alone (no events, no successor): what a
 * search index can compute for every clause of an agreement.
 *
 * @param effectiveOn the day it took effect (the signing date when none is written)
 * @param expiresOn its last day in force
 * @param on the day judged, `YYYY-MM-DD`
 * @example statusOnDate('2024-01-01', '2026-12-31', '2026-11-23') // 'renewal_window'
 */
export function statusOnDate(
  effectiveOn: string | undefined,
  expiresOn: string | undefined,
  on: string,
): ExpiryStatus {
  // An empty string is a missing date, as it always was.
  const from = effectiveOn || undefined;
  const to = expiresOn || undefined;
  const row = EXPIRY_RULE.find(({ condition }) => holds(condition, from, to, on));
  return row?.status ?? 'unknown';
}

function holds(
  condition: ExpiryCondition,
  effectiveOn: string | undefined,
  expiresOn: string | undefined,
  on: string,
): boolean {
  const started = effectiveOn !== undefined && effectiveOn <= on;
  switch (condition.kind) {
    case 'not_started':
      return effectiveOn !== undefined && effectiveOn > on;
    case 'dates_missing':
      return effectiveOn === undefined || (started && expiresOn === undefined);
    case 'expires_within': {
      if (!started || expiresOn === undefined) return false;
      const days = daysBetween(on, expiresOn);
      return (condition.minDays ?? -Infinity) <= days && days <= (condition.maxDays ?? Infinity);
    }
  }
}
