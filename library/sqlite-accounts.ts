/**
 * The accounts part of the embedded library: users, sessions, API keys and
 * the audit log in the same SQLite file, so an audit entry is written in the
 * same transaction as the change it records.
 */

import type BetterSqlite3 from 'better-sqlite3';
import type {
  AccountStore,
  ApiKeyRecord,
  AuditEntry,
  AuditQuery,
  NewAuditEntry,
  Role,
  SessionRecord,
  StoredUser,
  User,
} from './account-types.ts';
import type { PageResult } from './types.ts';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  provinces_json: string;
  unions_json: string;
  agreements_json: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

interface KeyRow {
  hash: string;
  user_id: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  agreement_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    provinces: JSON.parse(row.provinces_json),
    unions: JSON.parse(row.unions_json),
    agreements: JSON.parse(row.agreements_json),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
  };
}

function toKey(row: KeyRow): ApiKeyRecord {
  return {
    hash: row.hash,
    userId: row.user_id,
    label: row.label,
    createdAt: row.created_at,
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    ...(row.actor_id ? { actorId: row.actor_id } : {}),
    actorName: row.actor_name,
    action: row.action,
    ...(row.agreement_id ? { agreementId: row.agreement_id } : {}),
    ...(row.before_json ? { before: JSON.parse(row.before_json) } : {}),
    ...(row.after_json ? { after: JSON.parse(row.after_json) } : {}),
  };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: BetterSqlite3.Database) {}

  addUser(user: StoredUser): void {
    this.db
      .prepare(
        `INSERT INTO users (id, username, display_name, role, provinces_json, unions_json, agreements_json,
           password_hash, disabled, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.id,
        user.username,
        user.displayName,
        user.role,
        JSON.stringify(user.provinces),
        JSON.stringify(user.unions),
        JSON.stringify(user.agreements),
        user.passwordHash ?? null,
        user.disabled ? 1 : 0,
        user.createdAt,
      );
  }

  updateUser(id: string, changes: Partial<Omit<StoredUser, 'id' | 'createdAt'>>): void {
    const current = this.userById(id);
    if (!current) return;
    const next = { ...current, ...changes };
    this.db
      .prepare(
        `UPDATE users SET username = ?, display_name = ?, role = ?, provinces_json = ?, unions_json = ?,
           agreements_json = ?, password_hash = ?, disabled = ? WHERE id = ?`,
      )
      .run(
        next.username,
        next.displayName,
        next.role,
        JSON.stringify(next.provinces),
        JSON.stringify(next.unions),
        JSON.stringify(next.agreements),
        next.passwordHash ?? null,
        next.disabled ? 1 : 0,
        id,
      );
  }

  userById(id: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  userByName(username: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as
      | UserRow
      | undefined;
    return row ? toUser(row) : undefined;
  }

  users(): User[] {
    const rows = this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[];
    return rows.map((row) => {
      const { passwordHash: _, ...user } = toUser(row);
      return user;
    });
  }

  addSession(session: SessionRecord): void {
    this.db
      .prepare(
        'INSERT INTO sessions (id_hash, user_id, created_at, expires_at, csrf_secret) VALUES (?, ?, ?, ?, ?)',
      )
      .run(session.idHash, session.userId, session.createdAt, session.expiresAt, session.csrfSecret);
  }

  session(idHash: string): SessionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      | { id_hash: string; user_id: string; created_at: string; expires_at: string; csrf_secret: string }
      | undefined;
    return row
      ? {
          idHash: row.id_hash,
          userId: row.user_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          csrfSecret: row.csrf_secret,
        }
      : undefined;
  }

  removeSession(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  removeSessions(userId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  addApiKey(key: ApiKeyRecord): void {
    this.db
      .prepare('INSERT INTO api_keys (hash, user_id, label, created_at) VALUES (?, ?, ?, ?)')
      .run(key.hash, key.userId, key.label, key.createdAt);
  }

  apiKey(hash: string): ApiKeyRecord | undefined {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE hash = ?').get(hash) as KeyRow | undefined;
    return row ? toKey(row) : undefined;
  }

  touchApiKey(hash: string, at: string): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE hash = ?').run(at, hash);
  }

  revokeApiKey(hash: string, at: string): boolean {
    return (
      this.db
        .prepare('UPDATE api_keys SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL')
        .run(at, hash).changes > 0
    );
  }

  apiKeys(userId: string): ApiKeyRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM api_keys WHERE user_id = ? ORDER BY created_at')
      .all(userId) as KeyRow[];
    return rows.map(toKey);
  }

  appendAudit(entry: NewAuditEntry): AuditEntry {
    const result = this.db
      .prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, agreement_id, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.at,
        entry.actorId ?? null,
        entry.actorName,
        entry.action,
        entry.agreementId ?? null,
        json(entry.before),
        json(entry.after),
      );
    return { ...entry, id: Number(result.lastInsertRowid) };
  }

  audit(query: AuditQuery): PageResult<AuditEntry> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.actor) {
      where.push('(actor_id = @actor OR actor_name = @actor)');
      params.actor = query.actor;
    }
    if (query.action) {
      where.push('action = @action');
      params.action = query.action;
    }
    if (query.agreementId) {
      where.push('agreement_id = @agreement');
      params.agreement = query.agreementId;
    }
    if (query.from) {
      where.push('at >= @from');
      params.from = query.from;
    }
    if (query.to) {
      // A bare day includes the whole day.
      where.push('at <= @to');
      params.to = /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? `${query.to}T23:59:59.999Z` : query.to;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as AuditRow[];
    return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
  }
}
