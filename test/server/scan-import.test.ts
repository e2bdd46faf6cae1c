import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkTree } from '../../clauses/index.ts';
import type { ClauseNode } from '../../clauses/types.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { createProgressBoard } from '../../server/import-progress.ts';
import { errorOf, tempLibrary } from '../helpers.ts';
import { agreementPhotos } from '../importer/ocr/samples.ts';

const TOKEN = 'test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };
let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;
let photos: Uint8Array[];

beforeAll(async () => {
  ({ library, cleanup } = tempLibrary());
  app = createApp({ library, apiToken: TOKEN, maxUploadBytes: 2 * 1024 * 1024 });
  photos = await agreementPhotos();
}, 60_000);
afterAll(() => cleanup());

const photoFiles = () => photos.map((bytes, i) => new File([bytes.slice()], `trang-${i + 1}.png`));

describe('several phone photos of one agreement through HTTP', { timeout: 240_000 }, () => {
  it('imports the photos sent to POST /api/agreements as one agreement, page after page, while telling the page being read', async () => {
    const form = new FormData();
    for (const file of photoFiles()) form.append('file', file);
    const id = 'test-import-0123456789abcdef';
    const posted = Promise.resolve(
      app.request(`/api/agreements?progress=${id}`, {
        method: 'POST',
        body: form,
        headers: auth,
      }),
    );
    // While the import runs (tesseract reads in its own thread), the progress endpoint answers.
    const seen: string[] = [];
    let done = false;
    void posted.finally(() => {
      done = true;
    });
    while (!done) {
      const res = await app.request(`/api/imports/${id}`);
      if (res.status === 200) {
        const { message } = (await res.json()) as { message: string };
        if (!seen.includes(message)) seen.push(message);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const res = await posted;
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      stats: { articles: number };
      source: { filename: string; mediaType: string };
      scan?: { meanConfidence: number };
    };
    expect(body.stats.articles).toBe(3);
    expect(body.source).toMatchObject({ filename: 'trang-1.pdf', mediaType: 'application/pdf' });
    expect(body.scan?.meanConfidence).toBeGreaterThan(70);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => /^đang nhận dạng trang [12]\/2$/.test(m))).toBe(true);
    const last = (await (await app.request(`/api/imports/${id}`)).json()) as Record<string, unknown>;
    expect(last).toMatchObject({ message: 'đang nhận dạng trang 2/2', done: 2, total: 2, finished: true });
    // Each photo is a page of the stored document: the second article sits on page 2, drawn for checking.
    const agreement = (await (await app.request(`/api/agreements/${body.id}`)).json()) as {
      tree: ClauseNode[];
    };
    const pages: Array<number | undefined> = [];
    walkTree(agreement.tree, (node) => {
      if (node.type === 'article') pages.push(node.position?.start.page);
    });
    expect(pages).toEqual([1, 2, 2]);
    expect((await app.request(`/api/agreements/${body.id}/pages/2.png`)).status).toBe(200);
  });

  it('imports photos ticked as the pages of one agreement on the import page', async () => {
    const other = tempLibrary();
    try {
      const page = createApp({ library: other.library, apiToken: TOKEN });
      expect(await (await page.request('/import')).text()).toContain('name="photos"');
      const form = new FormData();
      form.set('token', TOKEN);
      form.set('photos', 'on');
      for (const file of photoFiles()) form.append('files', file);
      const res = await page.request('/import', { method: 'POST', body: form });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html.match(/class="outcome-imported"/g)).toHaveLength(1);
      expect(html).toContain('trang-1.png, trang-2.png');
      expect(html).toContain('Văn bản từ bản quét (OCR) — 2 trang nhận dạng');
      const health = (await (await page.request('/api/health')).json()) as { counts: { agreements: number } };
      expect(health.counts.agreements).toBe(1);
    } finally {
      other.cleanup();
    }
  });

  it('refuses several files sent together when one of them is not a photo (400)', async () => {
    const form = new FormData();
    form.append('file', photoFiles()[0]!);
    form.append('file', new File(['Điều 1. Phạm vi'], 'a.md'));
    const res = await app.request('/api/agreements', { method: 'POST', body: form, headers: auth });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('not_photos');
  });
});

describe('the import progress board', () => {
  it('answers 404 for an import it has no news of, and forgets the oldest past its size', async () => {
    expect((await app.request('/api/imports/nothing-known-0123456789')).status).toBe(404);
    const board = createProgressBoard({ maxEntries: 2 });
    const news = { done: 1, total: 3, page: 1, message: 'đang nhận dạng trang 1/3' };
    board.tell('import-aaaaaaaaaaaaaaaa', news);
    board.tell('import-bbbbbbbbbbbbbbbb', news);
    board.tell('import-cccccccccccccccc', news);
    expect(board.get('import-aaaaaaaaaaaaaaaa')).toBeUndefined();
    expect(board.get('import-cccccccccccccccc')).toMatchObject({
      message: 'đang nhận dạng trang 1/3',
      finished: false,
    });
  });

  it('forgets an import a quarter of an hour after its last news, and ignores ids that are not ids', () => {
    let now = 0;
    const board = createProgressBoard({ now: () => now });
    board.tell('import-aaaaaaaaaaaaaaaa', {
      done: 1,
      total: 1,
      page: 1,
      message: 'đang nhận dạng trang 1/1',
    });
    board.tell('<script>', { done: 1, total: 1, page: 1, message: 'x' });
    expect(board.get('<script>')).toBeUndefined();
    now = 16 * 60_000;
    expect(board.get('import-aaaaaaaaaaaaaaaa')).toBeUndefined();
  });
});
