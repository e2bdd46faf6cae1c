/**
 * The embedded library of record: one SQLite file (better-sqlite3) holding
 * each agreement's metadata, tree, warnings and original bytes. Every write
 * is one transaction, so a failed import leaves the library as it was.
 */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Correction } from '../clauses/corrections.ts';
import { agreementNotFound, DuplicateError } from '../clauses/errors.ts';
import type { AssessmentAnswer } from '../clauses/grading.ts';
import type { EditableMetaField, MetaEdit } from '../clauses/meta-edits.ts';
import { provinceFilterNames } from '../clauses/provinces.ts';
import { foldText, toSlug } from '../clauses/text.ts';
import type {
  Agreement,
  AgreementDraft,
  AgreementEvent,
  AgreementEventType,
  AgreementMeta,
  AgreementSummary,
  SourceInfo,
  StoredGrade,
} from '../clauses/types.ts';
import type { AgreementAccess, Visibility } from './account-types.ts';
import { contentKey } from './content-key.ts';
import { agreementDocuments } from './documents.ts';
import { migrate } from './migrations.ts';
import { SqliteAccounts } from './sqlite-accounts.ts';
import { SqliteSearch, writeAgreementDocuments } from './sqlite-search.ts';
import type {
  AddOptions,
  AgreementFilter,
  AssessmentChange,
  Library,
  LibraryCounts,
  NewAgreementEvent,
  PageRequest,
  PageResult,
  SourceFile,
  StoredSource,
} from './types.ts';
import { SqliteVerdictStore } from './verdict-store.ts';

interface Row {
  id: string;
  sha256: string;
  filename: string;
  format: string;
  media_type: string;
  size: number;
  article_count: number;
  clause_count: number;
  node_count: number;
  warning_count: number;
  meta_json: string;
  imported_at: string;
  grade: string | null;
}

interface EventRow {
  id: number;
  agreement_id: string;
  type: string;
  date: string;
  extended_to: string | null;
  replaced_by: string | null;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

interface FullRow extends Row {
  tree_json: string;
  preamble_json: string;
  closing_json: string;
  warnings_json: string;
}

const SUMMARY_COLUMNS =
  'id, sha256, filename, format, media_type, size, article_count, clause_count, node_count, warning_count, meta_json, imported_at, grade';

export interface SqliteLibraryOptions {
  /** Path of the database file, or `:memory:`. */
  file: string;
}

export class SqliteLibrary implements Library {
  readonly backend = 'sqlite';
  readonly db: BetterSqlite3.Database;
  /** The embedded search index, kept in the same file and the same transactions. */
  readonly search: SqliteSearch;
  readonly accounts: SqliteAccounts;
  readonly verdicts: SqliteVerdictStore;

  private readonly statements: {
    insert: BetterSqlite3.Statement;
    insertSource: BetterSqlite3.Statement;
    bySha: BetterSqlite3.Statement;
    byContent: BetterSqlite3.Statement;
    idTaken: BetterSqlite3.Statement;
  };

  constructor(options: SqliteLibraryOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new BetterSqlite3(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
    // Prepared once: an import of many files reuses them.
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO agreements (id, sha256, filename, format, media_type, size, employer, title, industry, province,
           province_folded, district_folded, search_folded, signed_on, effective_on, expires_on, article_count,
           clause_count, node_count, warning_count, meta_json, tree_json, preamble_json, closing_json, warnings_json, imported_at, grade,
           content_key)
         VALUES (@id, @sha256, @filename, @format, @mediaType, @size, @employer, @title, @industry, @province,
           @provinceFolded, @districtFolded, @searchFolded, @signedOn, @effectiveOn, @expiresOn, @articles,
           @clauses, @nodes, @warningCount, @meta, @tree, @preamble, @closing, @warnings, @importedAt, @grade,
           @contentKey)`,
      ),
      insertSource: this.db.prepare(
        `INSERT INTO source_files (sha256, agreement_id, filename, format, media_type, size, bytes, added_at)
         VALUES (@sha256, @agreementId, @filename, @format, @mediaType, @size, @bytes, @addedAt)`,
      ),
      bySha: this.db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM agreements
         WHERE sha256 = @sha OR id = (SELECT agreement_id FROM source_files WHERE sha256 = @sha)`,
      ),
      byContent: this.db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE content_key = ? ORDER BY imported_at, id LIMIT 1`,
      ),
      idTaken: this.db.prepare('SELECT 1 FROM agreements WHERE id = ?'),
    };
    this.search = new SqliteSearch(this.db);
    this.accounts = new SqliteAccounts(this.db);
    this.verdicts = new SqliteVerdictStore(this.db);
    this.indexMissing();
    this.keyMissing();
    this.dataVersion = this.readDataVersion();
  }

  /** SQLite's count of commits by other connections, as last seen. */
  private dataVersion: number;

  /** Prepared once: it is asked on every request, and `db.pragma` prepares its statement on each call. */
  private dataVersionStatement?: BetterSqlite3.Statement;

  private readDataVersion(): number {
    this.dataVersionStatement ??= this.db.prepare('PRAGMA data_version').pluck();
    return this.dataVersionStatement.get() as number;
  }

  transaction<T>(write: () => T): T {
    return this.db.transaction(write).immediate();
  }

  changedElsewhere(): boolean {
    if (!this.db.open) return false;
    const version = this.readDataVersion();
    if (version === this.dataVersion) return false;
    this.dataVersion = version;
    this.forgetRemembered();
    // Another process wrote agreements and their search documents: the index follows them from their log.
    this.search.writtenElsewhere();
    return true;
  }

  /** Indexes agreements stored before the search index existed (or after an interrupted rebuild). */
  private indexMissing(): void {
    const missing = this.db
      .prepare(
        'SELECT id FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.agreement_id = a.id)',
      )
      .pluck()
      .all() as string[];
    if (missing.length === 0) return;
    const events = this.events(missing);
    this.db.transaction(() => {
      for (const id of missing) {
        const agreement = this.get(id);
        if (agreement) writeAgreementDocuments(this.db, agreementDocuments(agreement, events.get(id)), id);
      }
    })();
    this.search.invalidate();
  }

  /** Fills the content keys of agreements stored before there were any ('' marks a tree without words). */
  private keyMissing(): void {
    const rows = this.db
      .prepare('SELECT id, tree_json FROM agreements WHERE content_key IS NULL')
      .all() as Array<{ id: string; tree_json: string }>;
    if (rows.length === 0) return;
    const update = this.db.prepare('UPDATE agreements SET content_key = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const row of rows) update.run(contentKey(JSON.parse(row.tree_json)), row.id);
    })();
  }

  add(draft: AgreementDraft, bytes: Uint8Array, options: AddOptions = {}): Agreement {
    const importedAt = (options.now ?? new Date()).toISOString();
    const insert = this.db.transaction((): Agreement => {
      const existing = this.findBySha256(draft.source.sha256);
      if (existing) throw new DuplicateError(existing.id, draft.source.filename);
      const agreement: Agreement = {
        ...draft,
        id: this.freeId(draft),
        importedAt,
        ...(options.grade ? { grade: options.grade } : {}),
      };
      const { meta, stats } = agreement;
      this.statements.insert.run({
        id: agreement.id,
        sha256: agreement.source.sha256,
        filename: agreement.source.filename,
        format: agreement.source.format,
        mediaType: agreement.source.mediaType,
        size: agreement.source.size,
        ...metaColumns(meta, agreement.source.filename),
        articles: stats.articles,
        clauses: stats.clauses,
        nodes: stats.nodes,
        warningCount: agreement.warnings.length,
        tree: JSON.stringify(agreement.tree),
        preamble: JSON.stringify(agreement.preamble),
        closing: JSON.stringify(agreement.closing),
        warnings: JSON.stringify(agreement.warnings),
        importedAt,
        grade: options.grade ?? null,
        contentKey: contentKey(agreement.tree),
      });
      this.insertSource(agreement.id, agreement.source, bytes, importedAt);
      if (options.access) this.setAccess(agreement.id, options.access);
      writeAgreementDocuments(this.db, agreementDocuments(agreement), agreement.id);
      return agreement;
    });
    const agreement = insert.immediate();
    this.search.invalidate(agreement.id);
    this.forgetRemembered();
    return agreement;
  }

  get(id: string): Agreement | undefined {
    const row = this.db.prepare('SELECT * FROM agreements WHERE id = ?').get(id) as FullRow | undefined;
    if (!row) return undefined;
    return {
      ...toSummaryParts(row),
      tree: JSON.parse(row.tree_json),
      preamble: JSON.parse(row.preamble_json),
      closing: JSON.parse(row.closing_json),
      warnings: JSON.parse(row.warnings_json),
    };
  }

  private insertSource(agreementId: string, source: SourceInfo, bytes: Uint8Array, addedAt: string): void {
    this.statements.insertSource.run({
      sha256: source.sha256,
      agreementId,
      filename: source.filename,
      format: source.format,
      mediaType: source.mediaType,
      size: source.size,
      bytes: Buffer.from(bytes),
      addedAt,
    });
  }

  source(id: string): StoredSource | undefined {
    const row = this.db.prepare('SELECT sha256 FROM agreements WHERE id = ?').get(id) as
      | { sha256: string }
      | undefined;
    return row ? this.sourceFile(id, row.sha256) : undefined;
  }

  sourceFile(agreementId: string, sha256: string): StoredSource | undefined {
    const row = this.db
      .prepare(
        'SELECT bytes, filename, media_type, sha256 FROM source_files WHERE agreement_id = ? AND sha256 = ?',
      )
      .get(agreementId, sha256) as
      | { bytes: Buffer; filename: string; media_type: string; sha256: string }
      | undefined;
    if (!row) return undefined;
    return {
      bytes: new Uint8Array(row.bytes),
      filename: row.filename,
      mediaType: row.media_type,
      sha256: row.sha256,
    };
  }

  sources(agreementId: string): SourceFile[] {
    const rows = this.db
      .prepare(
        `SELECT f.sha256, f.filename, f.format, f.media_type, f.size, f.added_at, f.sha256 = a.sha256 AS is_primary
         FROM source_files f JOIN agreements a ON a.id = f.agreement_id
         WHERE f.agreement_id = ? ORDER BY is_primary DESC, f.added_at, f.filename`,
      )
      .all(agreementId) as Array<{
      sha256: string;
      filename: string;
      format: string;
      media_type: string;
      size: number;
      added_at: string;
      is_primary: number;
    }>;
    return rows.map((row) => ({
      sha256: row.sha256,
      filename: row.filename,
      format: row.format as SourceInfo['format'],
      mediaType: row.media_type,
      size: row.size,
      addedAt: row.added_at,
      primary: row.is_primary === 1,
    }));
  }

  addSource(
    agreementId: string,
    source: SourceInfo,
    bytes: Uint8Array,
    options: AddOptions = {},
  ): SourceFile {
    const addedAt = (options.now ?? new Date()).toISOString();
    this.db
      .transaction(() => {
        if (!this.statements.idTaken.get(agreementId)) throw agreementNotFound(agreementId);
        const existing = this.findBySha256(source.sha256);
        if (existing) throw new DuplicateError(existing.id, source.filename);
        this.insertSource(agreementId, source, bytes, addedAt);
      })
      .immediate();
    return { ...source, addedAt, primary: false };
  }

  findBySha256(sha256: string): AgreementSummary | undefined {
    const row = this.statements.bySha.get({ sha: sha256 }) as Row | undefined;
    return row ? toSummary(row) : undefined;
  }

  findByContentKey(key: string): AgreementSummary | undefined {
    if (!key) return undefined;
    const row = this.statements.byContent.get(key) as Row | undefined;
    return row ? toSummary(row) : undefined;
  }

  findByLink(field: 'signedOn' | 'replacesSignedOn' | 'predecessorId', value: string): AgreementSummary[] {
    // Each expression is the one its index is built on (migrations.ts), so the lookup uses the index.
    const column = {
      signedOn: 'signed_on',
      replacesSignedOn: "json_extract(meta_json, '$.replacesSignedOn')",
      predecessorId: "json_extract(meta_json, '$.predecessorId')",
    }[field];
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE ${column} = ? ORDER BY id`)
      .all(value) as Row[];
    return rows.map(toSummary);
  }

  list(filter: AgreementFilter, page: PageRequest): PageResult<AgreementSummary> {
    const { clause, params } = whereOf(filter);
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM agreements ${clause}`).get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM agreements ${clause} ${LIST_ORDER} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }) as Row[];
    return { items: rows.map(toSummary), total, page: page.page, pageSize: page.pageSize };
  }

  listIds(filter: AgreementFilter): string[] {
    const { clause, params } = whereOf(filter);
    return this.db
      .prepare(`SELECT id FROM agreements ${clause} ${LIST_ORDER}`)
      .pluck()
      .all(params) as string[];
  }

  summaries(ids: readonly string[]): AgreementSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM agreements WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    return rows.map(toSummary);
  }

  remove(id: string): boolean {
    // The agreement's search documents and events go with it (ON DELETE CASCADE).
    const removed = this.db.prepare('DELETE FROM agreements WHERE id = ?').run(id).changes > 0;
    this.search.invalidate(id);
    this.forgetRemembered();
    return removed;
  }

  /** Every agreement's access, read once until a write: anonymous searches ask for it on every request. */
  private everyAccess: Map<string, AgreementAccess> | undefined;
  /** The library's counts, read once until an agreement is added or removed: `/api/health` asks on every call. */
  private rememberedCounts: LibraryCounts | undefined;

  private forgetRemembered(): void {
    this.everyAccess = undefined;
    this.rememberedCounts = undefined;
  }

  access(agreementIds?: readonly string[]): Map<string, AgreementAccess> {
    if (!agreementIds && this.everyAccess) return this.everyAccess;
    const rows = (
      agreementIds
        ? this.db
            .prepare(
              'SELECT id, visibility, owner_id FROM agreements WHERE id IN (SELECT value FROM json_each(?))',
            )
            .all(JSON.stringify(agreementIds))
        : this.db.prepare('SELECT id, visibility, owner_id FROM agreements').all()
    ) as Array<{ id: string; visibility: string; owner_id: string | null }>;
    const access = new Map(
      rows.map((r) => [
        r.id,
        { visibility: r.visibility as Visibility, ...(r.owner_id ? { ownerId: r.owner_id } : {}) },
      ]),
    );
    if (!agreementIds) this.everyAccess = access;
    return access;
  }

  setAccess(agreementId: string, access: Partial<AgreementAccess>): boolean {
    this.everyAccess = undefined;
    const sets: string[] = [];
    const params: Array<string | null> = [];
    if (access.visibility) {
      sets.push('visibility = ?');
      params.push(access.visibility);
    }
    if ('ownerId' in access) {
      sets.push('owner_id = ?');
      params.push(access.ownerId ?? null);
    }
    if (!sets.length) return this.statements.idTaken.get(agreementId) !== undefined;
    return (
      this.db.prepare(`UPDATE agreements SET ${sets.join(', ')} WHERE id = ?`).run(...params, agreementId)
        .changes > 0
    );
  }

  counts(): LibraryCounts {
    this.rememberedCounts ??= this.db
      .prepare(
        'SELECT COUNT(*) AS agreements, COALESCE(SUM(article_count), 0) AS articles, COALESCE(SUM(clause_count), 0) AS clauses FROM agreements',
      )
      .get() as LibraryCounts;
    return { ...this.rememberedCounts };
  }

  addEvent(agreementId: string, event: NewAgreementEvent, options: AddOptions = {}): AgreementEvent {
    const recordedAt = (options.now ?? new Date()).toISOString();
    const add = this.db.transaction((): AgreementEvent => {
      for (const id of [agreementId, event.replacedBy]) {
        if (id !== undefined && !this.statements.idTaken.get(id)) throw agreementNotFound(id);
      }
      const result = this.db
        .prepare(
          `INSERT INTO agreement_events (agreement_id, type, date, extended_to, replaced_by, note, recorded_at, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          agreementId,
          event.type,
          event.date,
          event.extendedTo ?? null,
          event.replacedBy ?? null,
          event.note ?? null,
          recordedAt,
          event.recordedBy ?? null,
        );
      const recorded: AgreementEvent = {
        ...event,
        id: Number(result.lastInsertRowid),
        agreementId,
        recordedAt,
      };
      if (event.type === 'extended') {
        // The new expiry date moves the agreement's clauses between status facets.
        const agreement = this.get(agreementId);
        const events = this.events([agreementId]).get(agreementId) ?? [];
        if (agreement) writeAgreementDocuments(this.db, agreementDocuments(agreement, events), agreementId);
      }
      return recorded;
    });
    const recorded = add.immediate();
    this.search.invalidate(agreementId);
    return recorded;
  }

  events(agreementIds?: readonly string[]): Map<string, AgreementEvent[]> {
    const rows = (
      agreementIds
        ? this.db
            .prepare(
              `SELECT * FROM agreement_events WHERE agreement_id IN (SELECT value FROM json_each(?)) ORDER BY date, id`,
            )
            .all(JSON.stringify(agreementIds))
        : this.db.prepare('SELECT * FROM agreement_events ORDER BY date, id').all()
    ) as EventRow[];
    const byAgreement = new Map<string, AgreementEvent[]>();
    for (const row of rows) {
      const event: AgreementEvent = {
        id: row.id,
        agreementId: row.agreement_id,
        type: row.type as AgreementEventType,
        date: row.date,
        recordedAt: row.recorded_at,
      };
      if (row.extended_to) event.extendedTo = row.extended_to;
      if (row.replaced_by) event.replacedBy = row.replaced_by;
      if (row.note) event.note = row.note;
      if (row.recorded_by) event.recordedBy = row.recorded_by;
      byAgreement.set(row.agreement_id, [...(byAgreement.get(row.agreement_id) ?? []), event]);
    }
    return byAgreement;
  }

  assessments(agreementIds?: readonly string[]): Map<string, AssessmentAnswer[]> {
    const rows = (
      agreementIds
        ? this.db
            .prepare(
              `SELECT agreement_id, criterion, value, note, answered_by, answered_at FROM assessments
               WHERE agreement_id IN (SELECT value FROM json_each(?)) ORDER BY agreement_id, criterion`,
            )
            .all(JSON.stringify(agreementIds))
        : this.db
            .prepare(
              'SELECT agreement_id, criterion, value, note, answered_by, answered_at FROM assessments ORDER BY agreement_id, criterion',
            )
            .all()
    ) as Array<AssessmentRow & { agreement_id: string }>;
    const byAgreement = new Map<string, AssessmentAnswer[]>();
    for (const row of rows) {
      const list = byAgreement.get(row.agreement_id) ?? [];
      list.push(toAnswer(row));
      byAgreement.set(row.agreement_id, list);
    }
    return byAgreement;
  }

  assessment(agreementId: string): AssessmentAnswer[] {
    const rows = this.db
      .prepare(
        'SELECT criterion, value, note, answered_by, answered_at FROM assessments WHERE agreement_id = ? ORDER BY criterion',
      )
      .all(agreementId) as AssessmentRow[];
    return rows.map(toAnswer);
  }

  saveAssessment(agreementId: string, answers: ReadonlyArray<AssessmentChange>): void {
    const save = this.db.transaction(() => {
      if (!this.statements.idTaken.get(agreementId)) throw agreementNotFound(agreementId);
      const upsert = this.db.prepare(
        `INSERT INTO assessments (agreement_id, criterion, value, note, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (agreement_id, criterion) DO UPDATE SET value = excluded.value, note = excluded.note,
           answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
      );
      const clear = this.db.prepare('DELETE FROM assessments WHERE agreement_id = ? AND criterion = ?');
      for (const answer of answers) {
        if (answer.value === null) clear.run(agreementId, answer.criterion);
        else
          upsert.run(
            agreementId,
            answer.criterion,
            JSON.stringify(answer.value),
            answer.note ?? null,
            answer.answeredBy,
            answer.answeredAt,
          );
      }
    });
    save.immediate();
  }

  corrections(sha256: string): Correction[] {
    const rows = this.db
      .prepare(
        'SELECT id, body_json, corrected_by, corrected_at FROM corrections WHERE sha256 = ? ORDER BY corrected_at, id',
      )
      .all(sha256) as Array<{ id: string; body_json: string; corrected_by: string; corrected_at: string }>;
    return rows.map((row) => ({
      ...(JSON.parse(row.body_json) as Omit<Correction, 'id' | 'by' | 'at'>),
      id: row.id,
      by: row.corrected_by,
      at: row.corrected_at,
    }));
  }

  addCorrection(agreementId: string, correction: Correction): void {
    const { id, by, at, ...body } = correction;
    this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT sha256 FROM agreements WHERE id = ?').get(agreementId) as
          | { sha256: string }
          | undefined;
        if (!row) throw agreementNotFound(agreementId);
        this.db
          .prepare(
            'INSERT INTO corrections (id, sha256, agreement_id, body_json, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(id, row.sha256, agreementId, JSON.stringify(body), by, at);
      })
      .immediate();
  }

  removeCorrection(agreementId: string, correctionId: string): boolean {
    const { changes } = this.db
      .prepare(
        'DELETE FROM corrections WHERE id = ? AND sha256 = (SELECT sha256 FROM agreements WHERE id = ?)',
      )
      .run(correctionId, agreementId);
    return changes > 0;
  }

  metaEdits(sha256: string): MetaEdit[] {
    const rows = this.db
      .prepare(
        `SELECT field, value_json, previous_json, previous_source_json, edited_by, edited_at
         FROM metadata_edits WHERE sha256 = ? ORDER BY edited_at, field`,
      )
      .all(sha256) as MetaEditRow[];
    return rows.map(toMetaEdit);
  }

  saveMetaEdit(agreementId: string, edit: MetaEdit): void {
    this.db
      .transaction(() => {
        const sha256 = this.shaOf(agreementId);
        // A second edit of a field keeps the value the text gave, to go back to it.
        this.db
          .prepare(
            `INSERT INTO metadata_edits (sha256, field, agreement_id, value_json, previous_json, previous_source_json,
               edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (sha256, field) DO UPDATE SET agreement_id = excluded.agreement_id,
               value_json = excluded.value_json, edited_by = excluded.edited_by, edited_at = excluded.edited_at`,
          )
          .run(
            sha256,
            edit.field,
            agreementId,
            JSON.stringify(edit.value),
            edit.previous === undefined ? null : JSON.stringify(edit.previous),
            edit.previousSource ? JSON.stringify(edit.previousSource) : null,
            edit.by,
            edit.at,
          );
      })
      .immediate();
  }

  removeMetaEdit(agreementId: string, field: EditableMetaField): MetaEdit | undefined {
    return this.db
      .transaction(() => {
        const sha256 = this.shaOf(agreementId);
        const row = this.db
          .prepare(
            `SELECT field, value_json, previous_json, previous_source_json, edited_by, edited_at
             FROM metadata_edits WHERE sha256 = ? AND field = ?`,
          )
          .get(sha256, field) as MetaEditRow | undefined;
        if (!row) return undefined;
        this.db.prepare('DELETE FROM metadata_edits WHERE sha256 = ? AND field = ?').run(sha256, field);
        return toMetaEdit(row);
      })
      .immediate();
  }

  setMeta(agreementId: string, meta: AgreementMeta): void {
    this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT filename FROM agreements WHERE id = ?').get(agreementId) as
          | { filename: string }
          | undefined;
        if (!row) throw agreementNotFound(agreementId);
        this.db
          .prepare(
            `UPDATE agreements SET employer = @employer, title = @title, industry = @industry, province = @province,
               province_folded = @provinceFolded, district_folded = @districtFolded, search_folded = @searchFolded,
               signed_on = @signedOn, effective_on = @effectiveOn, expires_on = @expiresOn, meta_json = @meta
             WHERE id = @id`,
          )
          .run({ id: agreementId, ...metaColumns(meta, row.filename) });
        // The search documents carry the metadata for filters and facets: written again, in this transaction.
        const agreement = this.get(agreementId);
        const events = this.events([agreementId]).get(agreementId) ?? [];
        if (agreement) writeAgreementDocuments(this.db, agreementDocuments(agreement, events), agreementId);
      })
      .immediate();
    this.search.invalidate(agreementId);
  }

  /** The sha256 of the document an agreement was read from. */
  private shaOf(agreementId: string): string {
    const row = this.db.prepare('SELECT sha256 FROM agreements WHERE id = ?').get(agreementId) as
      | { sha256: string }
      | undefined;
    if (!row) throw agreementNotFound(agreementId);
    return row.sha256;
  }

  setGrade(agreementId: string, grade: StoredGrade | undefined): void {
    const value = grade ?? null;
    const changed = this.db.transaction(() => {
      const { changes } = this.db
        .prepare('UPDATE agreements SET grade = ? WHERE id = ? AND grade IS NOT ?')
        .run(value, agreementId, value);
      if (changes)
        this.db.prepare('UPDATE search_docs SET grade = ? WHERE agreement_id = ?').run(value, agreementId);
      return changes > 0;
    })();
    if (changed) this.search.invalidate(agreementId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A readable id from the file name (or the employer), unique in the library. */
  private freeId(draft: AgreementDraft): string {
    const base =
      toSlug(draft.source.filename.replace(/\.[^.]+$/, '')) ||
      toSlug(draft.meta.employer ?? '') ||
      'thoa-uoc';
    let id = base;
    for (let n = 2; this.statements.idTaken.get(id); n++) id = `${base}-${n}`;
    return id;
  }
}

/** The filter and listing columns of the metadata (and the metadata itself as JSON). */
function metaColumns(meta: AgreementMeta, filename: string) {
  return {
    employer: meta.employer ?? null,
    title: meta.title ?? null,
    industry: meta.industry ?? null,
    province: meta.province ?? null,
    provinceFolded: meta.province ? foldText(meta.province) : null,
    districtFolded: meta.district ? foldText(meta.district) : null,
    searchFolded: foldText([meta.employer, meta.title, meta.unionSide, filename].join(' ')),
    signedOn: meta.signedOn ?? null,
    effectiveOn: meta.effectiveOn ?? null,
    expiresOn: meta.expiresOn ?? null,
    meta: JSON.stringify(meta),
  };
}

interface MetaEditRow {
  field: string;
  value_json: string;
  previous_json: string | null;
  previous_source_json: string | null;
  edited_by: string;
  edited_at: string;
}

interface AssessmentRow {
  criterion: string;
  value: string;
  note: string | null;
  answered_by: string;
  answered_at: string;
}

function toAnswer(row: AssessmentRow): AssessmentAnswer {
  return {
    criterion: row.criterion,
    value: JSON.parse(row.value) as boolean | number,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    ...(row.note ? { note: row.note } : {}),
  };
}

function toMetaEdit(row: MetaEditRow): MetaEdit {
  return {
    field: row.field as EditableMetaField,
    value: JSON.parse(row.value_json),
    ...(row.previous_json === null ? {} : { previous: JSON.parse(row.previous_json) }),
    ...(row.previous_source_json === null ? {} : { previousSource: JSON.parse(row.previous_source_json) }),
    by: row.edited_by,
    at: row.edited_at,
  };
}

/**
 * The order of every listing: newest signed (or effective) first, then by id. The index `agreements_list`
 * is on this very expression, so listing every id reads no agreement's row.
 */
const LIST_ORDER = "ORDER BY COALESCE(signed_on, effective_on, '') DESC, id";

/** The WHERE clause of a filter over the agreements table, and its parameters. */
function whereOf(filter: AgreementFilter): { clause: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.industry) {
    where.push('industry = @industry');
    params.industry = filter.industry;
  }
  if (filter.province) {
    // A current province also finds the agreements that name the former provinces it absorbed (2025).
    const names = provinceFilterNames(filter.province) ?? [filter.province];
    where.push(`province_folded IN (${names.map((_, i) => `@province${i}`).join(', ')})`);
    names.forEach((name, i) => {
      params[`province${i}`] = foldText(name);
    });
  }
  if (filter.grade) {
    where.push('grade = @grade');
    params.grade = filter.grade;
  }
  if (filter.visibility) {
    where.push(`visibility IN (${filter.visibility.map((_, i) => `@visibility${i}`).join(', ') || 'NULL'})`);
    filter.visibility.forEach((v, i) => {
      params[`visibility${i}`] = v;
    });
  }
  if (filter.district) {
    where.push("district_folded LIKE @district ESCAPE '\\'");
    params.district = `%${escapeLike(foldText(filter.district))}%`;
  }
  if (filter.q) {
    foldText(filter.q)
      .split(' ')
      .filter(Boolean)
      .forEach((word, i) => {
        where.push(`search_folded LIKE @q${i} ESCAPE '\\'`);
        params[`q${i}`] = `%${escapeLike(word)}%`;
      });
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { clause, params };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toSummaryParts(row: Row): Omit<Agreement, 'tree' | 'preamble' | 'closing' | 'warnings'> {
  return {
    id: row.id,
    meta: JSON.parse(row.meta_json),
    source: {
      filename: row.filename,
      format: row.format as Agreement['source']['format'],
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
    },
    stats: { articles: row.article_count, clauses: row.clause_count, nodes: row.node_count },
    importedAt: row.imported_at,
    ...(row.grade ? { grade: row.grade as StoredGrade } : {}),
  };
}

function toSummary(row: Row): AgreementSummary {
  return { ...toSummaryParts(row), warningCount: row.warning_count };
}
