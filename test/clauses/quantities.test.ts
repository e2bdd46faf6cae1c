import { describe, expect, it } from 'vitest';
import { extractQuantities, type PerUnit, type QuantityUnit } from '../../clauses/index.ts';

type Expected = [value: number, unit: QuantityUnit, per?: PerUnit[], max?: number];

// Real-world phrasings, including the messy ones agreements are written with.
const CASES: Array<[string, Expected[]]> = [
  // money
  ['Mức lương thấp nhất là 4.960.000 đồng/tháng.', [[4960000, 'VND', ['month']]]],
  ['lương tối thiểu 5 triệu đồng/tháng', [[5000000, 'VND', ['month']]]],
  ['tiền ăn 30.000đ/bữa', [[30000, 'VND', ['meal']]]],
  ['hỗ trợ 1,5 triệu', [[1500000, 'VND', []]]],
  ['thưởng 1,5 triệu đồng', [[1500000, 'VND', []]]],
  ['phụ cấp độc hại từ 300.000 đến 3.000.000 đồng/tháng', [[300000, 'VND', ['month'], 3000000]]],
  ['hỗ trợ từ 1 đến 3 triệu đồng', [[1000000, 'VND', [], 3000000]]],
  ['phụ cấp 100.000 - 500.000 đồng/tháng', [[100000, 'VND', ['month'], 500000]]],
  ['mức ăn ca 45.000 đồng/người/ngày làm việc', [[45000, 'VND', ['person', 'day']]]],
  ['phụ cấp nuôi con 300.000 đồng/con/tháng', [[300000, 'VND', ['child', 'month']]]],
  ['phụ cấp trực 150.000 đồng/phiên trực', [[150000, 'VND', ['shift']]]],
  ['bồi dưỡng 20.000 đồng/ca', [[20000, 'VND', ['shift']]]],
  ['mức lương 5.310.000 (năm triệu ba trăm mười nghìn) đồng', [[5310000, 'VND', []]]],
  ['thu nhập 4,960,000 VND mỗi tháng', [[4960000, 'VND', ['month']]]],
  ['tặng 500.000 VNĐ', [[500000, 'VND', []]]],
  ['tặng 2.000.000đ', [[2000000, 'VND', []]]],
  ['quà trị giá 500 nghìn đồng', [[500000, 'VND', []]]],
  ['hỗ trợ 2 triệu', [[2000000, 'VND', []]]],
  ['thăm hỏi 1.000.000 đồng/lần', [[1000000, 'VND', ['time']]]],
  ['lương giờ 25.500 đồng/giờ', [[25500, 'VND', ['hour']]]],
  ['tiền ăn 35.000 đồng mỗi ngày', [[35000, 'VND', ['day']]]],
  ['trợ cấp 10.000.000 đồng', [[10000000, 'VND', []]]],
  // percentages
  ['ít nhất bằng 150%', [[150, 'percent', []]]],
  ['ít nhất bằng 200% tiền lương', [[200, 'percent', []]]],
  ['trả thêm 30 % tiền lương', [[30, 'percent', []]]],
  ['bằng 85 phần trăm', [[85, 'percent', []]]],
  ['tỷ lệ 86,4% tán thành', [[86.4, 'percent', []]]],
  [
    'ngày thường 150%, ngày nghỉ hằng tuần 200%, ngày lễ 300%',
    [
      [150, 'percent'],
      [200, 'percent'],
      [300, 'percent'],
    ],
  ],
  // durations
  ['nghỉ hằng năm 14 ngày', [[14, 'day', []]]],
  ['14 ngày làm việc', [[14, 'working_day', []]]],
  ['thử việc 03 (ba) tháng', [[3, 'month', []]]],
  ['nghỉ hằng năm mười hai ngày', [[12, 'day', []]]],
  ['nghỉ năm ngày', [[5, 'day', []]]],
  ['nghỉ giữa ca 45 phút', [[45, 'minute', []]]],
  ['8 giờ/ngày', [[8, 'hour', ['day']]]],
  ['48 giờ/tuần', [[48, 'hour', ['week']]]],
  ['không quá 08 giờ trong 01 ngày', [[8, 'hour', ['day']]]],
  ['không quá 40 giờ trong một tháng', [[40, 'hour', ['month']]]],
  ['300 giờ/năm', [[300, 'hour', ['year']]]],
  ['30 phút mỗi ngày', [[30, 'minute', ['day']]]],
  ['24 giờ làm việc mỗi tháng', [[24, 'hour', ['month']]]],
  ['12 ngày làm việc/năm', [[12, 'working_day', ['year']]]],
  ['03 ngày/tháng', [[3, 'day', ['month']]]],
  ['nghỉ thai sản 06 tháng', [[6, 'month', []]]],
  ['nuôi con dưới 12 tháng tuổi', [[12, 'month', []]]],
  ['nghỉ 01 ngày không lương', [[1, 'day', []]]],
  ['báo trước ít nhất 45 ngày', [[45, 'day', []]]],
  ['thời hạn 02 năm', [[2, 'year', []]]],
  ['giữa hai ca nghỉ ít nhất 12 giờ', [[12, 'hour', []]]],
  // months of wages
  ['trợ cấp 01 tháng tiền lương', [[1, 'month_wage', []]]],
  ['thưởng 1,5 tháng lương', [[1.5, 'month_wage', []]]],
  ['nửa tháng lương', [[0.5, 'month_wage', []]]],
  ['thưởng từ 1 đến 3 tháng lương', [[1, 'month_wage', [], 3]]],
  // counts
  ['khám sức khỏe 2 lần/năm', [[2, 'times', ['year']]]],
  ['02 lần/năm', [[2, 'times', ['year']]]],
  ['tham quan 01 lần mỗi năm', [[1, 'times', ['year']]]],
  ['trả lương 02 kỳ/tháng', [[2, 'times', ['month']]]],
  // numbers that are not quantities
  ['ngày 15 tháng 01 năm 2024', []],
  ['tháng 7 năm 2025', []],
  ['theo Điều 46 khoản 2 Bộ luật Lao động', []],
  ['bắt đầu từ 05 giờ sáng', []],
  ['tránh khung giờ từ 11 giờ đến 14 giờ', []],
  ['sau 17 giờ 30', []],
  ['1.486/1.720 người lao động', []],
  ['ký ngày 11/10/2024', []],
  ['mang thai từ tháng thứ 07', []],
  ['nhiệt độ trên 37 độ C', []],
];

describe('extractQuantities', () => {
  it.each(CASES)('reads %j', (text, expected) => {
    const found = extractQuantities(text);
    expect(
      found.map((q) => {
        const row: Expected = [q.value, q.unit, q.per];
        if (q.max !== undefined) row.push(q.max);
        return row;
      }),
    ).toEqual(
      expected.map(([value, unit, per = [], max]) =>
        max === undefined ? [value, unit, per] : [value, unit, per, max],
      ),
    );
  });

  it('has at least 60 real-world phrasings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('flags an amount whose digit groups cannot be right', () => {
    const [quantity] = extractQuantities('hỗ trợ 1.000.0000 đồng');
    expect(quantity?.flags).toContain('malformed_number');
    expect(quantity?.unit).toBe('VND');
  });

  it('flags digits that disagree with the words in brackets', () => {
    expect(extractQuantities('nghỉ 03 (hai) ngày')[0]?.flags).toContain('number_mismatch');
    expect(extractQuantities('nghỉ 03 (ba) ngày')[0]?.flags).toEqual([]);
  });

  it('marks an age as such', () => {
    expect(extractQuantities('nuôi con dưới 12 tháng tuổi')[0]?.flags).toEqual(['age']);
  });

  it('keeps the span of the words as written', () => {
    const text = 'Mức ăn ca 45.000 đồng/người/ngày làm việc.';
    const [quantity] = extractQuantities(text);
    expect(quantity?.text).toBe('45.000 đồng/người/ngày làm việc');
    expect(text.slice(quantity!.start, quantity!.end)).toBe(quantity?.text);
  });
});
