import { describe, expect, it } from 'vitest';
import { foldText, lowerText, normalizeText, toSlug } from '../../clauses/index.ts';

describe('normalizeText', () => {
  it.each([
    ['composes decomposed letters to NFC', 'Tho\u0309a u\u031Bo\u031B\u0301c', 'Thỏa ước'],
    ['turns a no-break space into a plain space', 'Điều\u00A07', 'Điều 7'],
    ['drops zero-width characters and the BOM', '\uFEFFLương\u200B tối thiểu', 'Lương tối thiểu'],
    ['moves the tone of "oa" to the classic place', 'thoả ước', 'thỏa ước'],
    ['moves the tone of "oe" to the classic place', 'khoẻ mạnh', 'khỏe mạnh'],
    ['moves the tone of "uy" to the classic place', 'thuỷ sản', 'thủy sản'],
    ['keeps capitals while moving the tone', 'HOÀ BÌNH', 'HÒA BÌNH'],
    ['leaves "qu" syllables alone', 'quả quyết, quý', 'quả quyết, quý'],
    ['leaves a tone before a final consonant alone', 'hoàng toàn', 'hoàng toàn'],
    ['reads an eth as Đ', '\u00D0iều 5', 'Điều 5'],
    ['unifies line endings', 'a\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('foldText', () => {
  it.each([
    ['thỏa ước', 'thoa uoc'],
    ['thoả ước', 'thoa uoc'],
    ['THỎA ƯỚC LAO ĐỘNG', 'thoa uoc lao dong'],
    ['Đồng Nai', 'dong nai'],
    ['lương', 'luong'],
    ['lượng', 'luong'],
    ['  nhiều   khoảng trắng ', 'nhieu khoang trang'],
  ])('folds "%s" to "%s"', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps diacritics in lowerText so lương and lượng stay different', () => {
    expect(lowerText('Lương')).not.toBe(lowerText('Lượng'));
    expect(lowerText('THOẢ')).toBe(lowerText('thỏa'));
  });
});

describe('toSlug', () => {
  it('makes an ASCII slug from Vietnamese', () => {
    expect(toSlug('Công ty May Việt Tiến — 2025')).toBe('cong-ty-may-viet-tien-2025');
  });
});
