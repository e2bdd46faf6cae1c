import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC } from '../../clauses/grading.ts';
import { createApp } from '../../server/app.ts';
import { CLI_ACTOR, createService } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

const TOKEN = 'bootstrap-token-for-admin-page-tests-0123456789';
const PASSWORD = 'mat-khau-quan-tri-dai';

const temp = tempLibrary();
const service = createService({ library: temp.library, clock: () => '2026-12-02' });
const app = createApp({ library: temp.library, service, apiToken: TOKEN });

interface Browser {
  cookie: string;
  csrf: string;
}
const browsers: Record<string, Browser> = {};

async function signIn(username: string): Promise<Browser> {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(201);
  const { csrf } = (await res.json()) as { csrf: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf };
}

beforeAll(async () => {
  await service.addUser({ username: 'quantri', role: 'administrator', password: PASSWORD }, CLI_ACTOR);
  await service.addUser(
    { username: 'canbo', role: 'officer', provinces: ['Hà Nội'], password: PASSWORD },
    CLI_ACTOR,
  );
  browsers.quantri = await signIn('quantri');
  browsers.canbo = await signIn('canbo');
});
afterAll(() => temp.cleanup());

/** Posts an administrator's form as `who` (a signed-in browser with its CSRF token, unless told otherwise). */
function post(path: string, fields: Record<string, string>, who: Browser | undefined, csrf = who?.csrf) {
  return app.request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(who ? { Cookie: who.cookie } : {}),
    },
    body: new URLSearchParams({ ...fields, ...(csrf ? { csrf } : {}) }).toString(),
  });
}

const userNamed = (username: string) => service.users().find((u) => u.username === username);
const lastAudit = (action: string) => service.auditLog({ action, page: 1, pageSize: 1 }).items[0];

describe('the users page', () => {
  it.each([
    ['an administrator', () => ({ Cookie: browsers.quantri!.cookie }), 200],
    ['an officer', () => ({ Cookie: browsers.canbo!.cookie }), 403],
    ['an anonymous reader', () => ({}), 401],
  ])('answers %s with %i', async (_, headers, status) => {
    const res = await app.request('/admin/users', { headers: headers() });
    expect(res.status).toBe(status);
    if (status === 200) {
      const html = await res.text();
      expect(html).toContain('canbo');
      expect(html).toContain(`name="csrf" value="${browsers.quantri!.csrf}"`);
    }
  });

  it('adds a user (audited with the administrator’s name) and refuses the form without the CSRF token', async () => {
    const fields = {
      username: 'lan',
      role: 'officer',
      provinces: 'Đà Nẵng, Huế',
      password: 'mat-khau-cua-lan-dai',
    };
    const refused = await post('/admin/users', fields, browsers.quantri, '');
    expect(refused.status).toBe(403);
    expect(userNamed('lan')).toBeUndefined();
    const added = await post('/admin/users', fields, browsers.quantri);
    expect(added.status).toBe(200);
    expect(userNamed('lan')).toMatchObject({ role: 'officer', provinces: ['Đà Nẵng', 'Huế'] });
    expect(lastAudit('user.add')).toMatchObject({ actorName: 'quantri', after: { username: 'lan' } });
  });

  it('refuses every change from an officer (403) and changes nothing', async () => {
    const before = service.auditLog({ page: 1, pageSize: 1 }).total;
    for (const [path, fields] of [
      ['/admin/users', { username: 'ke-gian', role: 'administrator' }],
      ['/admin/users/canbo', { role: 'administrator' }],
      ['/admin/users/quantri/disable', {}],
      ['/admin/users/quantri/keys', { label: 'của tôi' }],
    ] as const) {
      expect((await post(path, fields, browsers.canbo)).status).toBe(403);
    }
    expect(userNamed('ke-gian')).toBeUndefined();
    expect(userNamed('canbo')?.role).toBe('officer');
    expect(userNamed('quantri')?.disabled).toBe(false);
    expect(service.auditLog({ page: 1, pageSize: 1 }).total).toBe(before);
  });

  it('changes a role, provinces and unions, with the values before and after in the audit log', async () => {
    await service.addUser({ username: 'minh', role: 'reader' }, CLI_ACTOR);
    const res = await post(
      '/admin/users/minh',
      { role: 'officer', provinces: 'Hồ Chí Minh', unions: 'LĐLĐ quận 1', agreements: '' },
      browsers.quantri,
    );
    expect(res.status).toBe(200);
    expect(userNamed('minh')).toMatchObject({
      role: 'officer',
      provinces: ['Hồ Chí Minh'],
      unions: ['LĐLĐ quận 1'],
    });
    expect(lastAudit('user.update')).toMatchObject({
      actorName: 'quantri',
      before: { username: 'minh', role: 'reader', provinces: [] },
      after: { username: 'minh', role: 'officer', provinces: ['Hồ Chí Minh'] },
    });
  });

  it('refuses an unknown province with the page saying so (400), changing nothing', async () => {
    const res = await post('/admin/users/minh', { role: 'officer', provinces: 'Atlantis' }, browsers.quantri);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Atlantis');
    expect(userNamed('minh')?.provinces).toEqual(['Hồ Chí Minh']);
  });

  it('disables a user (their key stops working) and enables them again, each audited', async () => {
    await service.addUser({ username: 'tam', role: 'reader' }, CLI_ACTOR);
    const key = service.createApiKey('tam', 'script', CLI_ACTOR);
    const asTam = () => app.request('/api/session', { headers: { Authorization: `Bearer ${key}` } });
    expect((await asTam()).status).toBe(200);
    expect((await post('/admin/users/tam/disable', {}, browsers.quantri)).status).toBe(200);
    expect(userNamed('tam')?.disabled).toBe(true);
    expect((await asTam()).status).toBe(401);
    expect(lastAudit('user.disable')).toMatchObject({ actorName: 'quantri' });
    expect((await post('/admin/users/tam/enable', {}, browsers.quantri)).status).toBe(200);
    expect((await asTam()).status).toBe(200);
    expect(lastAudit('user.enable')).toMatchObject({ actorName: 'quantri' });
  });

  it('issues an API key shown once, and revokes it (then refused), each audited', async () => {
    const issued = await post('/admin/users/minh/keys', { label: 'báo cáo tháng' }, browsers.quantri);
    expect(issued.status).toBe(200);
    const key = /<code>(cba_[\w-]+)<\/code>/.exec(await issued.text())?.[1] ?? '';
    expect(key).toMatch(/^cba_/);
    const asMinh = () => app.request('/api/session', { headers: { Authorization: `Bearer ${key}` } });
    expect((await asMinh()).status).toBe(200);
    expect(lastAudit('user.key')).toMatchObject({ actorName: 'quantri', after: { user: 'minh' } });
    const minh = userNamed('minh');
    const [record] = service.apiKeysOf(minh?.id ?? '');
    const revoked = await post(`/admin/users/minh/keys/${record?.id}/revoke`, {}, browsers.quantri);
    expect(revoked.status).toBe(200);
    expect((await asMinh()).status).toBe(401);
    expect(lastAudit('user.key_revoke')).toMatchObject({ actorName: 'quantri', before: { user: 'minh' } });
    // Revoked already: 404, nothing more in the log.
    expect((await post(`/admin/users/minh/keys/${record?.id}/revoke`, {}, browsers.quantri)).status).toBe(
      404,
    );
  });

  it('takes the bootstrap token in the form’s token field (no session), naming it in the audit log', async () => {
    const res = await post('/admin/users', { username: 'hoa', role: 'chair', token: TOKEN }, undefined);
    expect(res.status).toBe(200);
    expect(userNamed('hoa')?.role).toBe('chair');
    expect(lastAudit('user.add')).toMatchObject({ actorName: 'token quản trị' });
    expect(
      (await post('/admin/users', { username: 'hoa2', role: 'chair', token: 'sai' }, undefined)).status,
    ).toBe(401);
  });
});

describe('the rubric page', () => {
  it('shows administrators the rubric in force, read only, with its version and basis; 403 to others', async () => {
    const res = await app.request('/admin/rubric', { headers: { Cookie: browsers.quantri!.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(RUBRIC.version);
    expect(html).toContain('90/HD-TLĐ');
    expect(html).toContain(RUBRIC.criteria[0]!.label);
    expect(html).not.toContain('action="/admin/rubric');
    expect((await app.request('/admin/rubric', { headers: { Cookie: browsers.canbo!.cookie } })).status).toBe(
      403,
    );
  });
});
