/**
 * /api/agreements: list with filters and pages, read one (metadata, tree,
 * warnings), fetch its original document, import (multipart upload or JSON)
 * and delete. Writes need the API token.
 */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { agreementNotFound } from '../../clauses/errors.ts';
import { scanSummary } from '../../clauses/scan.ts';
import type { Agreement, AgreementSummary } from '../../clauses/types.ts';
import type { Service } from '../../service/index.ts';
import { requireWriteToken } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import { ListQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { parseId, validQuery } from '../validation.ts';

export interface AgreementRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
}

function links(id: string) {
  return { self: `/api/agreements/${id}`, source: `/api/agreements/${id}/source` };
}

function summaryJson(s: AgreementSummary) {
  return { ...s, links: links(s.id) };
}

function agreementJson(a: Agreement) {
  // For a scan: how sure the reading is (mean OCR confidence, pages and clauses to check on the page image).
  const scan = scanSummary(a.tree);
  return { ...a, ...(scan ? { scan } : {}), links: links(a.id) };
}

/** Builds the sub-app mounted at /api/agreements. */
export function agreementRoutes({ service, apiToken, maxUploadBytes }: AgreementRoutesDeps) {
  const writes = requireWriteToken(apiToken);
  // Room for multipart framing and form fields around the file itself.
  const bodyLimitBytes = maxUploadBytes + 64 * 1024;

  return new Hono()
    .get('/', validQuery(ListQuery), (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      const result = service.list(filter, { page, pageSize });
      return c.json({ ...result, items: result.items.map(summaryJson) });
    })
    .get('/:id', (c) => c.json(agreementJson(service.agreement(parseId(c.req.param('id'))))))
    .get('/:id/source', (c) => {
      const id = parseId(c.req.param('id'));
      const source = service.source(id);
      if (!source) throw agreementNotFound(id);
      const ascii =
        source.filename
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace(/["\\]/g, '') || 'thoa-uoc';
      return c.body(source.bytes.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': source.mediaType,
        'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(source.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        ETag: `"${source.sha256}"`,
      });
    })
    .get('/:id/pages/:page{[0-9]{1,4}\\.png}', async (c) => {
      const id = parseId(c.req.param('id'));
      const n = Number.parseInt(c.req.param('page'), 10);
      const png = await service.pageImage(id, n);
      if (!png) {
        if (!service.find(id)) throw agreementNotFound(id);
        return c.json(
          { error: { code: 'page_not_found', message: `Không có trang ${n} / no page ${n}` } },
          404,
        );
      }
      return c.body(png.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': 'image/png',
        'Cache-Control': 'private, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      });
    })
    .post(
      '/',
      writes,
      bodyLimit({ maxSize: bodyLimitBytes, onError: (c) => tooLarge(c, maxUploadBytes) }),
      async (c) => {
        const { bytes, filename, overrides } = await readUpload(c.req.raw);
        // Graded before it is stored, so the grade is a list filter and a search facet from the start.
        const { agreement } = await service.importDocument(bytes, { filename, overrides });
        c.header('Location', links(agreement.id).self);
        return c.json(
          {
            id: agreement.id,
            meta: agreement.meta,
            stats: agreement.stats,
            source: agreement.source,
            warnings: agreement.warnings,
            grade: agreement.grade,
            ...(scanSummary(agreement.tree) ? { scan: scanSummary(agreement.tree) } : {}),
            links: links(agreement.id),
          },
          201,
        );
      },
    )
    .delete('/:id', writes, async (c) => {
      await service.remove(parseId(c.req.param('id')));
      return c.body(null, 204);
    });
}
