import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../helpers.ts';
import { cliHarness } from './harness.ts';

const cli = cliHarness();
const { cba } = cli;

describe('cba meta', () => {
  it('sets fields by hand and the list follows; --unset goes back to the text', async () => {
    const id = 'nhua-thuan-an-2024';
    expect(
      await cba('import', join(SAMPLE_DIR, `${id}.md`), join(SAMPLE_DIR, 'xay-dung-song-hong-2022.md')),
    ).toBe(0);
    cli.out = [];
    expect(await cba('meta', 'xay-dung-song-hong-2022', '--set', 'province=BR-VT', '--by', 'Lan')).toBe(0);
    expect(cli.out[0]).toBe('province: Bà Rịa - Vũng Tàu  (do Lan sửa / set by hand)');
    cli.out = [];
    expect(await cba('list', '--province', 'HCM', '--json')).toBe(0);
    expect(cli.out.join('')).toContain('xay-dung-song-hong-2022');
    cli.out = [];
    expect(await cba('meta', 'xay-dung-song-hong-2022', '--unset', 'province')).toBe(0);
    expect(cli.out[0]).toBe('province: Hà Nội  (theo văn bản / from the text)');
  });

  it('refuses a set without --by, and an unknown province with suggestions', async () => {
    expect(await cba('import', join(SAMPLE_DIR, 'nhua-thuan-an-2024.md'))).toBe(0);
    expect(await cba('meta', 'nhua-thuan-an-2024', '--set', 'employer=X')).toBe(2);
    expect(await cba('meta', 'nhua-thuan-an-2024', '--set', 'province=Binh Duongg', '--by', 'Lan')).not.toBe(
      0,
    );
    expect(cli.err.join('\n')).toMatch(/có phải Bình Dương/);
  });
});
