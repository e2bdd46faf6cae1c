/**
 * Abuse limits per client: requests per minute on the pre-signing check and
 * on report generation, wrong tokens (and, for the accounts helper, wrong
 * passwords) per window, and documents being read at once. A client is its
 * address from the socket — from `X-Forwarded-For` only when the server is told
 * it stands behind a proxy that sets it (`CBA_TRUST_PROXY`). Counters live in
 * bounded maps (least recently used clients forgotten first), so a flood of
 * addresses costs a fixed amount of memory.
 *
 * Wrong passwords and wrong tokens are one counter per client: the sign-in
 * routes ask `loginBlocked(c, username)` before checking a password and call
 * `loginFailed(c, username)` after a wrong one (counted against the client and,
 * separately, the username); every other route's 401, and every request whose
 * bearer key matched nothing (GET included), is counted by `authFailures`.
 */

import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { jsonError } from './errors.ts';

export interface RateLimitOptions {
  trustProxy?: boolean;
  /** `POST /api/check` and the /check page, per client per minute. */
  checksPerMinute?: number;
  /** PDF reports, per client per minute. */
  reportsPerMinute?: number;
  /** Wrong tokens or passwords per client per window before 429. */
  authFailures?: number;
  authWindowMinutes?: number;
  /** Documents one client may have being read at once. */
  parsesPerClient?: number;
  /** Clients remembered per counter. */
  maxClients?: number;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
}

/** A sliding-window counter (this window's count weighed with the previous one's). */
interface Window {
  start: number;
  count: number;
  previous: number;
}

class SlidingWindow {
  readonly #windows: LRUCache<string, Window>;
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    maxClients: number,
    readonly now: () => number,
  ) {
    this.#windows = new LRUCache({ max: maxClients });
  }

  #current(key: string): Window {
    const now = this.now();
    const start = now - (now % this.windowMs);
    const w = this.#windows.get(key);
    if (!w) return { start, count: 0, previous: 0 };
    if (w.start === start) return w;
    return { start, count: 0, previous: w.start === start - this.windowMs ? w.count : 0 };
  }

  #estimate(w: Window): number {
    const elapsed = (this.now() - w.start) / this.windowMs;
    return w.previous * (1 - elapsed) + w.count;
  }

  /** Seconds to wait when the client is at its limit; undefined when it may go on. */
  blocked(key: string): number | undefined {
    const w = this.#current(key);
    if (this.#estimate(w) < this.limit) return undefined;
    // Until enough of the previous window has slid away, or this one ends.
    return Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 1000));
  }

  hit(key: string): void {
    const w = this.#current(key);
    w.count++;
    this.#windows.set(key, w);
  }
}

export interface RateLimits {
  /** The client a request comes from. */
  clientKey(c: Context): string;
  /** At most `checksPerMinute` checks per client. */
  checks: MiddlewareHandler;
  /** At most `reportsPerMinute` reports per client. */
  reports: MiddlewareHandler;
  /** At most `parsesPerClient` documents being read at once per client. */
  parses: MiddlewareHandler;
  /** Refuses writes from a client with too many recent authentication failures; counts each 401 it answers. */
  authFailures: MiddlewareHandler;
  /** Seconds a client must wait before trying a password or token again; undefined when it may try now. */
  authBlocked(key: string): number | undefined;
  /** Records a failed login or token attempt. */
  loginFailure(key: string): void;
  /** Seconds before this client, or anyone, may try a password for `username` again; undefined when it may now. */
  loginBlocked(c: Context, username: string): number | undefined;
  /** Records a wrong password: against the client (the same counter as wrong tokens) and the username. */
  loginFailed(c: Context, username: string): void;
}

/** The sign-in routes, which count their own failures (per client and per username). */
const SIGN_IN_PATHS: ReadonlySet<string> = new Set(['/login', '/api/session']);

/** Whether the request names a bearer key (a wrong one is a failure even on a read). */
const bearerOf = (c: Context) => /^Bearer\s+\S/i.test(c.req.header('authorization') ?? '');

function tooMany(c: Context, retryAfter: number, what: string, whatEn: string): Response {
  c.header('Retry-After', String(retryAfter));
  return jsonError(
    c,
    429,
    'rate_limited',
    `Quá nhiều ${what}; hãy thử lại sau ${retryAfter} giây.`,
    `Too many ${whatEn}; try again in ${retryAfter} s.`,
    { retryAfter },
  );
}

/** The address a request came from (the socket's; the proxy's last hop only when trusted). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw: the last entry is the one a client cannot forge.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * The abuse limits of one server.
 * @example
 * const limits = createRateLimits({ checksPerMinute: 30 });
 * app.post('/api/check', limits.checks, limits.parses, handler);
 */
export function createRateLimits({
  trustProxy = false,
  checksPerMinute = 30,
  reportsPerMinute = 30,
  authFailures = 10,
  authWindowMinutes = 15,
  parsesPerClient = 2,
  maxClients = 10_000,
  now = Date.now,
}: RateLimitOptions = {}): RateLimits {
  const clientKey = (c: Context) => clientAddress(c, trustProxy);
  // Usernames are counted apart from addresses: a guess spread over many addresses still locks at the name.
  const userKey = (username: string) => `user:${username.toLowerCase()}`;
  const checks = new SlidingWindow(checksPerMinute, 60_000, maxClients, now);
  const reports = new SlidingWindow(reportsPerMinute, 60_000, maxClients, now);
  const failures = new SlidingWindow(authFailures, authWindowMinutes * 60_000, maxClients, now);
  const parsing = new LRUCache<string, { n: number }>({ max: maxClients });

  const counted =
    (window: SlidingWindow, what: string, whatEn: string): MiddlewareHandler =>
    async (c, next) => {
      const key = clientKey(c);
      const wait = window.blocked(key);
      if (wait !== undefined) return tooMany(c, wait, what, whatEn);
      window.hit(key);
      await next();
    };

  return {
    clientKey,
    checks: counted(checks, 'lượt kiểm tra dự thảo', 'draft checks'),
    reports: counted(reports, 'báo cáo', 'reports'),
    parses: async (c, next) => {
      const key = clientKey(c);
      const slot = parsing.get(key) ?? { n: 0 };
      if (slot.n >= parsesPerClient)
        return tooMany(c, 1, 'tài liệu đang đọc cùng lúc', 'documents being read at once');
      slot.n++;
      parsing.set(key, slot);
      try {
        await next();
      } finally {
        slot.n--;
      }
    },
    authFailures: async (c, next) => {
      if (c.req.method === 'POST' && SIGN_IN_PATHS.has(c.req.path)) return next();
      const read = c.req.method === 'GET' || c.req.method === 'HEAD';
      const bearer = bearerOf(c);
      if (read && !bearer) return next();
      const key = clientKey(c);
      const wait = failures.blocked(key);
      if (wait !== undefined)
        return tooMany(c, wait, 'lần nhập sai mã truy cập', 'failed authentication attempts');
      await next();
      // A wrong key is a guess whatever it was sent to; a write's 401 is one too (a wrong form token).
      if ((bearer && !c.get('principal')) || (!read && c.res.status === 401)) failures.hit(key);
    },
    authBlocked: (key) => failures.blocked(key),
    loginFailure: (key) => failures.hit(key),
    loginBlocked: (c, username) => {
      const waits = [failures.blocked(clientKey(c)), failures.blocked(userKey(username))];
      const wait = Math.max(...waits.map((w) => w ?? 0));
      return wait > 0 ? wait : undefined;
    },
    loginFailed: (c, username) => {
      failures.hit(clientKey(c));
      failures.hit(userKey(username));
    },
  };
}
