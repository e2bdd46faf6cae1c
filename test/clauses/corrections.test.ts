import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  articleOfPath,
  type Correction,
  compareWithFloors,
  needleOf,
  targetOf,
  toAnswerKey,
} from '../../clauses/index.ts';
import { draftOfLines } from './draft.ts';

const ON = '2026-11-23';
const comparison = compareWithFloors(
  draftOfLines(
    [
      'Người lao động được nghỉ hằng năm 10 ngày làm việc, hưởng nguyên lương.',
      'Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất bằng 300% tiền lương.',
      'Con kết hôn: nghỉ 02 ngày hưởng nguyên lương.',
    ].join('\n'),
  ),
  { on: ON },
);
const at = (n: number) => `2026-11-2${n}T08:00:00.000Z`;
const correction = (fields: Partial<Correction> & Pick<Correction, 'kind' | 'target'>): Correction => ({
  id: `c${Math.random()}`,
  by: 'Nguyễn Văn An',
  at: at(4),
  reason: 'đọc lại văn bản',
  ...fields,
});

describe('applyCorrections: an officer corrects what the product read', () => {
  it('starts from a comparison with one row below the law', () => {
    expect(comparison.summary).toMatchObject({ total: 3, below: 1 });
  });

  it('replaces a verdict, keeps what the product had said, and recounts the summary and unlawful list', () => {
    const target = targetOf(comparison.rows, 0);
    const corrected = applyCorrections(comparison, [
      correction({ kind: 'verdict', target, verdict: 'unclear', reason: 'ngày làm việc theo lịch riêng' }),
    ]);
    const row = corrected.rows[0]!;
    expect(row.verdict).toBe('unclear');
    expect(row.correction).toMatchObject({ by: 'Nguyễn Văn An', before: { verdict: 'below', value: 10 } });
    expect(row.reason?.vi).toBe('đã hiệu chỉnh: ngày làm việc theo lịch riêng');
    expect(corrected.summary).toMatchObject({ total: 3, below: 0, unclear: 1 });
    expect(corrected.unlawful).toEqual([]);
  });

  it('removes a row marked "not an entitlement" from the judged rows and keeps it as dismissed', () => {
    const target = targetOf(comparison.rows, 2);
    const corrected = applyCorrections(comparison, [correction({ kind: 'not_entitlement', target })]);
    expect(corrected.rows).toHaveLength(2);
    expect(corrected.dismissed.map((d) => d.row.measure.written)).toEqual(['02 ngày']);
    expect(corrected.summary.total).toBe(2);
  });

  it('adds a number the product missed, with the officer verdict', () => {
    const corrected = applyCorrections(comparison, [
      correction({
        kind: 'missed',
        target: { path: 'Điều 1 › khoản 3', written: '500.000 đồng' },
        verdict: 'no_floor',
        subject: 'welfare_support',
        value: 500000,
        text: 'Quà cưới 500.000 đồng',
      }),
    ]);
    expect(corrected.rows.at(-1)).toMatchObject({
      verdict: 'no_floor',
      subject: 'welfare_support',
      measure: { value: 500000, unit: 'VND', written: '500.000 đồng' },
    });
    expect(corrected.summary).toMatchObject({ total: 4, no_floor: 1 });
  });

  it('recounts the coverage line: a dismissed row is one more number that is not an entitlement', () => {
    const corrected = applyCorrections(comparison, [
      correction({ kind: 'not_entitlement', target: targetOf(comparison.rows, 2) }),
    ]);
    expect(corrected.coverage).toMatchObject({
      measured: comparison.coverage.measured - 1,
      notEntitlements: comparison.coverage.notEntitlements + 1,
      numbers: comparison.coverage.numbers,
    });
  });

  it('takes a number the reader set aside as a condition out of the skipped list when an officer adds it', () => {
    const withCondition = compareWithFloors(
      draftOfLines(
        'Thưởng chuyên cần 300.000 đồng/tháng cho người lao động nghỉ không quá 02 ngày trong tháng.',
      ),
      { on: ON },
    );
    const set = withCondition.skipped.find((s) => s.written.startsWith('02'));
    expect(set).toBeDefined();
    const corrected = applyCorrections(withCondition, [
      correction({
        kind: 'missed',
        target: { path: set!.path, written: set!.written },
        verdict: 'no_floor',
        subject: 'bonus',
      }),
    ]);
    expect(corrected.skipped).not.toContainEqual(set);
    expect(corrected.rows.at(-1)).toMatchObject({ text: set!.text, verdict: 'no_floor' });
    expect(corrected.coverage.numbers).toBe(withCondition.coverage.numbers);
  });

  it('lets the later of two corrections of one row win, and reports one whose row is gone as stale', () => {
    const target = targetOf(comparison.rows, 1);
    const corrected = applyCorrections(comparison, [
      correction({ kind: 'verdict', target, verdict: 'equal', at: at(6) }),
      correction({ kind: 'verdict', target, verdict: 'unclear', at: at(5) }),
      correction({ kind: 'verdict', target: { path: 'Điều 9', written: '7 ngày' }, verdict: 'equal' }),
    ]);
    expect(corrected.rows[1]?.verdict).toBe('equal');
    expect(corrected.stale.map((c) => c.target.path)).toEqual(['Điều 9']);
  });

  it('exports corrections in the answer-key format of the team test set', () => {
    const corrected = applyCorrections(comparison, [
      correction({ kind: 'verdict', target: targetOf(comparison.rows, 0), verdict: 'unclear' }),
      correction({ kind: 'not_entitlement', target: targetOf(comparison.rows, 2), reason: 'điều kiện' }),
    ]);
    expect(toAnswerKey(corrected)).toEqual([
      expect.objectContaining({
        article: 1,
        written: '10 ngày làm việc',
        verdict: 'unclear',
        unit: 'day',
        value: 10,
      }),
      expect.objectContaining({ article: 1, written: '02 ngày', verdict: 'not_a_benefit', why: 'điều kiện' }),
    ]);
  });
});

describe('answer-key helpers', () => {
  it.each([
    ['Chương 3 › Điều 9 › khoản 2', 9],
    ['Điều 12', 12],
    ['Mở đầu', 0],
  ])('reads the article of %s as %i', (path, article) => {
    expect(articleOfPath(path)).toBe(article);
  });

  it('takes an excerpt around the number', () => {
    const text = `${'a'.repeat(50)} nghỉ 03 ngày ${'b'.repeat(50)}`;
    const needle = needleOf(text, '03 ngày');
    expect(needle).toContain('nghỉ 03 ngày');
    expect(needle.length).toBeLessThanOrEqual(80);
  });
});
