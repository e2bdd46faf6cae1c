/**
 * The Hono application: `createApp(deps)` mounts the API sub-apps and the
 * error handlers. No I/O happens here; `main.ts` opens the library.
 */

import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { dateInVietnam } from '../clauses/dates.ts';
import { RUBRIC, type Rubric } from '../clauses/grading.ts';
import { type Library, type SearchIndex, SqliteLibrary } from '../library/index.ts';
import { handleError, handleNotFound } from './errors.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { comparisonRoutes } from './routes/comparison.ts';
import { expiryRoutes } from './routes/expiry.ts';
import { gradingRoutes } from './routes/grading.ts';
import { healthRoutes } from './routes/health.ts';
import { htmlError, pageRoutes } from './routes/pages.tsx';
import { searchRoutes } from './routes/search.ts';
import { versionRoutes } from './routes/versions.ts';
import { searchSync } from './search-sync.ts';

export interface AppDeps {
  library: Library;
  /** Bearer token for writes; writes are refused when undefined. */
  apiToken?: string;
  /** Largest accepted upload in bytes (default 10 MB). */
  maxUploadBytes?: number;
  /** Today's date (`YYYY-MM-DD`), the default date of comparisons; Vietnam's calendar day by default. */
  today?: () => string;
  /** The search index; the library's embedded index by default. */
  search?: SearchIndex;
  /** The grading rubric; the bundled provisional one by default (`CBA_RUBRIC` replaces it). */
  rubric?: Rubric;
}

export function createApp({
  library,
  apiToken,
  maxUploadBytes = 10 * 1024 * 1024,
  today = () => dateInVietnam(new Date()),
  search,
  rubric = RUBRIC,
}: AppDeps) {
  const embedded = library instanceof SqliteLibrary ? library.search : undefined;
  const index = search ?? embedded;
  const sync = searchSync(library, index, embedded);
  const app = new Hono();
  app.use(secureHeaders());
  app.route('/api/health', healthRoutes({ library, search: index, writesEnabled: apiToken !== undefined }));
  app.route('/api/agreements', agreementRoutes({ library, apiToken, maxUploadBytes, sync, today, rubric }));
  app.route('/api/search', searchRoutes({ search: index, today }));
  app.route('/api', comparisonRoutes({ library, maxUploadBytes, today, rubric }));
  app.route('/api', expiryRoutes({ library, apiToken, today, sync, rubric }));
  app.route('/api', gradingRoutes({ library, apiToken, today, rubric, sync }));
  app.route('/api', versionRoutes({ library, today }));
  app.route('/', pageRoutes({ library, search: index, apiToken, maxUploadBytes, today, rubric, sync }));
  // Pages answer HTML, the API JSON.
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? handleNotFound(c)
      : htmlError(c, 404, 'Không tìm thấy trang / no such page.'),
  );
  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) return handleError(error, c);
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return htmlError(c, 500, 'Lỗi máy chủ / internal server error.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
