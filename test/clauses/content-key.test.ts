import { describe, expect, it } from 'vitest';
import { contentText } from '../../clauses/content-key.ts';
import { importDocument } from '../../importer/index.ts';

const tree = (text: string) => importDocument(Buffer.from(text), { filename: 'x.md' }).tree;

const AGREEMENT = `# Thỏa ước lao động tập thể

## Điều 1. Thời giờ làm việc

1. Người lao động làm việc 44 giờ một tuần.
2. Được nghỉ giữa ca 45 phút, tính vào giờ làm việc.

## Điều 2. Tiền lương

Lương được trả vào ngày 5 hằng tháng.
`;

describe('contentText', () => {
  it.each([
    ['lines broken and spaced differently', AGREEMENT.replace('làm việc 44 giờ', 'làm việc\n44   giờ')],
    ['other punctuation', AGREEMENT.replace('45 phút, tính', '45 phút tính').replace('Điều 1.', 'Điều 1:')],
    ['a page number left between lines', AGREEMENT.replace('2. Được nghỉ', 'Trang 2/3\n2. Được nghỉ')],
    ['capitals', AGREEMENT.replace('Lương được trả', 'LƯƠNG ĐƯỢC TRẢ')],
  ])('is the same with %s', (_, other) => {
    expect(contentText(tree(other))).toBe(contentText(tree(AGREEMENT)));
  });

  it.each([
    ['another number', AGREEMENT.replace('44 giờ', '40 giờ')],
    ['another day of pay', AGREEMENT.replace('ngày 5', 'ngày 10')],
    ['one more clause', AGREEMENT.replace('Lương được trả', 'Lương tháng 13 được trả đủ.\n\nLương được trả')],
    ['one word changed', AGREEMENT.replace('tính vào', 'không tính vào')],
  ])('differs with %s (a renewal is another agreement)', (_, other) => {
    expect(contentText(tree(other))).not.toBe(contentText(tree(AGREEMENT)));
  });

  it('keeps the diacritics that carry meaning', () => {
    expect(contentText(tree(AGREEMENT.replace('Lương được', 'Lượng được')))).not.toBe(
      contentText(tree(AGREEMENT)),
    );
  });

  it('is empty for a tree without words', () => {
    expect(contentText([])).toBe('');
  });
});
