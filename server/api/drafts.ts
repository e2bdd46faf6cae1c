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

/** Builds the sub-app mounted at /api. */
export function draftRoutes({ service, maxUploadBytes }: DraftRoutesDeps) {
  const limit = bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: (c) => tooLarge(c, maxUploadBytes),
  });
  return new Hono().post('/check/suggestions', limit, async (c) => {
    const query = validate(SuggestionQuery, c.req.query(), 'query');
    const { bytes, filename, overrides } = await readUpload(c.req.raw, { rawText: true });
    const result = await service.suggestDraft(bytes, {
      filename,
      overrides,
      on: query.on,
      industry: query.industry,
      province: query.province,
      ...(query.region ? { region: query.region as WageRegion } : {}),
    });
    const { draft, ...rest } = result;
    return c.json({
      draft: { meta: draft.meta, stats: draft.stats, warnings: draft.warnings, source: draft.source },
      ...rest,
      stored: false,
    });
  });
}
