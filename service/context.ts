/**
 * What every operation of the service works with: the library, the search
 * index to keep in step, the rubric, today's date and the caches.
 */

import { type Comparison, type ComparisonOptions, compareWithFloors } from '../clauses/compare.ts';
import { applyCorrections } from '../clauses/corrections.ts';
import { agreementNotFound } from '../clauses/errors.ts';
import type { Rubric } from '../clauses/grading.ts';
import type { Agreement, AgreementDraft, AgreementEvent } from '../clauses/types.ts';
import type { DocumentLimits } from '../importer/index.ts';
import type { Library, SearchIndex, Visibility } from '../library/index.ts';
import type { ComparedSummary, ComparisonCache } from './comparisons.ts';
import type { DocumentReader } from './documents.ts';
import type { VerdictMemory } from './verdict-memory.ts';
import type { VerdictRefresh } from './verdicts.ts';

export interface ServiceContext {
  library: Library;
  /** The index searches are answered from (the library's embedded one by default). */
  search: SearchIndex | undefined;
  /** An index the library does not write itself (Meilisearch): each write sends it the change, once. */
  external: SearchIndex | undefined;
  rubric: Rubric;
  /** Today (`YYYY-MM-DD`). */
  today: () => string;
  /** Largest document accepted by an import or a check. */
  maxBytes: number;
  /** Page and paragraph caps for PDF and Word documents. */
  limits: DocumentLimits;
  /** Reads documents: a worker pool in the server, this process in tests and the command line. */
  reader: DocumentReader;
  cache: ComparisonCache;
  /** The stored verdicts the library-wide questions read, and their background refresh. */
  verdicts: VerdictRefresh;
  /** What the library-wide questions read of every agreement, in memory for today's floor period. */
  memory: VerdictMemory;
  /** Whether the benchmark and N-way tables are put together from kept cells (`benchmark-tables.ts`). */
  keptTables: boolean;
  /** The visibility of a new agreement when its import names none (`CBA_DEFAULT_VISIBILITY`; public by default). */
  defaultVisibility?: Visibility | undefined;
}

/**
 * A stored agreement.
 * @throws NotFoundError when the library has no such agreement
 */
export function loadAgreement(ctx: ServiceContext, id: string): Agreement {
  const agreement = ctx.library.get(id);
  if (!agreement) throw agreementNotFound(id);
  return agreement;
}

/** The recorded events of one agreement, oldest first. */
export function eventsOf(ctx: ServiceContext, id: string): AgreementEvent[] {
  return ctx.library.events([id]).get(id) ?? [];
}

/**
 * The comparison of a stored agreement, from the cache when it was computed already; the
 * agreement's tree is read only when it was not.
 * @returns undefined when the agreement is no longer in the library
 */
export function comparisonOf(
  ctx: ServiceContext,
  summary: ComparedSummary | Agreement,
  options: ComparisonOptions,
): Comparison | undefined {
  const load = 'tree' in summary ? () => summary : () => ctx.library.get(summary.id);
  return ctx.cache.comparison(summary, options, load);
}

/**
 * `compareWithFloors` with the officers' corrections of the document applied (found by its sha256, so
 * they hold for a document imported again). The one way a stored or about-to-be-stored agreement is compared.
 */
export function compareCorrected(
  library: Library,
  agreement: (Agreement | AgreementDraft) & { id?: string },
  options: ComparisonOptions,
): Comparison {
  const comparison = compareWithFloors(agreement, options);
  const corrections = library.corrections(agreement.source.sha256);
  return corrections.length ? applyCorrections(comparison, corrections) : comparison;
}
