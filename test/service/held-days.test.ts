import { describe, expect, it } from 'vitest';
import { type ExpiryHolds, holdsOn } from '../../clauses/expiry.ts';
import { HeldDays } from '../../service/held-days.ts';

const DAYS = ['2026-01-01', '2026-01-02', '2026-01-31', '2026-02-01', '2026-06-30', '2027-01-01'];

/** Lines whose days start and end on each pair of the days above, open on either side too. */
function lines(): Array<[string, ExpiryHolds]> {
  const out: Array<[string, ExpiryHolds]> = [];
  const bounds = [undefined, ...DAYS];
  for (const from of bounds)
    for (const through of bounds) {
      if (from && through && through < from) continue;
      out.push([
        `${from ?? '-'}..${through ?? '-'}`,
        { ...(from ? { from } : {}), ...(through ? { through } : {}) },
      ]);
    }
  return out;
}

/** What a new day must judge again, by looking at every line. */
const dueByScan = (held: Array<[string, ExpiryHolds | undefined]>, on: string) =>
  new Set(held.filter(([, h]) => !h || !holdsOn(h, on)).map(([id]) => id));

describe('the lines a new day judges again', () => {
  it('are those whose days do not hold on it, moving forward or back', () => {
    for (const last of DAYS) {
      // The lines as a list keeps them: each held on the day it was last judged (`last`), plus one judged without days.
      const held: Array<[string, ExpiryHolds | undefined]> = [
        ...lines().filter(([, h]) => holdsOn(h, last)),
        ['no-days', undefined],
      ];
      const index = new HeldDays();
      for (const [id, h] of held) index.set(id, h);
      for (const on of [...DAYS, '2025-12-31', '2026-01-15', '2030-01-01'])
        expect([...index.dueOn(on, last)].sort(), `${last} → ${on}`).toEqual([...dueByScan(held, on)].sort());
    }
  });

  it('follow lines set again and deleted', () => {
    const index = new HeldDays();
    index.set('a', { through: '2026-01-31' });
    index.set('b', { through: '2026-01-31' });
    index.set('c', { from: '2026-01-01' });
    expect([...index.dueOn('2026-02-01', '2026-01-15')].sort()).toEqual(['a', 'b']);
    // Judged again on 02/01: a holds to the end of June now, b is gone from the list, c has no days now.
    index.set('a', { from: '2026-02-01', through: '2026-06-30' });
    index.delete('b');
    index.set('c', undefined);
    expect([...index.dueOn('2026-03-01', '2026-02-01')]).toEqual(['c']);
    expect([...index.dueOn('2026-07-01', '2026-02-01')].sort()).toEqual(['a', 'c']);
    index.delete('c');
    expect([...index.dueOn('2026-03-01', '2026-02-01')]).toEqual([]);
    // Back before a's first day.
    expect([...index.dueOn('2026-01-20', '2026-02-01')]).toEqual(['a']);
  });
});
