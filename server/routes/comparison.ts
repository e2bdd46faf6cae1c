/**
 * Side by side with the law: the comparison of a stored agreement, the
 * floors in force on a date, a pre-signing check of a draft that stores
 * nothing, and the agreements that fall below the floor on a date.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { type Comparison, type ComparisonRow, compareWithFloors } from '../../clauses/compare.ts';
import { isIsoDate } from '../../clauses/dates.ts';
import { agreementNotFound } from '../../clauses/errors.ts';
import { expiryStatus } from '../../clauses/expiry.ts';
import { floorsInForce, LEGAL_FLOORS } from '../../clauses/floors.ts';
import type { Rubric } from '../../clauses/grading.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { lawExcerpt } from '../../clauses/law.ts';
import type { Agreement, WageRegion } from '../../clauses/types.ts';
import { importFile } from '../../importer/index.ts';
import {
  type AgreementFilter,
  comparisonOf,
  eachSummary,
  gradeStored,
  type Library,
} from '../../library/index.ts';
import { agreementReportPdf, checkReportPdf } from '../../ui/index.ts';
import { tooLarge } from '../errors.ts';
import { reportFonts } from '../fonts.ts';
import { readUpload } from '../upload.ts';
import { areaFilter, parseId, validate } from '../validation.ts';

export interface ComparisonRoutesDeps {
  library: Library;
  maxUploadBytes: number;
  /** Today's date, the default `on`. */
  today: () => string;
  rubric: Rubric;
}

const OnDate = z
  .string()
  .refine(isIsoDate, 'expected a date YYYY-MM-DD between 1900 and 2100')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'expected a date between 1900 and 2100')
  .optional();

const ComparisonQuery = z.object({
  on: OnDate,
  region: z.coerce.number().int().min(1).max(4).optional(),
});

const BelowFloorQuery = ComparisonQuery.extend({
  industry: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  district: z.string().max(200).optional(),
});

function comparisonOptions(query: z.infer<typeof ComparisonQuery>, today: string) {
  const options: { on: string; region?: WageRegion } = { on: query.on ?? today };
  if (query.region) options.region = query.region as WageRegion;
  return options;
}

/** The short form of a below-floor row for lists. */
function belowRow(row: ComparisonRow) {
  return {
    nodeId: row.nodeId,
    path: row.path,
    subject: row.subject,
    written: row.measure.written,
    floor: row.floor?.value,
    difference: row.difference,
    citation: row.floor?.citation.text,
  };
}

/** Every stored agreement matching a filter. */
function* allAgreements(library: Library, filter: AgreementFilter): Generator<Agreement> {
  for (const item of eachSummary(library, filter)) {
    const agreement = library.get(item.id);
    if (agreement) yield agreement;
  }
}

function withLinks(comparison: Comparison, id: string) {
  return {
    ...comparison,
    links: { agreement: `/api/agreements/${id}`, self: `/api/agreements/${id}/comparison` },
  };
}

function pdfResponse(c: Context, pdf: Uint8Array, filename: string): Response {
  return c.body(pdf.slice().buffer as ArrayBuffer, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${filename}"`,
  });
}

/** Builds the sub-app mounted at /api. */
export function comparisonRoutes({ library, maxUploadBytes, today, rubric }: ComparisonRoutesDeps) {
  const checkLimit = bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: (c) => tooLarge(c, maxUploadBytes),
  });
  /** Reads a draft (multipart, JSON or raw text) and compares it; nothing is stored. */
  const checkDraft = async (request: Request, rawQuery: Record<string, string>) => {
    const query = validate(ComparisonQuery, rawQuery, 'query');
    const { bytes, filename, overrides } = await readUpload(request, { rawText: true });
    const draft = await importFile(bytes, { filename, overrides, maxBytes: maxUploadBytes });
    return { draft, comparison: compareWithFloors(draft, comparisonOptions(query, today())) };
  };
  return new Hono()
    .get('/agreements/:id/comparison', (c) => {
      const id = parseId(c.req.param('id'));
      const query = validate(ComparisonQuery, c.req.query(), 'query');
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      return c.json(withLinks(comparisonOf(library, agreement, comparisonOptions(query, today())), id));
    })
    .get('/floors', (c) => {
      const { on = today() } = validate(ComparisonQuery.pick({ on: true }), c.req.query(), 'query');
      const floors = floorsInForce(on).map((floor) => ({ ...floor, law: lawExcerpt(floor.citation) }));
      return c.json({
        on,
        version: LEGAL_FLOORS.version,
        source: LEGAL_FLOORS.source,
        count: floors.length,
        floors,
      });
    })
    .post('/check', checkLimit, async (c) => {
      const { draft, comparison } = await checkDraft(c.req.raw, c.req.query());
      return c.json({
        draft: { meta: draft.meta, stats: draft.stats, warnings: draft.warnings, source: draft.source },
        comparison,
        stored: false,
      });
    })
    .post('/check/report.pdf', checkLimit, async (c) => {
      const { draft, comparison } = await checkDraft(c.req.raw, c.req.query());
      return pdfResponse(
        c,
        await checkReportPdf({ filename: draft.source.filename, comparison }, reportFonts()),
        'kiem-tra-du-thao.pdf',
      );
    })
    .get('/agreements/:id/report.pdf', async (c) => {
      const id = parseId(c.req.param('id'));
      const query = validate(ComparisonQuery, c.req.query(), 'query');
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      const options = comparisonOptions(query, today());
      const events = library.events([id]).get(id) ?? [];
      const pdf = await agreementReportPdf(
        {
          id,
          meta: agreement.meta,
          ...(agreement.meta.industry
            ? { industryName: getIndustry(agreement.meta.industry)?.name ?? agreement.meta.industry }
            : {}),
          expiry: expiryStatus(agreement, options.on, { events }),
          comparison: comparisonOf(library, agreement, options),
          grade: gradeStored(library, agreement, { on: options.on, rubric }),
        },
        reportFonts(),
      );
      return pdfResponse(c, pdf, `${id}.pdf`);
    })
    .get('/below-floor', (c) => {
      const query = validate(BelowFloorQuery, c.req.query(), 'query');
      const options = comparisonOptions(query, today());
      let checked = 0;
      const items = [];
      for (const agreement of allAgreements(library, areaFilter(query))) {
        checked++;
        const { unlawful } = comparisonOf(library, agreement, options);
        if (unlawful.length === 0) continue;
        const { employer, industry, province, district, wageRegion, expiresOn } = agreement.meta;
        items.push({
          id: agreement.id,
          employer,
          industry,
          province,
          district,
          wageRegion,
          expiresOn,
          below: unlawful.length,
          clauses: unlawful.map(belowRow),
          links: {
            agreement: `/api/agreements/${agreement.id}`,
            comparison: `/api/agreements/${agreement.id}/comparison?on=${options.on}`,
          },
        });
      }
      items.sort((a, b) => b.below - a.below || a.id.localeCompare(b.id));
      return c.json({ on: options.on, checked, count: items.length, items });
    });
}
