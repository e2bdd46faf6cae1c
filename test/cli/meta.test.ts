import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/index.ts';
import { SAMPLE_DIR } from '../helpers.ts';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cba-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cba = (...argv: string[]) =>
  runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { CBA_DATA_DIR: join(dir, 'data') },
    interactive: false,
  });

describe('cba meta', () => {
  it('sets fields by hand and the list follows; --unset goes back to the text', async () => {
    const id = 'nhua-thuan-an-2024';
    expect(
      await cba('import', join(SAMPLE_DIR, `${id}.md`), join(SAMPLE_DIR, 'xay-dung-song-hong-2022.md')),
    ).toBe(0);
    out = [];
    expect(await cba('meta', 'xay-dung-song-hong-2022', '--set', 'province=BR-VT', '--by', 'Lan')).toBe(0);
    expect(out[0]).toBe('province: Bà Rịa - Vũng Tàu  (do Lan sửa / set by hand)');
    out = [];
    expect(await cba('list', '--province', 'HCM', '--json')).toBe(0);
    expect(out.join('')).toContain('xay-dung-song-hong-2022');
    out = [];
    expect(await cba('meta', 'xay-dung-song-hong-2022', '--unset', 'province')).toBe(0);
    expect(out[0]).toBe('province: Hà Nội  (theo văn bản / from the text)');
  });

  it('refuses a set without --by, and an unknown province with suggestions', async () => {
    expect(await cba('import', join(SAMPLE_DIR, 'nhua-thuan-an-2024.md'))).toBe(0);
    expect(await cba('meta', 'nhua-thuan-an-2024', '--set', 'employer=X')).toBe(2);
    expect(await cba('meta', 'nhua-thuan-an-2024', '--set', 'province=Binh Duongg', '--by', 'Lan')).not.toBe(
      0,
    );
    expect(err.join('\n')).toMatch(/có phải Bình Dương/);
  });
});
