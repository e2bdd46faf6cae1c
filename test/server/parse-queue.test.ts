import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRateLimits } from '../../server/rate-limits.ts';
import { createService, type DocumentReader, inProcessReader } from '../../service/index.ts';
import { errorOf, lazyBody, tempLibrary } from '../helpers.ts';

const TOKEN = 'parse-queue-test-token-0123456789abcdef';
const DRAFT = 'Điều 1. Nghỉ hằng năm\nNgười lao động được nghỉ hằng năm 14 ngày làm việc.';

const temp = tempLibrary();
afterAll(() => temp.cleanup());

describe('a full parse queue', () => {
  const app = createApp({ library: temp.library, apiToken: TOKEN, parseQueue: { full: () => 10 } });

  it.each([
    ['POST /api/check', '/api/check', {}],
    ['POST /api/agreements (with the token)', '/api/agreements', { Authorization: `Bearer ${TOKEN}` }],
  ])(
    'refuses %s with 503, Retry-After and the JSON error, having read almost none of a 50 MB body',
    async (_, path, headers) => {
      const { body, pulled } = lazyBody(50 * 1024 * 1024);
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', ...headers },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('10');
      expect(await errorOf(res)).toMatchObject({ status: 503, code: 'parse_queue_full' });
      expect(pulled()).toBeLessThan(1024 * 1024);
    },
  );

  it('answers the /check page with an error page (503), and keeps answering reads', async () => {
    const res = await app.request('/check', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: DRAFT,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('gửi lại sau 10 giây');
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

describe('documents being read at once per client', () => {
  it('answers 429 to a client past CBA_PARSES_PER_CLIENT while its first is read, not to another client', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const slow: DocumentReader = {
      read: inProcessReader.read,
      check: async (bytes, request) => {
        started++;
        await gate;
        return inProcessReader.check(bytes, request);
      },
    };
    const service = createService({ library: temp.library, reader: slow });
    const limits = createRateLimits({ parsesPerClient: 1, checksPerMinute: 100, trustProxy: true });
    const app = createApp({ library: temp.library, service, limits });
    const check = (client: string) =>
      app.request('/api/check', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'X-Forwarded-For': client },
        body: DRAFT,
      });
    const first = check('203.0.113.1');
    while (started < 1) await new Promise((r) => setTimeout(r, 5));
    const second = await check('203.0.113.1');
    expect(second.status).toBe(429);
    expect(second.headers.get('Retry-After')).toBeTruthy();
    expect((await errorOf(second)).code).toBe('rate_limited');
    const other = check('203.0.113.2');
    while (started < 2) await new Promise((r) => setTimeout(r, 5));
    release();
    expect((await first).status).toBe(200);
    expect((await other).status).toBe(200);
    // Its first answered, the client may send another.
    expect((await check('203.0.113.1')).status).toBe(200);
  });
});

describe('the pages that check a draft', () => {
  it('read it through the service’s document reader (the worker pool), with the page and paragraph caps', async () => {
    const seen: Array<{ caps: boolean }> = [];
    const counting: DocumentReader = {
      read: inProcessReader.read,
      check: (bytes, request) => {
        seen.push({ caps: request.limits !== undefined });
        return inProcessReader.check(bytes, request);
      },
    };
    const service = createService({
      library: temp.library,
      reader: counting,
      documentLimits: { maxPdfPages: 5 },
    });
    const app = createApp({ library: temp.library, service });
    const res = await app.request('/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: DRAFT }).toString(),
    });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ caps: true }]);
  });
});
