import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../clauses/index.ts';
import { importDocument } from '../../importer/index.ts';
import { openLibrary, type SqliteLibrary, toExactFtsQuery, toFtsQuery } from '../../library/index.ts';
import { addSamples, readSample, searchQuery, tempLibrary } from '../helpers.ts';

let library: SqliteLibrary;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ library, dir, cleanup } = tempLibrary());
});
afterEach(() => {
  library.close();
  cleanup();
});

const query = searchQuery;

describe('the embedded index', () => {
  it('writes FTS5 queries: folded for recall, with diacritics for the exact matches ranked first', () => {
    const parsed = parseSearchQuery('lương "làm thêm" ngh');
    expect(toFtsQuery(parsed)).toBe(
      '{heading_f text_f employer_f} : "luong" AND {heading_f text_f employer_f} : "lam them" AND {heading_f text_f employer_f} : "ngh"*',
    );
    expect(toExactFtsQuery(parsed)).toBe(
      'exact : "lương" AND exact : "làm thêm" AND {heading_f text_f employer_f} : "ngh"*',
    );
    expect(toExactFtsQuery(parseSearchQuery('luong'))).toBeUndefined();
  });

  it('indexes an agreement in the same transaction as the import, and keeps facets current as agreements come and go', async () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    const before = await library.search.search(query());
    expect(before.facets.industry).toEqual({ 'det-may': before.total });
    const bytes = readSample('dien-tu-tan-phat-2025.md');
    const { id } = library.add(importDocument(bytes, { filename: 'dien-tu-tan-phat-2025.md' }), bytes);
    const after = await library.search.search(query());
    expect(Object.keys(after.facets.industry).sort()).toEqual(['det-may', 'dien-tu']);
    library.remove(id);
    expect((await library.search.search(query())).total).toBe(before.total);
  });

  it('answers repeated words from its cache of matches, which a new import empties', async () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    const first = await library.search.search(query({ q: 'lương' }));
    const filtered = await library.search.search(query({ q: 'lương', filters: { topic: ['wages'] } }));
    expect(filtered.total).toBeLessThan(first.total);
    const bytes = readSample('dien-tu-tan-phat-2025.md');
    library.add(importDocument(bytes, { filename: 'dien-tu-tan-phat-2025.md' }), bytes);
    const after = await library.search.search(query({ q: 'lương' }));
    expect(after.total).toBeGreaterThan(first.total);
    expect(Object.keys(after.facets.industry).sort()).toEqual(['det-may', 'dien-tu']);
  });

  it('moves an extended agreement to the status of its new expiry date', async () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    expect((await library.search.search(query())).facets.status).toEqual({
      renewal_window: expect.any(Number),
    });
    library.addEvent('det-may-phu-hung-2024', {
      type: 'extended',
      date: '2026-11-20',
      extendedTo: '2027-12-31',
    });
    const result = await library.search.search(query({ filters: { status: ['in_force'] } }));
    expect(result.total).toBeGreaterThan(0);
    expect(Object.keys(result.facets.status)).toEqual(['in_force']);
  });

  it('indexes, when it opens, agreements stored before the index existed', async () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    const total = (await library.search.search(query())).total;
    library.db.exec("DELETE FROM search_docs WHERE source = 'agreement'");
    library.close();
    library = openLibrary(dir);
    expect((await library.search.search(query())).total).toBe(total);
  });
});
