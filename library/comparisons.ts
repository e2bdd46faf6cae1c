/**
 * Comparisons of stored agreements with the law, remembered between requests.
 * Library-wide questions (below the floor, benchmarks, the N-way table, the
 * grade dashboard) compare every agreement they read; a comparison is pure, so
 * the same agreement compared on the same day gives the same answer and need
 * not be computed again.
 */

import { LRUCache } from 'lru-cache';
import { type Comparison, type ComparisonOptions, compareWithFloors } from '../clauses/compare.ts';
import type { Agreement } from '../clauses/types.ts';
import { eachSummary } from './index.ts';
import type { Library } from './types.ts';

/**
 * Comparisons kept per library, least recently used dropped first. About 35 KB each
 * (measured on the generated corpus), so some 70 MB at most.
 */
export const COMPARISON_CACHE_SIZE = 2000;

const caches = new WeakMap<Library, LRUCache<string, Comparison>>();

/**
 * The key names what a comparison is computed from, so a changed agreement is never answered from
 * the cache: its document (sha256 and file name make the tree), its metadata, the day and the region.
 */
function keyOf(agreement: Agreement, { on, region }: ComparisonOptions): string {
  const { sha256, filename } = agreement.source;
  return JSON.stringify([agreement.id, sha256, filename, agreement.meta, on, region ?? null]);
}

/**
 * `compareWithFloors` of a stored agreement, answered from the library's cache when it was already
 * computed. A comparison with another floors file than the bundled one is never cached.
 * The result is shared: callers must not change it.
 */
export function comparisonOf(library: Library, agreement: Agreement, options: ComparisonOptions): Comparison {
  if (options.floors) return compareWithFloors(agreement, options);
  let cache = caches.get(library);
  if (!cache) {
    cache = new LRUCache({ max: COMPARISON_CACHE_SIZE });
    caches.set(library, cache);
  }
  const key = keyOf(agreement, options);
  let comparison = cache.get(key);
  if (!comparison) {
    comparison = compareWithFloors(agreement, options);
    cache.set(key, comparison);
  }
  return comparison;
}

/** How many comparisons the library remembers, and how many it can. */
export function rememberedComparisons(library: Library): { count: number; capacity: number } {
  return { count: caches.get(library)?.size ?? 0, capacity: COMPARISON_CACHE_SIZE };
}

/** Forgets the library's remembered comparisons (benchmarks measure first requests with it). */
export function clearComparisons(library: Library): void {
  caches.delete(library);
}

/**
 * Compares the library's agreements on a day before anyone asks, so the first library-wide request
 * of a server just started does not wait for all of them. One agreement per turn of the event loop:
 * requests are answered meanwhile. Stops at the cache's size, or when `signal` aborts.
 * @returns how many agreements were compared
 */
export async function warmComparisons(library: Library, on: string, signal?: AbortSignal): Promise<number> {
  let compared = 0;
  for (const { id } of eachSummary(library)) {
    if (signal?.aborted || compared >= COMPARISON_CACHE_SIZE) break;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) break;
    const agreement = library.get(id);
    if (!agreement) continue;
    comparisonOf(library, agreement, { on });
    compared++;
  }
  return compared;
}
