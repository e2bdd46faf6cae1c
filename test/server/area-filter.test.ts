import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createService } from '../../service/index.ts';
import { addSamples, errorOf, tempLibrary } from '../helpers.ts';

let temp: ReturnType<typeof tempLibrary>;
let app: ReturnType<typeof createApp>;
let areas: { district: string[]; superiorUnion: string[] };

beforeAll(() => {
  temp = tempLibrary();
  addSamples(temp.library);
  app = createApp({ library: temp.library, today: () => '2026-11-23' });
  areas = createService({ library: temp.library }).areas();
}, 60_000);
afterAll(() => temp.cleanup());

describe('area filters that match nothing', () => {
  it('the sample library names areas to filter on', () => {
    expect(areas.superiorUnion.length).toBeGreaterThan(0);
  });

  it('lists and tracks the agreements of a known follow-up union', async () => {
    const union = areas.superiorUnion[0]!;
    const res = await app.request(`/api/expiry?superiorUnion=${encodeURIComponent(union)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it.each([
    ['/api/expiry?superiorUnion=', 'superiorUnion'],
    ['/api/expiry?district=', 'district'],
    ['/api/agreements?district=', 'district'],
  ])('%s answers 400 "không nhận ra" rather than the whole country', async (path, field) => {
    const res = await app.request(`${path}${encodeURIComponent('Khu công nghiệp Không Có Thật')}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain(`${field}: không nhận ra "Khu công nghiệp Không Có Thật"`);
  });

  it('suggests the follow-up union probably meant', async () => {
    const union = areas.superiorUnion[0]!;
    const typo = `${union} Xyz`;
    const res = await app.request(`/api/expiry?superiorUnion=${encodeURIComponent(typo)}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain(`có phải ${union}`);
  });

  it('suggests industries for an unknown industry', async () => {
    const res = await app.request('/api/expiry?industry=det');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/không nhận ra "det" — có phải .*Dệt may/);
  });
});
