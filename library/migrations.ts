/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how far
 * a database has come. Append new migrations, never edit applied ones.
 */

import type { Database } from 'better-sqlite3';

/**
 * The triggers that append to `verdict_changes` the agreements (and the floor period, for stored verdicts)
 * of every row inserted into, updated in or deleted from a table: before and after, for an update.
 * @param rows the SELECT of the (agreement_id, period) rows of the trigger's row `OLD` or `NEW`
 */
function changeTriggers(name: string, table: string, rows: (row: 'OLD' | 'NEW') => string): string {
  const log = (...sides: Array<'OLD' | 'NEW'>) =>
    `BEGIN INSERT INTO verdict_changes (agreement_id, period) ${sides.map(rows).join(' UNION ')}; END;`;
  return [
    `CREATE TRIGGER IF NOT EXISTS verdict_changes_${name}_insert AFTER INSERT ON ${table} ${log('NEW')}`,
    `CREATE TRIGGER IF NOT EXISTS verdict_changes_${name}_update AFTER UPDATE ON ${table} ${log('OLD', 'NEW')}`,
    `CREATE TRIGGER IF NOT EXISTS verdict_changes_${name}_delete AFTER DELETE ON ${table} ${log('OLD')}`,
  ].join('\n  ');
}

export const MIGRATIONS: readonly string[] = [
  // 1: agreements with their metadata columns for filtering, and original documents.
  `
  CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    employer TEXT,
    title TEXT,
    industry TEXT,
    province TEXT,
    province_folded TEXT,
    district_folded TEXT,
    search_folded TEXT NOT NULL,
    signed_on TEXT,
    effective_on TEXT,
    expires_on TEXT,
    article_count INTEGER NOT NULL,
    clause_count INTEGER NOT NULL,
    node_count INTEGER NOT NULL,
    warning_count INTEGER NOT NULL,
    meta_json TEXT NOT NULL,
    tree_json TEXT NOT NULL,
    preamble_json TEXT NOT NULL,
    closing_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );
  CREATE INDEX agreements_industry ON agreements(industry);
  CREATE INDEX agreements_province ON agreements(province_folded);
  CREATE INDEX agreements_expires ON agreements(expires_on);
  CREATE TABLE sources (
    agreement_id TEXT PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
  );
  `,
  // 2: events recorded after signing (filed, negotiation started, replaced, extended), kept as history.
  `
  CREATE TABLE agreement_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    extended_to TEXT,
    replaced_by TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT
  );
  CREATE INDEX agreement_events_agreement ON agreement_events(agreement_id, date);
  `,
  // 3: the embedded search index: one document per clause node (and per clause of the law), folded and
  // exact text in FTS5, topics for filters and facets. Existing agreements are indexed when the library opens.
  `
  CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    agreement_id TEXT REFERENCES agreements(id) ON DELETE CASCADE,
    clause_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    heading TEXT,
    text TEXT NOT NULL,
    employer TEXT,
    industry TEXT,
    province TEXT,
    district_folded TEXT,
    superior_union_folded TEXT,
    level TEXT,
    topics TEXT NOT NULL,
    signed_on TEXT,
    effective_on TEXT,
    expires_on TEXT,
    grade TEXT,
    ord INTEGER NOT NULL
  );
  CREATE INDEX search_docs_agreement ON search_docs(agreement_id, ord);
  CREATE INDEX search_docs_industry ON search_docs(industry);
  CREATE INDEX search_docs_province ON search_docs(province);
  CREATE TABLE search_topics (
    topic TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES search_docs(id) ON DELETE CASCADE,
    PRIMARY KEY (topic, doc)
  ) WITHOUT ROWID;
  CREATE INDEX search_topics_doc ON search_topics(doc);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    heading_f, text_f, employer_f, exact,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
  );
  CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
  END;
  `,
  // 4: browsing without a query lists the newest agreements first, in document order, from an index;
  // the facet columns are read from a covering index, without the wide text of each row.
  `
  CREATE INDEX search_docs_browse ON search_docs(signed_on DESC, agreement_id, ord);
  CREATE INDEX search_docs_facets ON search_docs(
    id, source, agreement_id, industry, province, district_folded, level, grade, topics, effective_on, expires_on
  );
  `,
  // 5: grading: the officer's answers per criterion (who, when), and the grade last computed.
  `
  CREATE TABLE assessments (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT,
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (agreement_id, criterion)
  );
  ALTER TABLE agreements ADD COLUMN grade TEXT;
  CREATE INDEX agreements_grade ON agreements(grade);
  `,
  // 6: officers' corrections of comparison rows, kept by the document's sha256 (not by the agreement row),
  // so removing and importing the same document again finds them; the agreement id is where they were made.
  `
  CREATE TABLE corrections (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    agreement_id TEXT NOT NULL,
    body_json TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    corrected_at TEXT NOT NULL
  );
  CREATE INDEX corrections_sha256 ON corrections(sha256, corrected_at);
  `,
  // drafts: a union's draft agreement worked on before bargaining, saved as Markdown version after version
  // (who, when, what changed); opened with the write token or the draft's own secret link (stored hashed).
  `
  CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    secret_hash TEXT,
    industry TEXT,
    province TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    agreement_id TEXT
  );
  CREATE TABLE IF NOT EXISTS draft_versions (
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
  );
  `,
  // search phrases: which of the thesaurus's phrases each search document holds, noted at import, so a query's
  // alternatives are answered from it instead of a second FTS5 phrase pass; with the fingerprint of the phrase
  // list they were noted with. Existing documents are noted when the library opens (and again whenever the
  // thesaurus's phrases change).
  `
  CREATE TABLE search_phrases (
    phrase TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES search_docs(id) ON DELETE CASCADE,
    PRIMARY KEY (phrase, doc)
  ) WITHOUT ROWID;
  CREATE INDEX search_phrases_doc ON search_phrases(doc);
  CREATE TABLE search_phrase_set (fingerprint TEXT NOT NULL);
  `,
  // accounts (issue 21): users with scrypt password hashes, sessions and API keys stored as SHA-256 digests
  // only, each agreement's visibility and owner, and the append-only audit log (triggers refuse UPDATE/DELETE).
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'officer', 'chair', 'reader')),
    provinces_json TEXT NOT NULL DEFAULT '[]',
    unions_json TEXT NOT NULL DEFAULT '[]',
    agreements_json TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    csrf_secret TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE api_keys (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX api_keys_user ON api_keys(user_id);
  ALTER TABLE agreements ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public';
  ALTER TABLE agreements ADD COLUMN owner_id TEXT;
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    agreement_id TEXT,
    before_json TEXT,
    after_json TEXT
  );
  CREATE INDEX audit_log_at ON audit_log(at);
  CREATE INDEX audit_log_agreement ON audit_log(agreement_id, at);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
  END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
  END;
  `,
  // Several files per agreement (a Word file and its signed PDF): every source file keyed by its sha256,
  // with the agreement it belongs to; the content key recognises the same text in another file. The old
  // one-blob-per-agreement table is copied over and dropped. Content keys are filled when the library opens.
  `
  CREATE TABLE source_files (
    sha256 TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    added_at TEXT NOT NULL
  );
  CREATE INDEX source_files_agreement ON source_files(agreement_id, added_at);
  INSERT INTO source_files (sha256, agreement_id, filename, format, media_type, size, bytes, added_at)
    SELECT a.sha256, a.id, a.filename, a.format, a.media_type, a.size, s.bytes, a.imported_at
    FROM agreements a JOIN sources s ON s.agreement_id = a.id;
  DROP TABLE sources;
  ALTER TABLE agreements ADD COLUMN content_key TEXT;
  CREATE INDEX agreements_content_key ON agreements(content_key);
  `,
  // Officers' edits of metadata, one per field, kept by the document's sha256 (as corrections are) so a
  // re-import of the same document keeps them; the value the text gave is kept to withdraw an edit.
  `
  CREATE TABLE metadata_edits (
    sha256 TEXT NOT NULL,
    field TEXT NOT NULL,
    agreement_id TEXT NOT NULL,
    value_json TEXT NOT NULL,
    previous_json TEXT,
    previous_source_json TEXT,
    edited_by TEXT NOT NULL,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (sha256, field)
  );
  `,
  // The links between an agreement and the one it replaces, looked up at each import and on each agreement
  // page: by the signing day, the day a newer one names, and the predecessor linked (partial indexes, small).
  `
  CREATE INDEX agreements_signed_on ON agreements(signed_on);
  CREATE INDEX agreements_replaces_signed_on ON agreements(json_extract(meta_json, '$.replacesSignedOn'))
    WHERE json_extract(meta_json, '$.replacesSignedOn') IS NOT NULL;
  CREATE INDEX agreements_predecessor ON agreements(json_extract(meta_json, '$.predecessorId'))
    WHERE json_extract(meta_json, '$.predecessorId') IS NOT NULL;
  `,
  // Stored measures and verdicts (the parts of each agreement's comparison the library-wide questions read),
  // by floor period (a fingerprint of the floors in force) and data (a fingerprint of the floors, topics,
  // thesaurus and comparison code). The document, metadata and corrections they were computed from are kept
  // with them: a row whose agreement has changed since is stale, and recomputed in the background.
  `
  CREATE TABLE IF NOT EXISTS stored_verdicts (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    data TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    corrections TEXT NOT NULL,
    below INTEGER NOT NULL,
    verdicts_json TEXT NOT NULL,
    PRIMARY KEY (agreement_id, period)
  );
  `,
  // The change log of what the library-wide questions read, by agreement: any write (from this process or
  // another, by any path) to an agreement, its events, answers, corrections or stored verdicts appends its id,
  // so a service keeping those in memory reads back only the agreements changed since it last looked.
  `
  CREATE TABLE IF NOT EXISTS verdict_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id TEXT NOT NULL,
    -- Set for a change of stored verdicts: only the memory of that floor period reads it.
    period TEXT
  );
  ${changeTriggers('agreement', 'agreements', (row) => `SELECT ${row}.id, NULL`)}
  ${changeTriggers('event', 'agreement_events', (row) => `SELECT ${row}.agreement_id, NULL`)}
  ${changeTriggers('answer', 'assessments', (row) => `SELECT ${row}.agreement_id, NULL`)}
  ${changeTriggers('correction', 'corrections', (row) => `SELECT id, NULL FROM agreements WHERE sha256 = ${row}.sha256`)}
  ${changeTriggers('verdicts', 'stored_verdicts', (row) => `SELECT ${row}.agreement_id, ${row}.period`)}
  `,
  // The list's order (`LIST_ORDER` in sqlite-library.ts, the same expression) from an index that covers the
  // visibility too (every reader's filter): listing the ids of 30,000 agreements read every wide row (their
  // trees) and sorted them, 80–710 ms; 10–20 ms so.
  `
  CREATE INDEX agreements_list ON agreements(COALESCE(signed_on, effective_on, '') DESC, id, visibility);
  `,
  // The change log of the search documents: every document added, removed or updated, by any connection
  // (a command line import beside a running server too), so an index keeping term lists, the browsing order
  // and the facet columns in memory patches them from the documents changed since it last looked instead of
  // reading everything again (library/sqlite-search.ts). Kept to its last rows by the writers; a reader that
  // fell behind them reads everything again. `change`: 1 added, 0 removed, 2 updated in place (the grade).
  `
  CREATE TABLE search_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc INTEGER NOT NULL,
    agreement_id TEXT,
    change INTEGER NOT NULL
  );
  CREATE TRIGGER search_changes_insert AFTER INSERT ON search_docs
    BEGIN INSERT INTO search_changes (doc, agreement_id, change) VALUES (NEW.id, NEW.agreement_id, 1); END;
  CREATE TRIGGER search_changes_delete AFTER DELETE ON search_docs
    BEGIN INSERT INTO search_changes (doc, agreement_id, change) VALUES (OLD.id, OLD.agreement_id, 0); END;
  CREATE TRIGGER search_changes_update AFTER UPDATE ON search_docs
    BEGIN INSERT INTO search_changes (doc, agreement_id, change) VALUES (NEW.id, NEW.agreement_id, 2); END;
  `,
];

/** Brings a database up to the latest schema; each step is its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `Database schema version ${current} is newer than this program knows (${MIGRATIONS.length}); upgrade the program.`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
