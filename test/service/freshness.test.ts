import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { createService } from '../../service/index.ts';
import { readSample, tempLibrary } from '../helpers.ts';

// The server and the CLI are two processes on one file; here, two connections to it.
let server: SqliteLibrary;
let cli: SqliteLibrary;
let cleanup: () => void;

beforeEach(() => {
  const temp = tempLibrary();
  server = temp.library;
  cli = openLibrary(temp.dir);
  cleanup = () => {
    cli.close();
    temp.cleanup();
  };
});
afterEach(() => cleanup());

type Found = { total: number; facets: { industry: Record<string, number> } };

describe('a running server and a second process writing to the same library', () => {
  it('sees at its next request an agreement imported, then removed, by the other process', async () => {
    const app = createApp({ library: server, today: () => '2026-11-23' });
    const search = async () =>
      (await (await app.request('/api/search?q=luong&industry=det-may')).json()) as Found;
    const belowFloor = async () =>
      ((await (await app.request('/api/below-floor?on=2026-01-01')).json()) as { checked: number }).checked;
    const other = createService({ library: cli, clock: () => '2026-11-23' });

    // The server has read its facet columns, its cache of matches and its comparisons.
    expect((await search()).total).toBe(0);
    expect(await belowFloor()).toBe(0);

    const file = 'det-may-phu-hung-2024.md';
    const { agreement } = await other.importDocument(readSample(file), { filename: file });
    const afterImport = await search();
    expect(afterImport.total).toBeGreaterThan(0);
    expect(afterImport.facets.industry['det-may']).toBe(afterImport.total);
    expect(await belowFloor()).toBe(1);

    await other.remove(agreement.id);
    const afterRemove = await search();
    expect(afterRemove.total).toBe(0);
    expect(afterRemove.facets.industry['det-may'] ?? 0).toBe(0);
    expect(await belowFloor()).toBe(0);
    expect((await app.request(`/api/agreements/${agreement.id}`)).status).toBe(404);
  });

  it('tells a write of the other connection from its own, once', async () => {
    const file = 'det-may-phu-hung-2024.md';
    const own = await createService({ library: server }).importDocument(readSample(file), { filename: file });
    expect(server.changedElsewhere()).toBe(false);
    cli.setGrade(own.agreement.id, own.agreement.grade === 'A' ? 'B' : 'A');
    expect(server.changedElsewhere()).toBe(true);
    expect(server.changedElsewhere()).toBe(false);
  });
});
