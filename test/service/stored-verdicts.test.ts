import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { targetOf } from '../../clauses/corrections.ts';
import { importDocument } from '../../importer/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { addSamples, readSample, tempLibrary } from '../helpers.ts';

/** The day before the regional minimum wages of 01/01/2026 (Nghị định 293/2025/NĐ-CP), and after. */
const BEFORE = '2025-12-20';
const SAME_PERIOD = '2025-12-31';
const AFTER = '2026-01-05';
const TOPICS = ['meal', 'overtime', 'annual_leave', 'minimum_wage'];

/** What a user reads of each library-wide question on a day, without the note that figures were being refreshed. */
async function answers(service: Service, on: string) {
  const drop = <T extends { refreshing?: unknown }>({ refreshing: _r, ...rest }: T) => rest;
  return {
    belowFloor: drop(service.belowFloor({}, { on })),
    benchmarks: drop(service.benchmarks({ filter: {}, topics: TOPICS, on })),
    everyTopic: drop(service.benchmarks({ filter: {}, topics: [], on })),
    nWay: drop(service.compareAgreements({ filter: { industry: 'det-may' }, topics: TOPICS, on })),
    grades: drop(service.grades({ filter: {} })),
    suggestions: (
      await service.suggestDraft(readSample('det-may-phu-hung-2024.md'), { filename: 'nhap.md', on })
    ).suggestions,
  };
}

/** A service on the library whose clock the test moves, and one that compares every agreement afresh. */
function services(library: SqliteLibrary, data = 'data-1') {
  const clock = { today: BEFORE };
  const stored = createService({ library, clock: () => clock.today, verdictData: data });
  const fresh = createService({ library, clock: () => clock.today, storedVerdicts: false });
  return { clock, stored, fresh };
}

describe.each([
  ['the sample library', (library: SqliteLibrary) => addSamples(library)],
  [
    'a generated library',
    (library: SqliteLibrary) => {
      const dir = mkdtempSync(join(tmpdir(), 'cba-generated-'));
      try {
        for (const file of generateCorpus(dir, 40)) {
          const bytes = readFileSync(file);
          library.add(importDocument(bytes, { filename: basename(file) }), bytes);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  ],
])('stored verdicts over %s', (_name, fill) => {
  let library: SqliteLibrary;
  let cleanup: () => void;
  beforeAll(() => {
    ({ library, cleanup } = tempLibrary());
    fill(library);
  }, 120_000);
  afterAll(() => cleanup());

  it('answer every library-wide question as comparing every agreement afresh does, across a floor change', async () => {
    const { clock, stored, fresh } = services(library);
    const total = library.counts().agreements;
    // Rows stored before the store existed: none is fresh, each question compares and says so.
    expect(stored.storedVerdicts()).toEqual({ fresh: 0, agreements: total });
    expect(stored.belowFloor({}, { on: BEFORE }).refreshing).toEqual({ computed: total });
    expect(await stored.refreshVerdicts()).toBe(total);
    expect(stored.storedVerdicts()).toEqual({ fresh: total, agreements: total });
    for (const on of [BEFORE, SAME_PERIOD, AFTER])
      expect(await answers(stored, on), on).toEqual(await answers(fresh, on));
    expect(stored.belowFloor({}, { on: SAME_PERIOD }).refreshing).toBeUndefined();

    // The clock passes the floor change: stored verdicts are of the old period, so none serves the new day.
    clock.today = AFTER;
    expect(stored.storedVerdicts()).toEqual({ fresh: 0, agreements: total });
    expect(stored.grades({ filter: {} }).refreshing).toEqual({ computed: total });
    expect(await answers(stored, AFTER)).toEqual(await answers(fresh, AFTER));
    expect(await stored.refreshVerdicts()).toBe(total);
    expect(stored.grades({ filter: {} }).refreshing).toBeUndefined();
    expect(await answers(stored, AFTER)).toEqual(await answers(fresh, AFTER));
    // The old period's days are still answered rightly (compared: only today's period is kept).
    expect(await answers(stored, BEFORE)).toEqual(await answers(fresh, BEFORE));
  }, 300_000);

  it('are stale after a change of the data fingerprint, recomputed, and fresh after', async () => {
    const first = services(library, 'data-a');
    await first.stored.refreshVerdicts();
    const total = library.counts().agreements;
    expect(first.stored.storedVerdicts().fresh).toBe(total);
    const changed = services(library, 'data-b');
    expect(changed.stored.storedVerdicts().fresh).toBe(0);
    expect(changed.stored.benchmarks({ filter: {}, topics: TOPICS }).refreshing).toEqual({ computed: total });
    expect(await changed.stored.refreshVerdicts()).toBe(total);
    expect(changed.stored.storedVerdicts().fresh).toBe(total);
    expect(changed.stored.benchmarks({ filter: {}, topics: TOPICS }).refreshing).toBeUndefined();
    expect(await answers(changed.stored, BEFORE)).toEqual(await answers(changed.fresh, BEFORE));
    // The old data's rows were dropped by the refresh.
    expect(first.stored.storedVerdicts().fresh).toBe(0);
  }, 300_000);
});

describe('stored verdicts and the writes', () => {
  let library: SqliteLibrary;
  let cleanup: () => void;
  let stored: Service;
  let fresh: Service;
  beforeAll(async () => {
    ({ library, cleanup } = tempLibrary());
    ({ stored, fresh } = services(library));
    for (const file of ['det-may-phu-hung-2024.md', 'dien-tu-tan-phat-2025.md'])
      await stored.importDocument(readSample(file), { filename: file });
  }, 60_000);
  afterAll(() => cleanup());

  it('are written by the import, in its transaction', () => {
    expect(stored.storedVerdicts()).toEqual({ fresh: 2, agreements: 2 });
    expect(stored.belowFloor({}).refreshing).toBeUndefined();
  });

  it('follow a metadata edit and a correction at once, and go with a removed agreement', async () => {
    const [first] = stored.summaries();
    const id = first!.id;
    await stored.editMetadata(id, { set: { province: 'Điện Biên' }, by: 'Lan' });
    expect(stored.storedVerdicts().fresh).toBe(2);
    const rows = stored.comparison(id).rows;
    const index = rows.findIndex((row) => row.verdict === 'above');
    await stored.correct(id, {
      kind: 'verdict',
      target: targetOf(rows, index),
      verdict: 'below',
      reason: 'kiểm tra lại',
      by: 'Lan',
    });
    expect(stored.storedVerdicts().fresh).toBe(2);
    const below = stored.belowFloor({});
    expect(below.refreshing).toBeUndefined();
    expect(below).toEqual(fresh.belowFloor({}));
    expect(below.items.find((item) => item.agreement.id === id)?.unlawful.length).toBeGreaterThan(0);
    await stored.remove(id);
    expect(stored.storedVerdicts()).toEqual({ fresh: 1, agreements: 1 });
  });
});
