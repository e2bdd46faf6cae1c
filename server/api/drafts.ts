/**
 * The drafting workbench's API: a draft (or a model with blanks) checked with
 * a suggestion for each blank and each clause equal to or below the law.
 * Nothing is stored.
 */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { WageRegion } from '../../clauses/types.ts';
import type { Service } from '../../service/index.ts';
import { draftToDocx, reviewNotes, reviewWordDocument } from '../../ui/index.ts';
import { tooLarge } from '../errors.ts';
import { ComparisonQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { validate } from '../validation.ts';

export const SuggestionQuery = ComparisonQuery.extend({
  industry: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
});

export interface DraftRoutesDeps {
  service: Service;
  maxUploadBytes: number;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A draft checked and returned as Word: the uploaded .docx itself with comments and tracked changes, or,
 * for a text or Markdown draft, a Word file written from it and reviewed the same way.
 */
export async function reviewedWord(
  service: Service,
  bytes: Uint8Array,
  request: Parameters<Service['suggestDraft']>[1],
): Promise<{ bytes: Uint8Array; filename: string; comments: number; changes: number }> {
  const result = await service.suggestDraft(bytes, request);
  const { draft } = result;
  const docx =
    draft.source.format === 'docx'
      ? bytes
      : await draftToDocx({
          title: draft.meta.title ?? 'Dự thảo thỏa ước lao động tập thể',
          preamble: draft.preamble,
          tree: draft.tree,
          closing: draft.closing,
        });
  const notes = reviewNotes(result.comparison, result.blanks, result.suggestions);
  const reviewed = await reviewWordDocument(docx, notes, { date: `${result.on}T00:00:00Z` });
  const base = draft.source.filename.replace(/\.[^.]+$/, '') || 'du-thao';
  return { ...reviewed, filename: `${base}-gop-y.docx` };
}

/** `attachment; filename="…"` with the name in ASCII and in UTF-8. */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Builds the sub-app mounted at /api. */
export function draftRoutes({ service, maxUploadBytes }: DraftRoutesDeps) {
  const limit = bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: (c) => tooLarge(c, maxUploadBytes),
  });
  const read = async (request: Request, rawQuery: Record<string, string>) => {
    const query = validate(SuggestionQuery, rawQuery, 'query');
    const { bytes, filename, overrides } = await readUpload(request, { rawText: true });
    return {
      bytes,
      request: {
        filename,
        overrides,
        on: query.on,
        industry: query.industry,
        province: query.province,
        ...(query.region ? { region: query.region as WageRegion } : {}),
      },
    };
  };
  return new Hono()
    .post('/check/suggestions', limit, async (c) => {
      const { bytes, request } = await read(c.req.raw, c.req.query());
      const { draft, ...rest } = await service.suggestDraft(bytes, request);
      return c.json({
        draft: { meta: draft.meta, stats: draft.stats, warnings: draft.warnings, source: draft.source },
        ...rest,
        stored: false,
      });
    })
    .post('/check/review.docx', limit, async (c) => {
      const { bytes, request } = await read(c.req.raw, c.req.query());
      const reviewed = await reviewedWord(service, bytes, request);
      return c.body(reviewed.bytes.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': attachment(reviewed.filename),
        'X-Review-Comments': String(reviewed.comments),
        'X-Review-Changes': String(reviewed.changes),
      });
    });
}
