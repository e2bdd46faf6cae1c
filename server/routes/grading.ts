/**
 * Grading: an agreement's grade with every point explained, the officer's
 * assessment checklist (read, and answered with the write token), and the
 * grades of an area — the counts and shares of A and B federations report.
 */

import { Hono } from 'hono';
import { z } from 'zod';
import { agreementNotFound, ValidationError } from '../../clauses/errors.ts';
import { GRADES, type Rubric } from '../../clauses/grading.ts';
import type { StoredGrade } from '../../clauses/types.ts';
import { eachSummary, gradeStored, type Library, regrade } from '../../library/index.ts';
import { requireWriteToken } from '../auth.ts';
import type { SearchSync } from '../search-sync.ts';
import { areaFilter, parseId, readJsonBody, validate } from '../validation.ts';

export interface GradingRoutesDeps {
  library: Library;
  apiToken: string | undefined;
  today: () => string;
  rubric: Rubric;
  sync: SearchSync;
}

const Answer = z.union([
  z.boolean(),
  z.number().min(0).max(100),
  z.null(),
  z.object({
    value: z.union([z.boolean(), z.number().min(0).max(100), z.null()]),
    note: z.string().max(1000).optional(),
  }),
]);

const AssessmentBody = z.object({
  answeredBy: z.string().trim().min(1).max(200),
  answers: z.record(z.string(), Answer),
});

const GradesQuery = z.object({
  province: z.string().max(100).optional(),
  district: z.string().max(200).optional(),
  industry: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Builds the sub-app mounted at /api. */
export function gradingRoutes({ library, apiToken, today, rubric, sync }: GradingRoutesDeps) {
  const writes = requireWriteToken(apiToken);
  const load = (raw: string) => {
    const id = parseId(raw);
    const agreement = library.get(id);
    if (!agreement) throw agreementNotFound(id);
    return agreement;
  };
  const checklist = (id: string) => {
    const answers = new Map(library.assessment(id).map((a) => [a.criterion, a]));
    return rubric.criteria
      .filter((c) => c.evaluation === 'officer')
      .map((c) => ({
        criterion: c.id,
        dimension: c.dimension,
        label: c.label,
        labelEn: c.labelEn,
        answer: c.answer,
        points: c.points,
        ...(answers.get(c.id) ? { current: answers.get(c.id) } : {}),
      }));
  };
  const rubricInfo = { version: rubric.version, provisional: rubric.provisional, note: rubric.note };

  return new Hono()
    .get('/agreements/:id/grade', async (c) => {
      const agreement = load(c.req.param('id'));
      const { report, changed } = regrade(library, agreement, { on: today(), rubric });
      if (changed) await sync.changed(agreement.id);
      return c.json({ agreementId: agreement.id, on: today(), ...report });
    })
    .get('/agreements/:id/assessment', (c) => {
      const agreement = load(c.req.param('id'));
      const report = gradeStored(library, agreement, { on: today(), rubric });
      return c.json({
        agreementId: agreement.id,
        rubric: rubricInfo,
        checklist: checklist(agreement.id),
        unanswered: report.unanswered,
      });
    })
    .put('/agreements/:id/assessment', writes, async (c) => {
      const agreement = load(c.req.param('id'));
      const body = await readJsonBody(c.req.raw, AssessmentBody);
      const officer = new Map(
        rubric.criteria.filter((k) => k.evaluation === 'officer').map((k) => [k.id, k]),
      );
      const answeredAt = new Date().toISOString();
      const changes = Object.entries(body.answers).map(([criterion, raw]) => {
        const definition = officer.get(criterion);
        if (!definition) {
          throw new ValidationError(
            'unknown_criterion',
            `"${criterion}" không phải tiêu chí do cán bộ đánh giá; các tiêu chí: ${[...officer.keys()].join(', ')}`,
            `"${criterion}" is not an officer criterion; they are: ${[...officer.keys()].join(', ')}`,
          );
        }
        const { value, note } =
          raw !== null && typeof raw === 'object' ? raw : { value: raw, note: undefined };
        const expected = definition.answer === 'percent' ? 'number' : 'boolean';
        if (value !== null && typeof value !== expected) {
          throw new ValidationError(
            'invalid_answer',
            `Tiêu chí "${criterion}" cần câu trả lời kiểu ${expected === 'number' ? 'số phần trăm (0–100)' : 'có/không (true/false)'}.`,
            `Criterion "${criterion}" takes a ${expected === 'number' ? 'percentage (0–100)' : 'true/false'} answer.`,
          );
        }
        return { criterion, value, answeredBy: body.answeredBy, answeredAt, ...(note ? { note } : {}) };
      });
      library.saveAssessment(agreement.id, changes);
      const { report, changed } = regrade(library, agreement, { on: today(), rubric });
      if (changed) await sync.changed(agreement.id);
      return c.json({ agreementId: agreement.id, checklist: checklist(agreement.id), grade: report });
    })
    .get('/grades', (c) => {
      const query = validate(GradesQuery, c.req.query(), 'query');
      // A year is judged on its last day (or today, for the current year), over the agreements signed by then.
      const on = query.year && `${query.year}-12-31` < today() ? `${query.year}-12-31` : today();
      const counts: Record<StoredGrade, number> = { A: 0, B: 0, C: 0, D: 0, unranked: 0 };
      const items = [];
      for (const summary of eachSummary(library, areaFilter(query))) {
        const signed = summary.meta.signedOn ?? summary.meta.effectiveOn;
        if (query.year && (!signed || signed > on)) continue;
        const agreement = library.get(summary.id);
        if (!agreement) continue;
        const report = gradeStored(library, agreement, { on, rubric });
        counts[report.grade]++;
        items.push({
          id: agreement.id,
          employer: agreement.meta.employer,
          grade: report.grade,
          points: report.score.total,
          unrankedReasons: report.unrankedReasons.map((r) => r.id),
        });
      }
      const total = items.length;
      const share = (n: number) => (total ? Math.round((n / total) * 1000) / 10 : 0);
      return c.json({
        on,
        rubric: rubricInfo,
        total,
        counts,
        share: { A: share(counts.A), B: share(counts.B), AB: share(counts.A + counts.B) },
        grades: GRADES,
        items: items.sort((a, b) => b.points - a.points || a.id.localeCompare(b.id)),
      });
    });
}
