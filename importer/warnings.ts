/**
 * Warnings of one kind listed at most so many times: a document that repeats
 * one mistake ten thousand times ("Điều 1" again and again) gets its first
 * few places and one line saying how many more, not ten thousand lines that
 * nobody reads — and that cost megabytes to store, copy and send.
 */

import { formatNumber } from '../clauses/compare.ts';
import type { ImportWarning } from '../clauses/types.ts';

/** How many warnings of one code are listed before the rest are counted. */
export const WARNINGS_PER_CODE = 20;

/**
 * The warnings in their order, at most `perCode` of each code; each code past it gets one more
 * warning of its own code, after its last listed one, counting the places left out.
 */
export function capWarnings(
  warnings: readonly ImportWarning[],
  perCode = WARNINGS_PER_CODE,
): ImportWarning[] {
  const total = new Map<string, number>();
  for (const w of warnings) total.set(w.code, (total.get(w.code) ?? 0) + 1);
  if (![...total.values()].some((n) => n > perCode)) return [...warnings];
  const listed = new Map<string, number>();
  const capped: ImportWarning[] = [];
  for (const w of warnings) {
    const n = (listed.get(w.code) ?? 0) + 1;
    listed.set(w.code, n);
    if (n > perCode) continue;
    capped.push(w);
    const more = (total.get(w.code) ?? 0) - perCode;
    if (n === perCode && more > 0) {
      capped.push({
        code: w.code,
        message: `… và ${formatNumber(more, 'vi')} chỗ khác cùng loại (chỉ nêu ${perCode} chỗ đầu).`,
        messageEn: `… and ${formatNumber(more, 'en')} more of the same kind (the first ${perCode} are listed).`,
      });
    }
  }
  return capped;
}
