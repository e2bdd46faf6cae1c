import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byIdOrder, CountRanking } from '../../service/ranking.ts';

interface Item {
  id: string;
  count: number;
}
const keyOf = (item: Item) => item;
const sorted = (items: Iterable<Item>) =>
  [...items].sort((a, b) => b.count - a.count || byIdOrder(a.id, b.id));

describe('a ranking kept as agreements change', () => {
  it('holds, after any sets and removals, what sorting every item again gives', () => {
    // Ids that the collator orders otherwise than code units, and some it may call equal.
    const id = fc.constantFrom('a', 'B', 'b', 'á', 'a-2', 'a-10', 'Đà', 'da', 'z', 'e\u0301', '\u00e9');
    const op = fc.oneof(
      fc.record({ set: fc.record({ id, count: fc.integer({ min: 0, max: 4 }) }) }),
      fc.record({ remove: id }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ id, count: fc.integer({ min: 0, max: 4 }) })),
        fc.array(op),
        (start, ops) => {
          const byId = new Map(start.map((item) => [item.id, item]));
          const ranking = new CountRanking(sorted(byId.values()), keyOf);
          for (const o of ops) {
            if ('set' in o) {
              ranking.set(o.set);
              byId.set(o.set.id, o.set);
            } else {
              expect(ranking.remove(o.remove)).toEqual(byId.get(o.remove));
              byId.delete(o.remove);
            }
            expect(ranking.list).toEqual(sorted(byId.values()));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders ids as localeCompare does, and ids it calls equal by their code units', () => {
    const ids = ['b', 'a-2', 'B', 'a-10', 'á', 'Đà', 'da'];
    expect([...ids].sort(byIdOrder)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(byIdOrder('e\u0301', '\u00e9')).not.toBe(0);
    expect(Math.sign(byIdOrder('e\u0301', '\u00e9'))).toBe(-Math.sign(byIdOrder('\u00e9', 'e\u0301')));
  });
});
