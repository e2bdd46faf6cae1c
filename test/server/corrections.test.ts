import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, GradeReport } from '../../clauses/index.ts';
import { createApp } from '../../server/app.ts';
import { errorOf, tempLibrary } from '../helpers.ts';

const TOKEN = 'test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const TEXT = [
  'Điều 1. Thời hạn',
  'Thỏa ước có hiệu lực từ ngày 01/01/2026 đến ngày 31/12/2027.',
  'Điều 2. Nghỉ hằng năm',
  'Người lao động được nghỉ hằng năm 10 ngày làm việc, hưởng nguyên lương.',
  'Điều 3. Nghỉ việc riêng',
  'Con kết hôn: nghỉ 02 ngày hưởng nguyên lương.',
].join('\n');

let cleanup: () => void;
let app: ReturnType<typeof createApp>;
let id: string;
beforeAll(async () => {
  const temp = tempLibrary();
  cleanup = temp.cleanup;
  app = createApp({ library: temp.library, apiToken: TOKEN, today: () => '2026-11-23' });
  const res = await app.request('/api/agreements', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ filename: 'hieu-chinh.txt', content: TEXT }),
  });
  id = ((await res.json()) as { id: string }).id;
});
afterAll(() => cleanup());

const post = (body: unknown, headers: Record<string, string> = auth) =>
  app.request(`/api/agreements/${id}/corrections`, { method: 'POST', headers, body: JSON.stringify(body) });
const belowFloorIds = async () =>
  ((await (await app.request('/api/below-floor')).json()) as { items: Array<{ id: string }> }).items.map(
    (i) => i.id,
  );
const leaveRow = { path: 'Điều 2', written: '10 ngày làm việc' };

describe('officer corrections through the API', () => {
  it('starts with the 10-day leave clause below the law, on the below-floor list', async () => {
    const comparison = (await (await app.request(`/api/agreements/${id}/comparison`)).json()) as Comparison;
    expect(comparison.rows.find((r) => r.path === 'Điều 2')).toMatchObject({
      verdict: 'below',
      measure: { written: leaveRow.written },
    });
    expect(await belowFloorIds()).toContain(id);
  });

  it('refuses a correction without the token, and one whose number is not in the text', async () => {
    const body = { kind: 'verdict', target: leaveRow, verdict: 'unclear', reason: 'x', by: 'An' };
    expect((await post(body, { 'Content-Type': 'application/json' })).status).toBe(401);
    const wrong = await post({ ...body, target: { path: 'Điều 2', written: '11 ngày' } });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).code).toBe('invalid_correction');
    const noVerdict = await post({ kind: 'missed', target: leaveRow, reason: 'x', by: 'An' });
    expect(noVerdict.status).toBe(400);
  });

  it('corrects a verdict with who, when and why; the row, the below-floor list and the grade follow', async () => {
    const before = (await (await app.request(`/api/agreements/${id}/grade`)).json()) as GradeReport;
    const res = await post({
      kind: 'verdict',
      target: leaveRow,
      verdict: 'unclear',
      reason: 'Lịch làm việc 6 ngày/tuần: cần đối chiếu lại',
      by: 'Trần Thị Bình',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { comparison: Comparison; grade: GradeReport };
    const row = body.comparison.rows.find((r) => r.path === 'Điều 2');
    expect(row).toMatchObject({
      verdict: 'unclear',
      correction: { by: 'Trần Thị Bình', before: { verdict: 'below' } },
      reason: { vi: 'đã hiệu chỉnh: Lịch làm việc 6 ngày/tuần: cần đối chiếu lại' },
    });
    expect(body.comparison.summary.below).toBe(0);
    expect(await belowFloorIds()).not.toContain(id);
    const after = (await (await app.request(`/api/agreements/${id}/grade`)).json()) as GradeReport;
    expect(after.unrankedReasons.map((r) => r.id)).not.toEqual(before.unrankedReasons.map((r) => r.id));
  });

  it('exports the corrections in the answer-key format', async () => {
    const res = await app.request(`/api/agreements/${id}/corrections?format=answer-key`);
    expect(res.headers.get('content-disposition')).toContain('.labels.json');
    expect(await res.json()).toEqual([
      expect.objectContaining({ article: 2, written: '10 ngày làm việc', verdict: 'unclear', unit: 'day' }),
    ]);
  });

  it('keeps the correction when the same document is removed and imported again', async () => {
    expect((await app.request(`/api/agreements/${id}`, { method: 'DELETE', headers: auth })).status).toBe(
      204,
    );
    const res = await app.request('/api/agreements', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ filename: 'hieu-chinh.txt', content: TEXT }),
    });
    id = ((await res.json()) as { id: string }).id;
    const comparison = (await (await app.request(`/api/agreements/${id}/comparison`)).json()) as Comparison;
    expect(comparison.rows.find((r) => r.path === 'Điều 2')?.verdict).toBe('unclear');
  });

  it('withdraws a correction, and answers 404 for one it does not have', async () => {
    const { corrections } = (await (await app.request(`/api/agreements/${id}/corrections`)).json()) as {
      corrections: Array<{ id: string }>;
    };
    const del = (cid: string) =>
      app.request(`/api/agreements/${id}/corrections/${cid}`, { method: 'DELETE', headers: auth });
    expect((await del(corrections[0]!.id)).status).toBe(200);
    expect(await belowFloorIds()).toContain(id);
    const again = await del(corrections[0]!.id);
    expect(again.status).toBe(404);
    expect((await errorOf(again)).code).toBe('correction_not_found');
  });
});
