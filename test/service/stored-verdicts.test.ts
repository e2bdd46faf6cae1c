import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { targetOf } from '../../clauses/corrections.ts';
import { addDays } from '../../clauses/dates.ts';
import { importDocument } from '../../importer/index.ts';
import { openLibrary, type SqliteLibrary, type VerdictKey } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { VerdictMemory } from '../../service/verdict-memory.ts';
import { AHEAD_DAYS, nextFloorChange } from '../../service/verdicts.ts';
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

/** Adds `count` agreements of the generated corpus (bench/generate.ts) to a library. */
function addGenerated(library: SqliteLibrary, count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cba-generated-'));
  try {
    for (const file of generateCorpus(dir, count)) {
      const bytes = readFileSync(file);
      library.add(importDocument(bytes, { filename: basename(file) }), bytes);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An officer corrects the first row above the floor of an agreement to "below". */
async function correctFirstAbove(service: Service, id: string) {
  const rows = service.comparison(id).rows;
  const index = rows.findIndex((row) => row.verdict === 'above');
  await service.correct(id, {
    kind: 'verdict',
    target: targetOf(rows, index),
    verdict: 'below',
    reason: 'kiểm tra lại',
    by: 'Lan',
  });
}

/**
 * A service on the library whose clock the test moves, and one that compares every agreement afresh.
 * @param aheadDays how far ahead the next floor period is stored (none by default: those tests are below)
 */
function services(library: SqliteLibrary, data = 'data-1', aheadDays = 0) {
  const clock = { today: BEFORE };
  const stored = createService({
    library,
    clock: () => clock.today,
    verdictData: data,
    verdictsAheadDays: aheadDays,
  });
  const fresh = createService({ library, clock: () => clock.today, storedVerdicts: false });
  return { clock, stored, fresh };
}

describe.each([
  ['the sample library', (library: SqliteLibrary) => addSamples(library)],
  ['a generated library', (library: SqliteLibrary) => addGenerated(library, 40)],
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

  it('grade every day of a floor period as grading afresh does, the days walked back and forth', async () => {
    const { clock, stored, fresh } = services(library);
    await stored.refreshVerdicts();
    // Back from the period's last day to its first (2025-07-01), then forward again: agreements enter the
    // renewal window, the continuation, expiry, and their filing deadlines pass on the way.
    const back = Array.from({ length: 19 }, (_, i) => addDays(SAME_PERIOD, -10 * i));
    for (const day of [...back, ...[...back].reverse()]) {
      clock.today = day;
      const grades = stored.grades({ filter: {} });
      expect(grades.refreshing, day).toBeUndefined();
      expect(grades, day).toEqual(fresh.grades({ filter: {} }));
    }
    expect(stored.verdictMemory().loads).toBe(1);
  }, 120_000);

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

  it('are stored for the next floor period ahead of its first day, which then reads them', async () => {
    const { clock, stored, fresh } = services(library, 'data-ahead', AHEAD_DAYS);
    const total = library.counts().agreements;
    // 12 days before the regional minimum wages of 01/01/2026: today's period, then the next one.
    expect(await stored.refreshVerdicts()).toBe(2 * total);
    expect(stored.storedVerdicts(AFTER)).toEqual({ fresh: total, agreements: total });
    expect(stored.belowFloor({}, { on: AFTER }).refreshing).toBeUndefined();
    clock.today = AFTER;
    expect(stored.grades({ filter: {} }).refreshing).toBeUndefined();
    expect(await answers(stored, AFTER)).toEqual(await answers(fresh, AFTER));
    // In the new period nothing is due within the window: nothing more to store, the old period's rows go.
    expect(await stored.refreshVerdicts()).toBe(0);
    expect(stored.storedVerdicts(BEFORE).fresh).toBe(0);
    expect(await answers(stored, BEFORE)).toEqual(await answers(fresh, BEFORE));
  }, 300_000);
});

describe('the next floor change', () => {
  it.each([
    ['2025-12-20', 31, '2026-01-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-11-20', 31, undefined],
    ['2025-12-20', 11, undefined],
    ['2026-01-01', 31, undefined],
  ])('from %s within %i days is %s', (on, days, expected) => {
    expect(nextFloorChange(on, days)).toBe(expected);
  });
});

describe('the memory of the library-wide questions and the writes', () => {
  let library: SqliteLibrary;
  let dir: string;
  let cleanup: () => void;
  let stored: Service;
  let fresh: Service;
  let clock: { today: string };
  beforeAll(async () => {
    ({ library, dir, cleanup } = tempLibrary());
    ({ stored, fresh, clock } = services(library));
    for (const file of ['det-may-phu-hung-2024.md', 'dien-tu-tan-phat-2025.md', 'nhua-thuan-an-2024.md'])
      await stored.importDocument(readSample(file), { filename: file });
  }, 60_000);
  afterAll(() => cleanup());

  /** The answers of the two services agree, none compared on the request, and the memory was patched, not loaded. */
  async function agreeAfterWrite(loads: number) {
    expect(stored.belowFloor({}).refreshing).toBeUndefined();
    // The other service compares afresh: what it remembers of the agreement written is forgotten first.
    fresh.clearCaches();
    expect(await answers(stored, BEFORE)).toEqual(await answers(fresh, BEFORE));
    expect(stored.verdictMemory().loads).toBe(loads);
  }

  it('follows each write at once, patching only the agreement written', async () => {
    await agreeAfterWrite(1);
    const total = () => stored.verdictMemory().agreements;
    expect(total()).toBe(3);
    const [first, second] = stored.summaries();
    const id = first!.id;

    await stored.importDocument(readSample('ngan-hang-sao-viet-2025.md'), {
      filename: 'ngan-hang-sao-viet-2025.md',
    });
    await agreeAfterWrite(1);
    expect(total()).toBe(4);

    await stored.editMetadata(id, { set: { province: 'Điện Biên' }, by: 'Lan' });
    await agreeAfterWrite(1);
    expect(stored.grades({ filter: { province: 'Điện Biên' } }).items.map((item) => item.id)).toEqual([id]);

    await correctFirstAbove(stored, id);
    await agreeAfterWrite(1);

    await stored.recordEvent(second!.id, { type: 'extended', date: '2025-12-01', extendedTo: '2031-12-31' });
    await agreeAfterWrite(1);

    await stored.saveAnswers(second!.id, {
      answeredBy: 'Lan',
      answers: { bargaining_team: true, published: false },
    });
    await agreeAfterWrite(1);

    // Removed, then the same document imported again: its corrections (kept by the document) hold again.
    const bytes = library.source(id);
    await stored.remove(id);
    await agreeAfterWrite(1);
    expect(total()).toBe(3);
    if (bytes) {
      await stored.importDocument(bytes.bytes, { filename: bytes.filename });
      await agreeAfterWrite(1);
      expect(total()).toBe(4);
    }
    // A new day of the same floor period reads the same memory.
    clock.today = SAME_PERIOD;
    await agreeAfterWrite(1);
    expect(stored.verdictMemory().patched).toBeGreaterThan(0);
  }, 120_000);

  it('follows a write by another process on the same library', async () => {
    const loads = stored.verdictMemory().loads;
    await agreeAfterWrite(loads);
    const other = openLibrary(dir);
    const [first] = stored.summaries();
    other.setMeta(first!.id, { ...first!.meta, industry: 'thuy-san' });
    other.close();
    // Its stored verdicts were computed with the old metadata: compared for this answer, then refreshed.
    const { refreshing, ...grades } = stored.grades({ filter: { industry: 'thuy-san' } });
    expect(refreshing).toEqual({ computed: 1 });
    expect(grades.items.map((item) => item.id)).toEqual([first!.id]);
    fresh.clearCaches();
    expect(grades).toEqual(fresh.grades({ filter: { industry: 'thuy-san' } }));
    await stored.refreshVerdicts();
    await agreeAfterWrite(loads);
  });
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
    await correctFirstAbove(stored, id);
    expect(stored.storedVerdicts().fresh).toBe(2);
    const below = stored.belowFloor({});
    expect(below.refreshing).toBeUndefined();
    expect(below).toEqual(fresh.belowFloor({}));
    expect(below.items.find((item) => item.agreement.id === id)?.unlawful.length).toBeGreaterThan(0);
    await stored.remove(id);
    expect(stored.storedVerdicts()).toEqual({ fresh: 1, agreements: 1 });
  });
});

describe('the memory loaded in the background (a server starting with a big library)', () => {
  let library: SqliteLibrary;
  let cleanup: () => void;
  let key: VerdictKey;
  beforeAll(async () => {
    ({ library, cleanup } = tempLibrary());
    addGenerated(library, 30);
    await createService({ library, clock: () => BEFORE }).refreshVerdicts();
    key = library.db.prepare('SELECT DISTINCT period, data FROM stored_verdicts').get() as VerdictKey;
  }, 120_000);
  afterAll(() => cleanup());

  it('holds, chunk by chunk, what a load in one piece holds, and nothing before its end', async () => {
    const whole = new VerdictMemory(library);
    const all = whole.sync(key);
    const background = new VerdictMemory(library, 7);
    const loading = background.preload(key);
    await new Promise((resolve) => setImmediate(resolve));
    expect(background.holds(key)).toBe(false);
    await loading;
    expect(background.holds(key)).toBe(true);
    expect(background.size()).toEqual(whole.size());
    expect([...background.sync(key)]).toEqual([...all]);
    expect(background.rowsOfTopic('meal')).toEqual(whole.rowsOfTopic('meal'));
  });

  it('stops when a question loads first, and a write made meanwhile is read by the next question', async () => {
    const memory = new VerdictMemory(library, 7);
    const loading = memory.preload(key);
    await new Promise((resolve) => setImmediate(resolve));
    const [id] = library.listIds({});
    const agreement = library.get(id!)!;
    library.setMeta(id!, { ...agreement.meta, district: 'Quận Ninh Kiều' });
    await loading;
    expect(memory.size().loads).toBe(1);
    expect(memory.sync(key).get(id!)?.summary.meta.district).toBe('Quận Ninh Kiều');
    const asked = new VerdictMemory(library, 7);
    const meanwhile = asked.preload(key);
    asked.sync(key);
    await meanwhile;
    expect(asked.size().loads).toBe(1);
  });
});
