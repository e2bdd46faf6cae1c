import { describe, expect, it } from 'vitest';
import {
  type AgreementMeta,
  type AssessmentAnswer,
  compareWithFloors,
  expiryStatus,
  gradeAgreement,
  parseRubric,
  RUBRIC,
  type Rubric,
} from '../../clauses/index.ts';
import { draftOfLines } from './draft.ts';

const ON = '2026-11-23';
const IN_FORCE: Partial<AgreementMeta> = {
  signedOn: '2026-01-05',
  effectiveOn: '2026-01-05',
  expiresOn: '2029-01-04',
  approvalPercent: 92,
};

const ALL_YES = [
  'bargaining_team',
  'workers_consulted',
  'signed_by_authorised',
  'filed_on_time',
  'procedure_followed',
  'published',
  'reviewed',
  'implemented',
  'no_disputes',
].map(
  (criterion): AssessmentAnswer => ({
    criterion,
    value: true,
    answeredBy: 'cán bộ',
    answeredAt: '2026-11-20T00:00:00Z',
  }),
);

const GOOD = [
  'Người lao động được nghỉ hằng năm 15 ngày làm việc.',
  'Con kết hôn: nghỉ 02 ngày hưởng nguyên lương.',
  'Tiền lương làm thêm giờ vào ngày thường ít nhất bằng 200%.',
  'Bữa ăn giữa ca trị giá 35.000 đồng/suất.',
  'Phụ cấp nhà ở: 500.000 đồng/tháng.',
].join('\n');

function grade(
  text: string,
  meta: Partial<AgreementMeta> = IN_FORCE,
  answers: AssessmentAnswer[] = ALL_YES,
  rubric?: Rubric,
) {
  const draft = draftOfLines(text, meta);
  return gradeAgreement(
    {
      meta: draft.meta,
      comparison: compareWithFloors(draft, { on: ON }),
      expiry: expiryStatus(draft, ON),
      answers,
    },
    rubric,
  );
}

describe('exclusions: not ranked', () => {
  it('does not rank an agreement that only restates the law', () => {
    const report = grade('Người lao động được nghỉ hằng năm 12 ngày làm việc.\nCon kết hôn: nghỉ 01 ngày.');
    expect(report.grade).toBe('unranked');
    expect(report.unrankedReasons.map((r) => r.id)).toEqual(['copies_law']);
  });

  it('does not rank unlawful content, and names the clause', () => {
    const report = grade(`${GOOD}\nTiền lương thử việc bằng 80% mức lương.`);
    expect(report.grade).toBe('unranked');
    expect(report.unrankedReasons[0]).toMatchObject({
      id: 'unlawful_content',
      evidence: ['Điều 1 › khoản 6: 80%'],
    });
    expect(report.toNextGrade[0]?.action.vi).toBe('Sửa các điều khoản thấp hơn luật: Điều 1 › khoản 6: 80%');
  });

  it('does not rank an expired agreement, with the date', () => {
    const report = grade(GOOD, { ...IN_FORCE, effectiveOn: '2021-01-01', expiresOn: '2023-12-31' });
    expect(report.unrankedReasons).toEqual([
      expect.objectContaining({ id: 'expired', evidence: ['2023-12-31'] }),
    ]);
  });

  it.each([
    ['unauthorised_signatory', 'signed_by_authorised', false],
    ['procedure_not_followed', 'procedure_followed', false],
    ['declared_invalid', 'declared_invalid', true],
  ] as const)('does not rank %s when the officer answers %s = %s', (exclusion, criterion, value) => {
    const answers = [
      ...ALL_YES.filter((a) => a.criterion !== criterion),
      { ...ALL_YES[0]!, criterion, value },
    ];
    const report = grade(GOOD, IN_FORCE, answers);
    expect(report.grade).toBe('unranked');
    expect(report.unrankedReasons.map((r) => r.id)).toEqual([exclusion]);
  });

  it('does not rank an agreement voted by 50 % or less (Điều 76)', () => {
    const report = grade(GOOD, { ...IN_FORCE, approvalPercent: 50 });
    expect(report.unrankedReasons[0]).toMatchObject({
      id: 'procedure_not_followed',
      evidence: ['Biểu quyết tán thành trên 50% (Điều 76): 50%'],
    });
  });
});

describe('content criteria from the comparison', () => {
  it('counts clauses above the law, the key topics they cover, the margin and the extra benefits', () => {
    const report = grade(GOOD);
    const byId = Object.fromEntries(report.criteria.map((c) => [c.id, c]));
    expect(byId.above_law).toMatchObject({
      points: 8,
      evidence: ['Điều 1 › khoản 1', 'Điều 1 › khoản 2', 'Điều 1 › khoản 3'],
    });
    // Leave, working time (overtime), wages (overtime pay), meals, allowances (housing) of nine key topics.
    expect(byId.key_topics?.points).toBe(10);
    expect(byId.key_topics?.detail?.en).toBe(
      '5/9 key topics; missing: Insurance, Occupational safety and health, Female workers, Union facilities',
    );
    // (15 − 12) / 12, (2 − 1) / 1, (200 − 150) / 150: 53 % on average.
    expect(byId.margin?.detail?.en).toBe('53 % above the law on average');
    expect(byId.margin?.points).toBe(6);
    expect(byId.extra_benefits).toMatchObject({
      points: 2,
      detail: { en: '2 benefits with no legal floor' },
    });
  });

  it('reads the vote from the agreement when no officer answered it', () => {
    const report = grade(GOOD, { ...IN_FORCE, approvalPercent: 79.9 }, ALL_YES);
    expect(report.criteria.find((c) => c.id === 'vote')).toMatchObject({ points: 6, source: 'agreement' });
  });

  it('scores unanswered officer criteria nothing and lists them, cheapest first among the improvements', () => {
    const report = grade(GOOD, IN_FORCE, []);
    expect(report.unanswered).toContain('bargaining_team');
    expect(report.score.byDimension.implementation).toEqual({ points: 0, max: 20 });
    expect(report.toNextGrade[0]).toMatchObject({ criterion: 'bargaining_team', points: 5 });
  });
});

describe('thresholds', () => {
  const total = grade(GOOD).score.total;
  const rubricWith = (A: number, B: number, C: number) => parseRubric({ ...RUBRIC, thresholds: { A, B, C } });

  it('gives the bundled grades at 80, 65 and 50 points', () => {
    expect(RUBRIC.thresholds).toEqual({ A: 80, B: 65, C: 50 });
    expect(total).toBe(76);
    expect(grade(GOOD).grade).toBe('B');
  });

  it.each([
    ['A', rubricWith(total, total - 10, total - 20), rubricWith(total + 1, total - 10, total - 20), 'B'],
    ['B', rubricWith(total + 10, total, total - 10), rubricWith(total + 10, total + 1, total - 10), 'C'],
    ['C', rubricWith(total + 20, total + 10, total), rubricWith(total + 20, total + 10, total + 1), 'D'],
  ] as const)(
    'gives %s at exactly its threshold and the grade below one point short',
    (letter, at, short, below) => {
      expect(grade(GOOD, IN_FORCE, ALL_YES, at).grade).toBe(letter);
      expect(grade(GOOD, IN_FORCE, ALL_YES, short).grade).toBe(below);
    },
  );

  it('says the bundled rubric is provisional', () => {
    expect(RUBRIC.provisional).toBe(true);
    expect(grade(GOOD).rubric.note).toMatch(/^PROVISIONAL/);
  });
});

describe('a rubric file with a mistake', () => {
  const broken = (change: (r: Record<string, unknown>) => void) => {
    const copy = structuredClone(RUBRIC) as unknown as Record<string, unknown>;
    change(copy);
    return () => parseRubric(copy);
  };

  it('is rejected with a message that says what is wrong', () => {
    expect(broken((r) => (r.thresholds = { A: 50, B: 60, C: 40 }))).toThrow(
      'thresholds must fall A > B > C ≥ 0 (got A 50, B 60, C 40)',
    );
    expect(broken((r) => ((r.criteria as Array<Record<string, unknown>>)[2]!.points = 10))).toThrow(
      'criterion vote: its last step gives 8 points, not 10',
    );
    expect(broken((r) => ((r.keyTopics as Array<Record<string, unknown>>)[0]!.topics = ['salary']))).toThrow(
      'unknown topic "salary"',
    );
    expect(broken((r) => delete r.criteria)).toThrow(/Invalid rubric: criteria/);
  });

  it('changes grades without code when a federation supplies its own thresholds', () => {
    const strict = parseRubric({
      ...RUBRIC,
      version: 'federation-2027',
      provisional: false,
      thresholds: { A: 99, B: 98, C: 97 },
    });
    expect(grade(GOOD).grade).toBe('B');
    expect(grade(GOOD, IN_FORCE, ALL_YES, strict).grade).toBe('D');
  });
});
