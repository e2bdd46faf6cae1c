import { describe, expect, it } from 'vitest';
import { readBlanks } from '../../clauses/blanks.ts';
import { compareWithFloors } from '../../clauses/compare.ts';
import { LEGAL_FLOORS } from '../../clauses/floors.ts';
import type { MeasureSubject } from '../../clauses/subjects.ts';
import { libraryValues, suggestFor } from '../../clauses/suggestions.ts';
import { WELFARE_OCCASIONS } from '../../clauses/welfare-subjects.ts';
import { draftOfLines, draftWith } from './draft.ts';

const ON = '2026-12-01';
const subjectOf = (text: string) =>
  compareWithFloors(draftWith(text), { on: ON }).rows.find((r) => r.measure.unit === 'VND');

describe('welfare amounts by occasion', () => {
  it.each<[MeasureSubject, string]>([
    ['welfare_birthday', 'Quà sinh nhật người lao động: 300.000 đồng/người.'],
    ['welfare_birthday', 'Nhân ngày sinh nhật, mỗi người lao động được tặng 250.000 đồng.'],
    ['welfare_womens_day', 'Ngày Quốc tế Phụ nữ 8/3, lao động nữ được tặng quà 200.000 đồng.'],
    ['welfare_womens_day', 'Ngày 20/10 Công ty tặng mỗi lao động nữ 150.000 đồng.'],
    ['welfare_children', 'Quà Trung thu cho con người lao động dưới 15 tuổi: 100.000 đồng/cháu.'],
    ['welfare_children', 'Con người lao động đạt học sinh giỏi được hỗ trợ khuyến học 300.000 đồng.'],
    ['welfare_holiday_gift', 'Nhân dịp lễ 30/4 và 1/5, Công ty tặng quà mỗi người 300.000 đồng.'],
    ['welfare_holiday_gift', 'Tết Dương lịch mỗi người lao động được tặng 200.000 đồng.'],
    ['welfare_tet_gift', 'Nhân dịp Tết Nguyên đán, Công ty tặng quà trị giá 800.000 đồng/người.'],
    ['welfare_tet_gift', 'Quà Tết cổ truyền: 1.000.000 đồng cho mỗi người lao động.'],
    ['welfare_wedding', 'Người lao động kết hôn được Công ty mừng 1.500.000 đồng.'],
    ['welfare_wedding', 'Mừng đám cưới của người lao động: 1.000.000 đồng.'],
    [
      'welfare_funeral',
      'Cha, mẹ, vợ hoặc chồng, con của người lao động qua đời: Công ty viếng 1.000.000 đồng.',
    ],
    ['welfare_funeral', 'Trợ cấp khi người lao động từ trần: 10.000.000 đồng.'],
    ['welfare_childbirth', 'Lao động nữ sinh con được Công ty hỗ trợ 1.000.000 đồng.'],
    ['welfare_accident', 'Người lao động bị tai nạn lao động được hỗ trợ thêm 3.000.000 đồng.'],
    ['welfare_sickness', 'Thăm hỏi người lao động ốm đau nằm viện: 500.000 đồng/lần.'],
    ['welfare_sickness', 'Trợ cấp ốm đau dài ngày: 2.000.000 đồng/người.'],
    ['welfare_retirement', 'Người lao động nghỉ hưu được tặng quà trị giá 2.000.000 đồng.'],
    ['welfare_hardship', 'Hỗ trợ người lao động có hoàn cảnh khó khăn đột xuất: 1.000.000 đồng/lần.'],
    // No occasion named: the general welfare subject stays.
    ['welfare_support', 'Công ty hỗ trợ mỗi người lao động 300.000 đồng/năm từ quỹ phúc lợi.'],
  ])('reads %s in «%s», with no legal floor', (subject, text) => {
    const row = subjectOf(text);
    expect(row?.subject).toBe(subject);
    expect(row?.verdict).toBe('no_floor');
    expect(row?.floor?.citation.text).toBe('Điều 67 khoản 1 BLLĐ 2019');
  });

  it('keeps a bonus and an allowance what they were', () => {
    expect(subjectOf('Thưởng Tết Nguyên đán: 2.000.000 đồng/người.')?.subject).toBe('bonus');
    expect(subjectOf('Trợ cấp đi lại: 300.000 đồng/tháng.')?.subject).toBe('allowance');
    expect(subjectOf('Tiền ăn giữa ca ngày lễ: 40.000 đồng/suất.')?.subject).toBe('meal_allowance');
  });

  it('tells apart the occasions of one clause by the words nearest each amount', () => {
    const rows = compareWithFloors(
      draftWith(
        'Mừng người lao động kết hôn: 2.000.000 đồng; thăm hỏi ốm đau nằm viện: 1.000.000 đồng/lần; quà sinh nhật 200.000 đồng.',
      ),
      { on: ON },
    ).rows;
    expect(rows.map((r) => r.subject)).toEqual(['welfare_wedding', 'welfare_sickness', 'welfare_birthday']);
  });

  it('gives each occasion a no-floor entry, citing the law on the occasion where there is one', () => {
    const entries = new Map(LEGAL_FLOORS.floors.map((f) => [f.subject, f]));
    for (const { subject } of WELFARE_OCCASIONS) {
      expect(entries.get(subject)?.kind, subject).toBe('no_floor');
      expect(entries.get(subject)?.label, subject).toBeTruthy();
    }
    const see = (subject: string) => entries.get(subject)?.see?.map((c) => c.text);
    expect(see('welfare_wedding')).toEqual(['Điều 115 khoản 1 điểm a BLLĐ 2019']);
    expect(see('welfare_funeral')).toEqual(['Điều 115 khoản 1 điểm c BLLĐ 2019']);
    expect(see('welfare_tet_gift')).toEqual(['Điều 112 khoản 1 điểm b BLLĐ 2019']);
    expect(see('welfare_accident')).toEqual(['Điều 38 Luật ATVSLĐ 2015']);
    expect(see('welfare_birthday')).toBeUndefined();
  });
});

describe('suggestions for a welfare blank compare like with like', () => {
  // Three agreements of a hand-made library: birthday gifts of 200, 300 and 500 thousand, wedding gifts in millions.
  const library = libraryValues(
    [
      ['a', 200_000, 1_000_000],
      ['b', 300_000, 2_000_000],
      ['c', 500_000, 3_000_000],
    ].map(([id, birthday, wedding]) => ({
      agreement: { id: String(id), meta: { employer: `Công ty ${id}`, signedOn: '2025-01-15' } },
      rows: compareWithFloors(
        draftOfLines(
          `Quà sinh nhật: ${Number(birthday).toLocaleString('vi-VN')} đồng/người.\nNgười lao động kết hôn được mừng ${Number(wedding).toLocaleString('vi-VN')} đồng.`,
        ),
        { on: ON },
      ).rows,
    })),
  );

  it('draws the birthday blank’s median and quartile from birthday gifts only', () => {
    const model = draftOfLines('Quà sinh nhật: ……… đồng/người.\nNgười lao động kết hôn được mừng ……… đồng.');
    const blanks = readBlanks(model.tree, { on: ON });
    expect(blanks.map((b) => b.subject)).toEqual(['welfare_birthday', 'welfare_wedding']);
    const [birthday, wedding] = suggestFor(blanks, [], library);
    // Sorted 200, 300, 500: median 300; 75th percentile 300 + (500 − 300) × 0.5 = 400.
    expect(birthday?.national).toMatchObject({
      count: 3,
      enough: true,
      median: 300_000,
      upperQuartile: 400_000,
    });
    expect(birthday?.best.map((b) => b.value)).toEqual([500_000, 300_000, 200_000]);
    // Sorted 1, 2, 3 million: median 2 million, 75th percentile 2.5 million.
    expect(wedding?.national).toMatchObject({ median: 2_000_000, upperQuartile: 2_500_000 });
  });
});
