import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { CLI_ACTOR, createService, hashPassword, verifyPassword } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

const TOKEN = 'bootstrap-token-for-access-tests-0123456789';
const PASSWORD = 'mat-khau-thu-nghiem-dai';
const TEXT = [
  'Điều 1. Thời hạn',
  'Thỏa ước có hiệu lực từ ngày 01/01/2026 đến ngày 31/12/2027.',
  'Điều 2. Nghỉ hằng năm',
  'Người lao động được nghỉ hằng năm 10 ngày làm việc, hưởng nguyên lương.',
].join('\n');

const temp = tempLibrary();
const service = createService({ library: temp.library, clock: () => '2026-11-23' });
const app = createApp({ library: temp.library, service, apiToken: TOKEN, today: () => '2026-11-23' });
const keys: Record<string, string> = {};
const json = (key: string | undefined) => ({
  'Content-Type': 'application/json',
  ...(key ? { Authorization: `Bearer ${key}` } : {}),
});

const ACCOUNTS: Array<{ name: string; role: Role; provinces?: string[] }> = [
  { name: 'quantri', role: 'administrator' },
  { name: 'canbo-hn', role: 'officer', provinces: ['Hà Nội'] },
  { name: 'canbo-dn', role: 'officer', provinces: ['Đà Nẵng'] },
  { name: 'chutich', role: 'chair' },
  { name: 'chutich-khac', role: 'chair' },
  { name: 'docgia', role: 'reader' },
];

beforeAll(async () => {
  for (const a of ACCOUNTS) {
    await service.addUser({ username: a.name, role: a.role, provinces: a.provinces }, CLI_ACTOR);
    keys[a.name] = service.createApiKey(a.name, 'test', CLI_ACTOR);
  }
  await service.addUser(
    { username: 'matkhau', role: 'officer', provinces: ['Hà Nội'], password: PASSWORD },
    CLI_ACTOR,
  );
});
afterAll(() => temp.cleanup());

let made = 0;
/** A fresh agreement in Hà Nội, imported by the chair `chutich` (its owner). */
async function freshAgreement(extra = ''): Promise<string> {
  made++;
  const res = await app.request('/api/agreements', {
    method: 'POST',
    headers: json(keys.chutich),
    body: JSON.stringify({
      filename: `quyen-${made}.txt`,
      content: `${TEXT}\nĐiều 3. Khác\nSố hồ sơ ${made}. ${extra}`,
      metadata: { province: 'Hà Nội' },
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const auditOf = (agreementId: string, action: string) =>
  service.auditLog({ agreementId, action, page: 1, pageSize: 10 }).items;

/** Each write route of the API: how to call it on an agreement, and the audit action it writes. */
const ROUTES: Array<{
  route: string;
  action: string;
  call: (id: string, key: string) => Response | Promise<Response>;
}> = [
  {
    route: 'POST /api/agreements/:id/events',
    action: 'event',
    call: (id, key) =>
      app.request(`/api/agreements/${id}/events`, {
        method: 'POST',
        headers: json(key),
        body: JSON.stringify({ type: 'filed', date: '2026-11-01' }),
      }),
  },
  {
    route: 'PUT /api/agreements/:id/assessment',
    action: 'assessment',
    call: (id, key) =>
      app.request(`/api/agreements/${id}/assessment`, {
        method: 'PUT',
        headers: json(key),
        body: JSON.stringify({ answeredBy: 'Người kiểm', answers: { reviewed: true } }),
      }),
  },
  {
    route: 'POST /api/agreements/:id/corrections',
    action: 'correction',
    call: (id, key) =>
      app.request(`/api/agreements/${id}/corrections`, {
        method: 'POST',
        headers: json(key),
        body: JSON.stringify({
          kind: 'verdict',
          target: { path: 'Điều 2', written: '10 ngày làm việc' },
          verdict: 'unclear',
          reason: 'cần đối chiếu',
          by: 'Người kiểm',
        }),
      }),
  },
  {
    route: 'PUT /api/agreements/:id/visibility',
    action: 'visibility',
    call: (id, key) =>
      app.request(`/api/agreements/${id}/visibility`, {
        method: 'PUT',
        headers: json(key),
        body: JSON.stringify({ visibility: 'summary' }),
      }),
  },
  {
    route: 'DELETE /api/agreements/:id',
    action: 'remove',
    call: (id, key) => app.request(`/api/agreements/${id}`, { method: 'DELETE', headers: json(key) }),
  },
];

/** Who may write on an agreement of Hà Nội imported by `chutich`. */
const ROLE_CASES: Array<[string, boolean]> = [
  ['quantri', true],
  ['canbo-hn', true],
  ['chutich', true],
  ['canbo-dn', false],
  ['chutich-khac', false],
  ['docgia', false],
];

describe('each role on each write route', () => {
  const cases = ROUTES.flatMap((r) => ROLE_CASES.map(([user, allowed]) => ({ ...r, user, allowed })));
  it.each(cases)(
    '$route as $user: allowed=$allowed, audited when allowed',
    async ({ call, user, allowed, action }) => {
      const id = await freshAgreement();
      const res = await call(id, keys[user]!);
      if (allowed) {
        expect(res.status).toBeLessThan(300);
        const [entry] = auditOf(id, action);
        expect(entry).toMatchObject({ actorName: user, action, agreementId: id });
      } else {
        expect(res.status).toBe(403);
        expect(auditOf(id, action)).toEqual([]);
      }
    },
  );

  it.each([
    ['quantri', 201],
    ['canbo-hn', 201],
    ['chutich', 201],
    ['docgia', 403],
  ])(
    'POST /api/agreements as %s answers %i, and the import is audited with its actor',
    async (user, status) => {
      made++;
      const res = await app.request('/api/agreements', {
        method: 'POST',
        headers: json(keys[user]),
        body: JSON.stringify({ filename: `nhap-${made}.txt`, content: `${TEXT}\nSố ${made}` }),
      });
      expect(res.status).toBe(status);
      if (status === 201) {
        const { id } = (await res.json()) as { id: string };
        expect(auditOf(id, 'import')[0]).toMatchObject({ actorName: user });
      }
    },
  );

  it('names the bootstrap token "token quản trị" in the audit log', async () => {
    const id = await freshAgreement();
    expect((await ROUTES[0]!.call(id, TOKEN)).status).toBe(201);
    expect(auditOf(id, 'event')[0]).toMatchObject({ actorName: 'token quản trị' });
  });

  it('records before and after values: the visibility change and the removed agreement', async () => {
    const id = await freshAgreement();
    await ROUTES[3]!.call(id, TOKEN);
    expect(auditOf(id, 'visibility')[0]).toMatchObject({
      before: { visibility: 'public' },
      after: { visibility: 'summary' },
    });
    await ROUTES[4]!.call(id, TOKEN);
    expect(auditOf(id, 'remove')[0]?.before).toMatchObject({ meta: { province: 'Hà Nội' } });
  });

  it('refuses a write without credentials (401) and with an unknown key (401)', async () => {
    const id = await freshAgreement();
    expect((await ROUTES[0]!.call(id, '')).status).toBe(401);
    expect((await ROUTES[0]!.call(id, 'cba_not-a-key')).status).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  const signIn = async (username: string, password: string) =>
    app.request('/api/session', {
      method: 'POST',
      headers: json(undefined),
      body: JSON.stringify({ username, password }),
    });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure over http, and refuses a wrong password', async () => {
    const res = await signIn('matkhau', PASSWORD);
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cba_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect((await signIn('matkhau', 'sai-mat-khau-roi')).status).toBe(401);
    expect((await signIn('khong-co-ai', PASSWORD)).status).toBe(401);
  });

  it('marks the cookie Secure (and __Host-) when the public URL is https', async () => {
    const secureApp = createApp({ library: temp.library, service, publicUrl: 'https://cba.example.vn' });
    const res = await secureApp.request('/api/session', {
      method: 'POST',
      headers: json(undefined),
      body: JSON.stringify({ username: 'matkhau', password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-cba_session=.*Secure/);
  });

  it('refuses a page form without the session’s CSRF token (403) and takes it with the token', async () => {
    const id = await freshAgreement();
    const login = await signIn('matkhau', PASSWORD);
    const { csrf } = (await login.json()) as { csrf: string };
    const cookie = cookieOf(login);
    const post = (fields: Record<string, string>) =>
      app.request(`/agreements/${id}/events`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const refused = await post({ type: 'filed', date: '2026-11-01' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('CSRF');
    expect(auditOf(id, 'event')).toEqual([]);
    const wrong = await post({ type: 'filed', date: '2026-11-01', csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const taken = await post({ type: 'filed', date: '2026-11-01', csrf });
    expect(taken.status).toBe(303);
    expect(auditOf(id, 'event')[0]).toMatchObject({ actorName: 'matkhau' });
    // The page a signed-in user gets carries the token in its forms, not the token field.
    const page = await (await app.request(`/agreements/${id}`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain(`name="csrf" value="${csrf}"`);
  });

  it('refuses an API write with the session cookie but no X-CSRF-Token (403 JSON), takes it with the header', async () => {
    const id = await freshAgreement();
    const login = await signIn('matkhau', PASSWORD);
    const { csrf } = (await login.json()) as { csrf: string };
    const headers = { Cookie: cookieOf(login), 'Content-Type': 'application/json' };
    const body = JSON.stringify({ type: 'filed', date: '2026-11-01' });
    const refused = await app.request(`/api/agreements/${id}/events`, { method: 'POST', headers, body });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('csrf');
    const taken = await app.request(`/api/agreements/${id}/events`, {
      method: 'POST',
      headers: { ...headers, 'X-CSRF-Token': csrf },
      body,
    });
    expect(taken.status).toBe(201);
  });

  it('ends the session at logout', async () => {
    const login = await signIn('matkhau', PASSWORD);
    const cookie = cookieOf(login);
    expect((await app.request('/api/session', { headers: { Cookie: cookie } })).status).toBe(200);
    await app.request('/api/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect((await app.request('/api/session', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('limits failed sign-ins per client (429 with Retry-After)', async () => {
    const limited = createApp({ library: temp.library, service });
    const attempt = () =>
      limited.request('/api/session', {
        method: 'POST',
        headers: json(undefined),
        body: JSON.stringify({ username: 'matkhau', password: 'sai-mat-khau-roi' }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const res = await attempt();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a disabled user: their key and their password', async () => {
    await service.addUser(
      { username: 'se-khoa', role: 'officer', provinces: ['Hà Nội'], password: PASSWORD },
      CLI_ACTOR,
    );
    const key = service.createApiKey('se-khoa', 'test', CLI_ACTOR);
    const id = await freshAgreement();
    service.setUserDisabled('se-khoa', true, CLI_ACTOR);
    expect((await ROUTES[0]!.call(id, key)).status).toBe(401);
    expect((await signIn('se-khoa', PASSWORD)).status).toBe(401);
    expect(service.auditLog({ action: 'user.disable', page: 1, pageSize: 5 }).items[0]).toMatchObject({
      actorName: CLI_ACTOR.actorName,
      after: { username: 'se-khoa', disabled: true },
    });
  });
});

describe('passwords', () => {
  it('hashes with scrypt, a salt of its own and the parameters stored; verifies the right password only', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'scrypt$1$1$1$$')).toBe(false);
  });
});

describe('visibility', () => {
  it('hides a union-internal agreement from anonymous readers in the list, the API, the page and search', async () => {
    const id = await freshAgreement('nộibộriêng');
    service.setVisibility(id, 'internal', CLI_ACTOR);
    const listed = async (key?: string) =>
      (
        (await (await app.request('/api/agreements?pageSize=100', { headers: json(key) })).json()) as {
          items: Array<{ id: string }>;
        }
      ).items.map((i) => i.id);
    expect(await listed()).not.toContain(id);
    expect(await listed(keys.docgia)).toContain(id);
    expect((await app.request(`/api/agreements/${id}`)).status).toBe(404);
    expect((await app.request(`/api/agreements/${id}`, { headers: json(keys.docgia) })).status).toBe(200);
    expect((await app.request(`/agreements/${id}`)).status).toBe(404);
    const found = async (key?: string) =>
      (
        (await (await app.request('/api/search?q=nộibộriêng', { headers: json(key) })).json()) as {
          hits: Array<{ agreementId?: string }>;
        }
      ).hits.map((h) => h.agreementId);
    expect(await found()).not.toContain(id);
    expect(await found(keys.docgia)).toContain(id);
  });

  it.each([
    '/api/agreements/:id/comparison',
    '/api/agreements/:id/events',
    '/api/agreements/:id/grade',
    '/agreements/:id/compare',
    '/agreements/:id/grade',
  ])('answers 404 to an anonymous reader for %s of an internal agreement', async (path) => {
    const id = await freshAgreement();
    service.setVisibility(id, 'internal', CLI_ACTOR);
    expect((await app.request(path.replace(':id', id))).status).toBe(404);
    expect((await app.request(path.replace(':id', id), { headers: json(keys.docgia) })).status).toBe(200);
  });

  it('answers 404 to an anonymous reader who names an internal agreement in a comparison of agreements', async () => {
    const hidden = await freshAgreement();
    const open = await freshAgreement();
    service.setVisibility(hidden, 'internal', CLI_ACTOR);
    for (const path of [
      `/api/compare?ids=${open},${hidden}`,
      `/api/compare/versions?from=${open}&to=${hidden}`,
      `/versions?from=${open}&to=${hidden}`,
    ]) {
      expect((await app.request(path)).status).toBe(404);
      expect((await app.request(path, { headers: json(keys.docgia) })).status).toBe(200);
    }
  });

  it('leaves internal agreements out of the expiry and below-floor lists for anonymous readers', async () => {
    const id = await freshAgreement();
    service.setVisibility(id, 'internal', CLI_ACTOR);
    const ids = async (path: string, key?: string) =>
      (
        (await (await app.request(path, { headers: json(key) })).json()) as { items: Array<{ id: string }> }
      ).items.map((i) => i.id);
    expect(await ids('/api/below-floor')).not.toContain(id);
    expect(await ids('/api/below-floor', keys.docgia)).toContain(id);
    expect(await ids('/api/expiry?within=3650')).not.toContain(id);
    expect(await ids('/api/expiry?within=3650', keys.docgia)).toContain(id);
  });

  it('shows a summary-only agreement to anonymous readers without its text or document', async () => {
    const id = await freshAgreement();
    service.setVisibility(id, 'summary', CLI_ACTOR);
    const res = await app.request(`/api/agreements/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ id, visibility: 'summary', meta: { province: 'Hà Nội' } });
    expect(body.tree).toBeUndefined();
    expect((await app.request(`/api/agreements/${id}/source`)).status).toBe(403);
    const signedIn = (await (
      await app.request(`/api/agreements/${id}`, { headers: json(keys.docgia) })
    ).json()) as {
      tree?: unknown;
    };
    expect(signedIn.tree).toBeDefined();
  });

  it('shows a summary-only agreement page without its clauses to anonymous readers', async () => {
    const id = await freshAgreement('vănbảnriêngtư');
    service.setVisibility(id, 'summary', CLI_ACTOR);
    const anonymous = await app.request(`/agreements/${id}`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).not.toContain('vănbảnriêngtư');
    const signedIn = await app.request(`/agreements/${id}`, { headers: json(keys.docgia) });
    expect(await signedIn.text()).toContain('vănbảnriêngtư');
    expect((await app.request(`/agreements/${id}/compare`)).status).toBe(403);
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied: the table refuses UPDATE and DELETE', () => {
    expect(() => temp.library.db.prepare("UPDATE audit_log SET actor_name = 'ai đó'").run()).toThrow(
      /append-only/,
    );
    expect(() => temp.library.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('is read and filtered by administrators only, and exported as CSV', async () => {
    const page = await app.request('/admin/audit?action=import', { headers: json(keys.quantri) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('chutich');
    expect((await app.request('/admin/audit', { headers: json(keys['canbo-hn']) })).status).toBe(403);
    expect((await app.request('/admin/audit')).status).toBe(401);
    const csv = await app.request('/admin/audit.csv?actor=chutich', { headers: json(keys.quantri) });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('actorName');
    expect(lines.slice(1).every((l) => l.includes('chutich'))).toBe(true);
  });
});
