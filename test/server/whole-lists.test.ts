import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { createService, type Service } from '../../service/index.ts';
import { belowFloorLine } from '../../service/list-json.ts';
import { SAMPLE_DIR, tempLibrary } from '../helpers.ts';

/** The answers as the routes built them before the lines were kept encoded: objects (each line's), then `c.json`. */
function oldBelowFloor(service: Service, on: string, page?: { offset: number; limit: number }) {
  const { checked, items, refreshing } = service.belowFloor({}, { on });
  const listed = page ? items.slice(page.offset, page.offset + page.limit) : items;
  return JSON.parse(
    JSON.stringify({
      on,
      checked,
      count: items.length,
      ...(page ?? {}),
      ...(refreshing ? { refreshing } : {}),
      items: listed.map((item) => belowFloorLine(item, on)),
    }),
  );
}

describe('the whole below-floor and grades lists', () => {
  let day = '2025-12-30';
  let service: Service;
  let app: ReturnType<typeof createApp>;
  let cleanup: () => void;
  let library: ReturnType<typeof tempLibrary>['library'];
  beforeAll(async () => {
    const temp = tempLibrary();
    library = temp.library;
    cleanup = temp.cleanup;
    await seedLibrary(temp.library, SAMPLE_DIR, { on: '2025-12-30' });
    service = createService({ library: temp.library, clock: () => day });
    app = createApp({ library: temp.library, today: () => day, service });
  });
  afterAll(() => cleanup());

  it.each(['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-03'])(
    'answers GET /api/below-floor on %s with the same JSON as the objects stringified, whole and paged',
    async (on) => {
      day = on;
      const whole = await app.request(`/api/below-floor?on=${on}`);
      expect(whole.headers.get('content-type')).toContain('application/json');
      const body = await whole.json();
      expect(JSON.stringify(body)).toBe(JSON.stringify(oldBelowFloor(service, on)));
      const paged = await (await app.request(`/api/below-floor?on=${on}&offset=1&limit=2`)).json();
      expect(JSON.stringify(paged)).toBe(JSON.stringify(oldBelowFloor(service, on, { offset: 1, limit: 2 })));
    },
  );

  it.each(['2025-12-31', '2026-01-02'])(
    'answers GET /api/grades on %s with the same JSON as the dashboard stringified',
    async (on) => {
      day = on;
      const rubric = await (await app.request('/api/grades')).json();
      const dashboard = service.grades({ filter: {} });
      const old = JSON.parse(JSON.stringify({ ...dashboard, rubric: rubric.rubric }));
      expect(JSON.stringify(rubric)).toBe(JSON.stringify(old));
      expect(dashboard.items.length).toBeGreaterThan(1);
      const paged = await (await app.request('/api/grades?offset=1&limit=2')).json();
      const oldPaged = { ...dashboard, offset: 1, limit: 2, items: dashboard.items.slice(1, 3) };
      expect(JSON.stringify(paged)).toBe(
        JSON.stringify({ ...JSON.parse(JSON.stringify(oldPaged)), rubric: rubric.rubric }),
      );
    },
  );

  it('answers both lists with the written line after a write, the others as kept', async () => {
    day = '2026-01-03';
    const before = await (await app.request(`/api/below-floor?on=${day}`)).json();
    const id = before.items[0].id as string;
    const agreement = library.get(id)!;
    library.setMeta(id, { ...agreement.meta, employer: 'Công ty TNHH Viết Lại' });
    const after = await (await app.request(`/api/below-floor?on=${day}`)).json();
    expect(JSON.stringify(after)).toBe(JSON.stringify(oldBelowFloor(service, day)));
    expect(after.items.find((item: { id: string }) => item.id === id).employer).toBe('Công ty TNHH Viết Lại');
    const grades = await (await app.request('/api/grades')).json();
    const old = JSON.parse(JSON.stringify({ ...service.grades({ filter: {} }), rubric: grades.rubric }));
    expect(JSON.stringify(grades)).toBe(JSON.stringify(old));
    expect(JSON.stringify(grades)).toContain('Công ty TNHH Viết Lại');
  });
});
