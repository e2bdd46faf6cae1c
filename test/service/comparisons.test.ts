import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareWithFloors, LEGAL_FLOORS } from '../../clauses/index.ts';
import { importDocument } from '../../importer/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createComparisonCache, createService, type Service } from '../../service/index.ts';
import { readSample, tempLibrary } from '../helpers.ts';

let library: SqliteLibrary;
let service: Service;
let cleanup: () => void;

beforeEach(() => {
  ({ library, cleanup } = tempLibrary());
  service = createService({ library, clock: () => '2026-11-23' });
});
afterEach(() => cleanup());

function add(file: string, wageRegion?: 1 | 2 | 3 | 4) {
  const bytes = readSample(file);
  const draft = importDocument(bytes, { filename: file });
  if (wageRegion) draft.meta.wageRegion = wageRegion;
  return library.add(draft, bytes);
}

describe('the comparison cache of the service', () => {
  it('answers as compareWithFloors does, and the second time from memory', () => {
    const stored = add('det-may-phu-hung-2024.md');
    const first = service.comparison(stored.id, { on: '2026-11-23' });
    expect(first).toEqual(compareWithFloors(stored, { on: '2026-11-23' }));
    // Read again from the database: a new object, the same agreement.
    expect(service.comparison(stored.id, { on: '2026-11-23' })).toBe(first);
  });

  it('computes again for another day, another region or another floors file', () => {
    const stored = add('det-may-phu-hung-2024.md');
    const first = service.comparison(stored.id, { on: '2026-11-23' });
    expect(service.comparison(stored.id, { on: '2025-06-01' })).not.toBe(first);
    const region = stored.meta.wageRegion === 4 ? 1 : 4;
    const other = service.comparison(stored.id, { on: '2026-11-23', region });
    expect(other).not.toBe(first);
    expect(other.region).toBe(region);
    const cache = createComparisonCache();
    const cached = cache.comparison(stored, { on: '2026-11-23' }, () => stored);
    const withFile = cache.comparison(stored, { on: '2026-11-23', floors: LEGAL_FLOORS }, () => stored);
    expect(withFile).not.toBe(cached);
    expect(withFile).toEqual(first);
  });

  it('never answers a replaced agreement with the comparison of the one it replaced', async () => {
    const stored = add('det-may-phu-hung-2024.md', 1);
    const before = service.comparison(stored.id, { on: '2026-11-23' });
    await service.remove(stored.id);
    const again = add('det-may-phu-hung-2024.md', 4);
    expect(again.id).toBe(stored.id);
    const after = service.comparison(again.id, { on: '2026-11-23' });
    expect(after).not.toBe(before);
    expect(after).toEqual(compareWithFloors(again, { on: '2026-11-23' }));
  });

  it('keeps each library to itself', () => {
    const stored = add('det-may-phu-hung-2024.md');
    const other = tempLibrary();
    try {
      const copy = other.library.add(
        importDocument(readSample('det-may-phu-hung-2024.md'), { filename: 'x.md' }),
        readSample('det-may-phu-hung-2024.md'),
      );
      expect(createService({ library: other.library }).comparison(copy.id, { on: '2026-11-23' })).not.toBe(
        service.comparison(stored.id, { on: '2026-11-23' }),
      );
    } finally {
      other.cleanup();
    }
  });

  it('compares the whole library ahead of requests, and stops when told to', async () => {
    const a = add('det-may-phu-hung-2024.md');
    add('dien-tu-tan-phat-2025.md');
    expect(await service.warmComparisons('2026-11-23')).toBe(2);
    expect(service.rememberedComparisons().count).toBe(2);
    const warmed = service.comparison(a.id, { on: '2026-11-23' });
    expect(service.rememberedComparisons().count).toBe(2);
    expect(warmed).toEqual(compareWithFloors(a, { on: '2026-11-23' }));

    service.clearCaches();
    expect(service.rememberedComparisons().count).toBe(0);
    const stop = new AbortController();
    stop.abort();
    expect(await service.warmComparisons('2026-11-23', stop.signal)).toBe(0);
    expect(service.rememberedComparisons().count).toBe(0);
  });

  it('remembers the comparison with the law’s words, keyed like the comparison', () => {
    const stored = add('det-may-phu-hung-2024.md');
    const first = service.lawWording(stored.id, { on: '2026-11-23' });
    expect(service.lawWording(stored.id, { on: '2026-11-23' })).toBe(first);
    expect(service.lawWording(stored.id, { on: '2025-06-01' })).not.toBe(first);
  });
});
