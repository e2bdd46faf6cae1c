/**
 * /api/agreements: list with filters and pages, read one (metadata, tree,
 * warnings), fetch its original document, import (multipart upload or JSON)
 * and delete. Writes need the API token.
 */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { agreementNotFound } from '../../clauses/errors.ts';
import type { Rubric } from '../../clauses/grading.ts';
import { resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import type { Agreement, AgreementSummary } from '../../clauses/types.ts';
import { importFile } from '../../importer/index.ts';
import { type Library, regrade } from '../../library/index.ts';
import { requireWriteToken } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import type { SearchSync } from '../search-sync.ts';
import { readUpload } from '../upload.ts';
import { parseId, validate } from '../validation.ts';

export interface AgreementRoutesDeps {
  library: Library;
  apiToken: string | undefined;
  maxUploadBytes: number;
  sync: SearchSync;
  today: () => string;
  rubric: Rubric;
}

const ListQuery = z.object({
  industry: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const industry = resolveIndustry(v);
      if (!industry) ctx.addIssue({ code: 'custom', message: `unknown industry "${v}"` });
      return industry?.id;
    }),
  province: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const province = resolveProvince(v);
      if (!province) ctx.addIssue({ code: 'custom', message: `unknown province "${v}"` });
      return province?.name;
    }),
  district: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  grade: z.enum(['A', 'B', 'C', 'D', 'unranked']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

function links(id: string) {
  return { self: `/api/agreements/${id}`, source: `/api/agreements/${id}/source` };
}

function summaryJson(s: AgreementSummary) {
  return { ...s, links: links(s.id) };
}

function agreementJson(a: Agreement) {
  return { ...a, links: links(a.id) };
}

/** Builds the sub-app mounted at /api/agreements. */
export function agreementRoutes({
  library,
  apiToken,
  maxUploadBytes,
  sync,
  today,
  rubric,
}: AgreementRoutesDeps) {
  const writes = requireWriteToken(apiToken);
  // Room for multipart framing and form fields around the file itself.
  const bodyLimitBytes = maxUploadBytes + 64 * 1024;

  return new Hono()
    .get('/', (c) => {
      const query = validate(ListQuery, c.req.query(), 'query');
      const { page, pageSize, ...filter } = query;
      const result = library.list(filter, { page, pageSize });
      return c.json({ ...result, items: result.items.map(summaryJson) });
    })
    .get('/:id', (c) => {
      const id = parseId(c.req.param('id'));
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      return c.json(agreementJson(agreement));
    })
    .get('/:id/source', (c) => {
      const id = parseId(c.req.param('id'));
      const source = library.source(id);
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
    .post(
      '/',
      writes,
      bodyLimit({ maxSize: bodyLimitBytes, onError: (c) => tooLarge(c, maxUploadBytes) }),
      async (c) => {
        const { bytes, filename, overrides } = await readUpload(c.req.raw);
        const draft = await importFile(bytes, { filename, overrides, maxBytes: maxUploadBytes });
        const added = library.add(draft, bytes);
        await sync.added(added);
        // Graded at once, so the grade is a list filter and a search facet from the start.
        const { report, changed } = regrade(library, added, { on: today(), rubric });
        if (changed) await sync.changed(added.id);
        const agreement = { ...added, grade: report.grade };
        c.header('Location', links(agreement.id).self);
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
      const id = parseId(c.req.param('id'));
      if (!library.remove(id)) throw agreementNotFound(id);
      await sync.removed(id);
      return c.body(null, 204);
    });
}
