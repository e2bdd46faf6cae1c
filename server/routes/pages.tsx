/**
 * The web interface: routes gather data from the library, the search index
 * and the domain, and hand it to the pages of `ui/` (which never read the
 * library). Forms work without JavaScript; writes take the API token in the form.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { benchmarkTable } from '../../clauses/benchmarks.ts';
import {
  type Comparison,
  type ComparisonRow,
  compareWithFloors,
  VERDICTS,
  type Verdict,
} from '../../clauses/compare.ts';
import { isIsoDate } from '../../clauses/dates.ts';
import { CbaError, DuplicateError } from '../../clauses/errors.ts';
import { EXPIRY_STATUSES, type ExpiryStatus, expiryReport, expiryStatus } from '../../clauses/expiry.ts';
import type { Rubric } from '../../clauses/grading.ts';
import { getIndustry, INDUSTRIES, resolveIndustry } from '../../clauses/industries.ts';
import { compareWithLawWording } from '../../clauses/law-wording.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import type { Agreement, AgreementEventType, WageRegion } from '../../clauses/types.ts';
import { compareVersions } from '../../clauses/versions.ts';
import { importFile } from '../../importer/index.ts';
import {
  benchmarkEntries,
  comparisonOf,
  eachSummary,
  gradeStored,
  type Library,
  regrade,
  type SearchIndex,
} from '../../library/index.ts';
import {
  AgreementPage,
  BelowFloorPage,
  BenchmarksPage,
  CheckPage,
  ComparePage,
  ErrorPage,
  ExpiryPage,
  GradePage,
  GradesPage,
  type ImportOutcome,
  ImportPage,
  type Language,
  type PageContext,
  SearchPage,
  translator,
  VersionsPage,
} from '../../ui/index.ts';
import { tokenMatches } from '../auth.ts';
import type { SearchSync } from '../search-sync.ts';
import { AGREEMENT_ID } from '../validation.ts';

export interface PageRoutesDeps {
  library: Library;
  search: SearchIndex | undefined;
  apiToken: string | undefined;
  maxUploadBytes: number;
  today: () => string;
  rubric: Rubric;
  sync: SearchSync;
}

const STATIC_DIR = join(import.meta.dirname, '..', '..', 'ui', 'static');
const STATIC: Record<string, { body: string; type: string }> = {
  'style.css': { body: readFileSync(join(STATIC_DIR, 'style.css'), 'utf8'), type: 'text/css; charset=utf-8' },
  'app.js': {
    body: readFileSync(join(STATIC_DIR, 'app.js'), 'utf8'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** The page context of a request: `?lang=en` switches to English. */
export function pageContext(c: Context): PageContext {
  const lang: Language = c.req.query('lang') === 'en' ? 'en' : 'vi';
  const url = new URL(c.req.url);
  return { lang, t: translator(lang), url: `${url.pathname}${url.search}` };
}

/** An HTML error page (the API answers JSON). */
export function htmlError(
  c: Context,
  status: 404 | 400 | 413 | 500,
  message: string,
): Response | Promise<Response> {
  return c.html(<ErrorPage ctx={pageContext(c)} status={status} message={message} />, status);
}

const EVENT_TYPES: AgreementEventType[] = ['filed', 'negotiation_started', 'extended', 'replaced'];

const list = (c: Context, name: string) =>
  (c.req.queries(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** Builds the sub-app mounted at /. */
export function pageRoutes(deps: PageRoutesDeps) {
  const { library, search, apiToken, maxUploadBytes, today, rubric, sync } = deps;
  const industryNames = Object.fromEntries(INDUSTRIES.map((i) => [i.id, i.name]));
  const topicNames = (lang: Language) =>
    Object.fromEntries(TOPICS.map((t) => [t.id, lang === 'vi' ? t.label : t.labelEn]));
  const load = (c: Context) => {
    const id = c.req.param('id') ?? '';
    const agreement = AGREEMENT_ID.test(id) ? library.get(id) : undefined;
    return agreement;
  };
  const wordingByNode = (agreement: Agreement, comparison: Comparison) =>
    Object.fromEntries(compareWithLawWording(agreement.tree, comparison).rows.map((r) => [r.nodeId, r]));
  const notFound = (c: Context) => htmlError(c, 404, pageContext(c).t('notFound'));
  const tokenError = () =>
    apiToken
      ? 'Sai mã ghi / wrong token.'
      : 'Máy chủ chỉ đọc (chưa đặt CBA_API_TOKEN) / the server is read-only.';
  const agreementPage = (c: Context, agreement: Agreement, error?: string) => {
    const events = library.events([agreement.id]).get(agreement.id) ?? [];
    const comparison = comparisonOf(library, agreement, { on: today() });
    const rows: Record<string, ComparisonRow[]> = {};
    for (const row of comparison.rows) rows[row.nodeId] = [...(rows[row.nodeId] ?? []), row];
    return c.html(
      <AgreementPage
        wording={wordingByNode(agreement, comparison)}
        ctx={pageContext(c)}
        agreement={agreement}
        industryName={agreement.meta.industry ? getIndustry(agreement.meta.industry)?.name : undefined}
        expiry={expiryStatus(agreement, today(), { events })}
        rows={rows}
        events={events}
        {...(error ? { error } : {})}
      />,
      error ? 400 : 200,
    );
  };
  const maxMegabytes = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;

  const gradePage = (c: Context, agreementId: string, extra: { saved?: boolean; error?: string } = {}) => {
    const ctx = pageContext(c);
    const agreement = library.get(agreementId);
    if (!agreement) return notFound(c);
    const report = gradeStored(library, agreement, { on: today(), rubric });
    const answers = new Map(library.assessment(agreement.id).map((a) => [a.criterion, a]));
    const checklist = rubric.criteria
      .filter((k) => k.evaluation === 'officer')
      .map((k) => ({
        criterion: k.id,
        label: k.label,
        labelEn: k.labelEn,
        answer: k.answer,
        current: answers.get(k.id),
      }));
    return c.html(
      <GradePage
        ctx={ctx}
        agreementId={agreement.id}
        title={agreement.meta.employer ?? agreement.id}
        report={report}
        checklist={checklist}
        {...extra}
      />,
      extra.error ? 400 : 200,
    );
  };

  return new Hono()
    .get('/static/:file', (c) => {
      const file = STATIC[c.req.param('file')];
      if (!file) return c.text('Not found', 404);
      return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=300' });
    })
    .get('/', async (c) => {
      const ctx = pageContext(c);
      const q = (c.req.query('q') ?? '').slice(0, 500);
      const sourceParam = c.req.query('source');
      const source = sourceParam === 'law' || sourceParam === 'all' ? sourceParam : 'agreements';
      const page = Math.min(500, Math.max(1, Number(c.req.query('page')) || 1));
      const pageSize = 20;
      // Unknown filter values are dropped rather than refused: a shared link should still open.
      const filters = {
        industry: list(c, 'industry').flatMap((v) => resolveIndustry(v)?.id ?? []),
        province: list(c, 'province').flatMap((v) => resolveProvince(v)?.name ?? []),
        topic: list(c, 'topic').filter((v) => getTopic(v)),
        status: list(c, 'status').filter((v): v is ExpiryStatus =>
          EXPIRY_STATUSES.includes(v as ExpiryStatus),
        ),
        grade: list(c, 'grade').filter((v) => ['A', 'B', 'C', 'D', 'unranked'].includes(v)),
      };
      const empty = {
        total: 0,
        hits: [],
        facets: { industry: {}, province: {}, topic: {}, status: {}, grade: {} },
        tookMs: 0,
      };
      const result = search
        ? await search.search({
            q,
            filters,
            source,
            sort: 'relevance',
            limit: pageSize,
            offset: (page - 1) * pageSize,
            on: today(),
          })
        : empty;
      return c.html(
        <SearchPage
          ctx={ctx}
          q={q}
          source={source}
          filters={filters}
          total={result.total}
          tookMs={result.tookMs}
          hits={result.hits}
          facets={result.facets}
          page={page}
          pageSize={pageSize}
          names={{ industry: industryNames, topic: topicNames(ctx.lang) }}
        />,
      );
    })
    .get('/agreements/:id', (c) => {
      const agreement = load(c);
      return agreement ? agreementPage(c, agreement) : notFound(c);
    })
    .post('/agreements/:id/events', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const agreement = load(c);
      if (!agreement) return notFound(c);
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
      if (!tokenMatches(apiToken, field('token'))) return agreementPage(c, agreement, tokenError());
      const type = field('type') as AgreementEventType;
      const date = field('date');
      const extendedTo = field('extendedTo');
      const replacedBy = field('replacedBy');
      const events = library.events([agreement.id]).get(agreement.id) ?? [];
      const current = expiryStatus(agreement, date || today(), { events }).expiresOn;
      const problem =
        !EVENT_TYPES.includes(type) || !isIsoDate(date)
          ? 'Chọn loại sự kiện và ngày / choose an event and a date.'
          : type === 'extended' &&
              (!isIsoDate(extendedTo) || (current !== undefined && extendedTo <= current))
            ? `Ngày gia hạn phải sau ${current ?? '—'} / the extension must end after ${current ?? '—'}.`
            : type === 'replaced' &&
                (!AGREEMENT_ID.test(replacedBy) || replacedBy === agreement.id || !library.get(replacedBy))
              ? 'Mã thỏa ước thay thế không có trong thư viện / no such replacing agreement.'
              : undefined;
      if (problem) return agreementPage(c, agreement, problem);
      library.addEvent(agreement.id, {
        type,
        date,
        ...(type === 'extended' ? { extendedTo } : {}),
        ...(type === 'replaced' ? { replacedBy } : {}),
        ...(field('note') ? { note: field('note').slice(0, 1000) } : {}),
        ...(field('recordedBy') ? { recordedBy: field('recordedBy').slice(0, 200) } : {}),
      });
      if (type === 'extended') await sync.changed(agreement.id);
      if (regrade(library, agreement, { on: today(), rubric }).changed) await sync.changed(agreement.id);
      return c.redirect(
        `/agreements/${agreement.id}${pageContext(c).lang === 'en' ? '?lang=en' : ''}#events-title`,
        303,
      );
    })
    .post('/agreements/:id/remove', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const agreement = load(c);
      if (!agreement) return notFound(c);
      const form = await c.req.parseBody();
      if (!tokenMatches(apiToken, String(form.token ?? ''))) return agreementPage(c, agreement, tokenError());
      library.remove(agreement.id);
      await sync.removed(agreement.id);
      return c.redirect(pageContext(c).lang === 'en' ? '/?lang=en' : '/', 303);
    })
    .get('/versions', (c) => {
      const ctx = pageContext(c);
      const agreements = [...eachSummary(library)].map((a) => ({
        id: a.id,
        label: `${a.meta.employer ?? a.id}${a.meta.signedOn ? ` (${a.meta.signedOn.slice(0, 4)})` : ''} — ${a.id}`,
      }));
      const from = c.req.query('from');
      const to = c.req.query('to');
      const all = c.req.query('all') === '1';
      const props = { ctx, agreements, all, ...(from ? { from } : {}), ...(to ? { to } : {}) };
      if (!from || !to) return c.html(<VersionsPage {...props} />);
      const [older, newer] = [library.get(from), library.get(to)];
      if (!older || !newer) {
        return c.html(<VersionsPage {...props} error={ctx.t('notFound')} />, 404);
      }
      return c.html(<VersionsPage {...props} result={compareVersions(older, newer, { on: today() })} />);
    })
    .get('/benchmarks', (c) => {
      const ctx = pageContext(c);
      const topic = c.req.queries('topic')?.filter((t) => getTopic(t)) ?? [];
      const ids = (c.req.query('ids') ?? '').trim();
      const industryParam = c.req.query('industry') || undefined;
      const provinceParam = c.req.query('province') || undefined;
      const dir = c.req.query('dir') === 'asc' ? ('asc' as const) : ('desc' as const);
      const sort = c.req.query('sort');
      const query = {
        topic,
        ids,
        dir,
        ...(industryParam ? { industry: industryParam } : {}),
        ...(provinceParam ? { province: provinceParam } : {}),
        ...(sort ? { sort } : {}),
      };
      const props = {
        ctx,
        query,
        topics: TOPICS.map((t): [string, string] => [t.id, ctx.lang === 'vi' ? t.label : t.labelEn]),
        industries: INDUSTRIES.map((i): [string, string] => [i.id, i.name]),
      };
      if (!ids && !industryParam && !provinceParam) return c.html(<BenchmarksPage {...props} />);
      const industry = industryParam ? resolveIndustry(industryParam)?.id : undefined;
      const province = provinceParam ? resolveProvince(provinceParam)?.name : undefined;
      const on = today();
      const chosen = benchmarkEntries(library, {
        ...(ids
          ? {
              ids: ids
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            }
          : { filter: { industry, province } }),
        on,
      });
      if (chosen.missing.length || (industryParam && !industry) || (provinceParam && !province)) {
        const what = chosen.missing.join(', ') || industryParam || provinceParam || '';
        return c.html(<BenchmarksPage {...props} error={`${ctx.t('notFound')} (${what})`} />, 404);
      }
      const population = benchmarkEntries(library, { on }).entries;
      return c.html(
        <BenchmarksPage
          {...props}
          table={{ on, ...benchmarkTable(chosen.entries, { topics: topic, population }) }}
        />,
      );
    })
    .get('/below-floor', (c) => {
      const onParam = c.req.query('on');
      const on = onParam && isIsoDate(onParam) ? onParam : today();
      const ctx = pageContext(c);
      const items = [];
      for (const summary of eachSummary(library)) {
        const agreement = library.get(summary.id);
        if (!agreement) continue;
        const { unlawful } = comparisonOf(library, agreement, { on });
        if (unlawful.length === 0) continue;
        items.push({
          id: agreement.id,
          employer: agreement.meta.employer,
          province: agreement.meta.province,
          clauses: unlawful.map((row) => ({
            path: row.path,
            written: row.measure.written,
            citation: row.floor?.citation.text,
            difference: ctx.lang === 'vi' ? row.difference?.text : row.difference?.textEn,
          })),
        });
      }
      items.sort((a, b) => b.clauses.length - a.clauses.length || a.id.localeCompare(b.id));
      return c.html(<BelowFloorPage ctx={ctx} on={on} items={items} />);
    })
    .get('/agreements/:id/compare', (c) => {
      const agreement = load(c);
      if (!agreement) return notFound(c);
      const ctx = pageContext(c);
      const onParam = c.req.query('on');
      const on = onParam && isIsoDate(onParam) ? onParam : today();
      const region = Number(c.req.query('region'));
      const comparison = comparisonOf(library, agreement, {
        on,
        ...(region >= 1 && region <= 4 ? { region: region as WageRegion } : {}),
      });
      const verdictParam = c.req.query('verdict');
      const verdict = VERDICTS.includes(verdictParam as Verdict) ? (verdictParam as Verdict) : undefined;
      const topicParam = c.req.query('topic');
      const used = [...new Set(comparison.rows.flatMap((r) => r.topics))];
      const topics = used.flatMap((id): Array<[string, string]> => {
        const topic = getTopic(id);
        return topic ? [[id, ctx.lang === 'vi' ? topic.label : topic.labelEn]] : [];
      });
      return c.html(
        <ComparePage
          ctx={ctx}
          wording={wordingByNode(agreement, comparison)}
          agreementId={agreement.id}
          title={agreement.meta.employer ?? agreement.id}
          comparison={comparison}
          topics={topics}
          {...(verdict ? { verdict } : {})}
          {...(topicParam && getTopic(topicParam) ? { topic: topicParam } : {})}
        />,
      );
    })
    .get('/agreements/:id/grade', (c) => {
      const agreement = load(c);
      return agreement ? gradePage(c, agreement.id, { saved: c.req.query('saved') === '1' }) : notFound(c);
    })
    .post('/agreements/:id/grade', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
      const agreement = load(c);
      if (!agreement) return notFound(c);
      const ctx = pageContext(c);
      const form = await c.req.parseBody();
      if (!tokenMatches(apiToken, String(form.token ?? ''))) {
        return gradePage(c, agreement.id, {
          error: apiToken
            ? 'Sai mã ghi / wrong token.'
            : 'Máy chủ chỉ đọc (chưa đặt CBA_API_TOKEN) / the server is read-only.',
        });
      }
      const answeredBy = String(form.answeredBy ?? '')
        .trim()
        .slice(0, 200);
      if (!answeredBy) return gradePage(c, agreement.id, { error: ctx.t('yourName') });
      const answeredAt = new Date().toISOString();
      const changes = rubric.criteria
        .filter((k) => k.evaluation === 'officer')
        .map((k) => {
          const raw = String(form[k.id] ?? '');
          const value =
            raw === ''
              ? null
              : k.answer === 'percent'
                ? (z.coerce.number().min(0).max(100).safeParse(raw).data ?? null)
                : raw === 'true';
          return { criterion: k.id, value, answeredBy, answeredAt };
        });
      library.saveAssessment(agreement.id, changes);
      const { changed } = regrade(library, agreement, { on: today(), rubric });
      if (changed) await sync.changed(agreement.id);
      return c.redirect(
        `/agreements/${agreement.id}/grade?saved=1${ctx.lang === 'en' ? '&lang=en' : ''}`,
        303,
      );
    })
    .get('/check', (c) => c.html(<CheckPage ctx={pageContext(c)} text="" maxMegabytes={maxMegabytes} />))
    .post(
      '/check',
      bodyLimit({
        maxSize: maxUploadBytes + 64 * 1024,
        onError: (c) => htmlError(c, 413, `> ${maxMegabytes} MB`),
      }),
      async (c) => {
        const ctx = pageContext(c);
        const form = await c.req.parseBody();
        const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
        const text = typeof form.text === 'string' ? form.text : '';
        try {
          const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(text);
          const draft = await importFile(bytes, {
            filename: file?.name || 'du-thao.txt',
            maxBytes: maxUploadBytes,
          });
          const comparison = compareWithFloors(draft, { on: today() });
          return c.html(
            <CheckPage ctx={ctx} text={text} comparison={comparison} maxMegabytes={maxMegabytes} />,
          );
        } catch (error) {
          if (!(error instanceof CbaError)) throw error;
          const message = ctx.lang === 'vi' ? error.messageVi : error.message;
          return c.html(<CheckPage ctx={ctx} text={text} error={message} maxMegabytes={maxMegabytes} />, 400);
        }
      },
    )
    .get('/expiry', (c) => {
      const ctx = pageContext(c);
      const province = (c.req.query('province') ?? '').slice(0, 100);
      const district = (c.req.query('district') ?? '').slice(0, 200);
      const superiorUnion = (c.req.query('superiorUnion') ?? '').slice(0, 200);
      const withinParam = c.req.query('within') ?? '90';
      const within = Number(withinParam);
      const resolved = province ? resolveProvince(province)?.name : undefined;
      const agreements = [
        ...eachSummary(library, {
          ...(resolved ? { province: resolved } : {}),
          ...(district ? { district } : {}),
        }),
      ];
      const report = expiryReport(agreements, today(), {
        events: library.events(agreements.map((a) => a.id)),
        ...(withinParam !== '' && Number.isInteger(within) && within >= 0 ? { within } : {}),
        ...(superiorUnion ? { superiorUnion } : {}),
      });
      const api = new URLSearchParams();
      if (resolved) api.set('province', resolved);
      if (district) api.set('district', district);
      if (superiorUnion) api.set('superiorUnion', superiorUnion);
      if (withinParam !== '' && Number.isInteger(within)) api.set('within', String(within));
      return c.html(
        <ExpiryPage
          ctx={ctx}
          report={report}
          province={province}
          district={district}
          superiorUnion={superiorUnion}
          within={withinParam}
          apiQuery={api.toString() ? `?${api}` : ''}
        />,
      );
    })
    .get('/grades', (c) => {
      const ctx = pageContext(c);
      const area = {
        province: (c.req.query('province') ?? '').slice(0, 100),
        district: (c.req.query('district') ?? '').slice(0, 200),
        industry: (c.req.query('industry') ?? '').slice(0, 100),
      };
      const province = area.province ? resolveProvince(area.province)?.name : undefined;
      const industry = area.industry ? resolveIndustry(area.industry)?.id : undefined;
      const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, unranked: 0 };
      const items = [];
      const filter = {
        ...(province ? { province } : {}),
        ...(industry ? { industry } : {}),
        ...(area.district ? { district: area.district } : {}),
      };
      for (const summary of eachSummary(library, filter)) {
        const agreement = library.get(summary.id);
        if (!agreement) continue;
        const report = gradeStored(library, agreement, { on: today(), rubric });
        counts[report.grade] = (counts[report.grade] ?? 0) + 1;
        items.push({
          id: agreement.id,
          employer: agreement.meta.employer,
          grade: report.grade,
          points: report.score.total,
        });
      }
      const total = items.length;
      const shareAB = total ? Math.round((((counts.A ?? 0) + (counts.B ?? 0)) / total) * 1000) / 10 : 0;
      items.sort((a, b) => b.points - a.points);
      return c.html(
        <GradesPage
          ctx={ctx}
          rubric={rubric}
          counts={counts}
          shareAB={shareAB}
          total={total}
          items={items}
          area={area}
        />,
      );
    })
    .get('/import', (c) => c.html(<ImportPage ctx={pageContext(c)} maxMegabytes={maxMegabytes} />))
    .post(
      '/import',
      bodyLimit({
        maxSize: maxUploadBytes * 20 + 64 * 1024,
        onError: (c) => htmlError(c, 413, `> ${maxMegabytes * 20} MB`),
      }),
      async (c) => {
        const ctx = pageContext(c);
        const form = await c.req.parseBody({ all: true });
        if (!tokenMatches(apiToken, String(form.token ?? ''))) {
          const error = apiToken
            ? 'Sai mã ghi / wrong token.'
            : 'Máy chủ chỉ đọc (chưa đặt CBA_API_TOKEN) / the server is read-only.';
          return c.html(
            <ImportPage ctx={ctx} maxMegabytes={maxMegabytes} error={error} />,
            apiToken ? 401 : 403,
          );
        }
        const files = ([] as unknown[])
          .concat(form.files ?? [])
          .filter((f): f is File => f instanceof File && f.size > 0);
        const outcomes: ImportOutcome[] = [];
        for (const file of files) {
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            const added = library.add(
              await importFile(bytes, { filename: file.name, maxBytes: maxUploadBytes }),
              bytes,
            );
            await sync.added(added);
            if (regrade(library, added, { on: today(), rubric }).changed) await sync.changed(added.id);
            outcomes.push({ file: file.name, status: 'imported', id: added.id, warnings: added.warnings });
          } catch (error) {
            if (error instanceof DuplicateError)
              outcomes.push({ file: file.name, status: 'duplicate', id: error.existingId });
            else if (error instanceof CbaError)
              outcomes.push({
                file: file.name,
                status: 'failed',
                reason: ctx.lang === 'vi' ? error.messageVi : error.message,
              });
            else throw error;
          }
        }
        return c.html(<ImportPage ctx={ctx} maxMegabytes={maxMegabytes} outcomes={outcomes} />);
      },
    );
}
