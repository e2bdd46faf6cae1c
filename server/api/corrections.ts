/**
 * Officers' corrections of a comparison: `POST /api/agreements/:id/corrections` (a row's verdict, subject
 * or value, "not an entitlement", a missed number), `DELETE …/corrections/:cid`, and
 * `GET …/corrections` — the corrections and the corrected rows in the answer-key format of the team's
 * test set (`?format=answer-key` gives the bare array, as a file). Writes need the API token.
 */

import { Hono } from 'hono';
import type { Service } from '../../service/index.ts';
import { actorOfRequest, requireWrite } from '../auth.ts';
import { ComparisonQuery, CorrectionBody } from '../schemas.ts';
import { parseId, readJsonBody, validQuery } from '../validation.ts';

export interface CorrectionRoutesDeps {
  service: Service;
  apiToken: string | undefined;
}

const CORRECTION_ID = /^[0-9a-f-]{36}$/;

/** Builds the sub-app mounted at /api/agreements. */
export function correctionRoutes({ service, apiToken }: CorrectionRoutesDeps) {
  const writes = requireWrite({ service, apiToken }, 'correct', true);
  return new Hono()
    .get('/:id/corrections', validQuery(ComparisonQuery.pick({ on: true })), (c) => {
      const id = parseId(c.req.param('id'));
      const { corrections, answerKey } = service.corrections(id, c.req.valid('query').on);
      if (c.req.query('format') === 'answer-key') {
        c.header('Content-Disposition', `attachment; filename="${id}.labels.json"`);
        return c.json(answerKey);
      }
      return c.json({ agreementId: id, count: corrections.length, corrections, answerKey });
    })
    .post('/:id/corrections', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      service.agreement(id);
      const body = await readJsonBody(c.req.raw, CorrectionBody);
      const { correction, grade } = await service.correct(id, body, actorOfRequest(c));
      c.header('Location', `/api/agreements/${id}/corrections`);
      return c.json({ agreementId: id, correction, grade, comparison: service.comparison(id) }, 201);
    })
    .delete('/:id/corrections/:cid', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      const cid = c.req.param('cid');
      const grade = await service.withdrawCorrection(
        id,
        CORRECTION_ID.test(cid) ? cid : '-',
        actorOfRequest(c),
      );
      return c.json({ agreementId: id, withdrawn: cid, grade });
    });
}
