import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { CLI_ACTOR, createService } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

/**
 * The drafts' writes as a chair meets them: a save made on an older version answers 409 saying who saved
 * in between and when, and the page keeps what was typed; a signed-in chair's forms carry the session's
 * CSRF token, and a post without it is refused.
 */

const TOKEN = 'a-token-long-enough-for-draft-form-tests';
const PASSWORD = 'mat-khau-chu-tich-du-dai';
const DRAFT = [
  '# Điều 1. Nghỉ hằng năm',
  '',
  'Người lao động được nghỉ hằng năm ______ ngày làm việc, hưởng nguyên lương.',
  '',
  '# Điều 2. Bữa ăn giữa ca',
  '',
  'Tiền ăn giữa ca: ………… đồng/người/ca.',
  '',
].join('\n');

const temp = tempLibrary();
const service = createService({ library: temp.library, clock: () => '2026-12-01' });
const app = createApp({ library: temp.library, service, apiToken: TOKEN, today: () => '2026-12-01' });

beforeAll(async () => {
  await service.addUser({ username: 'chutich', role: 'chair', password: PASSWORD }, CLI_ACTOR);
});
afterAll(() => temp.cleanup());

const formOf = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { method: 'POST', body, headers };
};

/** A draft made with the page's form and a file of our text; returns its id and secret. */
async function pageDraft(headers: Record<string, string> = {}, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.set('file', new File([DRAFT], 'du-thao.md', { type: 'text/markdown' }));
  body.set('by', 'Chủ tịch CĐCS');
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  const res = await app.request('/drafts', { method: 'POST', body, headers });
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  const [, id, key] = /^\/drafts\/(dt-[0-9a-f]+)\?key=([^&]+)/.exec(location)!;
  return { id: id!, key: decodeURIComponent(key!) };
}

describe('a save made on an older version of a draft', () => {
  it('answers 409 with the JSON error saying who saved in between, when, and which version', async () => {
    const created = await app.request('/api/drafts', {
      method: 'POST',
      body: DRAFT,
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', Authorization: `Bearer ${TOKEN}` },
    });
    expect(created.status).toBe(201);
    const { draft } = (await created.json()) as { draft: { id: string } };
    const edit = (by: string, days: number, base: number) =>
      app.request(`/api/drafts/${draft.id}/clauses/dieu-1`, {
        method: 'PUT',
        body: JSON.stringify({
          text: `Người lao động được nghỉ hằng năm ${days} ngày làm việc, hưởng nguyên lương.`,
          base,
        }),
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${TOKEN}`,
          'X-Draft-Author': by,
        },
      });
    expect((await edit('Lan', 14, 1)).status).toBe(200);
    const stale = await edit('Minh', 16, 1);
    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as {
      error: { status: number; code: string; message: string; messageEn: string; savedAt: string };
    };
    expect(error).toMatchObject({ status: 409, code: 'draft_changed', savedBy: 'Lan', version: 2, base: 1 });
    const [date, time] = [
      error.savedAt.slice(0, 10).split('-').reverse().join('/'),
      error.savedAt.slice(11, 16),
    ];
    expect(error.message).toContain(
      `Dự thảo vừa được sửa ở nơi khác: Lan đã lưu lúc ${time} ngày ${date} (bản 2) sau bản 1`,
    );
    expect(error.messageEn).toContain(`Lan saved it at ${time}`);
    // Nothing of Minh's was saved over Lan's.
    const read = await app.request(`/api/drafts/${draft.id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    const body = (await read.json()) as { version: number; content: string };
    expect(body.version).toBe(2);
    expect(body.content).toContain('nghỉ hằng năm 14 ngày');
  });

  it('shows the refusal on the page, beside the clause, and keeps the typed text in its box', async () => {
    const { id, key } = await pageDraft();
    const path = `/drafts/${id}/clauses/dieu-1?key=${encodeURIComponent(key)}`;
    const lan = 'Người lao động được nghỉ hằng năm 14 ngày làm việc, hưởng nguyên lương.';
    const minh = 'Người lao động được nghỉ hằng năm 18 ngày làm việc, hưởng nguyên lương.';
    expect((await app.request(path, formOf({ key, base: '1', text: lan, by: 'Lan' }))).status).toBe(303);
    const refused = await app.request(path, formOf({ key, base: '1', text: minh, by: 'Minh' }));
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('Lan đã lưu lúc');
    const clause = /<section class="draft-clause" id="c-dieu-1">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(clause).toContain('role="alert"');
    expect(/<textarea[^>]*>([^<]*)<\/textarea>/.exec(clause)![1]).toBe(minh);
    // The saved words are there to compare, and the form now saves on top of version 2.
    expect(clause).toContain(lan);
    expect(clause).toContain('name="base" value="2"');
    const again = await app.request(path, formOf({ key, base: '2', text: minh, by: 'Minh' }));
    expect(again.status).toBe(303);
  });
});

describe('the drafts pages of a signed-in chair', () => {
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    const login = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'chutich', password: PASSWORD }),
    });
    expect(login.status).toBe(201);
    csrf = ((await login.json()) as { csrf: string }).csrf;
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  });

  it('puts the session’s CSRF token in every form of the new-draft page and of a draft', async () => {
    const start = await (await app.request('/drafts', { headers: { Cookie: cookie } })).text();
    const { id, key } = await pageDraft({ Cookie: cookie }, { csrf });
    const page = await (
      await app.request(`/drafts/${id}?key=${encodeURIComponent(key)}`, { headers: { Cookie: cookie } })
    ).text();
    for (const html of [start, page]) {
      const forms = [...html.matchAll(/<form method="post"[\s\S]*?<\/form>/g)].map((m) => m[0]);
      expect(forms.length).toBeGreaterThan(0);
      for (const form of forms) expect(form).toContain(`<input type="hidden" name="csrf" value="${csrf}"/>`);
    }
    // The clause forms, the copy buttons, the upload and the sign form.
    expect((page.match(/name="csrf"/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['saving a clause', 'clauses/dieu-1'],
    ['turning the draft into an agreement', 'sign'],
  ])('refuses %s without the CSRF token (403) and does it with it', async (_, route) => {
    const { id, key } = await pageDraft({ Cookie: cookie }, { csrf });
    const path = `/drafts/${id}/${route}?key=${encodeURIComponent(key)}`;
    const fields = {
      key,
      base: '1',
      text: 'Người lao động được nghỉ hằng năm 14 ngày làm việc, hưởng nguyên lương.',
    };
    const refused = await app.request(path, formOf(fields, { Cookie: cookie }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('CSRF');
    const wrong = await app.request(path, formOf({ ...fields, csrf: 'x'.repeat(43) }, { Cookie: cookie }));
    expect(wrong.status).toBe(403);
    expect(service.draft(id, { token: true }).version.version).toBe(1);
    const taken = await app.request(path, formOf({ ...fields, csrf }, { Cookie: cookie }));
    expect(taken.status).toBe(303);
    const view = service.draft(id, { token: true });
    expect(view.version.version).toBe(2);
    // The history names the signed-in chair by their account.
    expect(view.history[0]?.changedBy).toBe('chutich');
  });

  it('refuses to make a draft from a signed-in browser without the token; a browser not signed in makes one with its secret link', async () => {
    const body = new FormData();
    body.set('file', new File([DRAFT], 'du-thao.md', { type: 'text/markdown' }));
    const refused = await app.request('/drafts', { method: 'POST', body, headers: { Cookie: cookie } });
    expect(refused.status).toBe(403);
    // Without a session nothing changes: a chair without an account keeps the secret link.
    const { key } = await pageDraft();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
