import { describe, expect, it } from 'vitest';
import type { ImportWarning } from '../../clauses/types.ts';
import { importDocument } from '../../importer/index.ts';
import { capWarnings, WARNINGS_PER_CODE } from '../../importer/warnings.ts';

const warning = (code: ImportWarning['code'], line: number): ImportWarning => ({
  code,
  message: `Dòng ${line}`,
  messageEn: `Line ${line}`,
  line,
});

describe('warnings of one kind listed a bounded number of times', () => {
  it('lists the first places of a repeated mistake and counts the rest in one line of the same code', () => {
    const text = `# Thỏa ước lao động tập thể\n\n${'Điều 1. Tiền lương\n\n1. Lương được trả đúng hạn.\n\n'.repeat(500)}`;
    const draft = importDocument(new TextEncoder().encode(text), { filename: 'lap-so.md' });
    const repeated = draft.warnings.filter((w) => w.code === 'repeated_number');
    expect(repeated).toHaveLength(WARNINGS_PER_CODE + 1);
    expect(repeated.slice(0, WARNINGS_PER_CODE).every((w) => w.line !== undefined)).toBe(true);
    const rest = repeated.at(-1);
    expect(rest?.line).toBeUndefined();
    // 499 repeats of "Điều 1" (and as many of its khoản 1 are within their own article, so not repeats).
    const more = Number(/và ([\d.]+) chỗ khác/.exec(rest?.message ?? '')?.[1]?.replace(/\./g, ''));
    expect(more).toBeGreaterThan(400);
    expect(rest?.messageEn).toMatch(/more of the same kind \(the first 20 are listed\)/);
  });

  it('leaves other codes and their order alone, and a list under the bound unchanged', () => {
    const few = [warning('encoding', 1), warning('repeated_number', 2)];
    expect(capWarnings(few)).toEqual(few);
    const many = [
      warning('encoding', 1),
      ...Array.from({ length: 5 }, (_, i) => warning('repeated_number', 10 + i)),
      warning('empty_heading', 99),
    ];
    const capped = capWarnings(many, 3);
    expect(capped.map((w) => [w.code, w.line])).toEqual([
      ['encoding', 1],
      ['repeated_number', 10],
      ['repeated_number', 11],
      ['repeated_number', 12],
      ['repeated_number', undefined],
      ['empty_heading', 99],
    ]);
    expect(capped[4]?.message).toBe('… và 2 chỗ khác cùng loại (chỉ nêu 3 chỗ đầu).');
  });
});
