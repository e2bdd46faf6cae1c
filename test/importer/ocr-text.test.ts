import { describe, expect, it } from 'vitest';
import {
  binarize,
  estimateSkew,
  fixDigitsInNumbers,
  fixGluedUnits,
  fixHeadingWords,
  fixPhrases,
  type GreyImage,
  isMarkLine,
  lineText,
  type OcrWord,
  otsuThreshold,
  restoreCapitalMarks,
  splitDottedCells,
  toGrey,
} from '../../importer/ocr/index.ts';

describe('fixHeadingWords', () => {
  it.each([
    ['Diều 12. Tiền lương', 'Điều 12. Tiền lương'],
    ['Ðiều 3. Thời hạn', 'Điều 3. Thời hạn'], // U+00D0, the eth
    ['Điểu 7. Nghỉ hằng năm', 'Điều 7. Nghỉ hằng năm'],
    ['Diéu 4: Bảo đảm việc làm', 'Điều 4: Bảo đảm việc làm'],
    ['DIÊU 9. PHỤ CẤP', 'ĐIỀU 9. PHỤ CẤP'],
    ['Điều l2. Ăn giữa ca', 'Điều 12. Ăn giữa ca'],
    ['Điều 1O. Thưởng', 'Điều 10. Thưởng'],
    ['Chuơng III. TIỀN LƯƠNG', 'Chương III. TIỀN LƯƠNG'],
    ['CHUONG II. VIỆC LÀM', 'CHƯƠNG II. VIỆC LÀM'],
    ['l. Người lao động được nghỉ', '1. Người lao động được nghỉ'],
    ['Ðoàn viên công đoàn', 'Đoàn viên công đoàn'],
  ])('reads %j as %j', (read, expected) => {
    expect(fixHeadingWords(read)).toBe(expected);
  });

  it.each([
    'Điệu múa truyền thống được biểu diễn',
    'Dieu khoan nay khong co so',
    'Chương trình đào tạo nghề',
    'Lương tháng 13',
  ])('leaves %j as written (no heading number follows)', (line) => {
    expect(fixHeadingWords(line)).toBe(line);
  });
});

describe('fixDigitsInNumbers', () => {
  it.each([
    ['mức lương 4.5O0.000 đồng', 'mức lương 4.500.000 đồng'],
    ['từ ngày l5/6/2025', 'từ ngày 15/6/2025'],
    ['tối đa 3OO giờ', 'tối đa 300 giờ'],
    ['bằng 2l0% lương', 'bằng 210% lương'],
    ['nghỉ l4 ngày', 'nghỉ 14 ngày'],
  ])('reads %j as %j', (read, expected) => {
    expect(fixDigitsInNumbers(read)).toBe(expected);
  });

  it.each([
    'lO giờ', // no digit: not a number
    'Công ty TNHH SOl', // a word
    'Io', // two look-alikes alone
    'Điều 10 khoản 2',
    'ISO 9001',
  ])('leaves %j alone', (line) => {
    expect(fixDigitsInNumbers(line)).toBe(line);
  });
});

describe('fixGluedUnits', () => {
  it.each([
    ['làm thêm không quá 300 giờnăm.', 'làm thêm không quá 300 giờ/năm.'],
    ['tiền ăn 35.000 đồngbữa', 'tiền ăn 35.000 đồng/bữa'],
    ['khám sức khỏe 02 lầnlnăm', 'khám sức khỏe 02 lần/năm'],
    ['tối đa 40 giờ1tháng', 'tối đa 40 giờ/tháng'],
    ['tối đa 12 GIỜTHÁNG', 'tối đa 12 GIỜ/THÁNG'],
  ])('reads %j as %j', (read, expected) => {
    expect(fixGluedUnits(read)).toBe(expected);
  });

  it.each([
    'nghỉ 12 ngày làm việc', // a space: two words, as written
    'không quá 300 giờ/năm',
    'Giờ năm nay', // no number before it
    '5 người làm',
  ])('leaves %j alone', (line) => {
    expect(fixGluedUnits(line)).toBe(line);
  });
});

describe('fixPhrases', () => {
  it.each([
    ['Chương VI. ĐIỀU KHOẢN THỊ HÀNH', 'Chương VI. ĐIỀU KHOẢN THI HÀNH'],
    ['Tống số lao động: 512 người.', 'Tổng số lao động: 512 người.'],
    ['Thỏa ước — CỘNG TY TNHH Hòa Bình', 'Thỏa ước — CÔNG TY TNHH Hòa Bình'],
    ['Công ty tố chức khám sức khỏe', 'Công ty tổ chức khám sức khỏe'],
    ['người lao đồng được nghỉ', 'người lao động được nghỉ'],
  ])('reads %j as %j', (read, expected) => {
    expect(fixPhrases(read)).toBe(expected);
  });

  it.each([
    'nghỉ hằng năm và hàng năm', // both spellings are right
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'thị trường lao động',
    'Công ty tổ chức',
  ])('leaves %j alone', (line) => {
    expect(fixPhrases(line)).toBe(line);
  });
});

describe('splitDottedCells', () => {
  it('cuts a table row where OCR read the column gaps as dots, to as many cells as its neighbours', () => {
    expect(
      splitDottedCells([
        'Điều 5. Nghỉ việc riêng',
        'Trường hợp | Theo Bộ luật Lao động... Theo Thỏa ước',
        'Bản thân kết hôn | 03 ngày | 06 ngày',
        'Ông, bà chết. 01 ngày không lương... 02 ngày có lương',
        'Con chết. 03 ngày | 05 ngày',
        'Điều 6. Nghỉ lễ',
      ]),
    ).toEqual([
      'Điều 5. Nghỉ việc riêng',
      'Trường hợp | Theo Bộ luật Lao động | Theo Thỏa ước',
      'Bản thân kết hôn | 03 ngày | 06 ngày',
      'Ông, bà chết | 01 ngày không lương | 02 ngày có lương',
      'Con chết | 03 ngày | 05 ngày',
      'Điều 6. Nghỉ lễ',
    ]);
  });

  it('leaves a sentence alone: beside no table, or with more full stops than cells missing', () => {
    const lines = [
      'Người lao động được nghỉ. Công ty trả lương.',
      'A | B | C',
      'Nghỉ 3 ngày. Có lương. Báo trước | 2 ngày',
    ];
    expect(splitDottedCells(lines)).toEqual(lines);
  });
});

describe('restoreCapitalMarks', () => {
  it.each([
    ['CHUONG II. TIEN LUONG', 'CHƯƠNG II. TIỀN LƯƠNG'],
    ['THOA UOC LAO DONG TAP THE', 'THỎA ƯỚC LAO DONG TẬP THỂ'], // DONG: ĐỘNG or ĐỒNG, left for the reader
    ['QUY DINH CHUNG', 'QUY ĐỊNH CHUNG'],
    ['CHUONG I. Quy định chung', 'CHƯƠNG I. Quy định chung'],
    // Marks OCR did read are kept, even where the list has others.
    ['CÔNG TY TNHH ĐIỆN TỬ', 'CÔNG TY TNHH ĐIỆN TỬ'],
    // A capital word whose letters fit two listed words is left alone.
    ['DIEN', 'DIEN'],
    // A lower-case line is not touched beyond its first capital word.
    ['Người lao động làm việc TAI nhà máy', 'Người lao động làm việc TAI nhà máy'],
  ])('reads %j as %j', (read, expected) => {
    expect(restoreCapitalMarks(read)).toBe(expected);
  });
});

const word = (text: string, confidence: number, x0: number, x1: number): OcrWord => ({
  text,
  confidence,
  bbox: { x0, y0: 100, x1, y1: 140 },
});

describe('isMarkLine', () => {
  it.each([
    ['stamp ring letters read with little confidence', [word('~', 20, 0, 10), word('ƒ/', 25, 20, 40)], true],
    [
      'a scribble read as single letters',
      [word('Ị', 45, 0, 30), word('ư', 50, 40, 60), word('ý', 40, 80, 90)],
      true,
    ],
    ['symbols only', [word('—', 90, 0, 50), word('...', 90, 60, 90)], true],
    [
      'a line of text',
      [word('Người', 93, 0, 90), word('lao', 95, 100, 150), word('động', 94, 160, 240)],
      false,
    ],
    ['a short line read surely', [word('a)', 91, 0, 30), word('Ốm', 88, 40, 90)], false],
  ])('%s → %s', (_, words, expected) => {
    expect(isMarkLine(words)).toBe(expected);
  });
});

describe('lineText', () => {
  it('writes two columns of a signature block apart, as the PDF reader does, and keeps the confidences', () => {
    const read = lineText({
      bbox: { x0: 0, y0: 100, x1: 2000, y1: 140 },
      words: [
        word('ĐẠI', 92, 100, 160),
        word('DIỆN', 90, 175, 260),
        word('NLĐ', 88, 275, 350),
        word('ĐẠI', 94, 1200, 1260),
        word('DIỆN', 91, 1275, 1360),
        word('NSDLĐ', 93, 1375, 1500),
      ],
    });
    expect(read.text).toBe('ĐẠI DIỆN NLĐ | ĐẠI DIỆN NSDLĐ');
    expect(read.confidence).toBeCloseTo(91.3, 1);
    expect(read.numberConfidence).toBeUndefined();
  });

  it('leaves out the bits of a stamp read at the end of a line', () => {
    const read = lineText({
      bbox: { x0: 0, y0: 100, x1: 1200, y1: 140 },
      words: [
        word('Điều', 95, 0, 80),
        word('3.', 96, 95, 130),
        word('Thưởng', 94, 145, 260),
        word('mu"', 30, 900, 960),
      ],
    });
    expect(read.text).toBe('Điều 3. Thưởng');
    const speck = lineText({
      bbox: { x0: 0, y0: 100, x1: 1200, y1: 140 },
      words: [word('làm', 95, 0, 60), word('việc.', 93, 75, 160), word('|', 88, 400, 405)],
    });
    expect(speck.text).toBe('làm việc.');
  });

  it('keeps the lowest confidence among words with digits', () => {
    const read = lineText({
      bbox: { x0: 0, y0: 100, x1: 900, y1: 140 },
      words: [word('nghỉ', 95, 0, 80), word('l4', 61, 95, 130), word('ngày', 94, 145, 230)],
    });
    expect(read).toEqual({ text: 'nghỉ 14 ngày', confidence: 83.3, numberConfidence: 61 });
  });
});

/** A page of `rows` black text rows, turned by `degrees`. */
function striped(degrees: number): GreyImage {
  const width = 600;
  const height = 400;
  const data = new Uint8Array(width * height).fill(255);
  const tan = Math.tan((degrees * Math.PI) / 180);
  for (let y = 0; y < height; y++)
    for (let x = 50; x < 550; x++) {
      const row = y - x * tan;
      if (row % 24 < 6 && row > 20 && row < 380 && x % 9 !== 0) data[y * width + x] = 0;
    }
  return { width, height, data };
}

describe('page clean-up', () => {
  it.each([0, 1, -1.5, 2])('finds a page turned by %s°', (degrees) => {
    expect(estimateSkew(striped(degrees))).toBeCloseTo(degrees, 0);
  });

  it('drops red stamp ink and keeps black and blue ink', () => {
    const rgba = new Uint8Array([
      ...[20, 20, 20, 255], // black text
      ...[210, 35, 40, 255], // red stamp
      ...[30, 40, 150, 255], // blue signature
      ...[250, 250, 245, 255], // paper
    ]);
    const twoTone = binarize(toGrey(rgba, 4, 1), 128);
    expect([...twoTone.data]).toEqual([0, 255, 0, 255]);
  });

  it('keeps the text seen through a stamp (a darker red) while the stamp itself fades', () => {
    // A stamp of 3,000 pixels: most of it over paper (bright red), a tenth over text (dark red).
    const pixels = 3000;
    const rgba = new Uint8Array(pixels * 4);
    for (let i = 0; i < pixels; i++) rgba.set(i % 10 === 0 ? [160, 22, 30, 255] : [224, 85, 95, 255], i * 4);
    const twoTone = binarize(toGrey(rgba, pixels, 1), 128);
    expect(twoTone.data[0]).toBe(0); // text under the stamp
    expect(twoTone.data[1]).toBe(255); // the stamp over paper
  });

  it('puts Otsu’s threshold between ink and paper', () => {
    const data = new Uint8Array(1000).map((_, i) => (i % 5 === 0 ? 30 : 240));
    const t = otsuThreshold({ width: 1000, height: 1, data });
    expect(t).toBeGreaterThanOrEqual(30);
    expect(t).toBeLessThan(240);
  });
});
