import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

const TOKEN = 'a-token-long-enough-for-tests';
let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, apiToken: TOKEN, today: () => '2026-12-01' });
});
afterAll(() => cleanup());

const formOf = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { method: 'POST', body };
};

/** Creates a draft from the bundled model on the page; returns its secret link. */
async function createFromModel(): Promise<string> {
  const res = await app.request(
    '/drafts',
    formOf({ model: 'mau-det-may', by: 'Chủ tịch CĐCS', industry: 'det-may' }),
  );
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/drafts\/dt-[0-9a-f]{12}\?key=[A-Za-z0-9_-]{43}&new=1$/);
  return location;
}

describe('the drafts pages', () => {
  it('offers the model agreements to start from', async () => {
    const html = await (await app.request('/drafts')).text();
    expect(html).toContain('value="mau-det-may"');
  });

  it('opens a draft made from a model by its secret link, shown once, with a form per clause', async () => {
    const link = await createFromModel();
    const html = await (await app.request(link)).text();
    expect(html).toContain('liên kết chỉ hiện một lần');
    expect(html).toContain('13 chỗ trống');
    expect(html).toContain('Chép vào dự thảo');
    expect(html).toMatch(/<form method="post" action="\/drafts\/dt-[0-9a-f]+\/clauses\/dieu-5\?key=/);
    const again = await (await app.request(link.replace('&new=1', ''))).text();
    expect(again).not.toContain('liên kết chỉ hiện một lần');
    const wrong = await app.request(link.replace(/key=[^&]+/, 'key=sai'));
    expect(wrong.status).toBe(404);
  });

  it('fills a blank from a suggestion, saves a version and checks again', async () => {
    const link = (await createFromModel()).replace('&new=1', '');
    const html = await (await app.request(link)).text();
    const copy =
      /<form method="post" action="([^"]+clauses\/dieu-5[^"#]*)#[^"]*" class="copy">([\s\S]*?)<\/form>/.exec(
        html,
      )!;
    const fields = Object.fromEntries(
      [...copy[2]!.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
      ]),
    );
    expect(fields.text).toMatch(/^Tiền ăn giữa ca: [\d.]+ đồng\/người\/ca/);
    const saved = await app.request(copy[1]!.replace(/&amp;/g, '&'), formOf(fields));
    expect(saved.status).toBe(303);
    const after = await (await app.request(saved.headers.get('location')!)).text();
    expect(after).toContain('Bản 2');
    expect(after).toContain('12 chỗ trống');
    expect(after).toMatch(/Bản 2 — cán bộ|Bản 2 — người có liên kết/);
    const word = await app.request(link.replace('?', '/review.docx?'));
    expect(word.status).toBe(200);
    expect(word.headers.get('content-type')).toContain('wordprocessingml');
  });

  it('refuses to turn a draft into an agreement without the token, and does it with it', async () => {
    const link = (await createFromModel()).replace('&new=1', '');
    const key = /key=([^&]+)/.exec(link)![1]!;
    const signPath = link.replace('?', '/sign?');
    const refused = await app.request(signPath, formOf({ key: decodeURIComponent(key) }));
    expect(refused.status).toBe(400);
    const before = library.counts().agreements;
    const signed = await app.request(signPath, formOf({ key: decodeURIComponent(key), token: TOKEN }));
    expect(signed.status).toBe(303);
    expect(library.counts().agreements).toBe(before + 1);
  });
});

describe('the drafts API', () => {
  it('creates a draft with the token, edits a clause with a base version and reports a stale one', async () => {
    const res = await app.request('/api/drafts', {
      method: 'POST',
      body: '# Điều 1. Nghỉ hằng năm\n\nNgười lao động được nghỉ hằng năm ______ ngày làm việc, hưởng nguyên lương.\n',
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      draft: { id: string };
      secret?: string;
      summary: { blanks: number };
    };
    expect(created.secret).toBeUndefined();
    expect(created.summary.blanks).toBe(1);
    const edit = (base: number, days = 14) =>
      app.request(`/api/drafts/${created.draft.id}/clauses/dieu-1`, {
        method: 'PUT',
        body: JSON.stringify({
          text: `Người lao động được nghỉ hằng năm ${days} ngày làm việc, hưởng nguyên lương.`,
          base,
        }),
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      });
    const ok = await edit(1);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      version: number;
      summary: { blanks: number };
      comparison: { rows: Array<{ verdict: string }> };
    };
    expect(body).toMatchObject({ version: 2, summary: { blanks: 0 } });
    expect(body.comparison.rows.map((r) => r.verdict)).toEqual(['above']);
    // Made on version 1 while version 2 exists: refused, not lost — a conflict (409), not a bad request.
    expect((await edit(1, 15)).status).toBe(409);
    const anonymous = await app.request(`/api/drafts/${created.draft.id}`);
    expect(anonymous.status).toBe(404);
  });

  it('creates a draft with a secret link for a chair without the token', async () => {
    const res = await app.request('/api/drafts?secret=1', {
      method: 'POST',
      body: 'Điều 1. Bữa ăn\n\nTiền ăn giữa ca: ………… đồng/bữa.\n',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(201);
    const { draft, secret } = (await res.json()) as { draft: { id: string }; secret: string };
    const read = await app.request(`/api/drafts/${draft.id}`, { headers: { 'X-Draft-Key': secret } });
    expect(read.status).toBe(200);
  });
});
