import { describe, expect, it } from 'vitest';
import { classifyText, compareWithFloors, readMeasures } from '../../clauses/index.ts';
import { importDocument } from '../../importer/index.ts';
import { draftWith } from './draft.ts';

const ON = '2026-11-23';
const rowsOf = (text: string, meta = {}, on = ON) => compareWithFloors(draftWith(text, meta), { on }).rows;

describe('compareWithFloors: what a union leader checks before signing', () => {
  it('marks 12 days of annual leave as equal to the law: it adds nothing', () => {
    const [row] = rowsOf('Người lao động được nghỉ hằng năm 12 ngày làm việc, hưởng nguyên lương.');
    expect(row).toMatchObject({ subject: 'annual_leave', verdict: 'equal' });
    expect(row?.floor?.citation.text).toBe('Điều 113 khoản 1 điểm a BLLĐ 2019');
    expect(row?.law?.text).toContain('12 ngày làm việc');
  });

  it('marks overtime on weekly rest days at 180% as below the 200% floor, citing Điều 98', () => {
    const [row] = rowsOf('Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất bằng 180% tiền lương.');
    expect(row).toMatchObject({ subject: 'ot_rate', verdict: 'below' });
    expect(row?.difference?.text).toBe('-20 điểm phần trăm');
    expect(row?.difference?.textEn).toBe('-20 percentage points');
    expect(row?.floor?.citation.text).toBe('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(row?.law?.title).toBe('Điều 98. Tiền lương làm thêm giờ, làm việc vào ban đêm');
  });

  it("marks 2 paid days for a child's wedding as above the 1-day floor", () => {
    const [row] = rowsOf('Con kết hôn: nghỉ 02 ngày hưởng nguyên lương.');
    expect(row).toMatchObject({ subject: 'leave_child_marriage', verdict: 'above' });
    expect(row?.difference?.text).toBe('+1 ngày');
  });

  it('lists every below-floor clause as unlawful in the summary', () => {
    const comparison = compareWithFloors(
      draftWith('Tiền lương thử việc bằng 80% mức lương. Người lao động được nghỉ hằng năm 10 ngày.'),
      { on: ON },
    );
    expect(comparison.summary).toMatchObject({ total: 2, below: 2 });
    expect(comparison.unlawful.map((r) => r.subject)).toEqual(['probation_pay', 'annual_leave']);
  });

  it('reads annual leave under heavy work against the 14-day floor', () => {
    const [row] = rowsOf('Người lao động làm công việc nặng nhọc, độc hại, nguy hiểm được nghỉ 14 ngày/năm.');
    expect(row).toMatchObject({ verdict: 'equal', measure: { conditions: { work: 'heavy' } } });
    expect(row?.floor?.value).toBe(14);
  });

  it('says which conditions it assumed', () => {
    const [row] = rowsOf('Người lao động được nghỉ hằng năm 13 ngày.');
    expect(row?.measure.assumed).toEqual(['work']);
  });
});

describe('minimum wage by date and region', () => {
  const clause = 'Mức lương thấp nhất trả cho người lao động là 4.960.000 đồng/tháng.';

  it('is equal on 2025-12-31 and below on 2026-01-01 in region I', () => {
    const before = rowsOf(clause, { wageRegion: 1 }, '2025-12-31')[0];
    const after = rowsOf(clause, { wageRegion: 1 }, '2026-01-01')[0];
    expect(before).toMatchObject({
      verdict: 'equal',
      floor: { value: 4_960_000, key: 'min_wage_month.74-2024.r1' },
    });
    expect(after).toMatchObject({
      verdict: 'below',
      floor: { value: 5_310_000, key: 'min_wage_month.293-2025.r1' },
    });
    expect(after?.difference?.text).toBe('-350.000 đồng');
  });

  it('is unclear when the region is unknown and the amount lies between the regional floors', () => {
    const [row] = rowsOf(clause);
    expect(row?.verdict).toBe('unclear');
    expect(row?.reason?.vi).toContain('3.700.000 đồng–5.310.000 đồng');
    expect(row?.reason?.en).toContain('wage region unknown');
  });

  it('is still decided when the amount is above every regional floor', () => {
    const [row] = rowsOf('Mức lương khởi điểm là 9.000.000 đồng/tháng.');
    expect(row).toMatchObject({ verdict: 'above', floor: { value: 5_310_000 } });
  });

  it('uses the region written in the clause, and a region passed in over both', () => {
    const text = 'Công ty thuộc vùng II. Mức lương thấp nhất là 4.730.000 đồng/tháng.';
    expect(rowsOf(text)[0]?.verdict).toBe('equal');
    const asRegionOne = compareWithFloors(draftWith(text), { on: ON, region: 1 });
    expect(asRegionOne.rows[0]?.verdict).toBe('below');
    expect(asRegionOne.regionSource).toBe('option');
  });

  it('has no floor for a date before the first decree we hold', () => {
    const [row] = rowsOf(clause, { wageRegion: 1 }, '2019-06-01');
    expect(row?.verdict).toBe('unclear');
    expect(row?.reason?.en).toBe('no legal floor in force on 2019-06-01');
  });
});

describe('reading clauses', () => {
  it('reads a "per the Labour Code | extra per this agreement" table as law + extra', () => {
    const agreement = importDocument(
      new TextEncoder().encode(
        [
          '# Điều 10. Nghỉ việc riêng',
          '',
          '| Trường hợp | Bộ luật Lao động | Thêm theo Thỏa ước |',
          '| --- | --- | --- |',
          '| Bản thân kết hôn | 03 ngày | 02 ngày |',
          '| Ông, bà, anh, chị, em ruột chết | 01 ngày không lương | 01 ngày có lương |',
        ].join('\n'),
      ),
      { filename: 'draft.md' },
    );
    const rows = compareWithFloors(agreement, { on: ON }).rows;
    expect(rows.map((r) => [r.subject, r.measure.value, r.verdict, r.row])).toEqual([
      ['leave_own_marriage', 5, 'above', 1],
      ['leave_family_unpaid', 1, 'above', 2],
    ]);
    expect(rows[1]?.difference?.text).toBe('+1 ngày hưởng lương');
  });

  it('takes the day type from the words right after a rate when they say it', () => {
    const measures = readMeasures(
      draftWith('Làm thêm giờ được trả 200% vào ngày thường và 300% vào ngày nghỉ hằng tuần.').tree,
    );
    expect(measures.map((m) => [m.value, m.conditions.day])).toEqual([
      [200, 'normal'],
      [300, 'weekly_rest'],
    ]);
  });

  it('reads "cứ đủ 03 năm … thêm 01 ngày" as one seniority measure', () => {
    const [row] = rowsOf('Cứ đủ 03 năm làm việc được nghỉ thêm 01 ngày phép năm.');
    expect(row).toMatchObject({ subject: 'annual_leave_seniority', verdict: 'above', measure: { value: 3 } });
  });

  it('judges a range by its least favourable end', () => {
    const [row] = rowsOf('Số giờ làm thêm từ 30 đến 50 giờ/tháng tùy thời vụ.');
    expect(row).toMatchObject({ subject: 'ot_cap_month', verdict: 'below', measure: { value: 30, max: 50 } });
  });

  it('does not guess a mistyped amount', () => {
    const [row] = rowsOf('Mức lương thấp nhất là 5.000.0000 đồng/tháng.', { wageRegion: 1 });
    expect(row?.verdict).toBe('unclear');
    expect(row?.reason?.en).toContain('mistyped');
  });

  it('does not read the contract signed after probation as a probation period', () => {
    const rows = rowsOf('Người lao động đã qua thử việc được ký hợp đồng lao động có thời hạn 36 tháng.');
    expect(rows).toEqual([]);
  });
});

describe('topics', () => {
  it('tags a clause with the topics its words name, and the words that did it', () => {
    expect(classifyText('Tiền lương làm thêm giờ vào ban đêm')).toEqual([
      { topic: 'wages', words: ['tiền lương'] },
      { topic: 'overtime', words: ['làm thêm giờ', 'làm thêm'] },
      { topic: 'night_work', words: ['ban đêm'] },
    ]);
  });

  it('works on text typed without diacritics', () => {
    expect(classifyText('nghi hang nam 14 ngay').map((m) => m.topic)).toEqual(['annual_leave']);
    expect(classifyText('tien an giua ca').map((m) => m.topic)).toContain('meal');
  });

  it('keeps diacritics meaningful when the text has them', () => {
    expect(classifyText('chất lượng bữa ăn').map((m) => m.topic)).not.toContain('wages');
  });

  it('reports the essential topics an agreement never mentions', () => {
    const { missing } = compareWithFloors(draftWith('Người lao động được nghỉ hằng năm 14 ngày.'), {
      on: ON,
    });
    const topics = missing.map((m) => m.topic);
    expect(topics).toContain('overtime');
    expect(topics).toContain('meal');
    expect(topics).not.toContain('annual_leave');
  });
});
