import { describe, expect, it } from 'vitest';
import { DocumentChanges, parseDocsizes, withinBudget } from '../../library/term-patches.ts';

describe('document lengths from FTS5 docsize rows', () => {
  it('adds up one varint per column, one or two bytes each', () => {
    const lengths = new Map<number, number>();
    // Row 7: 3, 200 (0x81 0x48), 0, 5 tokens; row 12: 1, 1, 1, 1; row 1000000: 127, 128 (0x81 0x00).
    parseDocsizes('7:03814800 05,12:01010101,1000000:7F8100'.replace(' ', ''), (id, n) => lengths.set(id, n));
    expect([...lengths]).toEqual([
      [7, 3 + 200 + 0 + 5],
      [12, 4],
      [1_000_000, 127 + 128],
    ]);
  });
});

describe('the log of writes a kept list is patched with', () => {
  it('unites the removals and the lowest addition of every write since a moment', () => {
    const changes = new DocumentChanges();
    changes.record(Int32Array.of(5, 9), 100, 3);
    changes.record(Int32Array.of(), Number.POSITIVE_INFINITY, 0); // nothing changed: no new write
    changes.record(Int32Array.of(2, 100), 104, 1);
    changes.record(Int32Array.of(7), 90, 2);
    expect(changes.seq).toBe(3);
    expect(changes.moved).toBe(2 + 3 + 2 + 1 + 1 + 2);
    expect(changes.since(3)).toEqual({ removed: Int32Array.of(), addedFrom: Number.POSITIVE_INFINITY });
    expect(changes.since(2)).toEqual({ removed: Int32Array.of(7), addedFrom: 90 });
    expect(changes.since(0)).toEqual({ removed: Int32Array.of(2, 5, 7, 9, 100), addedFrom: 90 });
  });

  it('says a moment before the writes it still holds, or before a reset, cannot be patched', () => {
    const changes = new DocumentChanges();
    for (let i = 0; i < 5000; i++) changes.record(Int32Array.of(i), i + 10_000, 1);
    expect(changes.since(4999)).toEqual({ removed: Int32Array.of(4999), addedFrom: 14_999 });
    expect(changes.since(0)).toBeUndefined(); // only the last 4,096 writes are held
    changes.reset();
    expect(changes.since(4999)).toBeUndefined();
    expect(changes.since(changes.seq)?.removed).toEqual(Int32Array.of());
  });
});

describe('a budget decided from counts kept across writes', () => {
  const inf = Number.POSITIVE_INFINITY;
  it.each([
    [
      'counted now, under',
      [
        { n: 30, drift: 0 },
        { n: 20, drift: 0 },
      ],
      50,
      true,
    ],
    [
      'counted now, over',
      [
        { n: 30, drift: 0 },
        { n: 21, drift: 0 },
      ],
      50,
      false,
    ],
    [
      'far under whatever the writes did',
      [
        { n: 10, drift: 5 },
        { n: 20, drift: 5 },
      ],
      50,
      true,
    ],
    ['far over whatever the writes did', [{ n: 100, drift: 40 }], 50, false],
    ['the writes could carry it across', [{ n: 48, drift: 3 }], 50, undefined],
    ['could fall to the budget from above', [{ n: 52, drift: 2 }], 50, undefined],
    [
      'a count never taken',
      [
        { n: 0, drift: inf },
        { n: 1, drift: 0 },
      ],
      50,
      undefined,
    ],
    ['no budget at all', [{ n: 0, drift: inf }], inf, true],
  ] as const)('%s', (_, counts, budget, expected) => {
    expect(withinBudget(counts, budget)).toBe(expected);
  });
});
