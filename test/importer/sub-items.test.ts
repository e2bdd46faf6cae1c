import { describe, expect, it } from 'vitest';
import { compareWithFloors } from '../../clauses/index.ts';
import { importFile } from '../../importer/index.ts';

// Vietnamese agreements write the sub-items of a "-" item with "+" (and end the item with "như sau:");
// the same list comes glued on one line out of some PDFs, or without markers from Word's own numbering.
const article = (items: string) => `THỎA ƯỚC LAO ĐỘNG TẬP THỂ

Điều 1. Lao động nữ

- Lao động nữ đang nuôi con dưới 12 tháng tuổi làm nghề nặng nhọc, độc hại mỗi ngày làm 6 giờ, tiền lương vẫn trả đủ 8 giờ, cụ thể như sau:
${items}
- Lao động nữ mang thai được khám thai 5 lần, mỗi lần 1 ngày, hưởng nguyên lương.
`;

const SUB_ITEMS = [
  '+ Được nghỉ 60 phút mỗi ngày trong thời gian làm việc để cho con bú.',
  '+ Được về sớm 1 giờ so với giờ kết thúc ca.',
].join('\n');

const rowsOf = async (text: string) => {
  const agreement = await importFile(Buffer.from(text), { filename: 'lao-dong-nu.txt' });
  return { agreement, rows: compareWithFloors(agreement, { on: '2026-11-23' }).rows };
};

describe('sub-items written with "+" under a "-" item', () => {
  it('are items of their own under the item that introduces them', async () => {
    const { agreement } = await rowsOf(article(SUB_ITEMS));
    const [first] = agreement.tree.flatMap((n) => n.children);
    expect(first?.children.map((c) => ('text' in c ? c.text : ''))).toEqual([
      'Được nghỉ 60 phút mỗi ngày trong thời gian làm việc để cho con bú.',
      'Được về sớm 1 giờ so với giờ kết thúc ca.',
    ]);
  });

  it('have their numbers compared with the law, each on its own row', async () => {
    const { rows } = await rowsOf(article(SUB_ITEMS));
    const nursing = rows.find((r) => r.measure.written.startsWith('60 phút'));
    expect(nursing).toMatchObject({ path: 'Điều 1 › ý 1 › ý 1', verdict: 'equal', subject: 'nursing_break' });
    expect(nursing?.text).toContain('Được nghỉ 60 phút');
  });

  it.each([
    [
      'glued on the line of the item they belong to',
      article(SUB_ITEMS.replace('\n', ' ')).replace('như sau:\n+', 'như sau: +'),
      'như sau: + Được nghỉ 60 phút',
    ],
    ['without markers (a Word list)', article(SUB_ITEMS.replaceAll('+ ', '')), 'Được nghỉ 60 phút'],
  ])('are still compared when %s', async (_, text, words) => {
    const { rows } = await rowsOf(text);
    const nursing = rows.find((r) => r.measure.written.startsWith('60 phút'));
    expect(nursing).toMatchObject({ verdict: 'equal', subject: 'nursing_break' });
    expect(nursing?.text).toContain(words);
  });
});
