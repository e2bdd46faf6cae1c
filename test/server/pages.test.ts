import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, readSample, tempLibrary } from '../helpers.ts';

const TOKEN = 'a-token-long-enough-for-tests';
const ID = 'det-may-phu-hung-2024';
let app: ReturnType<typeof createApp>;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempLibrary();
  cleanup = temp.cleanup;
  addSamples(temp.library, [`${ID}.md`, 'det-may-phu-hung-2021.md']);
  app = createApp({ library: temp.library, apiToken: TOKEN, today: () => '2026-11-23' });
});
afterAll(() => cleanup());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
});

describe('pages answer their mistakes with an HTML page and the status the API gives', () => {
  it.each([
    ['/agreements/khong-co', 404, 'Không tìm thấy'],
    ['/agreements/NOT_AN_ID', 404, 'Không tìm thấy'],
    ['/agreements/khong-co/compare', 404, 'Không tìm thấy'],
    ['/agreements/khong-co/grade', 404, 'Không tìm thấy'],
    [`/agreements/${ID}/compare?on=2026-13-45`, 400, 'on:'],
    [`/agreements/${ID}/compare?region=9`, 400, 'region:'],
    ['/below-floor?on=hom-qua', 400, 'on:'],
    ['/below-floor?province=Atlantis', 400, 'Atlantis'],
    ['/grades?province=Atlantis', 400, 'Atlantis'],
    ['/grades?year=1800', 400, 'year:'],
    ['/expiry?within=-1', 400, 'within:'],
    ['/expiry?status=forever', 400, 'forever'],
    [`/versions?from=${ID}&to=khong-co`, 404, 'Không tìm thấy'],
    [`/versions?from=${ID}&to=det-may-phu-hung-2021&on=nope`, 400, 'on:'],
    ['/benchmarks?ids=khong-co&topic=meal', 404, 'khong-co'],
    ['/benchmarks?industry=khong-biet', 404, 'khong-biet'],
    ['/static/secret.txt', 404, 'Not found'],
    ['/khong-co-trang-nay', 404, 'Không tìm thấy'],
  ])('GET %s answers %i', async (url, status, text) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type') ?? '').toContain('text/');
    expect(await res.text()).toContain(text);
  });

  it('keeps a search page open whatever its filters say', async () => {
    const res = await app.request('/?q=luong&industry=khong-biet&status=forever&page=-3');
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong token', { token: 'wrong', type: 'filed', date: '2026-11-01' }, 'wrong token'],
    ['no event type', { token: TOKEN, type: '', date: '2026-11-01' }, 'choose an event and a date'],
    ['no date', { token: TOKEN, type: 'filed', date: '' }, 'choose an event and a date'],
    [
      'an extension that does not extend',
      { token: TOKEN, type: 'extended', date: '2026-11-01', extendedTo: '2001-01-01' },
      'phải sau ngày hết hạn',
    ],
    [
      'a replacement by an agreement not in the library',
      { token: TOKEN, type: 'replaced', date: '2026-11-01', replacedBy: 'khong-co' },
      'khong-co',
    ],
    [
      'a replacement by itself',
      { token: TOKEN, type: 'replaced', date: '2026-11-01', replacedBy: ID },
      'không thể thay thế chính nó',
    ],
  ])('refuses an event with %s, on the agreement page (400)', async (_, fields, message) => {
    const res = await app.request(`/agreements/${ID}/events`, form(fields));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    const events = (await (await app.request(`/api/agreements/${ID}/events`)).json()) as {
      events: unknown[];
    };
    expect(events.events).toEqual([]);
  });

  it('refuses to remove an agreement without the token, and keeps it', async () => {
    const res = await app.request(`/agreements/${ID}/remove`, form({ token: 'wrong' }));
    expect(res.status).toBe(400);
    expect((await app.request(`/api/agreements/${ID}`)).status).toBe(200);
  });

  it('refuses the checklist without the token, or without the officer’s name', async () => {
    const noToken = await app.request(`/agreements/${ID}/grade`, form({ token: 'wrong', answeredBy: 'A' }));
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain('wrong token');
    const noName = await app.request(`/agreements/${ID}/grade`, form({ token: TOKEN, answeredBy: ' ' }));
    expect(noName.status).toBe(400);
  });

  it('refuses an import without the token (401), and a read-only server says so (403)', async () => {
    const body = new FormData();
    body.set('token', 'wrong');
    body.set('files', new File(['Điều 1. Phạm vi'], 'a.md'));
    expect((await app.request('/import', { method: 'POST', body })).status).toBe(401);
    const other = tempLibrary();
    try {
      const res = await createApp({ library: other.library }).request('/import', { method: 'POST', body });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('read-only');
    } finally {
      other.cleanup();
    }
  });

  it('says on the import page what it found and what is missing, in Vietnamese', async () => {
    const body = new FormData();
    body.set('token', TOKEN);
    const text =
      'CÔNG TY TNHH BAO BÌ MINH AN\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐiều 1. Nghỉ hằng năm\nNgười lao động được nghỉ 14 ngày.';
    body.set('files', new File([text], 'minh-an.txt'));
    const res = await app.request('/import', { method: 'POST', body });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="import-summary"');
    expect(html).toMatch(/found-missing/);
  });

  it('reports a draft it cannot read on the check page (400)', async () => {
    const body = new FormData();
    body.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'hong.pdf'));
    const res = await app.request('/check', { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('PDF');
  });
});

describe('one answer for the page and the API', () => {
  it('lists the grades page in the order of GET /api/grades, ties broken by id', async () => {
    const other = tempLibrary();
    try {
      // Two copies of one agreement under other names: the same points, so only the tie-break orders them.
      addSamples(other.library, ['det-may-phu-hung-2024.md', 'dien-tu-tan-phat-2025.md']);
      const bytes = readSample('det-may-phu-hung-2024.md');
      const copy = new Uint8Array([...bytes, 0x0a]);
      other.library.add(importDocument(copy, { filename: 'a-ban-sao.md' }), copy);
      const sameApp = createApp({ library: other.library, today: () => '2026-11-23' });
      const api = (await (await sameApp.request('/api/grades')).json()) as {
        items: Array<{ id: string; points: number }>;
      };
      const html = await (await sameApp.request('/grades')).text();
      const onPage = [...html.matchAll(/href="\/agreements\/([a-z0-9-]+)\/grade"/g)].map((m) => m[1]);
      expect(onPage).toEqual(api.items.map((i) => i.id));
      const points = (id: string) => api.items.find((i) => i.id === id)?.points;
      expect(points('a-ban-sao')).toBe(points('det-may-phu-hung-2024'));
      expect(onPage.indexOf('a-ban-sao')).toBe(onPage.indexOf('det-may-phu-hung-2024') - 1);
    } finally {
      other.cleanup();
    }
  });
});
