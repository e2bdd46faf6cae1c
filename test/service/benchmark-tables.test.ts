import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { targetOf } from '../../clauses/corrections.ts';
import { importDocument } from '../../importer/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { tempLibrary } from '../helpers.ts';

const ON = '2025-12-20';

/** A small deterministic random source, so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/** The benchmark and N-way tables a user asks for, several topics and filters, without the refresh note. */
function tables(service: Service, ids: readonly string[], industry: string, province: string) {
  const drop = <T extends { refreshing?: unknown }>({ refreshing: _r, ...rest }: T) => rest;
  const topicSets = [['meal'], ['overtime', 'annual_leave'], [], ['minimum_wage', 'nonsense']];
  const filters = [{}, { industry }, { province }];
  return {
    benchmarks: topicSets.flatMap((topics) =>
      filters.map((filter) => drop(service.benchmarks({ filter, topics, on: ON }))),
    ),
    nWay: [
      drop(service.compareAgreements({ filter: { industry }, topics: ['meal', 'overtime'], on: ON })),
      drop(service.compareAgreements({ ids, topics: ['annual_leave', 'meal'], on: ON })),
      drop(service.compareAgreements({ filter: {}, status: 'in_force', topics: ['overtime'], on: ON })),
    ],
  };
}

describe('benchmark and N-way tables kept across writes', () => {
  let library: SqliteLibrary;
  let cleanup: () => void;
  let stored: Service;
  let fresh: Service;
  let sources: Array<{ bytes: Uint8Array; filename: string }>;
  beforeAll(async () => {
    ({ library, cleanup } = tempLibrary());
    const dir = mkdtempSync(join(tmpdir(), 'cba-tables-'));
    try {
      sources = generateCorpus(dir, 36).map((file) => ({
        bytes: readFileSync(file),
        filename: basename(file),
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const { bytes, filename } of sources.slice(0, 30))
      library.add(importDocument(bytes, { filename }), bytes);
    stored = createService({ library, clock: () => ON, verdictData: 'tables-1' });
    fresh = createService({ library, clock: () => ON, storedVerdicts: false });
    await stored.refreshVerdicts();
  }, 120_000);
  afterAll(() => cleanup());

  it('answer after imports, edits, removals, corrections and events as building the tables afresh does', async () => {
    const next = random(19);
    const summaries = () => stored.summaries();
    const industries = [...new Set(summaries().map((s) => s.meta.industry ?? ''))].filter(Boolean);
    const provinces = [...new Set(summaries().map((s) => s.meta.province ?? ''))].filter(Boolean);
    let imported = 30;
    stored.benchmarks({ filter: {}, topics: ['meal'], on: ON });
    const loads = stored.verdictMemory().loads;
    for (let step = 0; step < 14; step++) {
      const all = summaries();
      const one = all[next(all.length)]!;
      switch (step % 7) {
        case 0:
          // An edit of the industry moves the agreement in or out of a filter.
          await stored.editMetadata(one.id, {
            set: { industry: industries[next(industries.length)]! },
            by: 'Lan',
          });
          break;
        case 1:
          await stored.editMetadata(one.id, {
            set: { province: provinces[next(provinces.length)]! },
            by: 'Lan',
          });
          break;
        case 2: {
          const source = sources[imported++ % sources.length]!;
          await stored.importDocument(source.bytes, { filename: source.filename });
          break;
        }
        case 3:
          await stored.remove(one.id);
          break;
        case 4: {
          const rows = stored.comparison(one.id).rows;
          const index = rows.findIndex((row) => row.verdict === 'above');
          if (index >= 0)
            await stored.correct(one.id, {
              kind: 'verdict',
              target: targetOf(rows, index),
              verdict: 'below',
              reason: 'kiểm tra lại',
              by: 'Lan',
            });
          break;
        }
        case 5:
          await stored.recordEvent(one.id, {
            type: 'extended',
            date: '2025-12-01',
            extendedTo: '2031-12-31',
          });
          break;
        default:
          await stored.saveAnswers(one.id, { answeredBy: 'Lan', answers: { published: true } });
      }
      const now = summaries();
      // Ids chosen twice and in no particular order: the table shows each once, in the order asked.
      const ids = [now[next(now.length)]!.id, now[0]!.id, now[next(now.length)]!.id, now[0]!.id];
      const industry = industries[next(industries.length)]!;
      const province = provinces[next(provinces.length)]!;
      const kept = tables(stored, ids, industry, province);
      fresh.clearCaches();
      const afresh = tables(fresh, ids, industry, province);
      expect(kept, `step ${step}`).toEqual(afresh);
      // The same bytes on the wire: key order, ties and the order of rows included.
      expect(JSON.stringify(kept), `step ${step}`).toBe(JSON.stringify(afresh));
    }
    // Patched per write, never loaded again.
    expect(stored.verdictMemory().loads).toBe(loads);
    expect(stored.verdictMemory().patched).toBeGreaterThan(0);
  }, 240_000);
});
