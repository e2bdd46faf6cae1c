/**
 * Saved drafts in the library's SQLite file: a draft (title, the hash of its
 * secret link, industry and province for its suggestions, the agreement it
 * became once signed) and its versions (the Markdown text, who changed it,
 * when, and what changed).
 */

import type BetterSqlite3 from 'better-sqlite3';

export interface StoredDraft {
  id: string;
  title: string;
  /** sha256 (hex) of the draft's secret link; absent for a draft kept with the write token only. */
  secretHash?: string;
  industry?: string;
  province?: string;
  createdBy: string;
  createdAt: string;
  /** The library agreement it was turned into when signed. */
  agreementId?: string;
  /** The latest version's number. */
  version: number;
}

export interface DraftVersion {
  version: number;
  content: string;
  changedBy: string;
  changedAt: string;
  /** What changed, in words ("Điều 5 khoản 1: sửa nội dung", "tải lên bản Word mới"). */
  change: string;
}

export interface NewDraft {
  id: string;
  title: string;
  secretHash?: string | undefined;
  industry?: string | undefined;
  province?: string | undefined;
  content: string;
  by: string;
  at: string;
}

/** Where drafts are kept. */
export interface DraftStore {
  create(draft: NewDraft): StoredDraft;
  get(id: string): StoredDraft | undefined;
  /** Every version, oldest first. */
  versions(id: string): DraftVersion[];
  latest(id: string): DraftVersion | undefined;
  /**
   * Saves a new version.
   * @returns the new version's number, or undefined when `base` is given and is no longer the latest
   */
  addVersion(id: string, version: Omit<DraftVersion, 'version'>, base?: number): number | undefined;
  setAgreement(id: string, agreementId: string): void;
  setArea(id: string, area: { industry?: string | undefined; province?: string | undefined }): void;
}

interface DraftRow {
  id: string;
  title: string;
  secret_hash: string | null;
  industry: string | null;
  province: string | null;
  created_by: string;
  created_at: string;
  agreement_id: string | null;
  version: number | null;
}

function toDraft(row: DraftRow): StoredDraft {
  return {
    id: row.id,
    title: row.title,
    ...(row.secret_hash ? { secretHash: row.secret_hash } : {}),
    ...(row.industry ? { industry: row.industry } : {}),
    ...(row.province ? { province: row.province } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.agreement_id ? { agreementId: row.agreement_id } : {}),
    version: row.version ?? 0,
  };
}

/** Drafts in the SQLite database of the library (the tables of the `drafts` migration). */
export class SqliteDraftStore implements DraftStore {
  constructor(private readonly db: BetterSqlite3.Database) {}

  create(draft: NewDraft): StoredDraft {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO drafts (id, title, secret_hash, industry, province, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          draft.id,
          draft.title,
          draft.secretHash ?? null,
          draft.industry ?? null,
          draft.province ?? null,
          draft.by,
          draft.at,
        );
      this.db
        .prepare(
          `INSERT INTO draft_versions (draft_id, version, content, changed_by, changed_at, change)
           VALUES (?, 1, ?, ?, ?, ?)`,
        )
        .run(draft.id, draft.content, draft.by, draft.at, 'tạo dự thảo');
    })();
    return this.get(draft.id)!;
  }

  get(id: string): StoredDraft | undefined {
    const row = this.db
      .prepare(
        `SELECT d.*, (SELECT MAX(version) FROM draft_versions v WHERE v.draft_id = d.id) AS version
         FROM drafts d WHERE d.id = ?`,
      )
      .get(id) as DraftRow | undefined;
    return row && toDraft(row);
  }

  versions(id: string): DraftVersion[] {
    const rows = this.db
      .prepare(
        `SELECT version, content, changed_by, changed_at, change FROM draft_versions
         WHERE draft_id = ? ORDER BY version`,
      )
      .all(id) as Array<{
      version: number;
      content: string;
      changed_by: string;
      changed_at: string;
      change: string;
    }>;
    return rows.map((r) => ({
      version: r.version,
      content: r.content,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
      change: r.change,
    }));
  }

  latest(id: string): DraftVersion | undefined {
    return this.versions(id).at(-1);
  }

  addVersion(id: string, version: Omit<DraftVersion, 'version'>, base?: number): number | undefined {
    return this.db.transaction(() => {
      const current =
        (
          this.db.prepare('SELECT MAX(version) AS v FROM draft_versions WHERE draft_id = ?').get(id) as {
            v: number | null;
          }
        ).v ?? 0;
      if (base !== undefined && base !== current) return undefined;
      this.db
        .prepare(
          `INSERT INTO draft_versions (draft_id, version, content, changed_by, changed_at, change)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, current + 1, version.content, version.changedBy, version.changedAt, version.change);
      return current + 1;
    })();
  }

  setAgreement(id: string, agreementId: string): void {
    this.db.prepare('UPDATE drafts SET agreement_id = ? WHERE id = ?').run(agreementId, id);
  }

  setArea(id: string, area: { industry?: string | undefined; province?: string | undefined }): void {
    this.db
      .prepare('UPDATE drafts SET industry = ?, province = ? WHERE id = ?')
      .run(area.industry ?? null, area.province ?? null, id);
  }
}
