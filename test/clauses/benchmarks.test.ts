import { describe, expect, it } from 'vitest';
import { benchmarkTable, median, percentileRank } from '../../clauses/benchmarks.ts';
import { type Agreement, compareWithFloors } from '../../clauses/index.ts';
import { draftOfLines } from './draft.ts';

/** A small library whose numbers are easy to check by hand. */
function library() {
  const make = (id: string, industry: string, province: string, lines: string) => {
    const draft = draftOfLines(lines, { industry, province, employer: `Công ty ${id}` });
    const agreement = { ...draft, id } as Pick<Agreement, 'id' | 'meta' | 'tree'>;
    return { agreement, comparison: compareWithFloors(agreement, { on: '2026-11-23' }) };
  };
  return [
    make(
      'a',
      'det-may',
      'Bình Dương',
      'Người lao động được nghỉ hằng năm 12 ngày làm việc.\nTiền ăn giữa ca 25.000 đồng/bữa.',
    ),
    make(
      'b',
      'det-may',
      'Bình Dương',
      'Người lao động được nghỉ hằng năm 14 ngày làm việc.\nTiền ăn giữa ca 30.000 đồng/bữa.',
    ),
    make(
      'c',
      'det-may',
      'Đồng Nai',
      'Người lao động được nghỉ hằng năm 14 ngày làm việc.\nHỗ trợ tiền ăn giữa ca 780.000 đồng/tháng.',
    ),
    make('d', 'dien-tu', 'Bình Dương', 'Người lao động được nghỉ hằng năm 16 ngày làm việc.'),
  ];
}

describe('benchmarks across agreements', () => {
  it('median and mid-rank percentiles', () => {
    expect(median([12, 14, 14, 16])).toBe(14);
    expect(median([25000, 30000, 30000])).toBe(30000);
    expect([10, 20, 20, 40].map((v) => percentileRank(v, [10, 20, 20, 40], 'higher'))).toEqual([
      12.5, 50, 50, 87.5,
    ]);
    // Fewer overtime hours are better: the lowest cap ranks highest.
    expect(percentileRank(30, [30, 40, 50], 'lower')).toBe(83.3);
  });

  it('gives one row per agreement, one column per measure, with median, range and percentiles', () => {
    const table = benchmarkTable(library(), { topics: ['annual_leave', 'meal'] });
    const leave = table.columns.find((c) => c.key === 'annual_leave')!;
    expect(leave.stats).toEqual({ count: 4, min: 12, max: 16, median: 14 });
    expect(leave.values).toEqual([12, 14, 14, 16]);
    const cells = Object.fromEntries(table.rows.map((r) => [r.agreementId, r.cells.annual_leave]));
    expect(cells.a).toMatchObject({ value: 12, verdict: 'equal', percentile: 12.5 });
    expect(cells.b).toMatchObject({ value: 14, verdict: 'above', percentile: 50 });
    expect(cells.d).toMatchObject({ value: 16, percentile: 87.5 });
    // Within the industry (det-may: 12, 14, 14) and the province (Bình Dương: 12, 14, 16).
    expect(cells.b).toMatchObject({ percentileInIndustry: 66.7, percentileInProvince: 50 });
    expect(cells.d).toMatchObject({ percentileInIndustry: 50, percentileInProvince: 83.3 });
    // The model clause: the most leave above the law.
    expect(leave.best).toMatchObject({
      agreementId: 'd',
      written: '16 ngày làm việc',
      nodeId: 'dieu-1.khoan-1',
    });
  });

  it('reads a monthly meal allowance per meal (÷ 26) so it lines up with the others', () => {
    const table = benchmarkTable(library(), { topics: ['meal'] });
    const meal = table.columns.find((c) => c.subject === 'meal_allowance')!;
    expect(meal).toMatchObject({ unit: 'VND', per: 'meal' });
    expect(meal.values).toEqual([25000, 30000, 30000]);
    const c = table.rows.find((r) => r.agreementId === 'c')!.cells[meal.key]!;
    expect(c).toMatchObject({ value: 30000, converted: true, written: '780.000 đồng/tháng' });
    expect(table.rows.find((r) => r.agreementId === 'd')!.cells[meal.key]).toBeUndefined();
  });

  it('takes industry and province percentiles among the whole library when given', () => {
    const all = library();
    const table = benchmarkTable(all.slice(0, 2), { topics: ['annual_leave'], population: all });
    const b = table.rows.find((r) => r.agreementId === 'b')!.cells.annual_leave!;
    expect(b.percentile).toBe(75); // among a and b
    expect(b.percentileInIndustry).toBe(66.7); // among a, b, c
  });
});
