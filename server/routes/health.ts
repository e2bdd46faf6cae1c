/**
 * /api/health: is the server up, which storage and search index it uses, how much it holds
 * and how many comparisons with the law it remembers.
 */

import { Hono } from 'hono';
import { type Library, rememberedComparisons, type SearchIndex } from '../../library/index.ts';

export function healthRoutes({
  library,
  search,
  writesEnabled,
}: {
  library: Library;
  search: SearchIndex | undefined;
  writesEnabled: boolean;
}) {
  return new Hono().get('/', async (c) => {
    const index = search
      ? { backend: search.backend, ...(await search.health()) }
      : { backend: 'none', ok: false };
    return c.json({
      status: 'ok',
      backend: library.backend,
      writesEnabled,
      counts: library.counts(),
      search: index,
      comparisons: rememberedComparisons(library),
    });
  });
}
