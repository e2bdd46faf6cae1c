import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../../clauses/index.ts';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { errorOf, SAMPLE_DIR, tempLibrary } from '../helpers.ts';

const TOKEN = 'test-token-0123456789';
const cleanups: Array<() => void> = [];

/** The sample library with the sample officer answers, graded on 2026-11-23. */
async function sampleApp() {
  const { library, cleanup } = tempLibrary();
  cleanups.push(cleanup);
  await seedLibrary(library, SAMPLE_DIR, { on: '2026-11-23' });
  return createApp({ library, apiToken: TOKEN, today: () => '2026-11-23' });
}
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

describe('GET /api/agreements/:id/grade', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = await sampleApp();
  });

  it('explains every point, with evidence and who answered', async () => {
    const report = (await (
      await app.request('/api/agreements/dien-tu-tan-phat-2025/grade')
    ).json()) as GradeReport;
    expect(report).toMatchObject({ grade: 'A', score: { total: 96, max: 100 } });
    const aboveLaw = report.criteria.find((c) => c.id === 'above_law');
    expect(aboveLaw?.evidence).toContain('Chương III › Mục 1 › Điều 8 › khoản 1');
    expect(report.criteria.find((c) => c.id === 'published')).toMatchObject({
      source: 'answered',
      answeredBy: 'Ban Quan hệ lao động (dữ liệu mẫu)',
    });
    expect(report.rubric.provisional).toBe(true);
  });

  it('names the unlawful clauses of an agreement it does not rank', async () => {
    const report = (await (
      await app.request('/api/agreements/det-may-phu-hung-2024/grade')
    ).json()) as GradeReport;
    expect(report.grade).toBe('unranked');
    expect(report.unrankedReasons[0]?.evidence).toEqual([
      'Chương III › Điều 9 › khoản 3 › điểm b: 180%',
      'Chương IV › Điều 13 › khoản 1: 5.200.000 đồng/tháng',
    ]);
  });
});

describe('the assessment checklist', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = await sampleApp();
  });
  const put = (
    id: string,
    body: unknown,
    headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` },
  ) =>
    app.request(`/api/agreements/${id}/assessment`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    });

  it('lists the officer criteria with their answers, and the unanswered ones', async () => {
    const body = (await (await app.request('/api/agreements/thuy-san-mekong-2025/assessment')).json()) as {
      checklist: Array<{ criterion: string; current?: { value: boolean } }>;
      unanswered: string[];
    };
    expect(body.checklist.find((c) => c.criterion === 'signed_by_authorised')?.current?.value).toBe(true);
    expect(body.unanswered).toContain('bargaining_team');
  });

  it('records answers with who and when, and the grade follows', async () => {
    const res = await put('thuy-san-mekong-2025', {
      answeredBy: 'Nguyễn Văn Kiểm',
      answers: {
        bargaining_team: true,
        workers_consulted: true,
        filed_on_time: true,
        published: { value: true, note: 'Niêm yết tại bảng tin ngày 02/01/2026' },
        reviewed: true,
        implemented: true,
        no_disputes: true,
        declared_invalid: false,
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { grade: GradeReport };
    expect(body.grade).toMatchObject({ grade: 'B', score: { total: 72 } });
    expect(body.grade.criteria.find((c) => c.id === 'published')).toMatchObject({
      answeredBy: 'Nguyễn Văn Kiểm',
      points: 5,
    });
    const listed = (await (await app.request('/api/agreements?grade=B')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(listed.items.map((i) => i.id)).toContain('thuy-san-mekong-2025');
    const search = (await (await app.request('/api/search?grade=B&limit=1')).json()) as {
      facets: { grade: Record<string, number> };
    };
    expect(search.facets.grade).toEqual({ B: expect.any(Number) });
  });

  it('withdraws an answer with null', async () => {
    await put('thuy-san-mekong-2025', { answeredBy: 'Nguyễn Văn Kiểm', answers: { reviewed: null } });
    const body = (await (await app.request('/api/agreements/thuy-san-mekong-2025/assessment')).json()) as {
      unanswered: string[];
    };
    expect(body.unanswered).toContain('reviewed');
  });

  it('refuses answers without the token, to unknown criteria, of the wrong type, or without a name', async () => {
    expect(
      (await errorOf(await put('thuy-san-mekong-2025', { answeredBy: 'x', answers: {} }, {}))).status,
    ).toBe(401);
    expect(
      (await errorOf(await put('thuy-san-mekong-2025', { answeredBy: 'x', answers: { above_law: true } })))
        .code,
    ).toBe('unknown_criterion');
    expect(
      (await errorOf(await put('thuy-san-mekong-2025', { answeredBy: 'x', answers: { vote: true } }))).code,
    ).toBe('invalid_answer');
    expect(
      (await errorOf(await put('thuy-san-mekong-2025', { answeredBy: 'x', answers: { vote: 120 } }))).code,
    ).toBe('invalid_input');
    expect((await errorOf(await put('thuy-san-mekong-2025', { answers: { published: true } }))).code).toBe(
      'invalid_input',
    );
    expect((await errorOf(await put('khong-co', { answeredBy: 'x', answers: {} }))).status).toBe(404);
  });
});

describe('GET /api/grades', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = await sampleApp();
  });

  it('counts grades and the share of A and B for an area', async () => {
    const body = (await (await app.request('/api/grades')).json()) as {
      total: number;
      counts: Record<string, number>;
      share: { A: number; B: number; AB: number };
    };
    expect(body.total).toBe(16);
    expect(body.counts).toEqual({ A: 1, B: 1, C: 1, D: 7, unranked: 6 });
    expect(body.share).toEqual({ A: 6.3, B: 6.3, AB: 12.5 });
    const hcm = (await (
      await app.request(`/api/grades?province=${encodeURIComponent('TP.HCM')}`)
    ).json()) as { total: number };
    expect(hcm.total).toBeGreaterThan(0);
    expect(hcm.total).toBeLessThan(14);
  });

  it('judges a past year on its last day, over the agreements signed by then', async () => {
    const body = (await (await app.request('/api/grades?year=2023')).json()) as {
      on: string;
      total: number;
      items: Array<{ id: string }>;
    };
    expect(body.on).toBe('2023-12-31');
    expect(body.items.map((i) => i.id).sort()).toEqual([
      'cao-su-phu-rieng-2021',
      'da-giay-thai-binh-duong-2023',
      'det-may-phu-hung-2021',
      'xay-dung-song-hong-2022',
    ]);
    expect((await errorOf(await app.request('/api/grades?year=20'))).code).toBe('invalid_input');
  });

  it("answers a page of the agreements with the whole area's counts, in the whole list's order", async () => {
    type Body = {
      total: number;
      counts: Record<string, number>;
      offset?: number;
      limit?: number | null;
      items: Array<{ id: string }>;
    };
    const all = (await (await app.request('/api/grades')).json()) as Body;
    expect(all.offset).toBeUndefined();
    const page = (await (await app.request('/api/grades?limit=5&offset=3')).json()) as Body;
    expect(page).toMatchObject({ total: all.total, counts: all.counts, offset: 3, limit: 5 });
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(3, 8).map((i) => i.id));
    expect((await errorOf(await app.request('/api/grades?limit=1001'))).code).toBe('invalid_input');
  });
});
