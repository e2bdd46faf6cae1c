import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { type FailedSignInRecord, failedSignIns } from '../../server/failed-sign-ins.ts';
import { createRateLimits } from '../../server/rate-limits.ts';
import { CLI_ACTOR, createService } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

const TOKEN = 'bootstrap-token-for-sign-in-tests-0123456789';
const PASSWORD = 'mat-khau-dang-nhap-dai';

const temp = tempLibrary();
const service = createService({ library: temp.library, clock: () => '2026-12-02' });
const app = createApp({ library: temp.library, service, apiToken: TOKEN });

beforeAll(async () => {
  await service.addUser(
    { username: 'lan', role: 'officer', provinces: ['Hà Nội'], password: PASSWORD },
    CLI_ACTOR,
  );
  await service.addUser({ username: 'quantri', role: 'administrator', password: PASSWORD }, CLI_ACTOR);
});
afterAll(() => temp.cleanup());

/** The `name=value` of a response's cookie called `name`. */
function cookieOf(res: Response, name: string): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '';
  return header.split(';')[0] ?? '';
}

/** A browser's first visit to the sign-in page: its pre-session cookie and the form's token. */
async function openLoginForm(target = app): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const res = await target.request('/login');
  const html = await res.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cba_login=')) ?? '';
  return { cookie: cookieOf(res, 'cba_login'), csrf, setCookie };
}

function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}, target = app) {
  return target.request('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const logins = () => service.auditLog({ action: 'session.login', page: 1, pageSize: 1000 }).total;

describe('the sign-in form’s CSRF token', () => {
  it('gives the browser an HttpOnly, SameSite=Strict pre-session cookie and the form a token bound to it', async () => {
    const { cookie, csrf, setCookie } = await openLoginForm();
    expect(cookie).toMatch(/^cba_login=[\w-]{43}$/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(csrf).toMatch(/^[\w-]{43}$/);
    expect(csrf).not.toBe(cookie.split('=')[1]);
  });

  it('signs in with the form’s token and its cookie (303 and a session cookie)', async () => {
    const { cookie, csrf } = await openLoginForm();
    const res = await postLogin({ username: 'lan', password: PASSWORD, csrf }, { Cookie: cookie });
    expect(res.status).toBe(303);
    expect(cookieOf(res, 'cba_session')).toMatch(/^cba_session=./);
  });

  it.each([
    ['no token and no cookie', () => Promise.resolve({ fields: {}, headers: {} })],
    [
      'the cookie without the token',
      async () => ({ fields: {}, headers: { Cookie: (await openLoginForm()).cookie } }),
    ],
    [
      'the token without its cookie (a forged cross-site form)',
      async () => ({ fields: { csrf: (await openLoginForm()).csrf }, headers: {} }),
    ],
    [
      'another browser’s token',
      async () => ({
        fields: { csrf: (await openLoginForm()).csrf },
        headers: { Cookie: (await openLoginForm()).cookie },
      }),
    ],
    [
      'a right pair the browser marks cross-site',
      async () => {
        const { cookie, csrf } = await openLoginForm();
        return { fields: { csrf }, headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } };
      },
    ],
  ])('refuses a sign-in with %s (403, no session, nothing signed in)', async (_, make) => {
    const { fields, headers } = await make();
    const before = logins();
    const res = await postLogin({ username: 'lan', password: PASSWORD, ...fields }, headers);
    expect(res.status).toBe(403);
    expect(cookieOf(res, 'cba_session')).toBe('');
    expect(await res.text()).toContain('CSRF');
    expect(logins()).toBe(before);
  });

  it('refuses a JSON sign-in that is not sent as application/json (a cross-site text/plain form)', async () => {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
    });
    expect(res.status).toBe(415);
    expect(cookieOf(res, 'cba_session')).toBe('');
  });

  it('uses a __Host- pre-session cookie, Secure, when the public URL is https', async () => {
    const secure = createApp({ library: temp.library, service, publicUrl: 'https://cba.example.vn' });
    const res = await secure.request('/login');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-cba_login=')) ?? '';
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/');
  });
});

describe('signing out', () => {
  async function signedIn(): Promise<{ cookie: string; csrf: string }> {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
    });
    const { csrf } = (await res.json()) as { csrf: string };
    return { cookie: cookieOf(res, 'cba_session'), csrf };
  }
  const stillSignedIn = async (cookie: string) =>
    (await app.request('/api/session', { headers: { Cookie: cookie } })).status === 200;
  const logout = (cookie: string, fields: Record<string, string>) =>
    app.request('/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('refuses a sign-out form without the session’s token (403) and the session stays', async () => {
    const { cookie } = await signedIn();
    expect((await logout(cookie, {})).status).toBe(403);
    expect((await logout(cookie, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect(await stillSignedIn(cookie)).toBe(true);
  });

  it('signs out with the token of the page’s form (303), ending the session', async () => {
    const { cookie, csrf } = await signedIn();
    const page = await (await app.request('/', { headers: { Cookie: cookie } })).text();
    expect(page).toContain(`name="csrf" value="${csrf}"`);
    expect((await logout(cookie, { csrf })).status).toBe(303);
    expect(await stillSignedIn(cookie)).toBe(false);
  });
});

describe('failed sign-ins in the audit log', () => {
  const failures = () => service.auditLog({ action: 'session.login_failed', page: 1, pageSize: 1000 }).items;

  it('writes who tried (the name typed), from where and when — never the password', async () => {
    const before = failures().length;
    const { cookie, csrf } = await openLoginForm();
    const res = await postLogin(
      { username: 'khong-co-ai', password: 'doan-mat-khau-bi-mat', csrf },
      { Cookie: cookie },
    );
    expect(res.status).toBe(401);
    const entries = failures();
    expect(entries.length).toBe(before + 1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      actorName: 'khong-co-ai',
      action: 'session.login_failed',
      after: { username: 'khong-co-ai', client: 'local', attempts: 1 },
    });
    expect(Date.parse(entry?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(entry)).not.toContain('doan-mat-khau-bi-mat');
  });

  it('writes one entry per client and name a minute, however many tries (the rest counted)', async () => {
    const before = failures().length;
    const minute = () => Math.floor(Date.now() / 60_000);
    const started = minute();
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'quantri', password: `sai-${i}-mat-khau` }),
      });
      expect(res.status).toBe(401);
    }
    // One entry, or two when the tries straddled the turn of a minute.
    expect(failures().length - before).toBe(minute() === started ? 1 : 2);
  });

  it('is filtered on the administrator’s audit page', async () => {
    const key = service.createApiKey('quantri', 'test', CLI_ACTOR);
    const page = await app.request('/admin/audit?action=session.login_failed', {
      headers: { Authorization: `Bearer ${key}` },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('khong-co-ai');
    expect(html).not.toContain('>user.add<');
    expect(html).toContain('action=session.login_failed');
  });
});

describe('the bound on failed sign-in entries', () => {
  const make = (options: { maxEntriesPerMinute?: number; maxPairs?: number } = {}) => {
    let now = Date.parse('2026-12-02T03:00:10Z');
    const written: FailedSignInRecord[] = [];
    const log = failedSignIns({ write: (r) => written.push(r), now: () => now, ...options });
    return { log, written, advance: (ms: number) => (now += ms) };
  };

  it('writes the first failure at once and the minute’s others as one counted entry when it ends', () => {
    const { log, written, advance } = make();
    for (let i = 0; i < 40; i++) log.record({ username: 'lan', client: '203.0.113.7' });
    expect(written).toEqual([
      expect.objectContaining({ username: 'lan', client: '203.0.113.7', attempts: 1 }),
    ]);
    advance(60_000);
    log.flush();
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({ username: 'lan', client: '203.0.113.7', attempts: 39 });
    expect(written[1]?.from).toBe('2026-12-02T03:00:00.000Z');
  });

  it.each([
    // clients × names tried once each, the budget a minute → entries written in all
    { clients: 10, budget: 30, entries: 10 },
    { clients: 100, budget: 30, entries: 31 },
    { clients: 10_000, budget: 30, entries: 31 },
  ])(
    '$clients clients guessing a name each, $budget entries a minute: $entries entries in all',
    ({ clients, budget, entries }) => {
      const { log, written, advance } = make({ maxEntriesPerMinute: budget });
      for (let i = 0; i < clients; i++)
        log.record({ username: `ten-${i}`, client: `198.51.${i >> 8}.${i & 255}` });
      advance(60_000);
      log.flush();
      expect(written).toHaveLength(entries);
      expect(written.reduce((n, r) => n + r.attempts, 0)).toBe(clients);
      if (clients > budget)
        expect(written.at(-1)).toMatchObject({ username: undefined, attempts: clients - budget });
    },
  );

  it('survives a minute-end write that fails (the library closed): the counts are reported, the process goes on', () => {
    vi.useFakeTimers({ now: 0 });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      let open = true;
      const written: FailedSignInRecord[] = [];
      const log = failedSignIns({
        write: (r) => {
          if (!open) throw new TypeError('The database connection is not open');
          written.push(r);
        },
      });
      log.record({ username: 'lan', client: '203.0.113.7' });
      log.record({ username: 'lan', client: '203.0.113.7' });
      open = false;
      expect(() => vi.advanceTimersByTime(61_000)).not.toThrow();
      expect(written).toHaveLength(1);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/not written to the audit log/);
    } finally {
      error.mockRestore();
      vi.useRealTimers();
    }
  });

  it('remembers at most maxPairs pairs a minute; beyond, failures are only counted', () => {
    const { log, written, advance } = make({ maxEntriesPerMinute: 1000, maxPairs: 50 });
    for (let i = 0; i < 200; i++) log.record({ username: 'lan', client: `192.0.2.${i}` });
    expect(written).toHaveLength(50);
    advance(60_000);
    log.flush();
    expect(written.at(-1)).toMatchObject({ username: undefined, attempts: 150, client: 50, names: ['lan'] });
  });
});

describe('one limit on wrong passwords and wrong tokens', () => {
  const make = () => {
    let now = 5_000_000;
    const limits = createRateLimits({
      authFailures: 3,
      authWindowMinutes: 15,
      trustProxy: true,
      now: () => now,
    });
    const { library, cleanup } = tempLibrary();
    const limitedService = createService({ library });
    const limited = createApp({ library, service: limitedService, apiToken: TOKEN, limits });
    return { limited, limitedService, advance: (ms: number) => (now += ms), cleanup };
  };
  const signIn = (a: ReturnType<typeof createApp>, username: string, password: string, from: string) =>
    a.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
      body: JSON.stringify({ username, password }),
    });

  it('answers 429 with Retry-After to the client after 3 wrong passwords, to its tokens too, until the window passes', async () => {
    const { limited, limitedService, advance, cleanup } = make();
    try {
      await limitedService.addUser({ username: 'lan', role: 'officer', password: PASSWORD }, CLI_ACTOR);
      for (let i = 0; i < 3; i++)
        expect((await signIn(limited, 'lan', 'sai-mat-khau-roi', '203.0.113.9')).status).toBe(401);
      const refused = await signIn(limited, 'lan', PASSWORD, '203.0.113.9');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      // The same counter refuses the client's writes with the right token.
      const write = await limited.request('/api/agreements/khong-co', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${TOKEN}`, 'X-Forwarded-For': '203.0.113.9' },
      });
      expect(write.status).toBe(429);
      advance(31 * 60_000);
      expect((await signIn(limited, 'lan', PASSWORD, '203.0.113.9')).status).toBe(201);
    } finally {
      cleanup();
    }
  });

  it('counts wrong keys sent to read routes too (a GET with a bearer key that matches nothing)', async () => {
    const { limited, cleanup } = make();
    try {
      const get = (key: string) =>
        limited.request('/api/session', {
          headers: { Authorization: `Bearer ${key}`, 'X-Forwarded-For': '198.51.100.4' },
        });
      for (let i = 0; i < 3; i++) expect((await get(`cba_doan-${i}`)).status).toBe(401);
      expect((await get(TOKEN)).status).toBe(429);
      // Reading anonymously stays possible.
      const anonymous = await limited.request('/api/health', {
        headers: { 'X-Forwarded-For': '198.51.100.4' },
      });
      expect(anonymous.status).toBe(200);
    } finally {
      cleanup();
    }
  });

  it('locks a name guessed from many addresses, and leaves other clients’ names alone', async () => {
    const { limited, limitedService, cleanup } = make();
    try {
      await limitedService.addUser({ username: 'lan', role: 'officer', password: PASSWORD }, CLI_ACTOR);
      await limitedService.addUser({ username: 'minh', role: 'officer', password: PASSWORD }, CLI_ACTOR);
      for (let i = 0; i < 3; i++) await signIn(limited, 'lan', 'sai-mat-khau-roi', `192.0.2.${i}`);
      expect((await signIn(limited, 'lan', PASSWORD, '192.0.2.200')).status).toBe(429);
      expect((await signIn(limited, 'minh', PASSWORD, '192.0.2.200')).status).toBe(201);
    } finally {
      cleanup();
    }
  });
});
