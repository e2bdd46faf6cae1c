import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../helpers.ts';
import { cliHarness } from './harness.ts';

const FORMATS = join(SAMPLE_DIR, '../formats');
const cli = cliHarness();
const { cba } = cli;

describe('cba import of a Word file, then its PDF', () => {
  it('gives one agreement with two sources, saying the second is another original', async () => {
    expect(await cba('import', join(FORMATS, 'nhua-thuan-an-2024.docx'))).toBe(0);
    cli.out = [];
    expect(await cba('import', join(FORMATS, 'nhua-thuan-an-2024.pdf'))).toBe(0);
    expect(cli.out.join('\n')).toMatch(
      /^\+ .*nhua-thuan-an-2024\.pdf: Đây là cùng một thỏa ước với Công ty Cổ phần Nhựa Thuận An \((nhua-thuan-an-2024[^)]*)\) — đã thêm tệp làm bản gốc khác\./m,
    );
    cli.out = [];
    expect(await cba('list', '--json')).toBe(0);
    const list = JSON.parse(cli.out.join('')) as { total: number; items: Array<{ id: string }> };
    expect(list.total).toBe(1);
  });
});

describe('cba meta shows the values that followed an edit', () => {
  it('prints the expiry derived again from a term set by hand', async () => {
    expect(await cba('import', join(SAMPLE_DIR, 'xay-dung-song-hong-2022.md'))).toBe(0);
    cli.out = [];
    expect(await cba('meta', 'xay-dung-song-hong-2022', '--set', 'termMonths=48', '--by', 'Lan')).toBe(0);
    expect(cli.out).toContain('termMonths: 48  (do Lan sửa / set by hand)');
    expect(cli.out).toContain(
      'expiresOn: 2026-12-31  (suy ra / derived: effectiveOn + termMonths, từ / from termMonths (sửa tay / set by hand))',
    );
  });
});
