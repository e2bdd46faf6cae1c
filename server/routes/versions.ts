/**
 * Agreements compared with each other and with the law's words: two
 * versions article by article, several agreements side by side on a topic,
 * the distribution of a measure across the library, and each clause against
 * the text of the article it follows.
 */

import { Hono } from 'hono';
import { z } from 'zod';
import { benchmarkTable } from '../../clauses/benchmarks.ts';
import { isIsoDate } from '../../clauses/dates.ts';
import { agreementNotFound, ValidationError } from '../../clauses/errors.ts';
import { EXPIRY_STATUSES, type ExpiryStatus } from '../../clauses/expiry.ts';
import { compareWithLawWording } from '../../clauses/law-wording.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import { compareVersions } from '../../clauses/versions.ts';
import { benchmarkEntries, comparisonOf, type Library } from '../../library/index.ts';
import { benchmarkReportPdf, versionReportPdf } from '../../ui/index.ts';
import { reportFonts } from '../fonts.ts';
import { areaFilter, parseId, validate } from '../validation.ts';

export interface VersionRoutesDeps {
  library: Library;
  today: () => string;
}

const On = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD').optional();
const list = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .refine((xs) => xs.length <= max, `at most ${max} values`);

const Area = {
  industry: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  district: z.string().max(200).optional(),
};

const CompareQuery = z.object({
  ids: list(50).optional(),
  topic: list(10).optional(),
  status: z.enum(EXPIRY_STATUSES as [ExpiryStatus, ...ExpiryStatus[]]).optional(),
  on: On,
  ...Area,
});
const BenchmarkQuery = z.object({ topic: list(10), on: On, ...Area });
const VersionsQuery = z.object({ from: z.string().min(1).max(200), to: z.string().min(1).max(200), on: On });

/** Unknown topic ids are an error, not an empty table. */
function checkTopics(topics: readonly string[] = []): void {
  const unknown = topics.filter((t) => !getTopic(t));
  if (unknown.length)
    throw new ValidationError(
      'unknown_topic',
      `Không có chủ đề: ${unknown.join(', ')} (xem /api/topics).`,
      `Unknown topic: ${unknown.join(', ')} (see /api/topics).`,
    );
}

export function versionRoutes({ library, today }: VersionRoutesDeps) {
  const versions = (raw: Record<string, string>) => {
    const query = validate(VersionsQuery, raw, 'query');
    const from = library.get(parseId(query.from));
    if (!from) throw agreementNotFound(query.from);
    const to = library.get(parseId(query.to));
    if (!to) throw agreementNotFound(query.to);
    return compareVersions(from, to, { on: query.on ?? today() });
  };
  const nWay = (raw: Record<string, string>) => {
    const query = validate(CompareQuery, raw, 'query');
    checkTopics(query.topic);
    const on = query.on ?? today();
    const filter = areaFilter(query);
    if (!query.ids?.length && !filter.industry && !filter.province && !filter.district && !query.status)
      throw new ValidationError(
        'missing_selection',
        'Hãy chọn thỏa ước: ids=a,b,c hoặc một bộ lọc (industry, province, district, status).',
        'Choose agreements: ids=a,b,c or a filter (industry, province, district, status).',
      );
    const ids = query.ids?.map(parseId);
    const { entries, missing } = benchmarkEntries(library, {
      ...(ids ? { ids } : { filter }),
      ...(query.status ? { status: query.status } : {}),
      on,
    });
    if (missing.length) throw agreementNotFound(missing.join(', '));
    const population = benchmarkEntries(library, { on }).entries;
    return { on, ...benchmarkTable(entries, { topics: query.topic ?? [], population }) };
  };
  const pdf = (bytes: Uint8Array, filename: string) =>
    new Response(bytes.slice().buffer as ArrayBuffer, {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${filename}"` },
    });
  return new Hono()
    .get('/topics', (c) =>
      c.json({ topics: TOPICS.map(({ id, label, labelEn, group }) => ({ id, label, labelEn, group })) }),
    )
    .get('/compare/versions', (c) => c.json(versions(c.req.query())))
    .get('/compare/versions.pdf', async (c) => {
      const result = versions(c.req.query());
      return pdf(await versionReportPdf(result, reportFonts()), `${result.from.id}--${result.to.id}.pdf`);
    })
    .get('/compare', (c) => c.json(nWay(c.req.query())))
    .get('/compare.pdf', async (c) =>
      pdf(await benchmarkReportPdf(nWay(c.req.query()), reportFonts()), 'doi-chieu.pdf'),
    )
    .get('/benchmarks', (c) => {
      const query = validate(BenchmarkQuery, c.req.query(), 'query');
      checkTopics(query.topic);
      const on = query.on ?? today();
      const { entries } = benchmarkEntries(library, { filter: areaFilter(query), on });
      const table = benchmarkTable(entries, { topics: query.topic });
      return c.json({
        on,
        topics: table.topics,
        agreements: entries.length,
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
    .get('/agreements/:id/law-wording', (c) => {
      const id = parseId(c.req.param('id'));
      const { on = today() } = validate(z.object({ on: On }), c.req.query(), 'query');
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      return c.json({
        id,
        on,
        ...compareWithLawWording(agreement.tree, comparisonOf(library, agreement, { on })),
      });
    });
}
