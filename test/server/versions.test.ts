import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchmarkTable, LawWording, VersionComparison } from '../../clauses/index.ts';
import { pdfToText } from '../../importer/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, errorOf, tempLibrary } from '../helpers.ts';

let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

const OLD = 'det-may-phu-hung-2021';
const NEW = 'det-may-phu-hung-2024';

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, maxUploadBytes: 64 * 1024, today: () => '2026-11-23' });
});
afterAll(() => cleanup());

describe('GET /api/compare/versions', () => {
  it('compares the 2021 and 2024 agreements of Phú Hưng article by article', async () => {
    const res = await app.request(`/api/compare/versions?from=${OLD}&to=${NEW}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as VersionComparison;
    expect(body.summary).toMatchObject({ moved: 1, added: 0, removed: 0 });
    const commitment = body.articles.find((a) => a.to?.heading === 'Cam kết chung')!;
    expect(commitment).toMatchObject({ kind: 'moved', from: { number: '20' }, to: { number: '3' } });
    const measures = body.articles.flatMap((a) => a.measures.map((m) => m.text));
    expect(measures).toContain(
      'Nghỉ hằng năm (điều kiện bình thường): 12 ngày làm việc → 14 ngày làm việc: bằng luật → có lợi hơn',
    );
    expect(measures.some((m) => m.startsWith('Bữa ăn giữa ca: 25.000 đồng/suất → 35.000 đồng/suất'))).toBe(
      true,
    );
    const women = body.articles.find((a) => a.to?.heading === 'Lao động nữ')!;
    expect(women.clauses.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'added']);
  });

  it('answers 404 for an unknown agreement and 400 without both ids', async () => {
    expect((await errorOf(await app.request(`/api/compare/versions?from=${OLD}&to=khong-co`))).code).toBe(
      'agreement_not_found',
    );
    expect((await app.request(`/api/compare/versions?from=${OLD}`)).status).toBe(400);
  });
});

describe('GET /api/compare (N-way)', () => {
  it('puts chosen agreements side by side on a topic with median and percentiles', async () => {
    const res = await app.request(
      `/api/compare?ids=${NEW},dien-tu-tan-phat-2025,da-giay-thai-binh-duong-2023&topic=overtime`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as BenchmarkTable;
    expect(body.rows.map((r) => r.agreementId)).toEqual([
      NEW,
      'dien-tu-tan-phat-2025',
      'da-giay-thai-binh-duong-2023',
    ]);
    const weekly = body.columns.find((c) => c.key === 'ot_rate:day=weekly_rest')!;
    expect(weekly.stats.count).toBe(3);
    const cell = body.rows[0]!.cells[weekly.key]!;
    expect(cell).toMatchObject({ value: 180, verdict: 'below' });
    expect(cell.percentile).toBeLessThan(50);
    expect(typeof cell.percentileInIndustry).toBe('number');
  });

  it('chooses agreements by filter', async () => {
    const body = (await (
      await app.request('/api/compare?industry=det-may&topic=meal')
    ).json()) as BenchmarkTable;
    expect(body.rows.map((r) => r.agreementId).sort()).toEqual([OLD, NEW]);
    const expired = (await (
      await app.request('/api/compare?status=expired&topic=annual_leave')
    ).json()) as BenchmarkTable;
    expect(expired.rows.map((r) => r.agreementId).sort()).toEqual([
      'cao-su-phu-rieng-2021',
      OLD,
      'xay-dung-song-hong-2022',
    ]);
    expect((await app.request('/api/compare?status=nonsense&topic=meal')).status).toBe(400);
  });

  it('refuses no selection, an unknown topic and an unknown id, in both languages', async () => {
    expect((await errorOf(await app.request('/api/compare?topic=meal'))).code).toBe('missing_selection');
    expect((await errorOf(await app.request(`/api/compare?ids=${NEW}&topic=nonsense`))).code).toBe(
      'unknown_topic',
    );
    expect((await app.request(`/api/compare?ids=${NEW},khong-co`)).status).toBe(404);
  });
});

describe('GET /api/benchmarks', () => {
  it('gives the distribution of each measure of a topic across the library', async () => {
    const res = await app.request('/api/benchmarks?topic=annual_leave');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { agreements: number; measures: BenchmarkTable['columns'] };
    expect(body.agreements).toBe(16);
    const leave = body.measures.find((m) => m.key === 'annual_leave')!;
    expect(leave.values.length).toBe(leave.stats.count);
    expect(leave.stats.min).toBe(12);
    expect(leave.best?.value).toBe(leave.stats.max);
  });

  it('needs a topic', async () => {
    expect((await app.request('/api/benchmarks')).status).toBe(400);
  });
});

describe('GET /api/agreements/:id/law-wording', () => {
  it('lists clauses beside the law’s words, flagging those that restate it', async () => {
    const res = await app.request(`/api/agreements/${NEW}/law-wording`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as LawWording;
    const consent = body.rows.find((r) => r.nodeId === 'dieu-9.khoan-1')!;
    expect(consent).toMatchObject({ restatesLaw: true, law: { citation: { article: 107 } } });
    const weekly = body.rows.find((r) => r.nodeId === 'dieu-9.khoan-3.diem-b')!;
    expect(weekly).toMatchObject({
      restatesLaw: false,
      changedNumbers: { removed: ['200%'], added: ['180%'] },
    });
    expect(body.restating).toBeGreaterThan(0);
  });
});

describe('PDF export of the comparisons', () => {
  const read = async (path: string) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return (await pdfToText(new Uint8Array(await res.arrayBuffer()), 'report.pdf')).text;
  };

  it('prints the version diff with the changed words marked, in Vietnamese', async () => {
    const text = await read(`/api/compare/versions.pdf?from=${OLD}&to=${NEW}`);
    expect(text).toContain('So sánh hai phiên bản thỏa ước');
    expect(text).toContain('Chuyển chỗ: Điều 3. Cam kết chung');
    expect(text).toContain('[-12-] {+14+}');
    expect(text).toContain('12 ngày làm việc → 14 ngày làm việc: bằng luật → có lợi hơn');
  });

  it('prints the N-way table with medians and percentiles', async () => {
    const text = await read(`/api/compare.pdf?ids=${OLD},${NEW}&topic=meal`);
    expect(text).toContain('Bữa ăn giữa ca');
    expect(text).toContain('Trung vị: 30.000 đồng/bữa');
    expect(text).toMatch(/35\.000 đồng\/bữa/);
    expect(text).toContain('75%');
  });
});
