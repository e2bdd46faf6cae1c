import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckSummary, Suggestion } from '../../clauses/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

const MODEL = join(import.meta.dirname, '../../fixtures/models/mau-det-may.md');

let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, today: () => '2026-12-01' });
});
afterAll(() => cleanup());

describe('POST /api/check/suggestions', () => {
  it('answers the model agreement with a suggestion for each blank drawn from the sample library', async () => {
    const res = await app.request(
      '/api/check/suggestions?industry=det-may&province=B%C3%ACnh%20D%C6%B0%C6%A1ng',
      {
        method: 'POST',
        body: readFileSync(MODEL),
        headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'X-Filename': 'mau-det-may.md' },
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { suggestions: Suggestion[]; summary: CheckSummary; stored: boolean };
    expect(body.stored).toBe(false);
    expect(body.summary.blanks).toBe(13);
    const blanks = body.suggestions.filter((s) => s.target.kind === 'blank');
    expect(blanks).toHaveLength(12);
    const overtime = blanks.find((s) => s.subject === 'ot_rate')!;
    expect(overtime.writeAtLeast?.vi).toBe('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
    expect(overtime.national.enough).toBe(true);
    expect(overtime.best.length).toBeGreaterThan(0);
    expect(overtime.best[0]).toMatchObject({ verdict: 'above' });
  });

  it('refuses an unknown day with a JSON error', async () => {
    const res = await app.request('/api/check/suggestions?on=hôm-qua', { method: 'POST', body: 'x' });
    expect(res.status).toBe(400);
  });
});
