import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, mergeCandidates, shareOf } from '../../library/search-candidates.ts';

/** The way shares were counted before: every list added into arrays by document id. */
function denseCoverage(sets: number[][][], documents: number, need?: number): Float64Array {
  let maxId = 0;
  for (const postings of sets) for (const ids of postings) for (const id of ids) maxId = Math.max(maxId, id);
  const best = new Float64Array(maxId + 1);
  const weight = new Float64Array(maxId + 1);
  const count = new Uint8Array(maxId + 1);
  for (const postings of sets) {
    if (postings.length === 0) continue;
    const least = need ?? (postings.length <= 2 ? 1 : Math.floor(postings.length / 2) + 1);
    const weights = postings.map((p) => Math.log(1 + documents / (1 + p.length)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    weight.fill(0);
    count.fill(0);
    postings.forEach((ids, t) => {
      for (const id of ids) {
        count[id]!++;
        weight[id]! += weights[t]!;
      }
    });
    for (const ids of postings)
      for (const id of ids) {
        if (count[id]! < least) continue;
        const share = weight[id]! / total;
        if (share > best[id]!) best[id] = share;
      }
  }
  return best;
}

const postings = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 })
  .map((ids) => ids.sort((a, b) => a - b));
const sets = fc.array(fc.array(postings, { maxLength: 6 }), { maxLength: 4 });

describe('coverage', () => {
  it('gives every document the same share, to the bit, as adding every list into arrays by id', () => {
    fc.assert(
      fc.property(sets, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (s, need) => {
        const dense = denseCoverage(s, 1000, need);
        const sparse = coverage(s, 1000, need);
        const expected: Array<[number, number]> = [];
        dense.forEach((share, id) => {
          if (share > 0) expected.push([id, share]);
        });
        expect(Array.from(sparse.ids, (id, k) => [id, sparse.shares[k]!])).toEqual(expected);
        for (const [id, share] of expected) expect(Object.is(shareOf(sparse, id), share)).toBe(true);
      }),
    );
  });

  it('counts a clause holding three of four words and leaves out one holding only the commonest', () => {
    const common = Array.from({ length: 50 }, (_, i) => i + 1);
    const found = coverage([[[3, 7], [3, 9], common, [3, 7, 20]]], 100);
    expect([...found.ids]).toEqual([3, 7]);
    expect(shareOf(found, 9)).toBe(0);
    expect(shareOf(found, 3)).toBeCloseTo(1);
  });
});

describe('mergeCandidates', () => {
  it('keeps each document once with its best key, from keys per candidate or one key per source', () => {
    const merged = mergeCandidates([
      { ids: [2, 5], keys: Float64Array.of(1001.5, 1000.2) },
      { ids: [5, 8], keys: 3000 },
      { ids: [2], keys: 999 },
    ]);
    expect([...merged.ids]).toEqual([2, 5, 8]);
    expect([...merged.keys]).toEqual([999, 1000.2, 3000]);
  });
});
