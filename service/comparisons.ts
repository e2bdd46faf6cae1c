/**
 * Comparisons of stored agreements with the law, and with the law's words,
 * remembered between requests. Library-wide questions (below the floor,
 * benchmarks, the N-way table, the grade dashboard) compare every agreement
 * they read; a comparison is pure, so the same agreement compared on the same
 * day gives the same answer and need not be computed again.
 *
 * The key is made of summary fields alone (id, document, metadata), so a
 * library-wide request reads a clause tree only for what it has not seen.
 */

import { LRUCache } from 'lru-cache';
import { type Comparison, type ComparisonOptions, compareWithFloors } from '../clauses/compare.ts';
import { compareWithLawWording, type LawWording } from '../clauses/law-wording.ts';
import type { Agreement, AgreementSummary } from '../clauses/types.ts';

/**
 * Comparisons kept per service, least recently used dropped first. About 35 KB each
 * (measured on the generated corpus), so some 70 MB at most.
 */
export const COMPARISON_CACHE_SIZE = 2000;

/** What a comparison is computed from: a stored agreement's summary row. */
export type ComparedSummary = Pick<AgreementSummary, 'id' | 'source' | 'meta'>;

/**
 * The key names what a comparison is computed from, so a changed agreement is never answered from
 * the cache: its document (sha256 and file name make the tree), its metadata, the day and the region.
 */
function keyOf(summary: ComparedSummary, { on, region }: ComparisonOptions): string {
  const { sha256, filename } = summary.source;
  return JSON.stringify([summary.id, sha256, filename, summary.meta, on, region ?? null]);
}

/** How a stored agreement is compared (the service applies the officers' corrections). */
export type CompareStored = (agreement: Agreement, options: ComparisonOptions) => Comparison;

export interface ComparisonCache {
  /**
   * `compareWithFloors` of a stored agreement, from memory when it was computed already.
   * @param load reads the agreement (its tree) only when the comparison is not remembered
   * @returns the comparison (shared: callers must not change it), or undefined when `load` finds nothing
   */
  comparison(
    summary: ComparedSummary,
    options: ComparisonOptions,
    load: () => Agreement | undefined,
  ): Comparison | undefined;
  /** `compareWithLawWording` of a stored agreement beside its comparison on a day, remembered likewise. */
  lawWording(agreement: Agreement, options: ComparisonOptions): LawWording;
  /** Remembers a comparison computed elsewhere (an import grades before it stores). */
  remember(summary: ComparedSummary, options: ComparisonOptions, comparison: Comparison): void;
  /** Forgets what is remembered of one agreement (after a write that changes its comparison). */
  forget(id: string): void;
  /** How many comparisons are remembered, and how many can be. */
  size(): { count: number; capacity: number };
  clear(): void;
}

/**
 * A cache of comparisons with the law and with the law's words.
 * @param compare how to compare an agreement that is not remembered (`compareWithFloors` by default)
 */
export function createComparisonCache(compare: CompareStored = compareWithFloors): ComparisonCache {
  const comparisons = new LRUCache<string, Comparison>({ max: COMPARISON_CACHE_SIZE });
  // The law's words are compared clause by clause over every article (~90 ms an agreement).
  const wordings = new LRUCache<string, LawWording>({ max: COMPARISON_CACHE_SIZE });
  const cache: ComparisonCache = {
    comparison(summary, options, load) {
      if (options.floors) {
        // Another floors file than the bundled one is never cached.
        const agreement = load();
        return agreement && compare(agreement, options);
      }
      const key = keyOf(summary, options);
      const known = comparisons.get(key);
      if (known) return known;
      const agreement = load();
      if (!agreement) return undefined;
      const comparison = compare(agreement, options);
      comparisons.set(key, comparison);
      return comparison;
    },
    lawWording(agreement, options) {
      const comparison = cache.comparison(agreement, options, () => agreement) as Comparison;
      if (options.floors) return compareWithLawWording(agreement.tree, comparison);
      const key = keyOf(agreement, options);
      let wording = wordings.get(key);
      if (!wording) {
        wording = compareWithLawWording(agreement.tree, comparison);
        wordings.set(key, wording);
      }
      return wording;
    },
    remember(summary, options, comparison) {
      if (!options.floors) comparisons.set(keyOf(summary, options), comparison);
    },
    forget(id) {
      const prefix = `${JSON.stringify([id]).slice(0, -1)},`;
      for (const store of [comparisons, wordings] as const)
        for (const key of [...store.keys()]) if (key.startsWith(prefix)) store.delete(key);
    },
    size: () => ({ count: comparisons.size, capacity: COMPARISON_CACHE_SIZE }),
    clear() {
      comparisons.clear();
      wordings.clear();
    },
  };
  return cache;
}
