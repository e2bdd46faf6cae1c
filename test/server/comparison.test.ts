import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Blank, Comparison } from '../../clauses/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, errorOf, tempLibrary } from '../helpers.ts';

let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, maxUploadBytes: 64 * 1024, today: () => '2026-11-23' });
});
afterAll(() => cleanup());

const DET_MAY = 'det-may-phu-hung-2024';

const DRAFT = [
  'Điều 1. Làm thêm giờ',
  'Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng 180%.',
  'Điều 2. Nghỉ việc riêng',
  'Con kết hôn: nghỉ 02 ngày hưởng nguyên lương.',
  'Điều 3. Nghỉ hằng năm',
  'Người lao động được nghỉ hằng năm 12 ngày làm việc.',
].join('\n');

describe('GET /api/agreements/:id/comparison', () => {
  it('compares a stored agreement with the floors in force today, citing the law', async () => {
    const ids = library.list({}, { page: 1, pageSize: 50 }).items.map((i) => i.id);
    expect(ids).toContain(DET_MAY);
    const res = await app.request(`/api/agreements/${DET_MAY}/comparison`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Comparison;
    expect(body.on).toBe('2026-11-23');
    expect(body.summary).toMatchObject({ above: 9, equal: 13, below: 2, no_floor: 10, unclear: 0 });
    const weekly = body.unlawful.find((r) => r.subject === 'ot_rate');
    expect(weekly?.floor?.citation.text).toBe('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(weekly?.law?.text).toContain('200%');
  });

  it('accounts for the numbers it did not compare, with their reasons, in the API and on the page', async () => {
    const body = (await (await app.request(`/api/agreements/${DET_MAY}/comparison`)).json()) as Comparison;
    expect(body.coverage.measured).toBe(body.rows.length);
    expect(body.coverage.numbers).toBe(body.rows.length + body.skipped.length);
    expect(body.coverage.text.vi).toMatch(
      /^đã đối chiếu \d+\/\d+ con số; \d+ không phải quyền lợi; \d+ chưa đọc được$/,
    );
    expect(body.skipped.every((s) => s.message.vi && s.message.en && s.reason)).toBe(true);
    expect(body.rows.every((r) => r.basis.vi.length > 0)).toBe(true);
    const page = await (await app.request(`/agreements/${DET_MAY}/compare`)).text();
    expect(page).toContain('Phạm vi đối chiếu');
    expect(page).toContain(body.coverage.text.vi);
    expect(page).toContain('Vì sao đối chiếu');
  });

  it('re-runs the comparison for another date', async () => {
    const res = await app.request(`/api/agreements/${DET_MAY}/comparison?on=2025-06-01`);
    const body = (await res.json()) as Comparison;
    const wage = body.rows.find((r) => r.subject === 'min_wage_month');
    expect(wage).toMatchObject({ verdict: 'above', floor: { value: 4_960_000 } });
  });

  it('answers 400 for a bad date or region and 404 for an unknown agreement', async () => {
    expect(
      (await errorOf(await app.request(`/api/agreements/${DET_MAY}/comparison?on=2026-02-30`))).code,
    ).toBe('invalid_input');
    expect((await errorOf(await app.request(`/api/agreements/${DET_MAY}/comparison?region=5`))).code).toBe(
      'invalid_input',
    );
    expect((await errorOf(await app.request('/api/agreements/khong-co/comparison'))).status).toBe(404);
  });
});

describe('GET /api/floors', () => {
  it('lists the floors in force on a date with their citations and law text', async () => {
    const res = await app.request('/api/floors?on=2026-07-01');
    const body = (await res.json()) as {
      on: string;
      floors: Array<{ key: string; value?: number; law?: { title: string } }>;
    };
    expect(body.on).toBe('2026-07-01');
    expect(body.floors.find((f) => f.key === 'public_holidays.12')?.value).toBe(12);
    expect(body.floors.find((f) => f.key === 'public_holidays.11')).toBeUndefined();
    expect(body.floors.find((f) => f.key === 'annual_leave.normal')?.law?.title).toBe(
      'Điều 113. Nghỉ hằng năm',
    );
  });
});

describe('POST /api/check', () => {
  it('checks a pasted draft without storing it', async () => {
    const before = library.counts().agreements;
    const res = await app.request('/api/check?on=2026-11-23', {
      method: 'POST',
      body: DRAFT,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { comparison: Comparison; stored: boolean };
    expect(body.stored).toBe(false);
    expect(body.comparison.rows.map((r) => [r.subject, r.verdict])).toEqual([
      ['ot_rate', 'below'],
      ['leave_child_marriage', 'above'],
      ['annual_leave', 'equal'],
    ]);
    expect(body.comparison.rows[0]?.floor?.citation.text).toBe('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(library.counts().agreements).toBe(before);
  });

  it('lists the blanks of a model agreement, each with its subject and floor, and gives them no verdict', async () => {
    const res = await app.request('/api/check?on=2026-11-23', {
      method: 'POST',
      body: '# Điều 1. Phúc lợi\n\n1. Tiền ăn giữa ca: ………… đồng/người/ca.\n2. Nghỉ hằng năm ______ ngày làm việc, hưởng nguyên lương.',
      headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { comparison: Comparison; blanks: Blank[] };
    expect(body.comparison.rows).toEqual([]);
    expect(body.blanks.map((b) => [b.label, b.subject, b.floor?.value])).toEqual([
      ['Tiền ăn giữa ca', 'meal_allowance', undefined],
      ['Nghỉ hằng năm', 'annual_leave', 12],
    ]);
  });

  it('accepts a JSON body with metadata such as the wage region', async () => {
    const res = await app.request('/api/check', {
      method: 'POST',
      body: JSON.stringify({
        filename: 'du-thao.md',
        content: '# Điều 1. Tiền lương\n\nMức lương thấp nhất là 5.000.000 đồng/tháng.',
        metadata: { wageRegion: 'I' },
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    const body = (await res.json()) as { comparison: Comparison };
    expect(body.comparison.rows[0]).toMatchObject({
      subject: 'min_wage_month',
      verdict: 'below',
      floor: { value: 5_310_000 },
    });
  });

  it('refuses an empty draft, an unknown body type and an oversized one with JSON errors', async () => {
    const empty = await app.request('/api/check', {
      method: 'POST',
      body: '',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(empty.status).toBe(422);
    await errorOf(empty);
    const xml = await app.request('/api/check', {
      method: 'POST',
      body: '<x/>',
      headers: { 'Content-Type': 'application/xml' },
    });
    expect((await errorOf(xml)).code).toBe('unsupported_content_type');
    const big = await app.request('/api/check', {
      method: 'POST',
      body: 'Điều 1. A\n'.repeat(20_000),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(big.status).toBe(413);
    await errorOf(big);
  });
});

describe('GET /api/below-floor', () => {
  it('lists the agreements that fell below the floor when the minimum wage rose on 01/01/2026', async () => {
    const wagesOnly = (items: Array<{ id: string; clauses: Array<{ subject: string }> }>) =>
      items.filter((i) => i.clauses.some((c) => c.subject === 'min_wage_month')).map((i) => i.id);
    const before = (await (await app.request('/api/below-floor?on=2025-12-31')).json()) as {
      items: Array<{ id: string; clauses: Array<{ subject: string }> }>;
    };
    const after = (await (await app.request('/api/below-floor?on=2026-01-01')).json()) as {
      checked: number;
      items: Array<{ id: string; clauses: Array<{ subject: string }> }>;
    };
    expect(after.checked).toBe(16);
    // Phú Hưng's 2021 agreement kept the 2020 minimum wage: below the law since 01/01/2022.
    expect(wagesOnly(before.items).sort()).toEqual(['cao-su-phu-rieng-2021', 'det-may-phu-hung-2021']);
    expect(wagesOnly(after.items).sort()).toEqual([
      'cao-su-phu-rieng-2021',
      'det-may-phu-hung-2021',
      'det-may-phu-hung-2024',
    ]);
  });

  it('filters by industry and rejects an unknown one', async () => {
    const body = (await (await app.request('/api/below-floor?industry=dệt may')).json()) as {
      checked: number;
      count: number;
    };
    expect(body).toMatchObject({ checked: 2, count: 2 });
    expect((await errorOf(await app.request('/api/below-floor?industry=khong-ton-tai'))).code).toBe(
      'invalid_input',
    );
  });
  it('answers a page of the list with the whole count, in the same order as the whole list', async () => {
    type Body = { count: number; offset?: number; limit?: number | null; items: Array<{ id: string }> };
    const all = (await (await app.request('/api/below-floor?on=2026-01-01')).json()) as Body;
    expect(all.count).toBeGreaterThan(2);
    expect(all.offset).toBeUndefined();
    const page = (await (
      await app.request('/api/below-floor?on=2026-01-01&limit=2&offset=1')
    ).json()) as Body;
    expect(page).toMatchObject({ count: all.count, offset: 1, limit: 2 });
    expect(page.items.map((i) => i.id)).toEqual(all.items.slice(1, 3).map((i) => i.id));
    const past = (await (
      await app.request(`/api/below-floor?on=2026-01-01&offset=${all.count}`)
    ).json()) as Body;
    expect(past).toMatchObject({ count: all.count, items: [] });
    expect((await errorOf(await app.request('/api/below-floor?limit=0'))).code).toBe('invalid_input');
  });
});
