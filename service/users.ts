/**
 * Accounts: users with scrypt password hashes (per-user salt, parameters
 * stored with the hash), sessions, per-user API keys and the bootstrap token.
 * Secrets leave here once (a session cookie, a new key) and are stored only
 * as SHA-256 digests. Every change to a user is in the audit log.
 */

import {
  createHash,
  randomBytes,
  randomUUID,
  type ScryptOptions,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { DuplicateError, NotFoundError, ValidationError } from '../clauses/errors.ts';
import { provinceFilterNames } from '../clauses/provinces.ts';
import { ROLES, type Role, type StoredUser, type User } from '../library/index.ts';
import type { Principal } from './access.ts';
import { type Actor, recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';

/** scrypt's cost: N = 2^15, r = 8, p = 1 (32 MB); stored with each hash so it can be raised later. */
const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** How long a session lasts without signing in again. */
const SESSION_HOURS = 12;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const memoryFor = (o: { N: number; r: number }) => 128 * o.N * o.r * 2;

/**
 * Hashes a password with scrypt and a fresh 16-byte salt.
 * @returns `scrypt$N$r$p$salt$hash`, salt and hash in base64
 */
export async function hashPassword(password: string, params = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, { ...params, maxmem: memoryFor(params) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether a password matches a hash made by {@link hashPassword} (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), {
    ...params,
    maxmem: memoryFor(params),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** SHA-256 of a secret, hex: what the library stores of a session id or an API key. */
function digestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in constant time (digests of equal length). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface NewUserRequest {
  username: string;
  displayName?: string | undefined;
  role: Role;
  provinces?: string[] | undefined;
  unions?: string[] | undefined;
  agreements?: string[] | undefined;
  /** At least 10 characters; an account without one signs in with API keys only. */
  password?: string | undefined;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

function publicUser(user: StoredUser): User {
  const { passwordHash: _, ...rest } = user;
  return rest;
}

function checkPassword(password: string): void {
  if ([...password].length < 10)
    throw new ValidationError(
      'weak_password',
      'Mật khẩu cần ít nhất 10 ký tự.',
      'The password needs at least 10 characters.',
    );
}

/**
 * Adds a user.
 * @throws ValidationError for a bad username, role, province or a short password
 * @throws DuplicateError when the username is taken
 */
export async function addUser(ctx: ServiceContext, request: NewUserRequest, actor: Actor): Promise<User> {
  if (!USERNAME.test(request.username))
    throw new ValidationError(
      'invalid_username',
      `Tên đăng nhập "${request.username}" không hợp lệ (2–64 ký tự: chữ không dấu, số, . _ -).`,
      `Username "${request.username}" is not valid (2–64 characters: ASCII letters, digits, . _ -).`,
    );
  checkRoleAndProvinces(request);
  if (request.password !== undefined) checkPassword(request.password);
  if (ctx.library.accounts.userByName(request.username))
    throw new DuplicateError(request.username, request.username);
  const passwordHash = request.password === undefined ? undefined : await hashPassword(request.password);
  const user: StoredUser = {
    id: randomUUID(),
    username: request.username,
    displayName: request.displayName?.trim() || request.username,
    role: request.role,
    provinces: request.provinces ?? [],
    unions: request.unions ?? [],
    agreements: request.agreements ?? [],
    disabled: false,
    createdAt: new Date().toISOString(),
    passwordHash,
  };
  ctx.library.transaction(() => {
    ctx.library.accounts.addUser(user);
    recordAudit(ctx, actor, 'user.add', undefined, undefined, publicUser(user));
  });
  return publicUser(user);
}

function userNamed(ctx: ServiceContext, username: string): StoredUser {
  const user = ctx.library.accounts.userByName(username);
  if (!user)
    throw new NotFoundError('user_not_found', `Không có người dùng "${username}".`, `No user "${username}".`);
  return user;
}

/**
 * Disables (or enables again) a user; their sessions end.
 * @throws NotFoundError when there is no such user
 */
export function setDisabled(ctx: ServiceContext, username: string, disabled: boolean, actor: Actor): User {
  const user = userNamed(ctx, username);
  return ctx.library.transaction(() => {
    ctx.library.accounts.updateUser(user.id, { disabled });
    if (disabled) ctx.library.accounts.removeSessions(user.id);
    recordAudit(ctx, actor, disabled ? 'user.disable' : 'user.enable', undefined, publicUser(user), {
      ...publicUser(user),
      disabled,
    });
    return { ...publicUser(user), disabled };
  });
}

/**
 * Creates an API key for a user: shown once, stored as its digest.
 * @returns the key to give to the user's script
 */
export function createApiKey(ctx: ServiceContext, username: string, label: string, actor: Actor): string {
  const user = userNamed(ctx, username);
  const key = `cba_${randomBytes(32).toString('base64url')}`;
  ctx.library.transaction(() => {
    ctx.library.accounts.addApiKey({
      hash: digestSecret(key),
      userId: user.id,
      label: label.slice(0, 200) || 'khóa API',
      createdAt: new Date().toISOString(),
    });
    recordAudit(ctx, actor, 'user.key', undefined, undefined, { user: user.username, label });
  });
  return key;
}

export interface Session {
  /** The cookie's value (never stored). */
  id: string;
  csrf: string;
  expiresAt: string;
  user: User;
}

/**
 * Signs in with a password; `undefined` for a wrong username or password or a disabled user
 * (the same answer, so a guess learns nothing).
 */
export async function signIn(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<Session | undefined> {
  const user = ctx.library.accounts.userByName(username);
  // A missing user costs the same scrypt as a wrong password.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok || user.disabled) return undefined;
  const id = randomBytes(32).toString('base64url');
  const now = new Date();
  const session = {
    idHash: digestSecret(id),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    csrfSecret: randomBytes(32).toString('base64url'),
  };
  ctx.library.transaction(() => {
    ctx.library.accounts.addSession(session);
    recordAudit(ctx, { actorId: user.id, actorName: user.username }, 'session.login');
  });
  return { id, csrf: session.csrfSecret, expiresAt: session.expiresAt, user: publicUser(user) };
}

const DUMMY_HASH = `scrypt$${SCRYPT_PARAMS.N}$${SCRYPT_PARAMS.r}$${SCRYPT_PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

/** Ends a session (logout). */
export function signOut(ctx: ServiceContext, sessionId: string): void {
  ctx.library.accounts.removeSession(digestSecret(sessionId));
}

/** The principal and CSRF token of a session cookie, or undefined when expired, unknown or disabled. */
export function sessionPrincipal(
  ctx: ServiceContext,
  sessionId: string,
): { principal: Principal; csrf: string } | undefined {
  const hash = digestSecret(sessionId);
  const session = ctx.library.accounts.session(hash);
  if (!session) return undefined;
  if (session.expiresAt <= new Date().toISOString()) {
    ctx.library.accounts.removeSession(hash);
    return undefined;
  }
  const user = ctx.library.accounts.userById(session.userId);
  if (!user || user.disabled) return undefined;
  return { principal: { kind: 'user', user: publicUser(user), via: 'session' }, csrf: session.csrfSecret };
}

/** The principal of an API key, or undefined when unknown, revoked or its user disabled. */
export function keyPrincipal(ctx: ServiceContext, key: string): Principal | undefined {
  if (!key.startsWith('cba_')) return undefined;
  const hash = digestSecret(key);
  const record = ctx.library.accounts.apiKey(hash);
  if (!record || record.revokedAt) return undefined;
  const user = ctx.library.accounts.userById(record.userId);
  if (!user || user.disabled) return undefined;
  ctx.library.accounts.touchApiKey(hash, new Date().toISOString());
  return { kind: 'user', user: publicUser(user), via: 'key' };
}

/** The users, without their password hashes. */
export function listUsers(ctx: ServiceContext): User[] {
  return ctx.library.accounts.users();
}

/** A user's API keys (labels and dates; the keys themselves are not kept). */
export function apiKeysOf(ctx: ServiceContext, userId: string) {
  return ctx.library.accounts
    .apiKeys(userId)
    .map(({ hash, ...rest }) => ({ ...rest, id: hash.slice(0, 12) }));
}

/** A failed sign-in, or a count of them, as the audit log records it (never the password). */
export interface FailedSignInEntry {
  /** The name typed; undefined for a count over many names. */
  username: string | undefined;
  /** The client's address, or how many clients. */
  client: string | number;
  attempts: number;
  from: string;
  to: string;
  names?: string[] | undefined;
}

/** The action of failed sign-in entries in the audit log. */
export const FAILED_SIGN_IN = 'session.login_failed';

/** Appends failed sign-ins to the audit log; the server decides how often (server/failed-sign-ins.ts). */
export function recordFailedSignIn(ctx: ServiceContext, entry: FailedSignInEntry): void {
  const actorName =
    entry.username === undefined ? 'nhiều tên đăng nhập' : entry.username.slice(0, 64) || '(trống)';
  ctx.library.transaction(() =>
    recordAudit(ctx, { actorName }, FAILED_SIGN_IN, undefined, undefined, {
      ...(entry.username === undefined ? { names: entry.names ?? [] } : { username: entry.username }),
      ...(typeof entry.client === 'number' ? { clients: entry.client } : { client: entry.client }),
      attempts: entry.attempts,
      from: entry.from,
      to: entry.to,
    }),
  );
}

/** What an administrator may change on a user (the username and creation date stay). */
export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  provinces?: string[] | undefined;
  unions?: string[] | undefined;
  agreements?: string[] | undefined;
}

/**
 * A role that exists and provinces the map knows.
 * @throws ValidationError naming the unknown role or province
 */
function checkRoleAndProvinces({
  role,
  provinces,
}: {
  role?: Role | undefined;
  provinces?: readonly string[] | undefined;
}): void {
  if (role !== undefined && !ROLES.includes(role))
    throw new ValidationError(
      'invalid_role',
      `Vai trò "${role}" không có; các vai trò: ${ROLES.join(', ')}.`,
      `No role "${role}"; roles are: ${ROLES.join(', ')}.`,
    );
  for (const province of provinces ?? []) {
    if (!provinceFilterNames(province))
      throw new ValidationError(
        'invalid_province',
        `Không nhận ra tỉnh "${province}".`,
        `Unknown province "${province}".`,
      );
  }
}

/**
 * Changes a user's role, name, provinces, unions or assigned agreements; audited with before and after.
 * @throws NotFoundError when there is no such user; ValidationError for an unknown role or province
 */
export function updateUser(ctx: ServiceContext, username: string, changes: UserChanges, actor: Actor): User {
  const user = userNamed(ctx, username);
  checkRoleAndProvinces(changes);
  const next: StoredUser = {
    ...user,
    ...(changes.displayName?.trim() ? { displayName: changes.displayName.trim() } : {}),
    ...(changes.role ? { role: changes.role } : {}),
    ...(changes.provinces ? { provinces: changes.provinces } : {}),
    ...(changes.unions ? { unions: changes.unions } : {}),
    ...(changes.agreements ? { agreements: changes.agreements } : {}),
  };
  return ctx.library.transaction(() => {
    ctx.library.accounts.updateUser(user.id, {
      displayName: next.displayName,
      role: next.role,
      provinces: next.provinces,
      unions: next.unions,
      agreements: next.agreements,
    });
    recordAudit(ctx, actor, 'user.update', undefined, publicUser(user), publicUser(next));
    return publicUser(next);
  });
}

/**
 * Revokes one of a user's API keys, named by the id {@link apiKeysOf} lists.
 * @throws NotFoundError when the user has no such key, or it is revoked already
 */
export function revokeApiKey(ctx: ServiceContext, username: string, keyId: string, actor: Actor): void {
  const user = userNamed(ctx, username);
  const key = ctx.library.accounts
    .apiKeys(user.id)
    .find((k) => k.hash.slice(0, 12) === keyId && !k.revokedAt);
  const missing = () =>
    new NotFoundError(
      'api_key_not_found',
      `${username} không có khóa API "${keyId}" còn hiệu lực.`,
      `${username} has no live API key "${keyId}".`,
    );
  if (!key) throw missing();
  ctx.library.transaction(() => {
    if (!ctx.library.accounts.revokeApiKey(key.hash, new Date().toISOString())) throw missing();
    recordAudit(ctx, actor, 'user.key_revoke', undefined, { user: username, key: keyId, label: key.label });
  });
}
