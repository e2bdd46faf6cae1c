import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

/** A small library written for this test: four garment agreements of Bình Dương, one elsewhere, one expired. */
function agreement(
  employer: string,
  province: string,
  meal: number,
  leave: number,
  expiresOn = '2028-02-28',
): string {
  return [
    '---',
    `employer: ${employer}`,
    'industry: det-may',
    `province: ${province}`,
    'signedOn: 2025-03-01',
    'effectiveOn: 2025-03-01',
    `expiresOn: ${expiresOn}`,
    '---',
    '# Điều 1. Bữa ăn giữa ca',
    '',
    `Tiền ăn giữa ca: ${meal.toLocaleString('de-DE')} đồng/bữa.`,
    '',
    '# Điều 2. Nghỉ hằng năm',
    '',
    `Người lao động được nghỉ hằng năm ${leave} ngày làm việc, hưởng nguyên lương.`,
    '',
  ].join('\n');
}

const LIBRARY = [
  agreement('Công ty May Một', 'Bình Dương', 30_000, 12),
  agreement('Công ty May Hai', 'Bình Dương', 35_000, 13),
  agreement('Công ty May Ba', 'Bình Dương', 40_000, 14),
  agreement('Công ty May Bốn', 'Bình Dương', 50_000, 15),
  agreement('Công ty May Năm', 'Nam Định', 60_000, 16),
  agreement('Công ty May Cũ', 'Bình Dương', 90_000, 20, '2024-12-31'),
];

const MODEL = [
  '# Điều 1. Bữa ăn giữa ca',
  '',
  'Tiền ăn giữa ca: ………… đồng/bữa.',
  '',
  '# Điều 2. Nghỉ hằng năm',
  '',
  'Người lao động được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương.',
].join('\n');

let library: SqliteLibrary;
let cleanup: () => void;
let service: Service;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  LIBRARY.forEach((text, i) => {
    const bytes = new TextEncoder().encode(text);
    library.add(importDocument(bytes, { filename: `may-${i}.md` }), bytes);
  });
  service = createService({ library, clock: () => '2026-12-01' });
});
afterAll(() => cleanup());

describe('suggestDraft', () => {
  it('suggests for a blank the median and upper quartile of the agreements in force, locally and nationally', async () => {
    const result = await service.suggestDraft(new TextEncoder().encode(MODEL), {
      filename: 'mau.md',
      industry: 'dệt may',
      province: 'Bình Dương',
    });
    expect(result.agreementsInForce).toBe(5);
    const meal = result.suggestions.find((s) => s.subject === 'meal_allowance')!;
    expect(meal.target.kind).toBe('blank');
    // Bình Dương (now Hồ Chí Minh), in force: 30, 35, 40, 50 thousand — the expired 90.000 is left out.
    expect(meal.local).toMatchObject({ count: 4, enough: true, median: 37_500, upperQuartile: 42_500 });
    expect(meal.local?.industryName?.vi).toMatch(/dệt may/i);
    // Nationally: 30, 35, 40, 50, 60 thousand.
    expect(meal.national).toMatchObject({ count: 5, enough: true, median: 40_000, upperQuartile: 50_000 });
    expect(meal.national.text.vi).toBe(
      'trung vị 40.000 đồng; một phần tư thỏa ước từ 50.000 đồng (5 thỏa ước)',
    );
    expect(meal.best.map((b) => [b.meta.employer, b.year, b.written])).toEqual([
      ['Công ty May Năm', '2025', '60.000 đồng/bữa'],
      ['Công ty May Bốn', '2025', '50.000 đồng/bữa'],
      ['Công ty May Ba', '2025', '40.000 đồng/bữa'],
    ]);
  });

  it('suggests for a clause equal to the law the floor to beat with its citation, and says the check in words', async () => {
    const result = await service.suggestDraft(new TextEncoder().encode(MODEL), { filename: 'mau.md' });
    const leave = result.suggestions.find((s) => s.subject === 'annual_leave')!;
    expect(leave.target.kind).toBe('clause');
    expect(leave.writeAtLeast?.vi).toBe('Viết ít nhất 12 ngày (Điều 113 khoản 1 điểm a BLLĐ 2019)');
    // Above the law: 13, 14, 15, 16 days (12 is only equal).
    expect(leave.best.map((b) => b.value)).toEqual([16, 15, 14]);
    expect(result.summary.text.vi).toBe('1 điều khoản chỉ bằng luật — có thể đề xuất cao hơn; 1 chỗ trống');
  });

  it('gives no figure from fewer than 3 agreements, and says so', async () => {
    const result = await service.suggestDraft(new TextEncoder().encode(MODEL), {
      filename: 'mau.md',
      industry: 'det-may',
      province: 'Nam Định',
    });
    const meal = result.suggestions.find((s) => s.subject === 'meal_allowance')!;
    expect(meal.local).toMatchObject({ count: 1, enough: false });
    expect(meal.local).not.toHaveProperty('median');
    expect(meal.local?.text.vi).toBe('chỉ có 1 thỏa ước — chưa đủ 3 để nêu con số');
  });
});
