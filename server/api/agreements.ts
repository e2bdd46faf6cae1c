/**
 * /api/agreements: list with filters and pages, read one (metadata, tree,
 * warnings), fetch its original document, import (multipart upload or JSON)
 * and delete. Writes need the API token.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { agreementNotFound, ForbiddenError, NotFoundError, ValidationError } from '../../clauses/errors.ts';
import { scanSummary } from '../../clauses/scan.ts';
import type { Agreement, AgreementSummary } from '../../clauses/types.ts';
import { type StoredSource, VISIBILITIES, type Visibility } from '../../library/index.ts';
import { type Service, textVisible, visibleTo } from '../../service/index.ts';
import { actorOfRequest, requireWrite } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import { type ProgressBoard, progressOf } from '../import-progress.ts';
import { ListQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { checkArea, parseId, validQuery } from '../validation.ts';

export interface AgreementRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
  /** Where imports of scans stand: `POST /?progress=<id>` reports there, `GET /api/imports/:id` reads it. */
  progress?: ProgressBoard;
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
  // For a scan: how sure the reading is (mean OCR confidence, pages and clauses to check on the page image).
  const scan = scanSummary(a.tree);
  return { ...a, ...(scan ? { scan } : {}), links: links(a.id) };
}

/** Builds the sub-app mounted at /api/agreements. */
export function agreementRoutes({ service, apiToken, maxUploadBytes, progress }: AgreementRoutesDeps) {
  const importing = requireWrite({ service, apiToken }, 'import');
  const removing = requireWrite({ service, apiToken }, 'remove', true);
  const editing = requireWrite({ service, apiToken }, 'edit', true);
  /** The agreement's visibility, after refusing (as "not found") one the reader may not see at all. */
  const visibilityFor = (c: Context, id: string): Visibility => {
    const visibility = service.accessOf(id)?.visibility ?? 'public';
    if (!c.get('principal') && visibility === 'internal') throw agreementNotFound(id);
    return visibility;
  };
  /** Refuses the text (and the source files) of a summary-only agreement to a reader not signed in. */
  const textShown = (c: Context, id: string) => {
    if (!textVisible(c.get('principal'), visibilityFor(c, id)))
      throw new ForbiddenError(
        'summary_only',
        'Thỏa ước này chỉ công khai phần tóm tắt; đăng nhập để xem văn bản.',
        'Only the summary of this agreement is public; sign in to read the text.',
      );
  };
  // Room for multipart framing and form fields around the file itself.
  const bodyLimitBytes = maxUploadBytes + 64 * 1024;

  return new Hono()
    .get('/', validQuery(ListQuery), (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      if (filter.district) checkArea('district', filter.district, service.areas().district);
      const result = service.list(
        { ...filter, visibility: visibleTo(c.get('principal')) },
        { page, pageSize },
      );
      return c.json({ ...result, items: result.items.map(summaryJson) });
    })
    .get('/:id', (c) => {
      const id = parseId(c.req.param('id'));
      const agreement = service.agreement(id);
      const visibility = visibilityFor(c, id);
      if (textVisible(c.get('principal'), visibility))
        return c.json({ ...agreementJson(agreement), visibility });
      // Summary-only: the metadata and counts, without the text (the verdicts are at /comparison).
      const { tree: _t, preamble: _p, closing: _c, ...summary } = agreement;
      return c.json({ ...summary, visibility, links: links(id) });
    })
    .put('/:id/visibility', editing, async (c) => {
      const id = parseId(c.req.param('id'));
      const body = (await c.req.json().catch(() => ({}))) as { visibility?: unknown };
      if (!VISIBILITIES.includes(body.visibility as Visibility))
        throw new ValidationError(
          'invalid_visibility',
          `Chế độ hiển thị phải là một trong: ${VISIBILITIES.join(', ')}.`,
          `Visibility must be one of: ${VISIBILITIES.join(', ')}.`,
        );
      service.setVisibility(id, body.visibility as Visibility, actorOfRequest(c));
      return c.json({ id, visibility: body.visibility });
    })
    .get('/:id/source', (c) => {
      const id = parseId(c.req.param('id'));
      const source = service.source(id);
      if (!source) throw agreementNotFound(id);
      textShown(c, id);
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
      textShown(c, id);
      return download(c, source);
    })
    .get('/:id/pages/:page{[0-9]{1,4}\\.png}', async (c) => {
      const id = parseId(c.req.param('id'));
      const n = Number.parseInt(c.req.param('page'), 10);
      textShown(c, id);
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
      importing,
      bodyLimit({ maxSize: bodyLimitBytes, onError: (c) => tooLarge(c, maxUploadBytes) }),
      async (c) => {
        // Several `file` fields are photos of one agreement's pages, in order: one scanned document.
        const { bytes, filename, overrides } = await readUpload(c.req.raw, { photos: true });
        // Graded before it is stored, so the grade is a list filter and a search facet from the start.
        const principal = c.get('principal');
        const { onProgress, finish } = progressOf(progress, c.req.query('progress'));
        const { agreement, sameAgreement } = await service
          .importDocument(bytes, {
            filename,
            overrides,
            actor: actorOfRequest(c),
            ...(principal?.kind === 'user' ? { access: { ownerId: principal.user.id } } : {}),
            ...(onProgress ? { onProgress } : {}),
          })
          .finally(finish);
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
            ...(scanSummary(agreement.tree) ? { scan: scanSummary(agreement.tree) } : {}),
            links: links(agreement.id),
          },
          201,
        );
      },
    )
    .delete('/:id', removing, async (c) => {
      await service.remove(parseId(c.req.param('id')), actorOfRequest(c));
      return c.body(null, 204);
    });
}
