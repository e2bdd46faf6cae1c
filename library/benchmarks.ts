/**
 * Agreements of the library as benchmark entries: each with its comparison
 * with the law on a date, chosen by id or by area and expiry status.
 */

import type { BenchmarkEntry } from '../clauses/benchmarks.ts';
import { type ExpiryStatus, expiryStatus } from '../clauses/expiry.ts';
import { comparisonOf } from './comparisons.ts';
import { eachSummary } from './index.ts';
import type { AgreementFilter, Library } from './types.ts';

export interface EntryChoice {
  /** These agreements, in this order; unknown ids are returned in `missing`. */
  ids?: readonly string[];
  filter?: AgreementFilter;
  /** Expiry status on `on`. */
  status?: ExpiryStatus;
  on: string;
}

/** The chosen agreements with their comparisons, and the ids that were not found. */
export function benchmarkEntries(
  library: Library,
  choice: EntryChoice,
): { entries: BenchmarkEntry[]; missing: string[] } {
  const ids = choice.ids ?? [...eachSummary(library, choice.filter)].map((s) => s.id);
  const entries: BenchmarkEntry[] = [];
  const missing: string[] = [];
  const events = library.events(ids);
  for (const id of ids) {
    const agreement = library.get(id);
    if (!agreement) {
      missing.push(id);
      continue;
    }
    if (
      choice.status &&
      expiryStatus(agreement, choice.on, { events: events.get(id) ?? [] }).status !== choice.status
    )
      continue;
    entries.push({ agreement, comparison: comparisonOf(library, agreement, { on: choice.on }) });
  }
  return { entries, missing };
}
