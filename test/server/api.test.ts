import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, errorOf, readSample, tempLibrary } from '../helpers.ts';

const TOKEN = 'test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };
let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, apiToken: TOKEN, maxUploadBytes: 256 * 1024 });
});
afterAll(() => cleanup());

function upload(
  filename: string,
  content: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = auth,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([content], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request('/api/agreements', { method: 'POST', body: form, headers });
}

describe('GET /api/health', () => {
  it('reports status, backend and counts', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      backend: 'sqlite',
      writesEnabled: true,
      counts: { agreements: 16, articles: expect.any(Number), clauses: expect.any(Number) },
      search: { backend: 'sqlite-fts5', ok: true, documents: expect.any(Number) },
      comparisons: { count: expect.any(Number), capacity: 2000 },
    });
  });

  it('counts the comparisons remembered after a library-wide request', async () => {
    expect((await app.request('/api/below-floor?on=2026-11-23')).status).toBe(200);
    const body = (await (await app.request('/api/health')).json()) as { comparisons: { count: number } };
    expect(body.comparisons.count).toBeGreaterThanOrEqual(14);
  });
});

describe('GET /api/agreements', () => {
  it('lists the library with pagination', async () => {
    const res = await app.request('/api/agreements?pageSize=5&page=2');
    const body = (await res.json()) as {
      items: Array<{ id: string; links: { self: string } }>;
      total: number;
      page: number;
    };
    expect(res.status).toBe(200);
    expect(body.total).toBe(16);
    expect(body.page).toBe(2);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]!.links.self).toBe(`/api/agreements/${body.items[0]!.id}`);
  });

  it('filters by industry name, province alias and employer words without diacritics', async () => {
    const byIndustry = (await (await app.request('/api/agreements?industry=d%E1%BB%87t%20may')).json()) as {
      total: number;
    };
    expect(byIndustry.total).toBe(2);
    const byProvince = (await (await app.request('/api/agreements?province=TP.HCM')).json()) as {
      total: number;
      items: Array<{ meta: { province?: string } }>;
    };
    // Since 01/07/2025 Hồ Chí Minh also holds the former Bình Dương and Bà Rịa – Vũng Tàu: 2 + 4 agreements.
    expect(byProvince.total).toBe(6);
    expect(new Set(byProvince.items.map((i) => i.meta.province))).toEqual(
      new Set(['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']),
    );
    const byWords = (await (await app.request('/api/agreements?q=xe%20buyt')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(byWords.items.map((i) => i.id)).toEqual(['van-tai-xe-buyt-thu-do-2024']);
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['industry=khong-co', 'industry'],
    ['province=Atlantis', 'province'],
  ])('answers 400 for %s', async (query, field) => {
    const res = await app.request(`/api/agreements?${query}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).messageEn).toContain(field);
  });
});

describe('GET /api/agreements/:id', () => {
  it('returns metadata, tree and warnings', async () => {
    const res = await app.request('/api/agreements/det-may-phu-hung-2024');
    const body = (await res.json()) as {
      meta: { employer: string };
      tree: Array<{ path: string }>;
      warnings: unknown[];
      stats: { articles: number };
    };
    expect(res.status).toBe(200);
    expect(body.meta.employer).toBe('Công ty TNHH May mặc Phú Hưng');
    expect(body.tree[0]!.path).toBe('Chương I');
    expect(body.stats.articles).toBe(21);
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for an impossible one', async () => {
    expect((await errorOf(await app.request('/api/agreements/khong-co'))).code).toBe('agreement_not_found');
    expect((await app.request('/api/agreements/%2E%2E%2Fetc')).status).toBe(400);
  });

  it('serves the original document with its content type', async () => {
    const res = await app.request('/api/agreements/giao-duc-mam-non-hoa-sen-2025/source');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''giao-duc-mam-non-hoa-sen-2025.txt",
    );
    expect(
      Buffer.from(await res.arrayBuffer()).equals(
        Buffer.from(readSample('giao-duc-mam-non-hoa-sen-2025.txt')),
      ),
    ).toBe(true);
  });
});

describe('writes', () => {
  const doc =
    '# THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\nHà Nội, ngày 02 tháng 03 năm 2026\n\n## Điều 1. Thời hạn\n\nThỏa ước có hiệu lực 02 năm kể từ ngày ký.\n';

  it('refuses writes without a configured token, saying how to enable them', async () => {
    const readOnly = createApp({ library });
    const res = await readOnly.request('/api/agreements', { method: 'POST' });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('writes_disabled');
    expect(error.messageEn).toContain('CBA_API_TOKEN');
  });

  it('answers 401 for a missing or wrong token', async () => {
    expect((await upload('a.md', doc, {})).status).toBe(401);
    expect((await upload('a.md', doc, { Authorization: 'Bearer wrong-token-0000000' })).status).toBe(401);
  });

  it('imports a multipart upload with metadata fields, then deletes it', async () => {
    const res = await upload('../../tmp/thu-nghiem.md', doc, auth, {
      industry: 'điện tử',
      province: 'Bắc Ninh',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      meta: Record<string, unknown>;
      source: { filename: string };
    };
    expect(body.id).toBe('thu-nghiem');
    expect(body.source.filename).toBe('thu-nghiem.md');
    expect(body.meta).toMatchObject({
      industry: 'dien-tu',
      province: 'Bắc Ninh',
      signedOn: '2026-03-02',
      expiresOn: '2028-03-01',
    });
    expect(res.headers.get('location')).toBe('/api/agreements/thu-nghiem');
    expect((await app.request('/api/agreements/thu-nghiem')).status).toBe(200);

    const del = await app.request('/api/agreements/thu-nghiem', { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    expect((await app.request('/api/agreements/thu-nghiem')).status).toBe(404);
    expect(
      (await app.request('/api/agreements/thu-nghiem', { method: 'DELETE', headers: auth })).status,
    ).toBe(404);
  });

  it('imports a JSON body and answers 409 for the same document again', async () => {
    const body = JSON.stringify({ filename: 'json.txt', content: doc.replace(/#+ /g, '') });
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const first = await app.request('/api/agreements', { method: 'POST', body, headers });
    expect(first.status).toBe(201);
    const again = await app.request('/api/agreements', { method: 'POST', body, headers });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'duplicate', existingId: 'json' });
  });

  it.each([
    ['an empty file', 'rong.txt', '', 422, 'empty_document'],
    [
      'a broken PDF renamed .txt (read as the PDF it claims to be)',
      'scan.txt',
      '%PDF-1.7\n%âãÏÓ binary',
      422,
      'pdf_corrupt',
    ],
    ['binary junk', 'junk.txt', new Uint8Array(2048).map((_, i) => (i * 31) % 256), 415, 'binary_file'],
    [
      'invalid UTF-8',
      'bad.txt',
      new Uint8Array([0x41, 0x42, 0xff, 0xfe, 0x41, 0x80, 0x80, 0x80, 0x80]),
      422,
      'invalid_utf8',
    ],
    ['an unsupported extension', 'bang.xlsx', 'abc', 415, 'unsupported_format'],
  ])('rejects %s', async (_, filename, content, status, code) => {
    const before = library.counts().agreements;
    const res = await upload(filename, content as string | Uint8Array<ArrayBuffer>);
    expect(res.status).toBe(status);
    expect((await errorOf(res)).code).toBe(code);
    expect(library.counts().agreements).toBe(before);
  });

  it('answers 413 for a body above the limit', async () => {
    const res = await upload('lon.txt', 'a'.repeat(400 * 1024));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('too_large');
  });

  it('answers 400 for bad metadata fields, an unknown content type, or a form without a file', async () => {
    expect((await upload('x.md', doc, auth, { wageRegion: 'V' })).status).toBe(400);
    const text = await app.request('/api/agreements', {
      method: 'POST',
      body: 'hello',
      headers: { ...auth, 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    const form = new FormData();
    form.set('note', 'no file');
    expect((await app.request('/api/agreements', { method: 'POST', body: form, headers: auth })).status).toBe(
      400,
    );
    const badJson = await app.request('/api/agreements', {
      method: 'POST',
      body: '{',
      headers: { ...auth, 'Content-Type': 'application/json' },
    });
    expect((await errorOf(badJson)).code).toBe('invalid_json');
  });

  it('answers JSON 404 for unknown routes', async () => {
    const res = await app.request('/api/khong-co');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });
});
