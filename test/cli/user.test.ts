import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../library/index.ts';
import { cliHarness } from './harness.ts';

const cli = cliHarness();
const cba = cli.cbaWithInput;

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
    expect(JSON.parse(cli.out.at(-1)!)).toEqual([
      expect.objectContaining({ username: 'lan', role: 'officer', provinces: ['Hà Nội'], disabled: false }),
    ]);
    expect(await cba('', 'user', 'key', 'lan')).toBe(0);
    expect(cli.out.at(-1)).toMatch(/^cba_[\w-]{43}$/);
    expect(await cba('', 'user', 'disable', 'lan')).toBe(0);
    const library = openLibrary(join(cli.dir, 'data'));
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
