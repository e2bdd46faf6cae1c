import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { tempLibrary } from '../helpers.ts';

const TOKEN = 'test-token-0123456789';
let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;
let id: string;

beforeAll(async () => {
  ({ library, cleanup } = tempLibrary());
  app = createApp({ library, apiToken: TOKEN, maxUploadBytes: 2 * 1024 * 1024 });
  const form = new FormData();
  const pdf = readFileSync(join(import.meta.dirname, '../../fixtures/formats/nhua-thuan-an-2024.pdf'));
  form.set('file', new File([pdf], 'nhua-thuan-an-2024.pdf'));
  const res = await app.request('/api/agreements', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  id = ((await res.json()) as { id: string }).id;
});
afterAll(() => cleanup());

describe('GET /api/agreements/:id/pages/:n.png', () => {
  it('draws a page of the stored PDF as a PNG, to check the text against', async () => {
    const res = await app.request(`/api/agreements/${id}/pages/2.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('answers 404 for a page the document does not have, and for an unknown agreement', async () => {
    expect((await app.request(`/api/agreements/${id}/pages/9.png`)).status).toBe(404);
    expect((await app.request('/api/agreements/khong-co-2025/pages/1.png')).status).toBe(404);
  });
});
