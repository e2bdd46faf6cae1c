/**
 * Suggestions for a draft: for each blank and each clause equal to or below the
 * law, the floor in force, what the library's agreements in force give (in the
 * draft's industry and province, and nationally) and the three best clauses to
 * copy. The library's values come from the comparisons cache; the figures are
 * computed by `clauses/suggestions.ts`.
 */

import { type CheckSummary, describeCheck } from '../clauses/check-summary.ts';
import type { Comparison } from '../clauses/compare.ts';
import { expiryStatus } from '../clauses/expiry.ts';
import { resolveIndustry } from '../clauses/industries.ts';
import { resolveProvince } from '../clauses/provinces.ts';
import { type LibraryValue, libraryValues, type Suggestion, suggestFor } from '../clauses/suggestions.ts';
import type { AgreementMeta, Blank, WageRegion } from '../clauses/types.ts';
import type { CheckResult } from './check.ts';
import type { ServiceContext } from './context.ts';
import { eventsOfAll, measuredComparisons, rememberedOf, summariesOf } from './verdicts.ts';
import type { ImportRequest } from './writes.ts';

/** Statuses of an agreement still in force on the day: its clauses can be suggested. */
const IN_FORCE = new Set(['in_force', 'renewal_window']);

/**
 * Each agreement in force on `on`: its most favourable value per measure, from the comparisons cache.
 * @returns measure key → one value per agreement
 */
function libraryValuesInForce(ctx: ServiceContext, on: string): Map<string, LibraryValue[]> {
  const remembered = rememberedOf(ctx, on);
  const summaries = summariesOf(ctx, {}, remembered);
  const events = eventsOfAll(ctx, summaries, remembered);
  const inForce = summaries.filter((summary) =>
    IN_FORCE.has(expiryStatus(summary, on, { events: events.get(summary.id) ?? [] }).status),
  );
  const { byId } = measuredComparisons(ctx, inForce, on);
  const entries = inForce.flatMap((summary) => {
    const comparison = byId.get(summary.id);
    return comparison ? [{ agreement: { id: summary.id, meta: summary.meta }, rows: comparison.rows }] : [];
  });
  return libraryValues(entries);
}

export interface SuggestionRequest {
  on: string;
  /** The draft's industry and province; read from the draft's metadata when not given. */
  industry?: string | undefined;
  province?: string | undefined;
}

export interface DraftSuggestions {
  on: string;
  industry?: string;
  province?: string;
  /** How many agreements in force the figures are drawn from. */
  agreementsInForce: number;
  suggestions: Suggestion[];
  summary: CheckSummary;
}

/**
 * The suggestions for a checked draft.
 * @param checked the draft's metadata, its comparison and its blanks (from `checkDraft`)
 */
export function suggestionsFor(
  ctx: ServiceContext,
  checked: { meta: AgreementMeta; comparison: Comparison; blanks: readonly Blank[] },
  request: SuggestionRequest,
): DraftSuggestions {
  const industry = request.industry
    ? (resolveIndustry(request.industry)?.id ?? request.industry)
    : checked.meta.industry;
  const province = request.province
    ? (resolveProvince(request.province)?.now ?? request.province)
    : (checked.meta.currentProvince ?? checked.meta.province);
  const library = libraryValuesInForce(ctx, request.on);
  const agreements = new Set([...library.values()].flatMap((values) => values.map((v) => v.agreementId)));
  const suggestions = suggestFor(checked.blanks, checked.comparison.rows, library, { industry, province });
  return {
    on: request.on,
    ...(industry ? { industry } : {}),
    ...(province ? { province } : {}),
    agreementsInForce: agreements.size,
    suggestions,
    summary: describeCheck(checked.comparison, checked.blanks),
  };
}

/**
 * Reads a draft, checks it and suggests what to write; nothing is stored.
 * @throws ImportError, UnsupportedFormatError, TooLargeError when the document cannot be read
 */
export async function suggestDraft(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest & Partial<SuggestionRequest> & { region?: WageRegion | undefined },
): Promise<CheckResult & DraftSuggestions> {
  const on = request.on ?? ctx.today();
  // Through the service's reader (the server's worker pool), with the page and paragraph caps: the /check
  // page takes anonymous uploads, which must never be read on the event loop.
  const checked = await ctx.reader.check(bytes, {
    ...request,
    on,
    maxBytes: ctx.maxBytes,
    limits: ctx.limits,
  });
  return {
    ...checked,
    ...suggestionsFor(ctx, { meta: checked.draft.meta, ...checked }, { ...request, on }),
  };
}
