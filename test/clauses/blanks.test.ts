import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBlankSpans, readBlanks } from '../../clauses/blanks.ts';
import { compareWithFloors } from '../../clauses/compare.ts';
import type { ClauseNode } from '../../clauses/types.ts';
import { importFile } from '../../importer/index.ts';

const root = join(import.meta.dirname, '../..');

function clause(text: string, id = 'dieu-1'): ClauseNode {
  return { type: 'article', id, path: 'Điều 1', number: '1', heading: 'Phúc lợi', text, children: [] };
}

describe('findBlankSpans', () => {
  it.each([
    ['Trợ cấp đi lại: ………..đồng/tháng.', '………..', 'đồng/tháng'],
    ['Quà sinh nhật: ______ đồng/người.', '______', 'đồng/người'],
    ['Phụ cấp xăng xe: [số tiền] đồng/tháng.', '[số tiền]', 'đồng/tháng'],
    ['Thăm ốm: (ghi rõ số tiền) đồng/lần.', '(ghi rõ số tiền)', 'đồng/lần'],
    ['Tiền làm thêm giờ ngày thường ít nhất bằng ......% lương.', '......', '%'],
    ['Nghỉ hằng năm … ngày làm việc.', '…', 'ngày làm việc'],
    ['Quà Tết trị giá … … đồng/người.', '… …', 'đồng/người'],
  ])('finds the blank of %j with its unit', (text, written, unit) => {
    const [span, ...rest] = findBlankSpans(text);
    expect(rest).toEqual([]);
    expect(span).toMatchObject({ written, kind: 'amount', unitWritten: unit });
  });

  it.each([
    ['có hiệu lực từ ngày … tháng … năm 20…', 'ngày … tháng … năm 20…'],
    ['ký ngày ..../..../20....', 'ngày ..../..../20....'],
  ])('reads %j as one date left blank', (text, written) => {
    expect(findBlankSpans(text)).toMatchObject([{ kind: 'date', written }]);
  });

  it('reads a blank followed by the words that say what it is as one blank of text', () => {
    expect(findBlankSpans('Gửi đến ………… (ghi rõ cơ quan nhận).')).toMatchObject([
      { kind: 'text', written: '………… (ghi rõ cơ quan nhận)' },
    ]);
  });

  it.each([
    ['ellipsis glued to a word', 'đào tạo tay nghề, sáng kiến… mang lại hiệu quả'],
    ['an ellipsis ending a list', 'các khoản phụ cấp, trợ cấp...'],
    ['a Markdown link', 'xem [Điều lệ](http://example.vn)'],
    ['a number with dots', 'mức lương 5.200.000 đồng/tháng'],
    ['a sentence full stop', 'được nghỉ 14 ngày.'],
  ])('finds no blank in %s', (_, text) => {
    expect(findBlankSpans(text)).toEqual([]);
  });
});

describe('readBlanks', () => {
  it.each([
    ['Tiền ăn giữa ca: …………đồng/người/ca.', 'meal_allowance', 'Tiền ăn giữa ca'],
    ['Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng ……% tiền lương.', 'ot_rate', undefined],
    ['Người lao động được nghỉ hằng năm ______ ngày, hưởng nguyên lương.', 'annual_leave', undefined],
    ['Hỗ trợ người lao động nuôi con nhỏ dưới 6 tuổi: ……… đồng/tháng.', 'childcare_support', undefined],
    ['Phụ cấp đi lại: [số tiền] đồng/tháng.', 'allowance', 'Phụ cấp đi lại'],
    ['Bản thân kết hôn: nghỉ ….. ngày, hưởng nguyên lương.', 'leave_own_marriage', undefined],
  ])('gives the blank of %j the subject %s', (text, subject, label) => {
    const [blank] = readBlanks([clause(text)]);
    expect(blank?.subject).toBe(subject);
    if (label) expect(blank?.label).toBe(label);
  });

  it('gives a blank the legal floor in force on the day asked, with its citation', () => {
    const [blank] = readBlanks(
      [
        clause(
          'Tiền lương làm thêm giờ vào ngày thường ít nhất bằng ……% tiền lương của ngày làm việc bình thường.',
        ),
      ],
      { on: '2026-12-01' },
    );
    expect(blank?.floor).toMatchObject({ value: 150, unit: 'percent', direction: 'higher' });
    expect(blank?.floor?.citation.text).toContain('Điều 98');
  });

  it('reads each of several blanks of one clause, with the words before each', () => {
    const blanks = readBlanks([
      clause('Tiền ăn ca ngày: ………đồng/người; ca đêm là ………đồng/người; ngày lễ là ……… đồng/người.'),
    ]);
    expect(blanks.map((b) => b.label)).toEqual(['Tiền ăn ca ngày', 'ca đêm', 'ngày lễ']);
  });

  it('never turns a blank into a verdict: the comparison measures only the numbers written', () => {
    const tree = [clause('Nghỉ hằng năm ______ ngày; tiền ăn giữa ca 30.000 đồng/bữa.')];
    const comparison = compareWithFloors(
      { tree, meta: { signatories: [], level: 'enterprise' } },
      { on: '2026-12-01' },
    );
    expect(comparison.rows.map((r) => r.subject)).toEqual(['meal_allowance']);
    expect(readBlanks(tree).map((b) => b.subject)).toEqual(['annual_leave']);
  });

  it('reads blanks in table cells, with the row', () => {
    const table: ClauseNode = {
      type: 'table',
      id: 'dieu-1.bang-1',
      path: 'Điều 1 › bảng 1',
      rows: [
        ['Trường hợp', 'Mức hỗ trợ'],
        ['Người lao động kết hôn', '……… đồng'],
      ],
      children: [],
    };
    expect(readBlanks([table])).toMatchObject([{ row: 1, unitWritten: 'đồng', kind: 'amount' }]);
  });
});

describe('blanks of the model agreement in every format', () => {
  it.each([['fixtures/models/mau-det-may.md'], ['fixtures/models/mau-det-may.docx']])(
    'reads the same blanks from %s',
    async (file) => {
      const draft = await importFile(readFileSync(join(root, file)), { filename: file });
      const blanks = readBlanks(draft.tree);
      expect(blanks.filter((b) => b.kind === 'amount')).toHaveLength(13);
      expect(blanks.filter((b) => b.subject).map((b) => b.subject)).toEqual([
        'ot_rate',
        'annual_leave',
        'leave_own_marriage',
        'min_wage_month',
        'allowance',
        'allowance',
        'bonus',
        'meal_allowance',
        'welfare_birthday',
        'childcare_support',
        'welfare_sickness',
        'welfare_tet_gift',
      ]);
    },
  );

  it('reads the same blanks from the model typed as plain text', async () => {
    const markdown = readFileSync(join(root, 'fixtures/models/mau-det-may.md'), 'utf8');
    const text = markdown.replace(/^#+ /gm, '').replace(/\*\*/g, '');
    const fromText = await importFile(new TextEncoder().encode(text), { filename: 'mau.txt' });
    const fromMarkdown = await importFile(new TextEncoder().encode(markdown), { filename: 'mau.md' });
    const brief = (blanks: ReturnType<typeof readBlanks>) =>
      blanks.map((b) => [b.nodeId, b.written, b.subject]);
    expect(brief(readBlanks(fromText.tree))).toEqual(brief(readBlanks(fromMarkdown.tree)));
  });
});
