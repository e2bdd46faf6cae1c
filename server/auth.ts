/**
 * Who is asking, and may they write. `identify` reads the credentials once per
 * request — `Authorization: Bearer <key>` (a user's API key, or the bootstrap
 * `CBA_API_TOKEN`, which acts as an administrator) or the session cookie —
 * and sets `c.var.principal`. Writes ask `service.authorize` (one rule for
 * API and pages); a write made with the session cookie must carry its CSRF
 * token (the form's hidden `csrf` field, or the `X-CSRF-Token` header).
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { agreementNotFound, CbaError } from '../clauses/errors.ts';
import type { Visibility } from '../library/index.ts';
import {
  type Action,
  type Actor,
  actorOf,
  type Principal,
  type Service,
  secretsMatch,
  visibleTo,
} from '../service/index.ts';
import { jsonError, statusOf } from './errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is asking; undefined for an anonymous reader. */
    principal: Principal | undefined;
    /** The session's CSRF token, when the request came with a session cookie. */
    csrf: string | undefined;
  }
}

/** The session cookie's name (`__Host-` when served over HTTPS, so no subdomain can set it). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-cba_session' : 'cba_session';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Whether a token typed into a form is the write token (compared in constant time). */
function tokenMatches(token: string | undefined, given: string): boolean {
  if (token === undefined || given === '') return false;
  return timingSafeEqual(digest(given.trim()), digest(token));
}

export interface IdentifyOptions {
  service: Service;
  apiToken: string | undefined;
  /** Whether the public URL is https (the cookie is then Secure and `__Host-`). */
  secure: boolean;
}

/** Middleware: sets `principal` (and `csrf` for a session) from the request's credentials. */
export function identify({ service, apiToken, secure }: IdentifyOptions): MiddlewareHandler {
  const cookie = sessionCookieName(secure);
  return async (c, next) => {
    c.set('principal', undefined);
    c.set('csrf', undefined);
    const header = c.req.header('authorization') ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (bearer) {
      if (tokenMatches(apiToken, bearer)) c.set('principal', { kind: 'token' });
      else c.set('principal', service.keyPrincipal(bearer));
    } else {
      const sessionId = getCookie(c, cookie);
      const session = sessionId ? service.sessionPrincipal(sessionId) : undefined;
      if (session) {
        c.set('principal', session.principal);
        c.set('csrf', session.csrf);
      }
    }
    await next();
  };
}

/** Whether writes are possible at all: a bootstrap token, or at least one user. */
function writesPossible(service: Service, apiToken: string | undefined): boolean {
  return apiToken !== undefined || service.users().length > 0;
}

/**
 * Middleware guarding an API write: the caller is known, may do `action` (on the agreement of the
 * `:id` parameter when `onAgreement`), and a session-cookie caller sent the CSRF header.
 */
export function requireWrite(
  { service, apiToken }: { service: Service; apiToken: string | undefined },
  action: Action,
  onAgreement = false,
): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) {
      if (!writesPossible(service, apiToken)) {
        return jsonError(
          c,
          403,
          'writes_disabled',
          'Máy chủ đang ở chế độ chỉ đọc. Đặt biến môi trường CBA_API_TOKEN (ít nhất 32 ký tự) rồi khởi động lại để cho phép ghi.',
          'The server is read-only. Set the CBA_API_TOKEN environment variable (at least 32 characters) and restart to enable writes.',
        );
      }
      c.header('WWW-Authenticate', 'Bearer realm="cba"');
      return jsonError(
        c,
        401,
        'unauthorized',
        'Thiếu hoặc sai mã truy cập (Authorization: Bearer <token>).',
        'Missing or wrong access token (Authorization: Bearer <token>).',
      );
    }
    if (principal.kind === 'user' && principal.via === 'session') {
      const expected = c.get('csrf');
      if (!expected || !secretsMatch(c.req.header('x-csrf-token') ?? '', expected)) return csrfRefused(c);
    }
    try {
      service.authorize(principal, action, onAgreement ? c.req.param('id') : undefined);
    } catch (error) {
      if (error instanceof CbaError)
        return jsonError(c, statusOf(error), error.code, error.messageVi, error.message);
      throw error;
    }
    await next();
  };
}

function csrfRefused(c: Context): Response {
  return jsonError(
    c,
    403,
    'csrf',
    'Thiếu hoặc sai mã chống giả mạo (CSRF) của phiên đăng nhập; tải lại trang rồi thử lại.',
    'Missing or wrong CSRF token of the session; reload the page and try again.',
  );
}

/** The actor the audit log names for this request. */
export const actorOfRequest = (c: Context): Actor => actorOf(c.get('principal'));

/** The outcome of checking a page form's write: who writes, or the message and status to answer. */
export type FormWrite = { ok: true; actor: Actor } | { ok: false; status: 401 | 403; message: string };

/**
 * Checks a page form's write: the bootstrap token in its `token` field, or the session with the
 * form's hidden `csrf` field; then the role, through `service.authorize`.
 */
export function checkFormWrite(
  c: Context,
  deps: { service: Service; apiToken: string | undefined },
  form: Record<string, unknown>,
  action: Action,
  agreementId?: string,
): FormWrite {
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
  const vi = c.req.query('lang') !== 'en';
  let principal: Principal | undefined;
  if (tokenMatches(deps.apiToken, field('token'))) principal = { kind: 'token' };
  else {
    principal = c.get('principal');
    const expected = c.get('csrf');
    if (principal?.kind === 'user' && principal.via === 'session') {
      if (!expected || !secretsMatch(field('csrf'), expected))
        return {
          ok: false,
          status: 403,
          message: vi
            ? 'Biểu mẫu thiếu mã chống giả mạo (CSRF) của phiên; tải lại trang rồi gửi lại.'
            : 'The form lacks the session’s CSRF token; reload the page and send it again.',
        };
    } else principal = undefined;
  }
  if (!principal) {
    const writable = writesPossible(deps.service, deps.apiToken);
    return {
      ok: false,
      status: writable ? 401 : 403,
      message: writable
        ? 'Sai mã ghi hoặc chưa đăng nhập / wrong token or not signed in.'
        : 'Máy chủ chỉ đọc (chưa đặt CBA_API_TOKEN) / the server is read-only.',
    };
  }
  try {
    deps.service.authorize(principal, action, agreementId);
  } catch (error) {
    if (error instanceof CbaError)
      return { ok: false, status: 403, message: vi ? error.messageVi : error.message };
    throw error;
  }
  return { ok: true, actor: actorOf(principal) };
}

/** A list filter narrowed to what the request's reader may see (anonymous: no union-internal agreements). */
export function seenBy<F extends object>(c: Context, filter: F): F & { visibility: Visibility[] } {
  return { ...filter, visibility: visibleTo(c.get('principal')) };
}

/**
 * Middleware on `/…/agreements/:id/*`: a union-internal agreement is not there (404) for an anonymous
 * reader, on every route about it (comparison, events, grade, versions, reports).
 */
export function hideInternal(service: Service): MiddlewareHandler {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id && !c.get('principal') && service.accessOf(id)?.visibility === 'internal') {
      if (c.req.path.startsWith('/api/')) throw agreementNotFound(id);
      return c.html('Không tìm thấy / not found', 404);
    }
    await next();
  };
}

/**
 * Refuses (as "not found") agreements named by id that the request's reader may not see.
 * @throws NotFoundError naming the first union-internal agreement, for an anonymous reader
 */
export function assertReadable(c: Context, service: Service, ids: readonly string[]): void {
  if (c.get('principal')) return;
  const hidden = ids.find((id) => service.accessOf(id)?.visibility === 'internal');
  if (hidden) throw agreementNotFound(hidden);
}
