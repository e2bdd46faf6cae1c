import { describe, expect, it } from 'vitest';
import { highlightSpans, type MatchSpan, parseSearchQuery } from '../../clauses/index.ts';

const matched = (spans: MatchSpan[]) => spans.filter((s) => s.match).map((s) => s.text);
const joined = (spans: MatchSpan[]) => spans.map((s) => s.text).join('');

describe('highlightSpans', () => {
  it.each([
    [
      'words typed without diacritics',
      'Tiền ăn giữa ca là 30.000 đồng',
      'tien an giua ca',
      ['Tiền', 'ăn', 'giữa', 'ca'],
    ],
    ['đ folded to d', 'Điều 112. Nghỉ lễ, tết', 'dieu', ['Điều']],
    [
      'the last word as a prefix while typing',
      'Nghỉ hằng năm 14 ngày',
      'nghi hang na',
      ['Nghỉ', 'hằng', 'năm'],
    ],
    ['no prefix after a final space', 'Nghỉ hằng năm', 'na ', []],
    ['a quoted phrase, word by word', 'Làm thêm giờ vào ban đêm', '"lam them gio"', ['Làm', 'thêm', 'giờ']],
  ])('marks %s', (_, text, query, words) => {
    const spans = highlightSpans(text, parseSearchQuery(query));
    expect(matched(spans)).toEqual(words);
    expect(joined(spans)).toBe(text);
  });

  it('keeps markup as plain text: the face that renders the spans escapes it', () => {
    const spans = highlightSpans('<b>Tiền</b> & "ăn"', parseSearchQuery('tien'));
    expect(spans).toEqual([
      { text: '<b>', match: false },
      { text: 'Tiền', match: true },
      { text: '</b> & "ăn"', match: false },
    ]);
  });

  it('cuts a long text around the first match, on word boundaries, and says so with …', () => {
    const text = `${'mở đầu '.repeat(100)}phụ cấp nhà ở${' kết thúc'.repeat(100)}`;
    const spans = highlightSpans(text, parseSearchQuery('phu cap '), 120);
    expect(spans[0]).toEqual({ text: expect.stringMatching(/^… (mở |đầu )/), match: false });
    expect(spans.at(-1)?.text).toMatch(/(kết|thúc) …$/);
    expect(matched(spans)).toEqual(['phụ', 'cấp']);
    expect(joined(spans).length).toBeLessThan(140);
  });

  it('answers the text as one unmatched span when nothing matched', () => {
    expect(highlightSpans('Tiền lương', parseSearchQuery('xyz '))).toEqual([
      { text: 'Tiền lương', match: false },
    ]);
  });
});
