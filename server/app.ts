/**
 * The Hono application: `createApp(deps)` mounts the API and page sub-apps
 * over one service, and the error handlers. No I/O happens here; `main.ts`
 * opens the library.
 */

import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { dateInVietnam } from '../clauses/dates.ts';
import { CbaError } from '../clauses/errors.ts';
import { RUBRIC, type Rubric } from '../clauses/grading.ts';
import type { Library, SearchIndex, Visibility } from '../library/index.ts';
import { createService, type Service } from '../service/index.ts';
import { adminRoutes } from './admin.tsx';
import { agreementRoutes } from './api/agreements.ts';
import { comparisonRoutes } from './api/comparison.ts';
import { correctionRoutes } from './api/corrections.ts';
import { draftRoutes } from './api/drafts.ts';
import { expiryRoutes } from './api/expiry.ts';
import { gradingRoutes } from './api/grading.ts';
import { healthRoutes } from './api/health.ts';
import { metadataRoutes } from './api/metadata.ts';
import { searchRoutes } from './api/search.ts';
import { versionRoutes } from './api/versions.ts';
import { hideInternal, identify } from './auth.ts';
import { handleError, handleNotFound, jsonError, retryAfterOf, tooLarge } from './errors.ts';
import { discardBody } from './form-token.ts';
import { createProgressBoard, importProgressRoutes } from './import-progress.ts';
import { failurePage, htmlError } from './pages/context.tsx';
import { pageRoutes } from './pages/index.ts';
import { inProcessReports, type ParseQueue, queueFull, type ReportRenderer } from './parse-pool.ts';
import { createRateLimits, type RateLimits } from './rate-limits.ts';
import { securityHeaders } from './security-headers.ts';
import { sessionRoutes } from './sessions.tsx';

export interface AppDeps {
  library: Library;
  /** Bearer token for writes; writes are refused when undefined. */
  apiToken?: string | undefined;
  /** Largest accepted upload in bytes (default 10 MB). */
  maxUploadBytes?: number;
  /** Today's date (`YYYY-MM-DD`), the default date of comparisons; Vietnam's calendar day by default. */
  today?: () => string;
  /** The search index; the library's embedded index by default. */
  search?: SearchIndex;
  /** The grading rubric; the bundled provisional one by default (`CBA_RUBRIC` replaces it). */
  rubric?: Rubric;
  /** The service over the library; made from the fields above when not given. */
  service?: Service;
  /** The address users reach the server at (`CBA_PUBLIC_URL`): absolute links are built from it, never from Host. */
  publicUrl?: string;
  /** The visibility of new agreements (`CBA_DEFAULT_VISIBILITY`); public by default. */
  defaultVisibility?: Visibility;
  /** Draws PDF reports: the parse pool in the server (main.ts), this process by default. */
  reports?: ReportRenderer;
  /** Abuse limits per client (server/rate-limits.ts); none when not given (tests), main.ts gives the configured ones. */
  limits?: RateLimits;
  /** The parse pool's queue: a document posted while it is full is refused (503) before its body is read. */
  parseQueue?: ParseQueue;
}

/** Routes that take a document: each sets its own size limit (after checking the token where it needs one). */
const UPLOADS =
  /^\/(?:api\/agreements|api\/check(?:\/[\w.-]+)?|check(?:\/[\w.-]+)?|import|(?:api\/)?drafts(?:\/.*)?)$/;
/** Largest body of every other route: forms and JSON are small. */
const SMALL_BODY_BYTES = 1024 * 1024;

/**
 * Refuses work for the document readers while their queue is full: 503 with `Retry-After`, before the
 * body is read (JSON on the API, the error page elsewhere).
 */
function whenReadersFree(queue: ParseQueue | undefined): MiddlewareHandler {
  if (!queue) return (_c, next) => next();
  return async (c, next) => {
    const { method, path } = c.req;
    const takesDocument = (method === 'POST' || method === 'PUT') && UPLOADS.test(path);
    if (!takesDocument && !path.endsWith('.pdf')) return next();
    if (queue.full() === undefined) return next();
    discardBody(c.req.raw);
    const busy = queueFull();
    retryAfterOf(c, busy);
    if (path.startsWith('/api/')) return jsonError(c, 503, busy.code, busy.messageVi, busy.message);
    return htmlError(c, 503, c.req.query('lang') === 'en' ? busy.message : busy.messageVi);
  };
}

/** The limits that apply to a request, by route. */
function limitsFor(limits: RateLimits | undefined): MiddlewareHandler {
  if (!limits) return (_c, next) => next();
  const check = every(limits.checks, limits.parses);
  const checkReport = every(limits.checks, limits.reports, limits.parses);
  return (c: Context, next) => {
    const { path, method } = c.req;
    if (method === 'POST' && (path === '/api/check' || path === '/check')) return check(c, next);
    if (method === 'POST' && path === '/api/check/report.pdf') return checkReport(c, next);
    if (method === 'POST' && (path === '/api/agreements' || path === '/import'))
      return limits.parses(c, next);
    if (path.endsWith('.pdf')) return limits.reports(c, next);
    return next();
  };
}

export function createApp({
  library,
  apiToken,
  maxUploadBytes = 10 * 1024 * 1024,
  today = () => dateInVietnam(new Date()),
  search,
  rubric = RUBRIC,
  defaultVisibility,
  service = createService({ library, search, rubric, clock: today, maxUploadBytes, defaultVisibility }),
  publicUrl = 'http://localhost:3000',
  reports = inProcessReports,
  limits,
  parseQueue,
}: AppDeps) {
  const app = new Hono();
  const secure = publicUrl.startsWith('https:');
  app.use(securityHeaders());
  // Wrong tokens are counted and a client past its limit is refused before anything else is read.
  if (limits) app.use(limits.authFailures);
  const smallBody = bodyLimit({ maxSize: SMALL_BODY_BYTES, onError: (c) => tooLarge(c, SMALL_BODY_BYTES) });
  app.use((c, next) => (UPLOADS.test(c.req.path) ? next() : smallBody(c, next)));
  app.use(limitsFor(limits));
  app.use(whenReadersFree(parseQueue));
  // Who is asking, before any body is read.
  app.use(identify({ service, apiToken, secure }));
  for (const path of ['/api/agreements/:id', '/api/agreements/:id/*', '/agreements/:id/*'])
    app.use(path, hideInternal(service));
  // Sign-ins are always limited: by the configured limits, or the defaults when none are given (tests).
  app.route('/', sessionRoutes({ service, limits: limits ?? createRateLimits(), secure }));
  app.route('/', adminRoutes({ service, apiToken, rubric }));
  app.route('/api/health', healthRoutes({ service, writesEnabled: apiToken !== undefined }));
  // Where each import of a scan stands, page by page: filled by the import routes, read by the import page.
  const progress = createProgressBoard();
  app.route('/api/imports', importProgressRoutes({ board: progress }));
  app.route('/api/agreements', agreementRoutes({ service, apiToken, maxUploadBytes, progress }));
  app.route('/api/agreements', correctionRoutes({ service, apiToken }));
  app.route('/api/agreements', metadataRoutes({ service, apiToken }));
  app.route('/api/search', searchRoutes({ service }));
  app.route('/api', comparisonRoutes({ service, maxUploadBytes, today, reports }));
  app.route('/api', draftRoutes({ service, maxUploadBytes }));
  app.route('/api', expiryRoutes({ service, apiToken, publicUrl, reports }));
  app.route('/api', gradingRoutes({ service, apiToken, today, rubric }));
  app.route('/api', versionRoutes({ service, reports }));
  app.route('/', pageRoutes({ service, apiToken, maxUploadBytes, rubric, reports, progress }));
  // Pages answer HTML, the API JSON.
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? handleNotFound(c)
      : htmlError(c, 404, 'Không tìm thấy trang / no such page.'),
  );
  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) return handleError(error, c);
    if (error instanceof CbaError) {
      retryAfterOf(c, error);
      return failurePage(c, error);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return htmlError(c, 500, 'Lỗi máy chủ / internal server error.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
