import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  findDates,
  isIsoDate,
  parseNumberWords,
  parseOrdinal,
  parseVietnameseNumber,
  termEnd,
  wholeMonthsBetween,
} from '../../clauses/index.ts';

describe('numbers', () => {
  it.each([
    ['ba', 3],
    ['mười', 10],
    ['mười hai', 12],
    ['hai mươi lăm', 25],
    ['ba mươi mốt', 31],
    ['một trăm linh năm', 105],
    ['hai', 2],
  ])('reads "%s" as %i', (words, n) => {
    expect(parseNumberWords(words)).toBe(n);
  });

  it('does not read ordinary words as numbers', () => {
    expect(parseNumberWords('người lao động')).toBeUndefined();
  });

  it.each([
    ['1.250', 1250],
    ['4.960.000', 4960000],
    ['1,5', 1.5],
    ['30', 30],
  ])('reads "%s" in Vietnamese notation as %d', (text, n) => {
    expect(parseVietnameseNumber(text)).toBe(n);
  });

  it.each([
    ['IV', 4],
    ['XIV', 14],
    ['3', 3],
  ])('reads the chapter number %s', (text, n) => {
    expect(parseOrdinal(text)).toBe(n);
  });
});

describe('dates', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-10-31', -1, '2025-09-30'],
  ])('adds months to %s (+%i) clamping to the month end', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('ends a 3-year term on the day before the anniversary', () => {
    expect(termEnd('2024-01-01', 36)).toBe('2026-12-31');
    expect(termEnd('2024-02-29', 12)).toBe('2025-02-27');
  });

  it('recovers a whole-month term from its two ends', () => {
    expect(wholeMonthsBetween('2025-01-01', '2026-12-31')).toBe(24);
    expect(wholeMonthsBetween('2025-01-01', '2026-12-15')).toBeUndefined();
  });

  it('counts days across a leap year', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-11-23', '2026-08-25')).toBe(-90);
  });

  it('adds and counts days as the calendar does, for any date of four centuries and any step', () => {
    const byDate = (iso: string, days: number) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2299, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40_000, max: 40_000 }), (iso, days) => {
        expect(addDays(iso, days)).toBe(byDate(iso, days));
        expect(daysBetween(iso, byDate(iso, days))).toBe(days);
      }),
      { numRuns: 2000 },
    );
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    for (const bad of ['23/11/2026', '2026-1-05', '2026-11-2x', '2026-11-055', ' 2026-11-05'])
      expect(() => addDays(bad, 1)).toThrow(RangeError);
  });

  it('finds written and numeric dates, day first, and skips impossible ones', () => {
    const found = findDates(
      'Hà Nội, ngày 01 tháng 01 năm 2026; ký ngày 11/10/2024; sai 31/02/2024; 5.3.2025',
    );
    expect(found.map((d) => d.iso)).toEqual(['2026-01-01', '2024-10-11', '2025-03-05']);
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
  });
});
