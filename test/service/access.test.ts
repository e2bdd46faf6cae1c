import { describe, expect, it } from 'vitest';
import type { User } from '../../library/index.ts';
import { type AccessTarget, type Action, can, type Principal, visibleTo } from '../../service/index.ts';

const user = (role: User['role'], extra: Partial<User> = {}): Principal => ({
  kind: 'user',
  via: 'key',
  user: {
    id: `id-${role}`,
    username: role,
    displayName: role,
    role,
    provinces: [],
    unions: [],
    agreements: [],
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  },
});

const binhDuong: AccessTarget = {
  id: 'cong-ty-binh-duong',
  meta: { province: 'Bình Dương', district: 'KCN VSIP I', superiorUnion: 'Công đoàn các KCN Bình Dương' },
  access: { visibility: 'public', ownerId: 'id-chair' },
};

describe('can(principal, action, agreement)', () => {
  it.each<[string, Principal | undefined, Action, AccessTarget | undefined, boolean]>([
    ['the bootstrap token removes', { kind: 'token' }, 'remove', binhDuong, true],
    ['an administrator manages users', user('administrator'), 'users', undefined, true],
    ['an anonymous reader imports nothing', undefined, 'import', undefined, false],
    ['a reader corrects nothing', user('reader'), 'correct', binhDuong, false],
    [
      'an officer of TP.HCM corrects an agreement of the former Bình Dương (2025 map)',
      user('officer', { provinces: ['TP.HCM'] }),
      'correct',
      binhDuong,
      true,
    ],
    [
      'an officer of Hà Nội does not',
      user('officer', { provinces: ['Hà Nội'] }),
      'correct',
      binhDuong,
      false,
    ],
    [
      'an officer following the KCN union records an event',
      user('officer', { unions: ['cac kcn binh duong'] }),
      'event',
      binhDuong,
      true,
    ],
    ['an officer reads no audit log', user('officer', { provinces: ['TP.HCM'] }), 'audit', undefined, false],
    ['the chair who imported it answers its checklist', user('chair'), 'assess', binhDuong, true],
    [
      'a chair assigned to it edits it',
      user('chair', { id: 'other', agreements: ['cong-ty-binh-duong'] }),
      'edit',
      binhDuong,
      true,
    ],
    ['another chair may not', user('chair', { id: 'other' }), 'remove', binhDuong, false],
    ['a chair works on drafts', user('chair'), 'draft', undefined, true],
    [
      'a disabled administrator does nothing',
      user('administrator', { disabled: true }),
      'import',
      undefined,
      false,
    ],
  ])('%s', (_, principal, action, target, expected) => {
    expect(can(principal, action, target)).toBe(expected);
  });

  it('lets anonymous readers list public and summary-only agreements, signed-in users internal ones too', () => {
    expect(visibleTo(undefined)).toEqual(['public', 'summary']);
    expect(visibleTo(user('reader'))).toEqual(['public', 'internal', 'summary']);
  });
});
