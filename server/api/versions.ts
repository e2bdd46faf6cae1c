/**
 * Agreements compared with each other and with the law's words: two
 * versions article by article, several agreements side by side on a topic,
 * the distribution of a measure across the library, and each clause against
 * the text of the article it follows.
 */

import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '../../clauses/errors.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import type { Service } from '../../service/index.ts';
import { assertReadable, seenBy } from '../auth.ts';
import type { ReportRenderer } from '../parse-pool.ts';
import { BenchmarkQuery, CompareQuery, OnQuery, VersionsQuery } from '../schemas.ts';
import { areaFilter, parseId, validQuery } from '../validation.ts';

export interface VersionRoutesDeps {
  service: Service;
  /** Draws the PDF reports (the parse pool in the server). */
  reports: ReportRenderer;
}

/** Unknown topic ids are an error, not an empty table. */
export function checkTopics(topics: readonly string[] = []): void {
  const unknown = topics.filter((t) => !getTopic(t));
  if (unknown.length)
    throw new ValidationError(
      'unknown_topic',
      `Không có chủ đề: ${unknown.join(', ')} (xem /api/topics).`,
      `Unknown topic: ${unknown.join(', ')} (see /api/topics).`,
    );
}

export function versionRoutes({ service, reports }: VersionRoutesDeps) {
  const versions = (c: Context, query: z.infer<typeof VersionsQuery>) => {
    const ids = [parseId(query.from), parseId(query.to)];
    assertReadable(c, service, ids);
    return service.versions(ids[0]!, ids[1]!, query.on);
  };
  const nWay = (c: Context, query: z.infer<typeof CompareQuery>) => {
    checkTopics(query.topic);
    const filter = seenBy(c, areaFilter(query));
    if (!query.ids?.length && !filter.industry && !filter.province && !filter.district && !query.status)
      throw new ValidationError(
        'missing_selection',
        'Hãy chọn thỏa ước: ids=a,b,c hoặc một bộ lọc (industry, province, district, status).',
        'Choose agreements: ids=a,b,c or a filter (industry, province, district, status).',
      );
    const ids = query.ids?.map(parseId);
    if (ids) assertReadable(c, service, ids);
    return service.compareAgreements({
      ...(ids ? { ids } : { filter }),
      status: query.status,
      on: query.on,
      topics: query.topic ?? [],
    });
  };
  const pdf = (bytes: Uint8Array, filename: string) =>
    new Response(bytes.slice().buffer as ArrayBuffer, {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` },
    });
  return new Hono()
    .get('/topics', (c) =>
      c.json({ topics: TOPICS.map(({ id, label, labelEn, group }) => ({ id, label, labelEn, group })) }),
    )
    .get('/compare/versions', validQuery(VersionsQuery), (c) => c.json(versions(c, c.req.valid('query'))))
    .get('/compare/versions.pdf', validQuery(VersionsQuery), async (c) => {
      const result = versions(c, c.req.valid('query'));
      return pdf(
        await reports.draw({ report: 'versions', data: result }),
        `${result.from.id}--${result.to.id}.pdf`,
      );
    })
    .get('/compare', validQuery(CompareQuery), (c) => c.json(nWay(c, c.req.valid('query'))))
    .get('/compare.pdf', validQuery(CompareQuery), async (c) =>
      pdf(await reports.draw({ report: 'benchmarks', data: nWay(c, c.req.valid('query')) }), 'doi-chieu.pdf'),
    )
    .get('/benchmarks', validQuery(BenchmarkQuery), (c) => {
      const query = c.req.valid('query');
      checkTopics(query.topic);
      const { on, agreements, table, refreshing } = service.benchmarks({
        filter: seenBy(c, areaFilter(query)),
        topics: query.topic,
        on: query.on,
      });
      return c.json({
        on,
        topics: table.topics,
        agreements,
        ...(refreshing ? { refreshing } : {}),
        measures: table.columns.map(({ key, label, labelEn, unit, per, better, stats, values, best }) => ({
          key,
          label,
          labelEn,
          unit,
          ...(per ? { per } : {}),
          better,
          stats,
          values,
          ...(best ? { best } : {}),
        })),
      });
    })
    .get('/agreements/:id/law-wording', validQuery(OnQuery), (c) => {
      const id = parseId(c.req.param('id'));
      const { on } = c.req.valid('query');
      const day = on ?? service.today();
      return c.json({ id, on: day, ...service.lawWording(id, { on: day }) });
    });
}
