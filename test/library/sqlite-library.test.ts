import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateError, NotFoundError } from '../../clauses/index.ts';
import { importDocument } from '../../importer/index.ts';
import { DATABASE_FILE, MIGRATIONS, openLibrary, type SqliteLibrary } from '../../library/index.ts';
import { addSamples, readSample, tempLibrary } from '../helpers.ts';

let library: SqliteLibrary;
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ library, dir, cleanup } = tempLibrary());
});
afterEach(() => cleanup());

function draftOf(file: string) {
  const bytes = readSample(file);
  return { draft: importDocument(bytes, { filename: file }), bytes };
}

describe('SqliteLibrary', () => {
  it('stores an agreement with its tree, warnings and original bytes, and reads it back', () => {
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    const stored = library.add(draft, bytes, { now: new Date('2026-11-23T08:00:00Z') });
    expect(stored.id).toBe('det-may-phu-hung-2024');
    expect(stored.importedAt).toBe('2026-11-23T08:00:00.000Z');
    const read = library.get(stored.id)!;
    expect(read.tree).toEqual(draft.tree);
    expect(read.meta).toEqual(draft.meta);
    expect(read.warnings).toEqual(draft.warnings);
    expect(Buffer.from(library.source(stored.id)!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('detects re-importing the same file by sha256 instead of duplicating it', () => {
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    library.add(draft, bytes);
    expect(() => library.add(draft, bytes)).toThrow(DuplicateError);
    expect(library.counts().agreements).toBe(1);
  });

  it('gives a new id when two different files have the same name', () => {
    const a = draftOf('det-may-phu-hung-2024.md');
    library.add(a.draft, a.bytes);
    const changed = new TextEncoder().encode(`${new TextDecoder().decode(a.bytes)}\n`);
    const b = importDocument(changed, { filename: 'det-may-phu-hung-2024.md' });
    expect(library.add(b, changed).id).toBe('det-may-phu-hung-2024-2');
  });

  it('keeps its counts and the document count of its index right across adds and removals (remembered between writes)', async () => {
    const empty = { library: library.counts(), documents: (await library.search.health()).documents };
    expect(empty.library).toEqual({ agreements: 0, articles: 0, clauses: 0 });
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    const stored = library.add(draft, bytes);
    expect(library.counts().agreements).toBe(1);
    expect(library.counts().clauses).toBeGreaterThan(0);
    expect((await library.search.health()).documents).toBeGreaterThan(empty.documents);
    library.remove(stored.id);
    expect(library.counts()).toEqual(empty.library);
    expect((await library.search.health()).documents).toBe(empty.documents);
  });

  it('leaves the library exactly as before when an import fails half way', () => {
    const { draft } = draftOf('det-may-phu-hung-2024.md');
    // The agreement row is written first; the source insert then fails inside the same transaction.
    expect(() => library.add(draft, null as unknown as Uint8Array)).toThrow();
    expect(library.counts().agreements).toBe(0);
    expect(library.get('det-may-phu-hung-2024')).toBeUndefined();
  });

  it('filters by industry, province without diacritics, district and words of the employer', () => {
    addSamples(library);
    const page = { page: 1, pageSize: 50 };
    expect(library.list({ industry: 'det-may' }, page).items.map((a) => a.id)).toEqual([
      'det-may-phu-hung-2024',
      'det-may-phu-hung-2021',
    ]);
    expect(library.list({ province: 'ha noi' }, page).total).toBe(3);
    expect(library.list({ province: 'Hà Nội', district: 'long bien' }, page).items[0]?.id).toBe(
      'xay-dung-song-hong-2022',
    );
    expect(library.list({ q: 'benh vien an phuoc' }, page).items[0]?.id).toBe('y-te-benh-vien-an-phuoc-2024');
    expect(library.list({ q: '100%_' }, page).total).toBe(0);
  });

  it('pages through the list', () => {
    addSamples(library);
    const first = library.list({}, { page: 1, pageSize: 5 });
    const third = library.list({}, { page: 3, pageSize: 5 });
    expect(first.total).toBe(16);
    expect(first.items).toHaveLength(5);
    expect(third.items).toHaveLength(5);
    expect(new Set([...first.items, ...third.items].map((a) => a.id)).size).toBe(10);
  });

  it('removes an agreement together with its original document', () => {
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    const { id } = library.add(draft, bytes);
    expect(library.remove(id)).toBe(true);
    expect(library.source(id)).toBeUndefined();
    expect(library.remove(id)).toBe(false);
    const orphans = library.db.prepare('SELECT COUNT(*) AS n FROM source_files').get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('keeps its data across reopening and records the schema version', () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    library.close();
    const again = openLibrary(dir);
    expect(again.counts()).toEqual({ agreements: 1, articles: 21, clauses: 27 });
    expect(again.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });

  it('lists every id newest first from an index, reading no agreement row', () => {
    addSamples(library);
    const ids = library.listIds({});
    const dayOf = (id: string) => {
      const meta = library.get(id)?.meta;
      return meta?.signedOn ?? meta?.effectiveOn ?? '';
    };
    const days = ids.map(dayOf);
    expect(ids.length).toBe(library.counts().agreements);
    expect(days).toEqual([...days].sort().reverse());
    // Every reader's listing names the visibilities it may see: the index covers that too.
    expect(library.listIds({ visibility: ['public'] })).toEqual(ids);
    for (const where of ['', "WHERE visibility IN ('public', 'members')"]) {
      const plan = library.db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM agreements ${where} ORDER BY COALESCE(signed_on, effective_on, '') DESC, id`,
        )
        .all() as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toBe(
        'SCAN agreements USING COVERING INDEX agreements_list',
      );
    }
  });

  it('refuses a database written by a newer version of the program', () => {
    library.close();
    const db = new BetterSqlite3(`${dir}/${DATABASE_FILE}`);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openLibrary(dir)).toThrow(/newer than this program/);
  });

  it('records events as history, oldest first, and drops them with their agreement', () => {
    addSamples(library, ['det-may-phu-hung-2024.md', 'dien-tu-tan-phat-2025.md']);
    const now = new Date('2026-11-23T08:00:00Z');
    const extended = library.addEvent(
      'det-may-phu-hung-2024',
      { type: 'extended', date: '2026-11-20', extendedTo: '2027-12-31', recordedBy: 'LĐLĐ tỉnh' },
      { now },
    );
    library.addEvent('det-may-phu-hung-2024', { type: 'filed', date: '2024-01-20' }, { now });
    expect(extended).toMatchObject({
      agreementId: 'det-may-phu-hung-2024',
      recordedAt: '2026-11-23T08:00:00.000Z',
    });
    const events = library.events(['det-may-phu-hung-2024', 'dien-tu-tan-phat-2025']);
    expect(events.get('det-may-phu-hung-2024')?.map((e) => e.type)).toEqual(['filed', 'extended']);
    expect(events.has('dien-tu-tan-phat-2025')).toBe(false);
    expect(library.events().get('det-may-phu-hung-2024')).toHaveLength(2);
    library.remove('det-may-phu-hung-2024');
    expect(library.events().size).toBe(0);
  });

  it('refuses an event for an unknown agreement or replacement, storing nothing', () => {
    addSamples(library, ['det-may-phu-hung-2024.md']);
    expect(() => library.addEvent('khong-co', { type: 'filed', date: '2024-01-20' })).toThrow(NotFoundError);
    expect(() =>
      library.addEvent('det-may-phu-hung-2024', {
        type: 'replaced',
        date: '2026-01-01',
        replacedBy: 'khong-co',
      }),
    ).toThrow(NotFoundError);
    expect(library.events().size).toBe(0);
  });
});

describe('SqliteLibrary: officer corrections', () => {
  const correction = {
    id: 'c1',
    kind: 'verdict' as const,
    target: { path: 'Điều 5 › khoản 1', written: '12 ngày' },
    verdict: 'equal' as const,
    reason: 'đọc lại bảng',
    by: 'Trần Thị Bình',
    at: '2026-11-24T08:00:00.000Z',
  };

  it('stores a correction with who and when, and keeps it when the same document is removed and imported again', () => {
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    const first = library.add(draft, bytes);
    library.addCorrection(first.id, correction);
    expect(library.corrections(first.source.sha256)).toEqual([correction]);
    library.remove(first.id);
    const again = library.add(draft, bytes);
    expect(library.corrections(again.source.sha256)).toEqual([correction]);
  });

  it('withdraws a correction, and refuses one for an agreement it does not have', () => {
    const { draft, bytes } = draftOf('det-may-phu-hung-2024.md');
    const stored = library.add(draft, bytes);
    library.addCorrection(stored.id, correction);
    expect(library.removeCorrection(stored.id, 'c1')).toBe(true);
    expect(library.removeCorrection(stored.id, 'c1')).toBe(false);
    expect(library.corrections(stored.source.sha256)).toEqual([]);
    expect(() => library.addCorrection('khong-co', correction)).toThrow(NotFoundError);
  });
});
