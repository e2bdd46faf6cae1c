/**
 * Grading: an agreement's grade with every point explained, the officer's
 * assessment checklist (read, and answered with the write token), and the
 * grades of an area — the counts and shares of A and B federations report.
 */

import { Hono } from 'hono';
import type { Rubric } from '../../clauses/grading.ts';
import type { Service } from '../../service/index.ts';
import { actorOfRequest, requireWrite, seenBy } from '../auth.ts';
import { jsonListResponse } from '../json-list.ts';
import { AssessmentBody, GradesQuery } from '../schemas.ts';
import { areaFilter, pageOf, parseId, readJsonBody, validQuery } from '../validation.ts';

export interface GradingRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  today: () => string;
  rubric: Rubric;
}

/** Builds the sub-app mounted at /api. */
export function gradingRoutes({ service, apiToken, today, rubric }: GradingRoutesDeps) {
  const writes = requireWrite({ service, apiToken }, 'assess', true);
  const rubricInfo = { version: rubric.version, provisional: rubric.provisional, note: rubric.note };

  return new Hono()
    .get('/agreements/:id/grade', async (c) => {
      const id = parseId(c.req.param('id'));
      const { report } = await service.regrade(id);
      return c.json({ agreementId: id, on: today(), ...report });
    })
    .get('/agreements/:id/assessment', (c) => {
      const id = parseId(c.req.param('id'));
      const report = service.grade(id);
      return c.json({
        agreementId: id,
        rubric: rubricInfo,
        checklist: service.checklist(id),
        unanswered: report.unanswered,
      });
    })
    .put('/agreements/:id/assessment', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      service.agreement(id);
      const body = await readJsonBody(c.req.raw, AssessmentBody);
      const grade = await service.saveAnswers(id, { ...body, actor: actorOfRequest(c) });
      return c.json({ agreementId: id, checklist: service.checklist(id), grade });
    })
    .get('/grades', validQuery(GradesQuery), (c) => {
      const query = c.req.valid('query');
      const dashboard = service.grades({
        filter: seenBy(c, areaFilter(query)),
        ...(query.year ? { year: query.year } : {}),
      });
      // `total`, `counts` and `share` stay the whole area's; `items` is the page asked, if any.
      const { page, paging } = pageOf(dashboard.items, query);
      const { items: _items, refreshing, ...before } = dashboard;
      return jsonListResponse(c, before, service.gradePieces(page), {
        ...(refreshing ? { refreshing } : {}),
        ...paging,
        rubric: rubricInfo,
      });
    });
}
