/**
 * Side by side with the law: the comparison of a stored agreement, the
 * floors in force on a date, a pre-signing check of a draft that stores
 * nothing, and the agreements that fall below the floor on a date.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { Comparison } from '../../clauses/compare.ts';
import { floorsInForce, LEGAL_FLOORS } from '../../clauses/floors.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { lawExcerpt } from '../../clauses/law.ts';
import type { WageRegion } from '../../clauses/types.ts';
import type { DayOptions, Service } from '../../service/index.ts';
import { seenBy } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import { jsonListResponse } from '../json-list.ts';
import type { ReportRenderer } from '../parse-pool.ts';
import { BelowFloorQuery, ComparisonQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { areaFilter, pageOf, parseId, validate, validQuery } from '../validation.ts';

export interface ComparisonRoutesDeps {
  service: Service;
  maxUploadBytes: number;
  /** Today's date, the default `on`. */
  today: () => string;
  /** Draws the PDF reports (the parse pool in the server). */
  reports: ReportRenderer;
}

function dayOf(query: z.infer<typeof ComparisonQuery>): DayOptions {
  return { on: query.on, ...(query.region ? { region: query.region as WageRegion } : {}) };
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
export function comparisonRoutes({ service, maxUploadBytes, today, reports }: ComparisonRoutesDeps) {
  const checkLimit = bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: (c) => tooLarge(c, maxUploadBytes),
  });
  /** Reads a draft (multipart, JSON or raw text) and compares it; nothing is stored. */
  const checkDraft = async (request: Request, rawQuery: Record<string, string>) => {
    const query = validate(ComparisonQuery, rawQuery, 'query');
    const { bytes, filename, overrides } = await readUpload(request, { rawText: true });
    return service.checkDraft(bytes, { filename, overrides, ...dayOf(query) });
  };
  return new Hono()
    .get('/agreements/:id/comparison', validQuery(ComparisonQuery), (c) => {
      const id = parseId(c.req.param('id'));
      return c.json(withLinks(service.comparison(id, dayOf(c.req.valid('query'))), id));
    })
    .get('/floors', validQuery(ComparisonQuery.pick({ on: true })), (c) => {
      const { on = today() } = c.req.valid('query');
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
      const { draft, comparison, blanks } = await checkDraft(c.req.raw, c.req.query());
      return c.json({
        draft: { meta: draft.meta, stats: draft.stats, warnings: draft.warnings, source: draft.source },
        comparison,
        blanks,
        stored: false,
      });
    })
    .post('/check/report.pdf', checkLimit, async (c) => {
      const { draft, comparison } = await checkDraft(c.req.raw, c.req.query());
      return pdfResponse(
        c,
        await reports.draw({ report: 'check', data: { filename: draft.source.filename, comparison } }),
        'kiem-tra-du-thao.pdf',
      );
    })
    .get('/agreements/:id/report.pdf', async (c) => {
      const id = parseId(c.req.param('id'));
      const query = validate(ComparisonQuery, c.req.query(), 'query');
      const view = service.agreementView(id, dayOf(query));
      const { meta } = view.agreement;
      const pdf = await reports.draw({
        report: 'agreement',
        data: {
          id,
          meta,
          ...(meta.industry ? { industryName: getIndustry(meta.industry)?.name ?? meta.industry } : {}),
          expiry: view.expiry,
          comparison: view.comparison,
          grade: service.grade(id, view.on),
        },
      });
      return pdfResponse(c, pdf, `${id}.pdf`);
    })
    .get('/below-floor', validQuery(BelowFloorQuery), (c) => {
      const query = c.req.valid('query');
      const { on, checked, items, refreshing } = service.belowFloor(
        seenBy(c, areaFilter(query)),
        dayOf(query),
      );
      const { page, paging } = pageOf(items, query);
      return jsonListResponse(
        c,
        { on, checked, count: items.length, ...paging, ...(refreshing ? { refreshing } : {}) },
        service.belowFloorPieces(page, on),
      );
    });
}
