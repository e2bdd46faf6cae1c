/**
 * Grading A/B/C/D: a rubric as data (criteria by dimension, points, how each
 * is evaluated, thresholds, exclusions), content criteria computed from the
 * comparison with the law, procedure and implementation criteria answered by
 * an officer, every point explained, and the cheapest changes that would lift
 * the grade. The bundled rubric is provisional: the federation's own
 * thresholds are not public (see `data/rubric.json`).
 */

import { z } from 'zod';
import type { Message } from './compare.ts';
import raw from './data/rubric.json' with { type: 'json' };
import type { ExpiryInfo } from './expiry.ts';
import type { LawWording } from './law-wording.ts';
import type { MeasuredRow } from './measured.ts';
import { getTopic } from './topics.ts';
import type { AgreementEvent, AgreementMeta } from './types.ts';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export type GradeResult = Grade | 'unranked';

const Step = z.object({ atLeast: z.number(), points: z.number().nonnegative() });

const CriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+$/),
    dimension: z.enum(['procedure', 'content', 'implementation']),
    label: z.string().min(1),
    labelEn: z.string().min(1),
    points: z.number().nonnegative(),
    evaluation: z.enum(['automatic', 'officer']),
    answer: z.enum(['boolean', 'percent']).optional(),
    rule: z.enum(['above_count', 'key_topics', 'average_margin', 'no_floor_count']).optional(),
    steps: z.array(Step).optional(),
    /** For a percent answer: the lowest acceptable value, and the exclusion below it. */
    minimum: z.number().optional(),
    excludesBelowMinimum: z.string().optional(),
    excludesWhenFalse: z.string().optional(),
    excludesWhenTrue: z.string().optional(),
    /** Where an answer can be read without asking the officer. */
    fromMeta: z.literal('approvalPercent').optional(),
    fromEvents: z.literal('filed_within_10_days').optional(),
    improve: z.string(),
    improveEn: z.string(),
    /** How hard the change that would earn the points is: 1 paperwork, 2 a clause, 3 bargaining. */
    effort: z.number().int().min(1).max(3),
  })
  .superRefine((c, ctx) => {
    if (c.evaluation === 'officer' && !c.answer)
      ctx.addIssue({ code: 'custom', message: `criterion ${c.id}: an officer criterion needs "answer"` });
    if (c.evaluation === 'automatic' && !c.rule)
      ctx.addIssue({ code: 'custom', message: `criterion ${c.id}: an automatic criterion needs "rule"` });
    const top = c.steps?.at(-1)?.points;
    if (top !== undefined && top !== c.points)
      ctx.addIssue({
        code: 'custom',
        message: `criterion ${c.id}: its last step gives ${top} points, not ${c.points}`,
      });
  });

const RubricSchema = z
  .object({
    version: z.string().min(1),
    provisional: z.boolean(),
    note: z.string(),
    noteVi: z.string().optional(),
    thresholds: z.object({ A: z.number(), B: z.number(), C: z.number() }),
    exclusions: z.array(z.object({ id: z.string(), label: z.string(), labelEn: z.string() })),
    keyTopics: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        labelEn: z.string(),
        topics: z.array(z.string()).min(1),
      }),
    ),
    criteria: z.array(CriterionSchema).min(1),
  })
  .superRefine((rubric, ctx) => {
    const { A, B, C } = rubric.thresholds;
    if (!(A > B && B > C && C >= 0))
      ctx.addIssue({
        code: 'custom',
        message: `thresholds must fall A > B > C ≥ 0 (got A ${A}, B ${B}, C ${C})`,
        path: ['thresholds'],
      });
    const ids = new Set<string>();
    for (const c of rubric.criteria) {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', message: `criterion ${c.id} appears twice`, path: ['criteria'] });
      ids.add(c.id);
    }
    const exclusions = new Set(rubric.exclusions.map((e) => e.id));
    for (const c of rubric.criteria) {
      for (const e of [c.excludesBelowMinimum, c.excludesWhenFalse, c.excludesWhenTrue]) {
        if (e && !exclusions.has(e))
          ctx.addIssue({
            code: 'custom',
            message: `criterion ${c.id} names an unknown exclusion "${e}"`,
            path: ['criteria'],
          });
      }
    }
    for (const k of rubric.keyTopics) {
      for (const t of k.topics)
        if (!getTopic(t))
          ctx.addIssue({
            code: 'custom',
            message: `key topic ${k.id} names an unknown topic "${t}"`,
            path: ['keyTopics'],
          });
    }
    const max = rubric.criteria.reduce((sum, c) => sum + c.points, 0);
    if (A > max)
      ctx.addIssue({
        code: 'custom',
        message: `threshold A (${A}) is above the most points there are (${max})`,
        path: ['thresholds'],
      });
  });

export type Rubric = z.infer<typeof RubricSchema>;
export type Criterion = Rubric['criteria'][number];

/**
 * Validates a rubric (the bundled one, or a federation's own).
 * @throws Error naming what is wrong, e.g. `criteria.3: criterion vote: its last step gives 6 points, not 8`
 */
export function parseRubric(data: unknown): Rubric {
  const parsed = RubricSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'rubric'}: ${i.message}`).join('; ');
  throw new Error(`Invalid rubric: ${problems}`);
}

/** The bundled, provisional rubric. */
export const RUBRIC: Rubric = parseRubric(raw);

/** An officer's answer to one criterion, with who gave it and when. */
export interface AssessmentAnswer {
  criterion: string;
  value: boolean | number;
  answeredBy: string;
  answeredAt: string;
  note?: string;
}

export interface CriterionScore {
  id: string;
  dimension: Criterion['dimension'];
  label: string;
  labelEn: string;
  points: number;
  max: number;
  /** How it was evaluated: computed, answered, read from the agreement, or not answered yet. */
  source: 'automatic' | 'answered' | 'agreement' | 'events' | 'unanswered';
  /** Clause paths that earned (or cost) the points. */
  evidence: string[];
  detail?: Message;
  answeredBy?: string;
  answeredAt?: string;
}

export interface Improvement {
  criterion: string;
  action: Message;
  points: number;
}

export interface GradeReport {
  grade: GradeResult;
  /** Why it is not ranked (with the clauses concerned for unlawful content). */
  unrankedReasons: Array<{ id: string; label: string; labelEn: string; evidence: string[] }>;
  /** The grade the points alone would give. */
  pointsGrade: Grade;
  score: {
    total: number;
    max: number;
    byDimension: Record<Criterion['dimension'], { points: number; max: number }>;
  };
  criteria: CriterionScore[];
  /** Officer criteria nobody has answered: they score nothing until they are. */
  unanswered: string[];
  /** The cheapest changes that would raise the grade, or lift an exclusion. */
  toNextGrade: Improvement[];
  rubric: { version: string; provisional: boolean; note: string };
}

export interface GradeInput {
  meta: AgreementMeta;
  /** Its comparison with the law (the measured rows are enough). */
  comparison: { rows: readonly MeasuredRow[]; unlawful: readonly MeasuredRow[] };
  expiry: ExpiryInfo;
  answers?: readonly AssessmentAnswer[];
  events?: readonly AgreementEvent[];
  /** The clauses compared with the law's words: those that restate it are the evidence of "copies the law". */
  lawWording?: LawWording;
}

const stepPoints = (steps: ReadonlyArray<{ atLeast: number; points: number }>, value: number) =>
  steps.reduce((points, step) => (value >= step.atLeast ? Math.max(points, step.points) : points), 0);

/** How far above its floor a row is, in percent of the floor (lower-is-better floors count the other way). */
function margin(row: MeasuredRow): number | undefined {
  const floor = row.floor?.value;
  const delta = row.difference?.value;
  if (floor === undefined || delta === undefined) return undefined;
  if (floor === 0) return 100;
  return Math.abs(delta / floor) * 100;
}

/**
 * Grades an agreement: exclusions first, then points per criterion, then the grade.
 *
 * @param input metadata, comparison with the law, expiry status, officer answers and events
 * @param rubric the bundled provisional rubric by default
 */
export function gradeAgreement(input: GradeInput, rubric: Rubric = RUBRIC): GradeReport {
  const { comparison, expiry, meta } = input;
  const answers = new Map((input.answers ?? []).map((a) => [a.criterion, a]));
  const above = comparison.rows.filter((r) => r.verdict === 'above');
  const extras = comparison.rows.filter((r) => r.verdict === 'no_floor');
  const excluded = new Map<string, string[]>();
  const exclude = (id: string, evidence: string[] = []) =>
    excluded.set(id, [...(excluded.get(id) ?? []), ...evidence]);

  if (comparison.unlawful.length)
    exclude(
      'unlawful_content',
      comparison.unlawful.map((r) => `${r.path}: ${r.measure.written}`),
    );
  if (above.length === 0 && extras.length === 0)
    exclude(
      'copies_law',
      (input.lawWording?.rows ?? [])
        .filter((r) => r.restatesLaw)
        .map((r) => `${r.path} ≈ ${r.law.citation.text}`),
    );
  if (expiry.status === 'expired') exclude('expired', expiry.expiresOn ? [expiry.expiresOn] : []);

  const criteria: CriterionScore[] = [];
  const unanswered: string[] = [];
  for (const criterion of rubric.criteria) {
    const score: CriterionScore = {
      id: criterion.id,
      dimension: criterion.dimension,
      label: criterion.label,
      labelEn: criterion.labelEn,
      points: 0,
      max: criterion.points,
      source: 'automatic',
      evidence: [],
    };
    if (criterion.evaluation === 'automatic') scoreAutomatic(criterion, score, { above, extras }, rubric);
    else {
      const answer = answers.get(criterion.id);
      let value: boolean | number | undefined = answer?.value;
      if (answer) {
        score.source = 'answered';
        score.answeredBy = answer.answeredBy;
        score.answeredAt = answer.answeredAt;
      } else if (criterion.fromMeta === 'approvalPercent' && meta.approvalPercent !== undefined) {
        value = meta.approvalPercent;
        score.source = 'agreement';
      } else if (
        criterion.fromEvents === 'filed_within_10_days' &&
        (expiry.flags.includes('filed_late') || expiry.filedOn)
      ) {
        value = !expiry.flags.includes('filed_late');
        score.source = 'events';
      }
      if (value === undefined) {
        score.source = 'unanswered';
        unanswered.push(criterion.id);
      } else if (criterion.answer === 'percent' && typeof value === 'number') {
        score.points = criterion.steps ? stepPoints(criterion.steps, value) : criterion.points;
        score.detail = { vi: `${value}%`, en: `${value} %` };
        if (criterion.minimum !== undefined && value < criterion.minimum && criterion.excludesBelowMinimum)
          exclude(criterion.excludesBelowMinimum, [`${criterion.label}: ${value}%`]);
      } else if (typeof value === 'boolean') {
        score.points = value ? criterion.points : 0;
        if (!value && criterion.excludesWhenFalse) exclude(criterion.excludesWhenFalse);
        if (value && criterion.excludesWhenTrue) exclude(criterion.excludesWhenTrue);
      }
    }
    criteria.push(score);
  }

  const byDimension = {
    procedure: { points: 0, max: 0 },
    content: { points: 0, max: 0 },
    implementation: { points: 0, max: 0 },
  };
  for (const c of criteria) {
    byDimension[c.dimension].points += c.points;
    byDimension[c.dimension].max += c.max;
  }
  const total = criteria.reduce((sum, c) => sum + c.points, 0);
  const max = criteria.reduce((sum, c) => sum + c.max, 0);
  const pointsGrade = gradeFor(total, rubric);
  const unrankedReasons = rubric.exclusions
    .filter((e) => excluded.has(e.id))
    .map((e) => ({ id: e.id, label: e.label, labelEn: e.labelEn, evidence: excluded.get(e.id) ?? [] }));
  return {
    grade: unrankedReasons.length ? 'unranked' : pointsGrade,
    unrankedReasons,
    pointsGrade,
    score: { total, max, byDimension },
    criteria,
    unanswered,
    toNextGrade: unrankedReasons.length
      ? liftExclusions(unrankedReasons)
      : improvements(criteria, total, pointsGrade, rubric),
    rubric: { version: rubric.version, provisional: rubric.provisional, note: rubric.note },
  };
}

function gradeFor(points: number, rubric: Rubric): Grade {
  const { A, B, C } = rubric.thresholds;
  return points >= A ? 'A' : points >= B ? 'B' : points >= C ? 'C' : 'D';
}

function scoreAutomatic(
  criterion: Criterion,
  score: CriterionScore,
  rows: { above: MeasuredRow[]; extras: MeasuredRow[] },
  rubric: Rubric,
): void {
  const { above, extras } = rows;
  switch (criterion.rule) {
    case 'above_count':
      score.points = stepPoints(criterion.steps ?? [], above.length);
      score.evidence = above.map((r) => r.path);
      score.detail = {
        vi: `${above.length} điều khoản có lợi hơn luật`,
        en: `${above.length} clauses above the law`,
      };
      break;
    case 'no_floor_count':
      score.points = stepPoints(criterion.steps ?? [], extras.length);
      score.evidence = extras.map((r) => r.path);
      score.detail = {
        vi: `${extras.length} phúc lợi luật không quy định`,
        en: `${extras.length} benefits with no legal floor`,
      };
      break;
    case 'average_margin': {
      const margins = above.map(margin).filter((m): m is number => m !== undefined);
      const average = margins.length ? margins.reduce((a, b) => a + b, 0) / margins.length : 0;
      score.points = stepPoints(criterion.steps ?? [], average);
      score.detail = {
        vi: `cao hơn luật bình quân ${Math.round(average)}%`,
        en: `${Math.round(average)} % above the law on average`,
      };
      break;
    }
    case 'key_topics': {
      const better = [...above, ...extras];
      const covered = rubric.keyTopics.filter((k) =>
        better.some((r) => r.topics.some((t) => k.topics.includes(t))),
      );
      const each = criterion.points / rubric.keyTopics.length;
      score.points = Math.round(covered.length * each * 100) / 100;
      score.evidence = better
        .filter((r) => covered.some((k) => r.topics.some((t) => k.topics.includes(t))))
        .map((r) => r.path);
      const missing = rubric.keyTopics.filter((k) => !covered.includes(k));
      score.detail = {
        vi: `${covered.length}/${rubric.keyTopics.length} nội dung chính; còn thiếu: ${missing.map((k) => k.label).join(', ') || 'không'}`,
        en: `${covered.length}/${rubric.keyTopics.length} key topics; missing: ${missing.map((k) => k.labelEn).join(', ') || 'none'}`,
      };
      break;
    }
    default:
      break;
  }
}

/** What lifts an exclusion: amend the unlawful clauses, add something better than the law, renew. */
function liftExclusions(reasons: GradeReport['unrankedReasons']): Improvement[] {
  const actions: Record<string, Message> = {
    unlawful_content: { vi: 'Sửa các điều khoản thấp hơn luật', en: 'Amend the clauses below the law' },
    copies_law: {
      vi: 'Thương lượng ít nhất một điều khoản có lợi hơn luật',
      en: 'Bargain for at least one clause better than the law',
    },
    expired: { vi: 'Thương lượng, ký kết thỏa ước mới', en: 'Bargain and sign a new agreement' },
    declared_invalid: {
      vi: 'Thương lượng, ký kết lại thỏa ước hợp pháp',
      en: 'Bargain and sign a lawful agreement again',
    },
    unauthorised_signatory: {
      vi: 'Ký lại bởi người có thẩm quyền',
      en: 'Have it signed by authorised representatives',
    },
    procedure_not_followed: {
      vi: 'Thực hiện lại đúng trình tự, lấy biểu quyết trên 50%',
      en: 'Follow the procedure again, with a vote above 50 %',
    },
  };
  return reasons.map((r) => {
    const base = actions[r.id] ?? { vi: r.label, en: r.labelEn };
    const where = r.evidence.length && r.id === 'unlawful_content' ? `: ${r.evidence.join('; ')}` : '';
    return { criterion: r.id, action: { vi: `${base.vi}${where}`, en: `${base.en}${where}` }, points: 0 };
  });
}

/** The two or three cheapest changes (least effort, most points) that reach the next grade. */
function improvements(
  criteria: CriterionScore[],
  total: number,
  grade: Grade,
  rubric: Rubric,
): Improvement[] {
  const next =
    grade === 'D'
      ? rubric.thresholds.C
      : grade === 'C'
        ? rubric.thresholds.B
        : grade === 'B'
          ? rubric.thresholds.A
          : undefined;
  const byId = new Map(rubric.criteria.map((c) => [c.id, c]));
  const candidates = criteria
    .filter((c) => c.points < c.max)
    .map((c) => {
      const criterion = byId.get(c.id)!;
      const missing = c.detail && criterion.rule === 'key_topics' ? c.detail : undefined;
      const topics = missing ? (missing.vi.split('còn thiếu: ')[1] ?? '') : '';
      const topicsEn = missing ? (missing.en.split('missing: ')[1] ?? '') : '';
      return {
        criterion: c.id,
        points: Math.round((c.max - c.points) * 100) / 100,
        effort: criterion.effort,
        action: {
          vi: criterion.improve.replace('{topics}', topics),
          en: criterion.improveEn.replace('{topics}', topicsEn),
        },
      };
    })
    .sort((a, b) => a.effort - b.effort || b.points - a.points);
  const chosen: Improvement[] = [];
  let reached = total;
  for (const c of candidates) {
    if (chosen.length >= 3 || (next !== undefined && reached >= next)) break;
    chosen.push({ criterion: c.criterion, action: c.action, points: c.points });
    reached += c.points;
  }
  return chosen;
}
