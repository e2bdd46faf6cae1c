/**
 * Accounts, sessions, API keys, each agreement's visibility and the audit
 * log, as the library stores them. Secrets are never stored: sessions and
 * API keys by their SHA-256 digest, passwords as scrypt hashes.
 */

import type { PageResult } from './types.ts';

/** Administrator (users, rubric, everything), officer (their provinces and unions), grassroots chair (their own agreements), reader. */
export type Role = 'administrator' | 'officer' | 'chair' | 'reader';
export const ROLES: readonly Role[] = ['administrator', 'officer', 'chair', 'reader'];

/** Public; union-internal (signed-in users only); summary-only (metadata and verdicts without the text, for anonymous readers). */
export type Visibility = 'public' | 'internal' | 'summary';
export const VISIBILITIES: readonly Visibility[] = ['public', 'internal', 'summary'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Provinces an officer follows (names as written; matched on the 2025 map). */
  provinces: string[];
  /** Superior unions or districts an officer follows (matched without diacritics). */
  unions: string[];
  /** Agreements a chair is assigned to, beside those they imported. */
  agreements: string[];
  disabled: boolean;
  createdAt: string;
}

export interface StoredUser extends User {
  /** `scrypt$N$r$p$salt$hash` (base64), or undefined for an account that signs in with API keys only. */
  passwordHash?: string | undefined;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  csrfSecret: string;
}

export interface ApiKeyRecord {
  hash: string;
  userId: string;
  label: string;
  createdAt: string;
  lastUsedAt?: string | undefined;
  revokedAt?: string | undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId?: string | undefined;
  /** The user's name, or "token quản trị" for the bootstrap token. */
  actorName: string;
  action: string;
  agreementId?: string | undefined;
  before?: unknown;
  after?: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  /** A user id or username. */
  actor?: string | undefined;
  action?: string | undefined;
  agreementId?: string | undefined;
  /** From this day or instant (ISO), inclusive. */
  from?: string | undefined;
  /** Up to this day (inclusive) or instant (ISO). */
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AgreementAccess {
  visibility: Visibility;
  /** The user who imported it. */
  ownerId?: string | undefined;
}

/** The accounts part of the library. */
export interface AccountStore {
  /** @throws DuplicateError-like SQLite error when the username is taken */
  addUser(user: StoredUser): void;
  updateUser(id: string, changes: Partial<Omit<StoredUser, 'id' | 'createdAt'>>): void;
  userById(id: string): StoredUser | undefined;
  userByName(username: string): StoredUser | undefined;
  users(): User[];
  addSession(session: SessionRecord): void;
  session(idHash: string): SessionRecord | undefined;
  removeSession(idHash: string): void;
  /** Ends every session of a user (disabled, password changed). */
  removeSessions(userId: string): void;
  addApiKey(key: ApiKeyRecord): void;
  apiKey(hash: string): ApiKeyRecord | undefined;
  touchApiKey(hash: string, at: string): void;
  revokeApiKey(hash: string, at: string): boolean;
  apiKeys(userId: string): ApiKeyRecord[];
  /** Appends to the audit log (append-only: the table refuses UPDATE and DELETE). */
  appendAudit(entry: NewAuditEntry): AuditEntry;
  /** The audit log, newest first. */
  audit(query: AuditQuery): PageResult<AuditEntry>;
}
