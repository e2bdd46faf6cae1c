/**
 * /agreements/:id: an agreement with its verdict badges and events (with the
 * forms to record an event or remove it), and its side-by-side view with the law.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type ComparisonRow, VERDICTS, type Verdict } from '../../clauses/compare.ts';
import { targetOf } from '../../clauses/corrections.ts';
import { CbaError, ValidationError } from '../../clauses/errors.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { EDITABLE_META_FIELDS } from '../../clauses/meta-edits.ts';
import { describeProvince } from '../../clauses/provinces.ts';
import { scanSummary } from '../../clauses/scan.ts';
import { getTopic } from '../../clauses/topics.ts';
import type { WageRegion } from '../../clauses/types.ts';
import { type AgreementView, type DayOptions, type Service, textVisible } from '../../service/index.ts';
import { AgreementPage, ComparePage, type RefusedMetaEdit } from '../../ui/index.ts';
import { checkFormWrite } from '../auth.ts';
import { ComparisonQuery, CorrectionBody, EventBody } from '../schemas.ts';
import { AGREEMENT_ID } from '../validation.ts';
import { formOf, htmlError, langSuffix, messageOf, pageContext, pageQuery } from './context.tsx';

export interface AgreementPagesDeps {
  service: Service;
  apiToken: string | undefined;
}

export function agreementPages({ service, apiToken }: AgreementPagesDeps) {
  const deps = { service, apiToken };
  const notFound = (c: Context) => htmlError(c, 404, pageContext(c).t('notFound'));
  /** Union-internal agreements are not there for anonymous readers. */
  const readable = (c: Context, id: string) =>
    c.get('principal') !== undefined || service.accessOf(id)?.visibility !== 'internal';
  /** The agreement's view, or undefined when the id names nothing. */
  const viewOf = (c: Context): AgreementView | undefined => {
    const id = c.req.param('id') ?? '';
    if (!AGREEMENT_ID.test(id) || !service.find(id)) return undefined;
    if (!readable(c, id)) return undefined;
    const view = service.agreementView(id);
    if (textVisible(c.get('principal'), service.accessOf(id)?.visibility ?? 'public')) return view;
    // Summary-only, for an anonymous reader: the metadata and verdicts, not the text.
    return {
      ...view,
      agreement: { ...view.agreement, tree: [], preamble: [], closing: [] },
      wording: { ...view.wording, rows: [] },
    };
  };
  const wordingByNode = (view: Pick<AgreementView, 'wording'>) =>
    Object.fromEntries(view.wording.rows.map((r) => [r.nodeId, r]));
  const agreementPage = (
    c: Context,
    view: AgreementView,
    error?: string,
    status: 400 | 401 | 403 = 400,
    metaError?: string,
    refusedMeta?: RefusedMetaEdit,
  ) => {
    const { agreement } = view;
    const ctx = pageContext(c);
    const province = agreement.meta.province ? describeProvince(agreement.meta.province) : undefined;
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
        sources={service.sources(agreement.id)}
        successors={service.successors(agreement.id)}
        {...(province ? { provinceLabel: ctx.lang === 'vi' ? province.vi : province.en } : {})}
        {...(scanSummary(agreement.tree) ? { scan: scanSummary(agreement.tree)! } : {})}
        {...(error ? { error } : {})}
        {...(metaError ? { metaError } : {})}
        {...(refusedMeta ? { refusedMeta } : {})}
      />,
      error || metaError ? status : 200,
    );
  };

  /** The side-by-side page, with the officer's correction forms (and the error of a refused one). */
  const comparePage = (
    c: Context,
    id: string,
    day: DayOptions,
    error?: string,
    status: 400 | 401 | 403 = 400,
  ) => {
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
      const form = await formOf(c);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      const write = checkFormWrite(c, deps, form, 'event', view.agreement.id);
      if (!write.ok) return agreementPage(c, view, write.message, write.status === 401 ? 400 : write.status);
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
        await service.recordEvent(
          view.agreement.id,
          { ...parsed.data, ...(parsed.data.note ? { note: parsed.data.note.slice(0, 1000) } : {}) },
          write.actor,
        );
      } catch (error) {
        if (error instanceof CbaError) return agreementPage(c, view, messageOf(c, error));
        throw error;
      }
      return c.redirect(`/agreements/${view.agreement.id}${langSuffix(c, '?')}#events-title`, 303);
    })
    .post('/:id/metadata', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const view = viewOf(c);
      if (!view) return notFound(c);
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      // What the officer typed, shown again when the edit is refused (never the token).
      const typed = Object.fromEntries(
        [...Object.keys(EDITABLE_META_FIELDS), 'by']
          .filter((name) => typeof form[name] === 'string')
          .map((name) => [name, (form[name] as string).slice(0, 500)]),
      );
      const write = checkFormWrite(c, deps, form, 'edit', view.agreement.id);
      if (!write.ok)
        return agreementPage(c, view, undefined, write.status === 401 ? 400 : write.status, write.message, {
          typed,
          messageVi: write.message,
          messageEn: write.message,
        });
      const by = field('by') || write.actor.actorName;
      // Only the fields the officer changed: the form sends every field with its current value.
      const current = view.agreement.meta as unknown as Record<string, unknown>;
      const set = Object.fromEntries(
        Object.keys(EDITABLE_META_FIELDS)
          .filter((name) => typeof form[name] === 'string')
          .map((name) => [name, field(name)] as const)
          .filter(([name, value]) => value !== (current[name] === undefined ? '' : String(current[name])))
          .map(([name, value]) => [name, value === '' ? null : value]),
      );
      if (Object.keys(set).length === 0)
        return c.redirect(`/agreements/${view.agreement.id}${langSuffix(c, '?')}#meta-title`, 303);
      try {
        await service.editMetadata(view.agreement.id, { set, by: by.slice(0, 200) }, write.actor);
      } catch (error) {
        if (error instanceof CbaError)
          return agreementPage(c, view, undefined, 400, messageOf(c, error), {
            typed,
            ...(error instanceof ValidationError && error.field ? { field: error.field } : {}),
            messageVi: error.messageVi,
            messageEn: error.message,
          });
        throw error;
      }
      return c.redirect(`/agreements/${view.agreement.id}${langSuffix(c, '?')}#meta-title`, 303);
    })
    .post('/:id/remove', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const view = viewOf(c);
      if (!view) return notFound(c);
      const form = await formOf(c);
      const write = checkFormWrite(c, deps, form, 'remove', view.agreement.id);
      if (!write.ok) return agreementPage(c, view, write.message, write.status === 401 ? 400 : write.status);
      await service.remove(view.agreement.id, write.actor);
      return c.redirect(pageContext(c).lang === 'en' ? '/?lang=en' : '/', 303);
    })
    .get('/:id/compare', pageQuery(ComparisonQuery), (c) => {
      const id = c.req.param('id');
      if (!AGREEMENT_ID.test(id) || !service.find(id) || !readable(c, id)) return notFound(c);
      if (!textVisible(c.get('principal'), service.accessOf(id)?.visibility ?? 'public'))
        return htmlError(
          c,
          403,
          'Chỉ công khai phần tóm tắt; đăng nhập để xem văn bản / summary only: sign in to read the text.',
        );
      const query = c.req.valid('query');
      return comparePage(c, id, {
        on: query.on,
        ...(query.region ? { region: query.region as WageRegion } : {}),
      });
    })
    .post('/:id/corrections', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const id = c.req.param('id');
      if (!AGREEMENT_ID.test(id) || !service.find(id) || !readable(c, id)) return notFound(c);
      const form = await formOf(c);
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      const write = checkFormWrite(c, deps, form, 'correct', id);
      if (!write.ok) return comparePage(c, id, {}, write.message, write.status);
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
        await service.correct(id, parsed.data, write.actor);
      } catch (error) {
        if (error instanceof CbaError) return comparePage(c, id, {}, messageOf(c, error), 400);
        throw error;
      }
      return c.redirect(`/agreements/${id}/compare${langSuffix(c, '?')}`, 303);
    });
}
