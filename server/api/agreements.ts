/**
 * /api/agreements: list with filters and pages, read one (metadata, tree,
 * warnings), fetch its original document, import (multipart upload or JSON)
 * and delete. Writes need the API token.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { agreementNotFound, NotFoundError } from '../../clauses/errors.ts';
import type { Agreement, AgreementSummary } from '../../clauses/types.ts';
import type { StoredSource } from '../../library/index.ts';
import type { Service } from '../../service/index.ts';
import { requireWriteToken } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import { ListQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { checkArea, parseId, validQuery } from '../validation.ts';

export interface AgreementRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
}

function links(id: string) {
  return {
    self: `/api/agreements/${id}`,
    source: `/api/agreements/${id}/source`,
    sources: `/api/agreements/${id}/sources`,
  };
}

/** A stored file as a download, named as it was uploaded. */
function download(c: Context, source: StoredSource) {
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
}

function summaryJson(s: AgreementSummary) {
  return { ...s, links: links(s.id) };
}

function agreementJson(a: Agreement) {
  return { ...a, links: links(a.id) };
}

/** Builds the sub-app mounted at /api/agreements. */
export function agreementRoutes({ service, apiToken, maxUploadBytes }: AgreementRoutesDeps) {
  const writes = requireWriteToken(apiToken);
  // Room for multipart framing and form fields around the file itself.
  const bodyLimitBytes = maxUploadBytes + 64 * 1024;

  return new Hono()
    .get('/', validQuery(ListQuery), (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      if (filter.district) checkArea('district', filter.district, service.areas().district);
      const result = service.list(filter, { page, pageSize });
      return c.json({ ...result, items: result.items.map(summaryJson) });
    })
    .get('/:id', (c) => c.json(agreementJson(service.agreement(parseId(c.req.param('id'))))))
    .get('/:id/source', (c) => {
      const id = parseId(c.req.param('id'));
      const source = service.source(id);
      if (!source) throw agreementNotFound(id);
      return download(c, source);
    })
    .get('/:id/sources', (c) => {
      const id = parseId(c.req.param('id'));
      const items = service.sources(id).map((file) => ({
        ...file,
        links: { download: `/api/agreements/${id}/sources/${file.sha256}` },
      }));
      return c.json({ items });
    })
    .get('/:id/sources/:sha256', (c) => {
      const id = parseId(c.req.param('id'));
      const sha256 = c.req.param('sha256').toLowerCase();
      const source = /^[0-9a-f]{64}$/.test(sha256) ? service.sourceFile(id, sha256) : undefined;
      if (!source) {
        service.agreement(id);
        throw new NotFoundError(
          'source_not_found',
          `Thỏa ước "${id}" không có tệp gốc ${sha256}.`,
          `Agreement "${id}" has no source file ${sha256}.`,
        );
      }
      return download(c, source);
    })
    .post(
      '/',
      writes,
      bodyLimit({ maxSize: bodyLimitBytes, onError: (c) => tooLarge(c, maxUploadBytes) }),
      async (c) => {
        const { bytes, filename, overrides } = await readUpload(c.req.raw);
        // Graded before it is stored, so the grade is a list filter and a search facet from the start.
        const { agreement, sameAgreement } = await service.importDocument(bytes, { filename, overrides });
        c.header('Location', links(agreement.id).self);
        if (sameAgreement) {
          // Another file of an agreement already stored: nothing new was created.
          return c.json(
            {
              id: agreement.id,
              sameAgreement: true,
              message: sameAgreement.message,
              messageEn: sameAgreement.messageEn,
              source: sameAgreement.file,
              links: links(agreement.id),
            },
            200,
          );
        }
        return c.json(
          {
            id: agreement.id,
            meta: agreement.meta,
            stats: agreement.stats,
            source: agreement.source,
            warnings: agreement.warnings,
            grade: agreement.grade,
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
