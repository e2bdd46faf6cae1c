import { describe, expect, it } from 'vitest';
import { classifyLine, splitTableRow } from '../../importer/lines.ts';

describe('classifyLine', () => {
  it.each([
    ['CHƯƠNG I', { kind: 'chapter', number: 'I', heading: '' }],
    ['Chương II. TIỀN LƯƠNG', { kind: 'chapter', number: 'II', heading: 'TIỀN LƯƠNG' }],
    ['PHẦN 1: NHỮNG QUY ĐỊNH CHUNG', { kind: 'part', number: '1', heading: 'NHỮNG QUY ĐỊNH CHUNG' }],
    ['Mục 2. Thời giờ nghỉ ngơi', { kind: 'section', number: '2', heading: 'Thời giờ nghỉ ngơi' }],
    ['Điều 11. Thời giờ làm việc', { kind: 'article', number: '11', heading: 'Thời giờ làm việc' }],
    ['Điều 11: Thời giờ làm việc', { kind: 'article', number: '11', heading: 'Thời giờ làm việc' }],
    ['Điều 7 Tiền lương', { kind: 'article', number: '7', heading: 'Tiền lương' }],
    ['ĐIỀU 5. PHỤ CẤP', { kind: 'article', number: '5', heading: 'PHỤ CẤP' }],
    ['Điều . Thời hạn', { kind: 'article', number: undefined, heading: 'Thời hạn' }],
    ['1. Người lao động', { kind: 'clause', number: '1', text: 'Người lao động' }],
    ['1.NSDLĐ có trách nhiệm', { kind: 'clause', number: '1', text: 'NSDLĐ có trách nhiệm' }],
    ['a) Ngày thường', { kind: 'point', number: 'a', text: 'Ngày thường' }],
    ['đ) Ngày lễ', { kind: 'point', number: 'đ', text: 'Ngày lễ' }],
    ['3.1 Thời hạn', { kind: 'decimal', number: '3.1', text: 'Thời hạn' }],
    ['8.1 a) Kết hôn', { kind: 'decimal', number: '8.1 a)', text: 'Kết hôn' }],
    ['- quà Tết', { kind: 'bullet', symbol: '-', text: 'quà Tết' }],
    ['+ ý phụ', { kind: 'bullet', symbol: '+', text: 'ý phụ' }],
  ])('recognises "%s"', (line, expected) => {
    expect(classifyLine(line)).toMatchObject(expected);
  });

  it.each([
    'Điều kiện làm việc được cải thiện',
    'Điều này có hiệu lực kể từ ngày ký',
    'Điều 5 của Thỏa ước được sửa đổi như sau',
    'Chương trình đào tạo nghề',
    'Phần lương tăng thêm',
    '10.000 đồng mỗi ngày',
    'Người lao động được nghỉ',
  ])('reads "%s" as running text', (line) => {
    expect(classifyLine(line)).toBeUndefined();
  });
});

describe('splitTableRow', () => {
  it('splits rows written with pipes or tabs', () => {
    expect(splitTableRow('Con kết hôn | 01 ngày | 02 ngày')).toEqual(['Con kết hôn', '01 ngày', '02 ngày']);
    expect(splitTableRow('Con kết hôn\t01 ngày\t02 ngày')).toEqual(['Con kết hôn', '01 ngày', '02 ngày']);
    expect(splitTableRow('Không có bảng ở đây')).toBeUndefined();
  });
});
