import { describe, expect, it } from 'vitest';
import {
  type Agreement,
  compareWithFloors,
  compareWithLawWording,
  gradeAgreement,
  lawArticle,
  wordDiff,
} from '../../clauses/index.ts';
import { draftOfLines } from './draft.ts';

const leave = lawArticle('BLLĐ 2019', 113)!.clauses[0]!;
/** Điều 113 khoản 1 điểm a, as an agreement that copies the Labour Code writes it. */
const copied = `${leave.text} ${leave.points[0]!.text}`;
const overtime = lawArticle('BLLĐ 2019', 107)!.clauses[1]!;
const consent = overtime.points[0]!.text; // "Phải được sự đồng ý của người lao động;"

function wording(lines: string) {
  const draft = draftOfLines(lines);
  const comparison = compareWithFloors(draft, { on: '2026-11-23' });
  return { draft, comparison, wording: compareWithLawWording(draft.tree, comparison) };
}

describe('clauses against the law’s own words', () => {
  it('word diff works on syllables, ignores tone-mark style and case, keeps lương ≠ lượng', () => {
    expect(wordDiff('Thỏa ước lao động tập thể', 'THOẢ ƯỚC lao động tập thể').similarity).toBe(1);
    const d = wordDiff('tiền lương làm thêm giờ', 'tiền lượng làm thêm giờ');
    expect(d.spans).toEqual([
      { op: 'same', text: 'tiền ' },
      { op: 'removed', text: 'lương ' },
      { op: 'added', text: 'lượng ' },
      { op: 'same', text: 'làm thêm giờ' },
    ]);
    expect(d.similarity).toBe(0.8);
  });

  it('flags a clause copied from the Labour Code as restating the law', () => {
    const { wording: result } = wording(copied);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      nodeId: 'dieu-1.khoan-1',
      restatesLaw: true,
      source: 'floor',
      law: { citation: { law: 'BLLĐ 2019', article: 113, clause: 1 } },
    });
    expect(result.rows[0]!.similarity).toBeGreaterThan(0.9);
    expect(result.restating).toBe(1);
  });

  it('does not flag the same clause with a more favourable number, and shows the changed words', () => {
    const { wording: result } = wording(copied.replace('12 ngày làm việc', '14 ngày làm việc'));
    const row = result.rows[0]!;
    expect(row.restatesLaw).toBe(false);
    expect(row.similarity).toBeGreaterThan(0.9);
    expect(row.changedNumbers).toEqual({ removed: ['12'], added: ['14'] });
    expect(row.spans).toContainEqual({ op: 'removed', text: '12 ' });
    expect(row.spans).toContainEqual({ op: 'added', text: '14 ' });
  });

  it('finds the article a clause follows by its words when nothing cites it', () => {
    const { wording: result } = wording(`Việc làm thêm giờ ${consent.toLowerCase()}`);
    expect(result.rows[0]).toMatchObject({
      source: 'similar',
      restatesLaw: true,
      law: { citation: { article: 107 } },
    });
  });

  it('leaves clauses of the agreement’s own making alone', () => {
    const { wording: result } = wording(
      'Công ty tổ chức cho người lao động đi tham quan, nghỉ mát mỗi năm một lần tại Đà Lạt.',
    );
    expect(result.rows).toEqual([]);
  });

  it('names the restating clauses as the evidence that an agreement only copies the law', () => {
    const {
      draft,
      comparison,
      wording: result,
    } = wording(`${copied}\nViệc làm thêm giờ ${consent.toLowerCase()}`);
    const report = gradeAgreement({
      meta: draft.meta as Agreement['meta'],
      comparison,
      expiry: { status: 'in_force', flags: [] } as never,
      lawWording: result,
    });
    const reason = report.unrankedReasons.find((r) => r.id === 'copies_law');
    expect(reason?.evidence).toEqual([
      'Điều 1 › khoản 1 ≈ Điều 113 khoản 1 điểm a BLLĐ 2019',
      'Điều 1 › khoản 2 ≈ Điều 107 khoản 2 điểm a BLLĐ 2019',
    ]);
  });
});
