import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import { MeiliSearchIndex } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, markedSpans, tempLibrary } from '../helpers.ts';

let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  const temp = tempLibrary();
  cleanup = temp.cleanup;
  addSamples(temp.library);
  app = createApp({ library: temp.library, today: () => '2026-11-23' });
});
afterAll(() => cleanup());

interface Result {
  total: number;
  hits: Array<{
    agreementId?: string;
    clauseId: string;
    path: string;
    highlight: Array<{ text: string; match: boolean }>;
    match?: string;
    employer?: string;
    industry?: string;
    links: { agreement?: string };
  }>;
  facets: Record<'industry' | 'province' | 'topic' | 'status' | 'grade', Record<string, number>>;
  tookMs: number;
  backend: string;
}

const get = async (query: string) => {
  const res = await app.request(`/api/search?${query}`);
  return {
    status: res.status,
    body: (await res.json()) as Result & { error?: { code: string; message: string; messageEn: string } },
  };
};

describe('GET /api/search', () => {
  it('answers a query typed without diacritics with clause hits, highlights, facets and timing', async () => {
    const { status, body } = await get(`q=${encodeURIComponent('tien an giua ca')}`);
    expect(status).toBe(200);
    expect(body.backend).toBe('sqlite-fts5');
    // The two clauses that write "tiền ăn giữa ca" first, then the meal clauses that say it otherwise (issue 16).
    expect(body.total).toBeGreaterThan(10);
    // By default only agreements in force, versions folded: the other clause with these words is in an earlier version.
    expect(body.hits[0]?.match).toBe('words');
    const withExpired = await get(`q=${encodeURIComponent('tien an giua ca')}&expired=1`);
    expect(withExpired.body.hits.slice(0, 2).map((h) => h.match)).toEqual(['words', 'words']);
    expect(markedSpans(body.hits[0]?.highlight ?? [])).toContain(
      '<mark>tiền</mark> <mark>ăn</mark> <mark>giữa</mark> <mark>ca</mark>',
    );
    expect(
      body.hits.some((h) => h.match === 'thesaurus' && markedSpans(h.highlight).includes('<mark>bữa</mark>')),
    ).toBe(true);
    expect(body.hits[0]?.links.agreement).toMatch(/^\/api\/agreements\//);
    expect(Object.keys(body.facets)).toEqual(['industry', 'province', 'topic', 'status', 'grade']);
    expect(body.facets.topic.meal).toBeGreaterThan(10);
    expect(body.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('takes repeated and comma-separated filters, industry names and province aliases', async () => {
    const repeated = await get('q=nghi&industry=det-may&industry=da-giay');
    const listed = await get(`q=nghi&industry=${encodeURIComponent('dệt may,da-giay')}`);
    expect(repeated.body.total).toBe(listed.body.total);
    expect(Object.keys(repeated.body.facets.industry).sort()).toEqual(['da-giay', 'det-may']);
    const hcm = await get(`province=${encodeURIComponent('TP.HCM')}&topic=annual_leave`);
    expect(hcm.body.total).toBeGreaterThan(0);
    // The current province with the former ones it absorbed in 2025.
    expect(Object.keys(hcm.body.facets.province).sort()).toEqual(
      ['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Hồ Chí Minh'].sort(),
    );
  });

  it('lists clauses by topic with an empty query, and the law only when asked', async () => {
    const browse = await get('topic=overtime&limit=5');
    expect(browse.body.total).toBeGreaterThan(10);
    expect(browse.body.hits).toHaveLength(5);
    const law = await get(`q=${encodeURIComponent('nghỉ hằng năm')}&source=law`);
    expect(law.body.hits.slice(0, 3).some((h) => h.path.startsWith('Điều 113 BLLĐ 2019'))).toBe(true);
    expect(law.body.hits.every((h) => h.agreementId === undefined)).toBe(true);
  });

  it('answers a snippet around the matched words, and the clause text only with full=1', async () => {
    const query = `q=${encodeURIComponent('lương')}&industry=det-may`;
    const snippet = await app.request(`/api/search?${query}`);
    const first = await snippet.text();
    const hits = (JSON.parse(first) as Result).hits as Array<Result['hits'][number] & { text?: string }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.text === undefined && markedSpans(h.highlight).includes('<mark>'))).toBe(true);
    // Asked again (the same answer, from the caches), the same JSON but for the time taken.
    const again = await (await app.request(`/api/search?${query}`)).text();
    const untimed = (json: string) => json.replace(/"tookMs":[0-9.]+/, '');
    expect(untimed(again)).toBe(untimed(first));
    // The same search written in another order: the same answer, its own query echoed, its own time.
    const reordered = await (await app.request(`/api/search?industry=det-may&${query.split('&')[0]}`)).text();
    expect(untimed(reordered)).toBe(untimed(first));
    expect((JSON.parse(reordered) as Result).tookMs).toBeGreaterThanOrEqual(0);
    const full = await get(`${query}&full=1`);
    const fullHits = full.body.hits as Array<Result['hits'][number] & { text?: string }>;
    expect(fullHits.map((h) => h.clauseId)).toEqual(hits.map((h) => h.clauseId));
    expect(fullHits.every((h) => typeof h.text === 'string')).toBe(true);
    // The snippet is the clause's text (or heading) cut around the match.
    const cut = (s: string) => s.replace(/^… | …$/g, '');
    expect(
      fullHits.every((h) => (h.text || '').includes(cut(h.highlight.map((x) => x.text).join(''))) || !h.text),
    ).toBe(true);
  });

  it('answers 400 in Vietnamese and English for bad parameters', async () => {
    for (const query of [
      'topic=nope',
      'status=old',
      'limit=0',
      'limit=1000',
      'sort=random',
      'industry=khong-co',
      'source=web',
      `q=${'a'.repeat(501)}`,
    ]) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.error?.code).toBe('invalid_input');
      expect(body.error?.messageEn.length).toBeGreaterThan(0);
    }
  });
});

describe('with a Meilisearch server that does not answer', () => {
  it('answers 503 for searches, and undoes an import it could not index', async () => {
    const temp = tempLibrary();
    try {
      const search = new MeiliSearchIndex({ url: 'http://127.0.0.1:9', index: 'clauses_unreachable' });
      const token = 'test-token-0123456789';
      const meiliApp = createApp({ library: temp.library, search, apiToken: token });
      const res = await meiliApp.request('/api/search?q=luong');
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as { error: { code: string; messageEn: string } };
      expect(error.code).toBe('search_unavailable');
      expect(error.messageEn).toContain('Meilisearch is unavailable');
      const form = new FormData();
      form.set(
        'file',
        new File(['# Điều 1. Tiền lương\n\nMức lương thấp nhất là 5.400.000 đồng/tháng.'], 'du-thao.md'),
      );
      const upload = await meiliApp.request('/api/agreements', {
        method: 'POST',
        body: form,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(upload.status).toBe(503);
      expect(temp.library.counts().agreements).toBe(0);
      const health = (await (await meiliApp.request('/api/health')).json()) as {
        search: { backend: string; ok: boolean };
      };
      expect(health.search).toMatchObject({ backend: 'meilisearch', ok: false });
    } finally {
      temp.cleanup();
    }
  });
});

describe('the search page', () => {
  it('shows a clause written with HTML as text, with the matched words marked', async () => {
    const temp = tempLibrary();
    try {
      const bytes = new TextEncoder().encode(
        'Điều 1. Bữa ăn\nTiền ăn giữa ca <script>alert("x")</script> & <b>đậm</b> là 30.000 đồng.',
      );
      temp.library.add(importDocument(bytes, { filename: 'thu-html.txt' }), bytes);
      const page = createApp({ library: temp.library, today: () => '2026-11-23' });
      const res = await page.request(`/?q=${encodeURIComponent('tien an giua ca')}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<mark>Tiền</mark> <mark>ăn</mark> <mark>giữa</mark> <mark>ca</mark>');
      expect(html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;',
      );
      expect(html).not.toContain('<script>alert');
    } finally {
      temp.cleanup();
    }
  });
});
