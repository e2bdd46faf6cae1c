import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { createRateLimits } from '../../server/rate-limits.ts';
import { createService } from '../../service/index.ts';
import { addSamples, errorOf, lazyBody, tempLibrary } from '../helpers.ts';

const TOKEN = 'hostile-test-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };
let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library, ['det-may-phu-hung-2021.md']);
  const service = createService({
    library,
    maxUploadBytes: 1024 * 1024,
    documentLimits: { maxPdfPages: 3, maxDocxParagraphs: 20 },
  });
  app = createApp({ library, service, apiToken: TOKEN, maxUploadBytes: 1024 * 1024 });
});
afterAll(() => cleanup());

function upload(filename: string, content: Uint8Array<ArrayBuffer> | string, headers = auth) {
  const form = new FormData();
  form.set('file', new File([content], filename));
  return app.request('/api/agreements', { method: 'POST', body: form, headers });
}

async function pdfOfPages(pages: number): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`Dieu ${i}. Quy dinh ve thoi gio lam viec`, { x: 48, y: 760, font });
  return new Uint8Array(await doc.save());
}

async function docxOfParagraphs(count: number): Promise<Uint8Array<ArrayBuffer>> {
  const children = Array.from({ length: count }, (_, i) => new Paragraph(`Điều ${i + 1}. Quy định`));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('documents that cannot be an agreement are refused, not stored', () => {
  it.each([
    ['a 1-byte file', 'x'],
    ['an empty-looking text of blank lines and dashes', `${'\n'.repeat(40)}${'- - -\n'.repeat(20)}`],
  ])('refuses %s with 422 and stores nothing', async (_, content) => {
    const before = library.counts().agreements;
    const res = await upload('mot-byte.txt', content);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('empty_document');
    expect(library.counts().agreements).toBe(before);
  });

  it('refuses a PDF with more pages than the cap before reading its pages', async () => {
    const res = await upload('dai.pdf', await pdfOfPages(5));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('pdf_too_many_pages');
    expect(error.message).toMatch(/5 trang, vượt giới hạn 3 trang/);
  });

  it('refuses a Word document with more paragraphs than the cap before converting it', async () => {
    const res = await upload('dai.docx', await docxOfParagraphs(30));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('docx_too_many_paragraphs');
  });
});

describe('bodies: authentication before reading, size while streaming', () => {
  it.each([
    ['the API import', '/api/agreements', 'multipart/form-data; boundary=x'],
    ['the import form', '/import', 'multipart/form-data; boundary=x'],
  ])(
    'refuses a 200 MB post to %s without a token with 401, reading almost none of it',
    async (_, path, type) => {
      const { body, pulled } = lazyBody(200 * 1024 * 1024);
      const res = await app.request(path, {
        method: 'POST',
        body,
        headers: { 'Content-Type': type },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(401);
      expect(pulled()).toBeLessThan(1024 * 1024);
    },
  );

  it('answers 413 to a body above the limit of a small route, while it streams', async () => {
    const { body, pulled } = lazyBody(50 * 1024 * 1024);
    const res = await app.request('/api/agreements/x/events', {
      method: 'POST',
      body,
      headers: { ...auth, 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled()).toBeLessThan(3 * 1024 * 1024);
  });

  it.each([
    ['the API import', '/api/agreements', auth],
    ['the import form (token first, then garbage)', '/import', {}],
  ])('answers 400, not 500, to a malformed multipart body on %s', async (_, path, headers) => {
    const body = `--x\r\nContent-Disposition: form-data; name="token"\r\n\r\n${TOKEN}\r\n--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nkhông có ranh giới cuối`;
    const res = await app.request(path, {
      method: 'POST',
      body,
      headers: { ...headers, 'Content-Type': 'multipart/form-data; boundary=x' },
    });
    expect(res.status).toBe(400);
  });

  it('answers 400, not 500, to a malformed multipart body on the events form', async () => {
    const id = library.list({}, { page: 1, pageSize: 1 }).items[0]!.id;
    const res = await app.request(`/agreements/${id}/events`, {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    });
    expect(res.status).toBe(400);
  });
});

describe('rate limits per client', () => {
  const make = () => {
    let now = 1_000_000;
    const limits = createRateLimits({
      checksPerMinute: 2,
      authFailures: 3,
      reportsPerMinute: 1,
      now: () => now,
    });
    const { library: lib, cleanup: done } = tempLibrary();
    const limited = createApp({ library: lib, apiToken: TOKEN, limits });
    return { app: limited, advance: (ms: number) => (now += ms), done };
  };
  const check = (a: ReturnType<typeof createApp>) =>
    a.request('/api/check', {
      method: 'POST',
      body: 'Điều 1. Người lao động được nghỉ hằng năm 14 ngày làm việc.',
      headers: { 'Content-Type': 'text/plain' },
    });

  it('answers 429 with Retry-After and the JSON error to the third check in a minute, and lets it through later', async () => {
    const { app: limited, advance, done } = make();
    try {
      expect((await check(limited)).status).toBe(200);
      expect((await check(limited)).status).toBe(200);
      const refused = await check(limited);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await errorOf(refused)).code).toBe('rate_limited');
      advance(2 * 60_000);
      expect((await check(limited)).status).toBe(200);
    } finally {
      done();
    }
  });

  it('refuses even the right token after three wrong ones, until the window passes', async () => {
    const { app: limited, advance, done } = make();
    try {
      const remove = (token: string) =>
        limited.request('/api/agreements/nope', {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${token}` },
        });
      for (let i = 0; i < 3; i++) expect((await remove('wrong-token')).status).toBe(401);
      const refused = await remove(TOKEN);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBeTruthy();
      advance(31 * 60_000);
      expect((await remove(TOKEN)).status).toBe(404);
    } finally {
      done();
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('allows scripts and styles from this server only, with no inline script or handlers', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/script-src-attr 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
