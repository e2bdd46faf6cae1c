/**
 * The drafting workbench's API: a draft (or a model with blanks) checked with
 * a suggestion for each blank and each clause equal to or below the law.
 * Nothing is stored.
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { WageRegion } from '../../clauses/types.ts';
import { can, type DraftAccess, type DraftView, type Service } from '../../service/index.ts';
import { draftToDocx, reviewNotes, reviewWordDocument } from '../../ui/index.ts';
import { tooLarge } from '../errors.ts';
import { ComparisonQuery } from '../schemas.ts';
import { readUpload } from '../upload.ts';
import { validate } from '../validation.ts';

const SuggestionQuery = ComparisonQuery.extend({
  industry: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
});

export interface DraftRoutesDeps {
  service: Service;
  maxUploadBytes: number;
}

const ClauseEdit = z.object({ text: z.string().max(20_000), base: z.number().int().positive().optional() });

/** What the API says of a draft: its text, its check in words, its blanks and suggestions, its history. */
function draftBody(view: DraftView) {
  return {
    draft: view.draft,
    version: view.version.version,
    content: view.version.content,
    summary: view.check.summary,
    comparison: view.check.comparison,
    blanks: view.check.blanks,
    suggestions: view.check.suggestions,
    history: view.history,
  };
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
  const accessOf = (c: Context): DraftAccess => {
    // A caller with a key (or the bootstrap token) whose role works on drafts; a session-cookie call
    // carries no CSRF header here, so it opens a draft by its secret link only.
    const principal = c.get('principal');
    const viaKey = principal !== undefined && !(principal.kind === 'user' && principal.via === 'session');
    return {
      token: viaKey && can(principal, 'draft'),
      secret: c.req.header('x-draft-key') ?? c.req.query('key'),
      by: c.req.header('x-draft-author'),
    };
  };
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
    })
    .post('/drafts', limit, async (c) => {
      const { bytes, filename } = await readUpload(c.req.raw, { rawText: true });
      const query = validate(
        SuggestionQuery.pick({ industry: true, province: true }),
        c.req.query(),
        'query',
      );
      const { view, secret } = await service.createDraft(
        bytes,
        {
          filename,
          industry: query.industry,
          province: query.province,
          secret: c.req.query('secret') === '1',
        },
        accessOf(c),
      );
      return c.json(
        { ...draftBody(view), ...(secret ? { secret, link: `/drafts/${view.draft.id}?key=${secret}` } : {}) },
        201,
      );
    })
    .get('/drafts/:id', (c) => c.json(draftBody(service.draft(c.req.param('id'), accessOf(c)))))
    .put('/drafts/:id/clauses/:nodeId', async (c) => {
      const edit = validate(ClauseEdit, await c.req.json().catch(() => ({})), 'body');
      const view = service.editDraftClause(
        c.req.param('id'),
        { nodeId: c.req.param('nodeId'), ...edit },
        accessOf(c),
      );
      return c.json(draftBody(view));
    })
    .put('/drafts/:id', limit, async (c) => {
      const { bytes, filename } = await readUpload(c.req.raw, { rawText: true });
      return c.json(draftBody(await service.uploadDraft(c.req.param('id'), bytes, filename, accessOf(c))));
    })
    .post('/drafts/:id/sign', async (c) => {
      const imported = await service.signDraft(c.req.param('id'), accessOf(c));
      return c.json(
        { agreement: { id: imported.agreement.id, meta: imported.agreement.meta }, grade: imported.grade },
        201,
      );
    });
}
