import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers.ts';
import { sampleApp } from './sample-app.ts';

const sample = sampleApp();

const ids = async (path: string) =>
  ((await (await sample.app.request(path)).json()) as { items: Array<{ id: string }> }).items.map(
    (i) => i.id,
  );

describe('province filters on the 2025 map', () => {
  it('finds an agreement signed in Bình Dương in 2024 under Hồ Chí Minh, and under its short form', async () => {
    for (const name of ['Hồ Chí Minh', 'TP.HCM', 'HCM']) {
      expect(await ids(`/api/agreements?province=${encodeURIComponent(name)}&pageSize=100`)).toContain(
        'det-may-phu-hung-2024',
      );
    }
    expect(await ids('/api/agreements?province=B%C3%ACnh%20D%C6%B0%C6%A1ng&pageSize=100')).toContain(
      'det-may-phu-hung-2024',
    );
    expect(await ids('/api/agreements?province=H%C3%A0%20N%E1%BB%99i&pageSize=100')).not.toContain(
      'det-may-phu-hung-2024',
    );
  });

  it('searches the clauses of the former provinces when the current one is asked', async () => {
    const res = await sample.app.request(
      `/api/search?q=nghi&province=${encodeURIComponent('Hồ Chí Minh')}&expired=1`,
    );
    const body = (await res.json()) as { hits: Array<{ province?: string }>; total: number };
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.some((h) => h.province === 'Bình Dương')).toBe(true);
  });

  it('answers 400 with the province probably meant, never the whole country', async () => {
    const res = await sample.app.request('/api/agreements?province=Binh%20Duongg');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.message).toContain('Bình Dương');
  });
});
