import { describe, expect, it } from 'vitest';
import { describeCheck } from '../../clauses/check-summary.ts';
import type { ComparisonRow } from '../../clauses/compare.ts';
import {
  bestClauses,
  cohortStats,
  type LibraryValue,
  percentile,
  writeAtLeast,
} from '../../clauses/suggestions.ts';
import type { Blank } from '../../clauses/types.ts';

describe('percentile', () => {
  it.each([
    [[10, 20, 30, 40], 50, 25],
    [[10, 20, 30, 40], 75, 32.5],
    [[10, 20, 30, 40], 25, 17.5],
    [[30, 35, 40, 50], 75, 42.5],
    [[30, 35, 40, 50, 60], 75, 50],
    [[7], 75, 7],
  ])('the %ith percentile of %j… is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('cohortStats', () => {
  it('gives median and upper quartile from three agreements on', () => {
    expect(cohortStats([50_000, 30_000, 40_000, 35_000], 'higher')).toEqual({
      count: 4,
      enough: true,
      median: 37_500,
      upperQuartile: 42_500,
    });
  });

  it('takes the lower quartile where less is better (overtime caps)', () => {
    expect(cohortStats([40, 30, 20, 10], 'lower')).toMatchObject({ median: 25, upperQuartile: 17.5 });
  });

  it.each([[[]], [[30_000]], [[30_000, 40_000]]])(
    'gives no figure from %j (fewer than 3 agreements)',
    (values) => {
      expect(cohortStats(values, 'higher')).toEqual({ count: values.length, enough: false });
    },
  );
});

function value(id: string, v: number, verdict: LibraryValue['verdict'], signedOn?: string): LibraryValue {
  return {
    agreementId: id,
    meta: signedOn ? { signedOn } : {},
    value: v,
    unit: 'day',
    verdict,
    nodeId: 'dieu-1',
    path: 'Điều 1',
    text: `nghỉ ${v} ngày`,
    written: `${v} ngày`,
  };
}

describe('bestClauses', () => {
  it('keeps the three most favourable clauses above the law, ties to the most recent', () => {
    const values = [
      value('a', 14, 'above', '2024-01-01'),
      value('b', 16, 'above', '2025-01-01'),
      value('c', 12, 'equal'),
      value('d', 14, 'above', '2025-06-01'),
      value('e', 13, 'above'),
    ];
    expect(bestClauses(values, 'higher').map((v) => v.agreementId)).toEqual(['b', 'd', 'a']);
  });

  it('ranks the lowest first where less is better', () => {
    const values = [value('a', 44, 'above'), value('b', 40, 'above'), value('c', 48, 'equal')];
    expect(bestClauses(values, 'lower').map((v) => v.agreementId)).toEqual(['b', 'a']);
  });
});

describe('writeAtLeast', () => {
  it('says the floor and its citation', () => {
    const floor = {
      key: 'ot',
      kind: 'floor',
      label: 'Làm thêm giờ ngày thường',
      labelEn: 'Overtime on a normal day',
      value: 150,
      unit: 'percent',
      direction: 'higher',
      citation: { text: 'Điều 98 khoản 1 điểm a BLLĐ 2019', law: 'BLLĐ 2019', article: 98 },
      effectiveFrom: '2021-01-01',
      effectiveTo: null,
      status: 'C-PD',
    } as const;
    expect(writeAtLeast(floor)?.vi).toBe('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
    expect(writeAtLeast({ ...floor, direction: 'lower', value: 40, unit: 'hour' })?.vi).toMatch(
      /^Viết nhiều nhất 40 giờ/,
    );
    expect(writeAtLeast(undefined)).toBeUndefined();
  });
});

describe('describeCheck', () => {
  const row = (nodeId: string, verdict: ComparisonRow['verdict']) => ({ nodeId, verdict }) as ComparisonRow;
  const blank = (kind: Blank['kind']) => ({ kind }) as Blank;

  it('counts clauses, not numbers, and says what to do in words a chair understands', () => {
    const summary = describeCheck(
      {
        rows: [
          row('dieu-2', 'below'),
          row('dieu-2', 'equal'),
          row('dieu-3', 'below'),
          row('dieu-4', 'equal'),
          row('dieu-5', 'above'),
        ],
      },
      [blank('amount'), blank('amount'), blank('date')],
    );
    expect(summary).toMatchObject({ below: 2, equal: 1, blanks: 2, otherBlanks: 1 });
    expect(summary.text.vi).toBe(
      '2 điều khoản thấp hơn luật — phải sửa trước khi ký; 1 điều khoản chỉ bằng luật — có thể đề xuất cao hơn; 2 chỗ trống; 1 chỗ trống khác (tên, ngày, chữ)',
    );
  });

  it('says so when nothing is left to do', () => {
    expect(describeCheck({ rows: [row('dieu-1', 'above')] }, []).text.vi).toMatch(/^không có điều khoản/);
  });
});
