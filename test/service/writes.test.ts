import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchUnavailableError } from '../../clauses/errors.ts';
import type { Agreement, AgreementEvent } from '../../clauses/types.ts';
import type { SearchIndex, SearchQuery, SearchResult, SqliteLibrary } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { readSample, tempLibrary } from '../helpers.ts';

/** An external search index that counts what it is sent, and can be told to refuse. */
class CountingIndex implements SearchIndex {
  readonly backend = 'counting';
  indexed: Array<{ agreement: Agreement; events: readonly AgreementEvent[] }> = [];
  removed: string[] = [];
  refuse = false;

  async search(query: SearchQuery): Promise<SearchResult> {
    return {
      total: 0,
      hits: [],
      facets: { industry: {}, province: {}, topic: {}, status: {}, grade: {} },
      tookMs: 0,
      backend: `${this.backend}:${query.q}`,
    };
  }
  async indexAgreement(agreement: Agreement, events: readonly AgreementEvent[] = []): Promise<void> {
    if (this.refuse)
      throw new SearchUnavailableError('search_unavailable', 'Không kết nối được.', 'Unreachable.');
    this.indexed.push({ agreement, events });
  }
  async removeAgreement(id: string): Promise<void> {
    if (this.refuse)
      throw new SearchUnavailableError('search_unavailable', 'Không kết nối được.', 'Unreachable.');
    this.removed.push(id);
  }
  async rebuild() {
    return { agreements: 0, documents: 0 };
  }
  async health() {
    return { ok: true };
  }
}

let library: SqliteLibrary;
let cleanup: () => void;
let index: CountingIndex;
let service: Service;

beforeEach(() => {
  ({ library, cleanup } = tempLibrary());
  index = new CountingIndex();
  service = createService({ library, search: index, clock: () => '2026-11-23' });
});
afterEach(() => cleanup());

const FILE = 'det-may-phu-hung-2024.md';

describe('service writes with an external search index', () => {
  it('indexes an import once, already graded', async () => {
    const { agreement, grade } = await service.importDocument(readSample(FILE), { filename: FILE });
    expect(index.indexed).toHaveLength(1);
    expect(index.indexed[0]?.agreement.id).toBe(agreement.id);
    expect(index.indexed[0]?.agreement.grade).toBe(grade.grade);
    expect(library.get(agreement.id)?.grade).toBe(grade.grade);
  });

  it('undoes an import the index refuses: the library is as it was', async () => {
    index.refuse = true;
    await expect(service.importDocument(readSample(FILE), { filename: FILE })).rejects.toBeInstanceOf(
      SearchUnavailableError,
    );
    expect(library.counts().agreements).toBe(0);
    const { total } = await library.search.search({
      q: 'lương',
      filters: {},
      source: 'agreements',
      sort: 'relevance',
      limit: 1,
      offset: 0,
      on: '2026-11-23',
    });
    expect(total).toBe(0);
  });

  it('removes an agreement from the library and from the index', async () => {
    const { agreement } = await service.importDocument(readSample(FILE), { filename: FILE });
    await service.remove(agreement.id);
    expect(index.removed).toEqual([agreement.id]);
    expect(library.get(agreement.id)).toBeUndefined();
  });

  it('keeps an agreement everywhere when the index cannot remove it', async () => {
    const { agreement } = await service.importDocument(readSample(FILE), { filename: FILE });
    index.refuse = true;
    await expect(service.remove(agreement.id)).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(library.get(agreement.id)).toBeDefined();
  });

  it('sends an extension to the index once, with its events', async () => {
    const { agreement } = await service.importDocument(readSample(FILE), { filename: FILE });
    const expires = agreement.meta.expiresOn ?? '2027-01-01';
    const later = `${Number(expires.slice(0, 4)) + 1}${expires.slice(4)}`;
    await service.recordEvent(agreement.id, { type: 'extended', date: '2026-11-20', extendedTo: later });
    expect(index.indexed).toHaveLength(2);
    expect(index.indexed[1]?.events.map((e) => e.type)).toEqual(['extended']);
  });

  it('does not send the index an event that changes nothing it holds', async () => {
    const { agreement } = await service.importDocument(readSample(FILE), { filename: FILE });
    const before = index.indexed.length;
    const { grade } = await service.recordEvent(agreement.id, {
      type: 'negotiation_started',
      date: '2026-11-20',
    });
    expect(index.indexed.length).toBe(before + (grade.grade === agreement.grade ? 0 : 1));
  });

  it('refuses an extension that does not extend, storing nothing', async () => {
    const { agreement } = await service.importDocument(readSample(FILE), { filename: FILE });
    await expect(
      service.recordEvent(agreement.id, { type: 'extended', date: '2026-11-20', extendedTo: '2000-01-01' }),
    ).rejects.toMatchObject({ code: 'invalid_event' });
    expect(library.events([agreement.id]).get(agreement.id)).toBeUndefined();
  });

  it('indexes the library itself once when there is no external index', async () => {
    const embedded = createService({ library, clock: () => '2026-11-23' });
    const { agreement } = await embedded.importDocument(readSample(FILE), { filename: FILE });
    const result = await embedded.search({
      q: '',
      filters: { agreement: [agreement.id] },
      source: 'agreements',
      sort: 'relevance',
      limit: 1,
      offset: 0,
    });
    expect(result.total).toBeGreaterThan(0);
    expect(result.facets.grade).toEqual({ [agreement.grade ?? '']: result.total });
    expect(index.indexed).toHaveLength(0);
  });
});
