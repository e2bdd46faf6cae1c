/**
 * /agreements/:id: an agreement with its verdict badges and events (with the
 * forms to record an event or remove it), and its side-by-side view with the law.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type ComparisonRow, VERDICTS, type Verdict } from '../../clauses/compare.ts';
import { targetOf } from '../../clauses/corrections.ts';
import { CbaError } from '../../clauses/errors.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { scanSummary } from '../../clauses/scan.ts';
import { getTopic } from '../../clauses/topics.ts';
import type { WageRegion } from '../../clauses/types.ts';
import type { AgreementView, DayOptions, Service } from '../../service/index.ts';
import { AgreementPage, ComparePage } from '../../ui/index.ts';
import { tokenMatches } from '../auth.ts';
import { ComparisonQuery, CorrectionBody, EventBody } from '../schemas.ts';
import { AGREEMENT_ID } from '../validation.ts';
import { htmlError, langSuffix, messageOf, pageContext, pageQuery, tokenError } from './context.tsx';

export interface AgreementPagesDeps {
  service: Service;
  apiToken: string | undefined;
}

export function agreementPages({ service, apiToken }: AgreementPagesDeps) {
  const notFound = (c: Context) => htmlError(c, 404, pageContext(c).t('notFound'));
  /** The agreement's view, or undefined when the id names nothing. */
  const viewOf = (c: Context): AgreementView | undefined => {
    const id = c.req.param('id') ?? '';
    return AGREEMENT_ID.test(id) && service.find(id) ? service.agreementView(id) : undefined;
  };
  const wordingByNode = (view: Pick<AgreementView, 'wording'>) =>
    Object.fromEntries(view.wording.rows.map((r) => [r.nodeId, r]));
  const agreementPage = (c: Context, view: AgreementView, error?: string) => {
    const { agreement } = view;
    const rows: Record<string, ComparisonRow[]> = {};
    for (const row of view.comparison.rows) rows[row.nodeId] = [...(rows[row.nodeId] ?? []), row];
    return c.html(
      <AgreementPage
        wording={wordingByNode(view)}
        ctx={pageContext(c)}
        agreement={agreement}
        industryName={agreement.meta.industry ? getIndustry(agreement.meta.industry)?.name : undefined}
        expiry={view.expiry}
        rows={rows}
        comparison={view.comparison}
        events={view.events}
        {...(scanSummary(agreement.tree) ? { scan: scanSummary(agreement.tree)! } : {})}
        {...(error ? { error } : {})}
      />,
      error ? 400 : 200,
    );
  };

  /** The side-by-side page, with the officer's correction forms (and the error of a refused one). */
  const comparePage = (c: Context, id: string, day: DayOptions, error?: string, status: 400 | 401 = 400) => {
    const ctx = pageContext(c);
    const view = service.agreementView(id, day);
    const verdictParam = c.req.query('verdict');
    const verdict = VERDICTS.includes(verdictParam as Verdict) ? (verdictParam as Verdict) : undefined;
    const topicParam = c.req.query('topic');
    const used = [...new Set(view.comparison.rows.flatMap((r) => r.topics))];
    const topics = used.flatMap((topicId): Array<[string, string]> => {
      const topic = getTopic(topicId);
      return topic ? [[topicId, ctx.lang === 'vi' ? topic.label : topic.labelEn]] : [];
    });
    // A row is named to a correction by where it is (path, number, table row, which of equals).
    const position = new Map(view.comparison.rows.map((row, i) => [row, i]));
    return c.html(
      <ComparePage
        ctx={ctx}
        wording={wordingByNode(view)}
        agreementId={id}
        title={view.agreement.meta.employer ?? id}
        comparison={view.comparison}
        topics={topics}
        correct={{
          action: `/agreements/${id}/corrections${langSuffix(c, '?')}`,
          targetOf: (row: ComparisonRow) => targetOf(view.comparison.rows, position.get(row) ?? 0),
        }}
        {...(verdict ? { verdict } : {})}
        {...(topicParam && getTopic(topicParam) ? { topic: topicParam } : {})}
        {...(error ? { error } : {})}
      />,
      error ? status : 200,
    );
  };

  return new Hono()
    .get('/:id', (c) => {
      const view = viewOf(c);
      return view ? agreementPage(c, view) : notFound(c);
    })
    .post('/:id/events', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const view = viewOf(c);
      if (!view) return notFound(c);
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      if (!tokenMatches(apiToken, field('token'))) return agreementPage(c, view, tokenError(apiToken));
      // The form's fields, checked with the API's schema of an event.
      const parsed = EventBody.safeParse(
        Object.fromEntries(
          ['type', 'date', 'extendedTo', 'replacedBy', 'note', 'recordedBy']
            .map((name) => [name, field(name)])
            .filter(([, value]) => value !== ''),
        ),
      );
      if (!parsed.success) {
        const type = field('type');
        const problem =
          type === 'replaced' && field('date')
            ? 'Mã thỏa ước thay thế không có trong thư viện / no such replacing agreement.'
            : type === 'extended' && field('date')
              ? 'Ngày gia hạn không hợp lệ / the extension date is not valid.'
              : 'Chọn loại sự kiện và ngày / choose an event and a date.';
        return agreementPage(c, view, problem);
      }
      try {
        await service.recordEvent(view.agreement.id, {
          ...parsed.data,
          ...(parsed.data.note ? { note: parsed.data.note.slice(0, 1000) } : {}),
        });
      } catch (error) {
        if (error instanceof CbaError) return agreementPage(c, view, messageOf(c, error));
        throw error;
      }
      return c.redirect(`/agreements/${view.agreement.id}${langSuffix(c, '?')}#events-title`, 303);
    })
    .post('/:id/remove', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const view = viewOf(c);
      if (!view) return notFound(c);
      const form = await c.req.parseBody();
      if (!tokenMatches(apiToken, String(form.token ?? '')))
        return agreementPage(c, view, tokenError(apiToken));
      await service.remove(view.agreement.id);
      return c.redirect(pageContext(c).lang === 'en' ? '/?lang=en' : '/', 303);
    })
    .get('/:id/compare', pageQuery(ComparisonQuery), (c) => {
      const id = c.req.param('id');
      if (!AGREEMENT_ID.test(id) || !service.find(id)) return notFound(c);
      const query = c.req.valid('query');
      return comparePage(c, id, {
        on: query.on,
        ...(query.region ? { region: query.region as WageRegion } : {}),
      });
    })
    .post('/:id/corrections', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const id = c.req.param('id');
      if (!AGREEMENT_ID.test(id) || !service.find(id)) return notFound(c);
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      if (!tokenMatches(apiToken, field('token'))) return comparePage(c, id, {}, tokenError(apiToken), 401);
      const number = (name: string) => (field(name) === '' ? undefined : Number(field(name)));
      const parsed = CorrectionBody.safeParse({
        kind: field('kind'),
        target: {
          path: field('path'),
          written: field('written'),
          ...(number('row') !== undefined ? { row: number('row') } : {}),
          ...(number('occurrence') !== undefined ? { occurrence: number('occurrence') } : {}),
        },
        ...(field('verdict') ? { verdict: field('verdict') } : {}),
        reason: field('reason'),
        by: field('by'),
      });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
        return comparePage(c, id, {}, `Hiệu chỉnh chưa đủ / incomplete correction: ${problems}`, 400);
      }
      try {
        await service.correct(id, parsed.data);
      } catch (error) {
        if (error instanceof CbaError) return comparePage(c, id, {}, messageOf(c, error), 400);
        throw error;
      }
      return c.redirect(`/agreements/${id}/compare${langSuffix(c, '?')}`, 303);
    });
}
