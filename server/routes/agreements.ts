/**
 * /api/agreements: list with filters and pages, read one (metadata, tree,
 * warnings), fetch its original document, import (multipart upload or JSON)
 * and delete. Writes need the API token.
 */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../clauses/errors.ts';
import { resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import type { Agreement, AgreementSummary } from '../../clauses/types.ts';
import { importDocument, parseOverrides } from '../../importer/index.ts';
import type { Library } from '../../library/index.ts';
import { requireWriteToken } from '../auth.ts';
import { tooLarge } from '../errors.ts';
import { AGREEMENT_ID, validate } from '../validation.ts';

export interface AgreementRoutesDeps {
  library: Library;
  apiToken: string | undefined;
  maxUploadBytes: number;
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
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const JsonUpload = z.object({
  filename: z.string().min(1).max(255),
  content: z.string().min(1),
  encoding: z.enum(['utf-8', 'base64']).default('utf-8'),
  metadata: z.record(z.string(), z.unknown()).optional(),
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

function parseId(id: string): string {
  if (!AGREEMENT_ID.test(id)) {
    throw new ValidationError(
      'invalid_id',
      `Mã thỏa ước "${id.slice(0, 100)}" không hợp lệ.`,
      `"${id.slice(0, 100)}" is not a valid agreement id.`,
    );
  }
  return id;
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('agreement_not_found', `Không có thỏa ước "${id}".`, `No agreement "${id}".`);
}

/** Builds the sub-app mounted at /api/agreements. */
export function agreementRoutes({ library, apiToken, maxUploadBytes }: AgreementRoutesDeps) {
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
      if (!agreement) throw notFound(id);
      return c.json(agreementJson(agreement));
    })
    .get('/:id/source', (c) => {
      const id = parseId(c.req.param('id'));
      const source = library.source(id);
      if (!source) throw notFound(id);
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
        const { bytes, filename, metadata } = await readUpload(c.req.raw);
        const { overrides, problems } = parseOverrides(metadata);
        if (problems.length > 0) {
          const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
          throw new ValidationError(
            'invalid_metadata',
            `Thông tin bổ sung không hợp lệ: ${list}`,
            `Invalid metadata: ${list}`,
          );
        }
        const draft = importDocument(bytes, { filename, overrides, maxBytes: maxUploadBytes });
        const agreement = library.add(draft, bytes);
        c.header('Location', links(agreement.id).self);
        return c.json(
          {
            id: agreement.id,
            meta: agreement.meta,
            stats: agreement.stats,
            source: agreement.source,
            warnings: agreement.warnings,
            links: links(agreement.id),
          },
          201,
        );
      },
    )
    .delete('/:id', writes, (c) => {
      const id = parseId(c.req.param('id'));
      if (!library.remove(id)) throw notFound(id);
      return c.body(null, 204);
    });
}

interface Upload {
  bytes: Uint8Array;
  filename: string;
  metadata: Record<string, unknown>;
}

/** Reads a multipart upload (`file` plus metadata fields) or a JSON body `{ filename, content, encoding?, metadata? }`. */
async function readUpload(request: Request): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ValidationError(
        'invalid_multipart',
        'Dữ liệu multipart không đọc được.',
        'The multipart body cannot be read.',
      );
    }
    const file = form.get('file');
    if (!(file instanceof File)) {
      throw new ValidationError(
        'missing_file',
        'Thiếu tệp: gửi tệp trong trường "file".',
        'No file: send the document in the "file" field.',
      );
    }
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of form.entries())
      if (key !== 'file' && typeof value === 'string') metadata[key] = value;
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name || 'tai-lieu.txt',
      metadata,
    };
  }
  if (type.startsWith('application/json')) {
    let json: unknown;
    try {
      json = await request.json();
    } catch {
      throw new ValidationError(
        'invalid_json',
        'Nội dung JSON không hợp lệ.',
        'The JSON body is not valid JSON.',
      );
    }
    const body = validate(JsonUpload, json, 'body');
    const bytes =
      body.encoding === 'base64'
        ? new Uint8Array(Buffer.from(body.content, 'base64'))
        : new TextEncoder().encode(body.content);
    return { bytes, filename: body.filename, metadata: body.metadata ?? {} };
  }
  throw new ValidationError(
    'unsupported_content_type',
    'Gửi tệp dưới dạng multipart/form-data (trường "file") hoặc JSON { filename, content }.',
    'Send the document as multipart/form-data (field "file") or as JSON { filename, content }.',
  );
}
