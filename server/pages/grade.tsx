/** /agreements/:id/grade: an agreement's grade explained, and the officer's checklist form. */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Rubric } from '../../clauses/grading.ts';
import type { AnswerInput, Service } from '../../service/index.ts';
import { GradePage } from '../../ui/index.ts';
import { checkFormWrite } from '../auth.ts';
import { AssessmentBody } from '../schemas.ts';
import { AGREEMENT_ID } from '../validation.ts';
import { formOf, htmlError, langSuffix, pageContext } from './context.tsx';

export interface GradePagesDeps {
  service: Service;
  apiToken: string | undefined;
  rubric: Rubric;
}

const Percent = z.coerce.number().min(0).max(100);

export function gradePages({ service, apiToken, rubric }: GradePagesDeps) {
  const known = (c: Context) => {
    const id = c.req.param('id') ?? '';
    const hidden = !c.get('principal') && service.accessOf(id)?.visibility === 'internal';
    return AGREEMENT_ID.test(id) && service.find(id) && !hidden ? id : undefined;
  };
  const gradePage = (
    c: Context,
    id: string,
    extra: { saved?: boolean; error?: string } = {},
    status: 400 | 401 | 403 = 400,
  ) => {
    const agreement = service.agreement(id);
    return c.html(
      <GradePage
        ctx={pageContext(c)}
        agreementId={id}
        title={agreement.meta.employer ?? id}
        report={service.grade(id)}
        checklist={service.checklist(id)}
        {...extra}
      />,
      extra.error ? status : 200,
    );
  };
  const notFound = (c: Context) => htmlError(c, 404, pageContext(c).t('notFound'));

  return new Hono()
    .get('/:id/grade', (c) => {
      const id = known(c);
      return id ? gradePage(c, id, { saved: c.req.query('saved') === '1' }) : notFound(c);
    })
    .post('/:id/grade', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const id = known(c);
      if (!id) return notFound(c);
      const form = await formOf(c);
      const write = checkFormWrite(c, { service, apiToken }, form, 'assess', id);
      if (!write.ok)
        return gradePage(c, id, { error: write.message }, write.status === 401 ? 400 : write.status);
      // Every officer criterion is on the form: an empty field withdraws its answer.
      const answers: Record<string, AnswerInput> = {};
      for (const k of rubric.criteria.filter((k) => k.evaluation === 'officer')) {
        const raw = String(form[k.id] ?? '');
        answers[k.id] =
          raw === '' ? null : k.answer === 'percent' ? (Percent.safeParse(raw).data ?? null) : raw === 'true';
      }
      const body = AssessmentBody.safeParse({
        answeredBy: String(form.answeredBy ?? '').slice(0, 200),
        answers,
      });
      if (!body.success) return gradePage(c, id, { error: pageContext(c).t('yourName') });
      await service.saveAnswers(id, { ...body.data, actor: write.actor });
      return c.redirect(`/agreements/${id}/grade?saved=1${langSuffix(c, '&')}`, 303);
    });
}
