import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CbaError } from '../../clauses/errors.ts';
import { importFile } from '../../importer/index.ts';

/**
 * Every generated or mutated document either imports or is refused with one of our errors (never a
 * TypeError, a RangeError from a deep recursion, or a hang). Seeded and bounded, so it runs in CI.
 */

const BASE = `---
nganh: det-may
---
# THỎA ƯỚC LAO ĐỘNG TẬP THỂ

## Chương I. Thời giờ làm việc

### Điều 1. Làm thêm giờ

1. Số giờ làm thêm không quá **40 giờ/tháng**.
2. Tiền lương làm thêm vào ngày nghỉ hằng tuần ít nhất bằng _200%_.

### Điều 2. Nghỉ hằng năm

- Người lao động được nghỉ 14 ngày làm việc.

| Trường hợp | Theo luật | Theo thỏa ước |
|---|---|---|
| Kết hôn | 03 ngày | 05 ngày |
`;

const encoder = new TextEncoder();
const SUFFIXES = ['.md', '.txt', '.html', '.docx', '.pdf', ''];
const FRAGMENTS = [
  '> '.repeat(50),
  '*_'.repeat(200),
  '\n'.repeat(500),
  'Điều 1. '.repeat(100),
  '1.1.1.1.1.1.1.1. ',
  '\u0000\uFFFD\u202E',
  'constructor: 1\n__proto__: 2\n',
  '---\n',
  '| a '.repeat(300),
  'ÐiÒu 1. Thêi giê lµm viÖc\n',
  '<table><tr><td>',
  '%PDF-1.7\n',
  'PK\u0003\u0004',
];

/** A mutation of the base document: bytes flipped, cut, spliced with a hostile fragment. */
const documents = fc
  .record({
    cut: fc.nat({ max: BASE.length }),
    inserts: fc.array(
      fc.tuple(fc.nat({ max: BASE.length }), fc.constantFrom(...FRAGMENTS), fc.nat({ max: 20 })),
      {
        maxLength: 4,
      },
    ),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    noise: fc.string({ unit: 'grapheme', maxLength: 200 }),
    suffix: fc.constantFrom(...SUFFIXES),
  })
  .map(({ cut, inserts, flips, noise, suffix }) => {
    let text = BASE.slice(0, Math.max(cut, 40));
    for (const [at, fragment, times] of inserts)
      text = text.slice(0, at) + fragment.repeat(times + 1) + text.slice(at);
    const bytes = encoder.encode(text + noise);
    for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
    return { bytes, filename: `dot-bien${suffix}` };
  });

describe('the importer under generated documents', () => {
  it('imports or refuses with a CbaError every mutated document, each within 10 s', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async ({ bytes, filename }) => {
        const started = performance.now();
        try {
          const draft = await importFile(bytes, { filename });
          expect(draft.source.size).toBe(bytes.byteLength);
        } catch (error) {
          expect(error).toBeInstanceOf(CbaError);
        }
        expect(performance.now() - started).toBeLessThan(10_000);
      }),
      { seed: 21, numRuns: 150, endOnFailure: true },
    );
  }, 120_000);
});
