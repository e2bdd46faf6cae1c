/**
 * Signing in and out, the account page and the administrator's audit log:
 * `POST /api/session` (JSON) and `/login` (form) set the session cookie
 * (HttpOnly, SameSite=Lax, Secure behind https); `DELETE /api/session` and
 * `POST /logout` end it; `/account` lists and creates API keys; `/admin/audit`
 * reads and filters the audit log, `/admin/audit.csv` exports it.
 *
 * The sign-in form carries a CSRF token bound to a pre-session cookie
 * (server/login-csrf.ts); the JSON sign-in takes `application/json` only, which
 * no cross-site form can send. Wrong passwords are limited with wrong tokens
 * (server/rate-limits.ts) and written to the audit log, bounded
 * (server/failed-sign-ins.ts).
 */

import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  AUDIT_COLUMNS,
  actorOf,
  auditRow,
  FAILED_SIGN_IN,
  type Service,
  secretsMatch,
} from '../service/index.ts';
import { AccountPage, AuditPage, LoginPage, toSpreadsheet } from '../ui/index.ts';
import { sessionCookieName } from './auth.ts';
import { jsonError } from './errors.ts';
import { type FailedSignIns, failedSignIns } from './failed-sign-ins.ts';
import { crossSite, loginCsrf } from './login-csrf.ts';
import { htmlError, pageContext } from './pages/context.tsx';
import type { RateLimits } from './rate-limits.ts';

export interface SessionRoutesDeps {
  service: Service;
  /** Wrong passwords are counted with wrong tokens, per client and per username. */
  limits: RateLimits;
  /** Whether the public URL is https: the cookie is then Secure. */
  secure: boolean;
  /** Where failed sign-ins are written (the audit log through the service, bounded, by default). */
  failed?: FailedSignIns;
}

const SESSION_SECONDS = 12 * 3600;

const Credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) });

const AuditFilters = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  agreement: z.string().max(200).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export function sessionRoutes({
  service,
  limits,
  secure,
  failed = failedSignIns({ write: (record) => service.recordFailedSignIn(record) }),
}: SessionRoutesDeps) {
  const cookie = sessionCookieName(secure);
  const csrf = loginCsrf(secure);
  /** Signs in, counting failures per client and per username; the wait in seconds when limited. */
  const attempt = async (c: Context, username: string, password: string) => {
    const wait = limits.loginBlocked(c, username) ?? 0;
    if (wait > 0) return { wait };
    const session = await service.signIn(username, password);
    if (!session) {
      limits.loginFailed(c, username);
      failed.record({ username, client: limits.clientKey(c) });
      return { wait: 0 };
    }
    setCookie(c, cookie, session.id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: SESSION_SECONDS,
    });
    return { wait: 0, session };
  };
  const end = (c: Context) => {
    const id = getCookie(c, cookie);
    if (id) service.signOut(id);
    deleteCookie(c, cookie, { path: '/', secure });
  };
  const administrator = (c: Context) => {
    const principal = c.get('principal');
    return (
      principal?.kind === 'token' || (principal?.kind === 'user' && principal.user.role === 'administrator')
    );
  };
  const auditQuery = (c: Context) => {
    const parsed = AuditFilters.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')),
    );
    return parsed.success ? parsed.data : undefined;
  };

  return new Hono()
    .post('/api/session', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      // A cross-site form can post text/plain that reads as JSON; it cannot send application/json
      // without a preflight this server never grants.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '') || crossSite(c))
        return jsonError(
          c,
          415,
          'json_required',
          'Đăng nhập qua API cần Content-Type: application/json.',
          'Signing in through the API takes Content-Type: application/json.',
        );
      const parsed = Credentials.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success)
        return jsonError(c, 400, 'invalid_input', 'Cần username và password.', 'Give username and password.');
      const { wait, session } = await attempt(c, parsed.data.username, parsed.data.password);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return jsonError(c, 429, 'too_many_attempts', `Thử lại sau ${wait} giây.`, `Try again in ${wait} s.`);
      }
      if (!session)
        return jsonError(
          c,
          401,
          'wrong_credentials',
          'Sai tên đăng nhập hoặc mật khẩu.',
          'Wrong username or password.',
        );
      return c.json({ user: session.user, csrf: session.csrf, expiresAt: session.expiresAt }, 201);
    })
    .get('/api/session', (c) => {
      const principal = c.get('principal');
      if (!principal) return jsonError(c, 401, 'unauthorized', 'Chưa đăng nhập.', 'Not signed in.');
      return c.json({
        ...(principal.kind === 'user' ? { user: principal.user } : { token: true }),
        ...(c.get('csrf') ? { csrf: c.get('csrf') } : {}),
      });
    })
    .delete('/api/session', (c) => {
      end(c);
      return c.body(null, 204);
    })
    .get('/login', (c) => c.html(<LoginPage ctx={pageContext(c)} csrf={csrf.issue(c)} />))
    .post('/login', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      const form = await c.req.parseBody().catch(() => undefined);
      const vi = pageContext(c).lang === 'vi';
      const again = (error: string, status: 400 | 401 | 403 | 429) =>
        c.html(<LoginPage ctx={pageContext(c)} csrf={csrf.issue(c)} error={error} />, status);
      if (!form) return again(vi ? 'Biểu mẫu không đọc được.' : 'The form cannot be read.', 400);
      if (!csrf.verify(c, String(form.csrf ?? '')))
        return again(
          vi
            ? 'Biểu mẫu đăng nhập đã hết hạn hoặc không gửi từ trang này (CSRF); hãy đăng nhập lại.'
            : 'The sign-in form has expired or was not sent from this site (CSRF); sign in again.',
          403,
        );
      const parsed = Credentials.safeParse({ username: form.username, password: form.password });
      if (!parsed.success) return again(vi ? 'Nhập tên và mật khẩu.' : 'Give a name and password.', 400);
      const { wait, session } = await attempt(c, parsed.data.username, parsed.data.password);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return again(vi ? `Thử lại sau ${wait} giây.` : `Try again in ${wait} s.`, 429);
      }
      if (!session)
        return again(vi ? 'Sai tên đăng nhập hoặc mật khẩu.' : 'Wrong username or password.', 401);
      return c.redirect(vi ? '/account' : '/account?lang=en', 303);
    })
    .post('/logout', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const expected = c.get('csrf');
      // Signed in: only our own page's form (with the session's token) signs out.
      if (expected && !secretsMatch(String(form.csrf ?? ''), expected))
        return htmlError(c, 403, 'Thiếu mã chống giả mạo (CSRF) / missing CSRF token.');
      end(c);
      return c.redirect('/', 303);
    })
    .get('/account', (c) => accountPage(c))
    .post('/account/keys', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') return c.redirect('/login', 303);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const expected = c.get('csrf');
      if (!expected || !secretsMatch(String(form.csrf ?? ''), expected))
        return htmlError(c, 403, 'Thiếu mã chống giả mạo (CSRF) / missing CSRF token.');
      const key = service.createApiKey(
        principal.user.username,
        String(form.label ?? '').trim(),
        actorOf(principal),
      );
      return accountPage(c, key);
    })
    .get('/admin/audit', (c) => {
      if (!administrator(c))
        return htmlError(c, c.get('principal') ? 403 : 401, 'Chỉ quản trị viên / administrators only.');
      const query = auditQuery(c);
      if (!query) return htmlError(c, 400, 'Bộ lọc không hợp lệ / invalid filters.');
      const pageSize = 50;
      const result = service.auditLog({
        actor: query.actor,
        action: query.action,
        agreementId: query.agreement,
        from: query.from,
        to: query.to,
        page: query.page,
        pageSize,
      });
      const { page: _, ...filters } = query;
      const qs = new URLSearchParams(filters as Record<string, string>).toString();
      return c.html(
        <AuditPage
          ctx={pageContext(c)}
          rows={result.items.map((e) => ({
            id: e.id,
            at: e.at,
            actorName: e.actorName,
            action: e.action,
            agreementId: e.agreementId,
            before: e.before === undefined ? undefined : JSON.stringify(e.before).slice(0, 500),
            after: e.after === undefined ? undefined : JSON.stringify(e.after).slice(0, 500),
          }))}
          total={result.total}
          page={result.page}
          pageSize={pageSize}
          filters={filters}
          query={qs}
          failedSignInAction={FAILED_SIGN_IN}
        />,
      );
    })
    .get('/admin/audit.csv', (c) => {
      if (!administrator(c))
        return htmlError(c, c.get('principal') ? 403 : 401, 'Chỉ quản trị viên / administrators only.');
      const query = auditQuery(c);
      if (!query) return htmlError(c, 400, 'Bộ lọc không hợp lệ / invalid filters.');
      const rows: string[][] = [];
      for (let page = 1; ; page++) {
        const { items } = service.auditLog({
          actor: query.actor,
          action: query.action,
          agreementId: query.agreement,
          from: query.from,
          to: query.to,
          page,
          pageSize: 1000,
        });
        rows.push(...items.map(auditRow));
        if (items.length < 1000) break;
      }
      return c.body(toSpreadsheet([...AUDIT_COLUMNS], rows), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="nhat-ky-thay-doi.csv"',
      });
    });

  function accountPage(c: Context, newKey?: string) {
    const principal = c.get('principal');
    if (principal?.kind !== 'user') return c.redirect('/login', 303);
    const { user } = principal;
    return c.html(
      <AccountPage
        ctx={pageContext(c)}
        account={{
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          provinces: user.provinces,
          unions: user.unions,
          keys: service.apiKeysOf(user.id),
        }}
        newKey={newKey}
        isAdministrator={user.role === 'administrator'}
      />,
    );
  }
}
