import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/index.ts';
import { openLibrary } from '../../library/index.ts';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cba-cli-user-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cba = (stdin: string, ...argv: string[]) =>
  runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { CBA_DATA_DIR: join(dir, 'data') },
    interactive: false,
    readStdin: async () => stdin,
  });

describe('cba user', () => {
  it('adds an officer with a password from stdin, lists, disables, and prints a key once', async () => {
    expect(
      await cba(
        'mot-mat-khau-du-dai\n',
        'user',
        'add',
        'lan',
        '--role',
        'officer',
        '--province',
        'Hà Nội',
        '--password-stdin',
      ),
    ).toBe(0);
    expect(await cba('', 'user', 'list', '--json')).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual([
      expect.objectContaining({ username: 'lan', role: 'officer', provinces: ['Hà Nội'], disabled: false }),
    ]);
    expect(await cba('', 'user', 'key', 'lan')).toBe(0);
    expect(out.at(-1)).toMatch(/^cba_[\w-]{43}$/);
    expect(await cba('', 'user', 'disable', 'lan')).toBe(0);
    const library = openLibrary(join(dir, 'data'));
    try {
      const stored = library.accounts.userByName('lan');
      expect(stored?.disabled).toBe(true);
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      expect(
        library.accounts.audit({ page: 1, pageSize: 10 }).items.map((e) => [e.action, e.actorName]),
      ).toEqual([
        ['user.disable', 'dòng lệnh (cba)'],
        ['user.key', 'dòng lệnh (cba)'],
        ['user.add', 'dòng lệnh (cba)'],
      ]);
    } finally {
      library.close();
    }
  });

  it.each([
    [['user', 'add', 'x', '--role', 'boss'], 2],
    [['user', 'add', 'lan', '--role', 'officer', '--province', 'Không Có Tỉnh'], 1],
    [['user', 'disable', 'khong-co-ai'], 1],
  ])('refuses %j (exit %i)', async (argv, code) => {
    expect(await cba('', ...argv)).toBe(code);
  });
});
