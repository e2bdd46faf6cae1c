/**
 * The embedded search index: SQLite FTS5 in the library's own database file.
 * Each document is indexed folded (`luong` finds `lương` and `lượng`) and
 * exact (lower case with diacritics): a query typed with diacritics matches
 * the folded columns and also the exact one, so exact spellings score higher.
 * Facets are counted over the whole result; statuses are judged on the
 * query's day from each agreement's dates.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { EXPIRY_RULE, type ExpiryStatus, expiryDateRange } from '../clauses/expiry.ts';
import {
  highlightSpans,
  type ParsedQuery,
  parseSearchQuery,
  type QueryTerm,
} from '../clauses/search-text.ts';
import { foldText, lowerText } from '../clauses/text.ts';
import type { Agreement, AgreementEvent } from '../clauses/types.ts';
import { agreementDocuments, lawDocuments } from './documents.ts';
import { FacetColumns } from './facet-columns.ts';
import type {
  Facet,
  ReindexReport,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from './search-types.ts';

interface DocRow {
  id: number;
  source: 'agreement' | 'law';
  agreement_id: string | null;
  clause_id: string;
  kind: string;
  path: string;
  heading: string | null;
  text: string;
  employer: string | null;
  industry: string | null;
  province: string | null;
  topics: string;
  score: number | null;
}

/** Writes an agreement's documents (replacing what was there); call inside the caller's transaction. */
export function writeAgreementDocuments(
  db: BetterSqlite3.Database,
  documents: readonly SearchDocument[],
  agreementId: string,
) {
  db.prepare('DELETE FROM search_docs WHERE agreement_id = ?').run(agreementId);
  insertDocuments(db, documents);
}

function insertDocuments(db: BetterSqlite3.Database, documents: readonly SearchDocument[]) {
  const insertDoc = db.prepare(
    `INSERT INTO search_docs (doc_id, source, agreement_id, clause_id, kind, path, heading, text, employer, industry,
       province, district_folded, superior_union_folded, level, topics, signed_on, effective_on, expires_on, grade, ord)
     VALUES (@id, @source, @agreementId, @clauseId, @kind, @path, @heading, @text, @employer, @industry,
       @province, @districtFolded, @superiorUnionFolded, @level, @topics, @signedOn, @effectiveOn, @expiresOn, @grade, @order)`,
  );
  const insertText = db.prepare(
    'INSERT INTO search_fts (rowid, heading_f, text_f, employer_f, exact) VALUES (?, ?, ?, ?, ?)',
  );
  const insertTopic = db.prepare('INSERT INTO search_topics (topic, doc) VALUES (?, ?)');
  for (const doc of documents) {
    const { lastInsertRowid } = insertDoc.run({
      id: doc.id,
      source: doc.source,
      agreementId: doc.agreementId ?? null,
      clauseId: doc.clauseId,
      kind: doc.kind,
      path: doc.path,
      heading: doc.heading ?? null,
      text: doc.text,
      employer: doc.employer ?? null,
      industry: doc.industry ?? null,
      province: doc.province ?? null,
      districtFolded: doc.district ? foldText(doc.district) : null,
      superiorUnionFolded: doc.superiorUnion ? foldText(doc.superiorUnion) : null,
      level: doc.level ?? null,
      topics: doc.topics.join(' '),
      signedOn: doc.signedOn ?? null,
      effectiveOn: doc.effectiveOn ?? null,
      expiresOn: doc.expiresOn ?? null,
      grade: doc.grade ?? null,
      order: doc.order,
    });
    insertText.run(
      lastInsertRowid,
      foldText(doc.heading ?? ''),
      foldText(doc.text),
      foldText(doc.employer ?? ''),
      lowerText(`${doc.heading ?? ''} ${doc.text}`),
    );
    for (const topic of doc.topics) insertTopic.run(topic, lastInsertRowid);
  }
}

/** Adds the law's documents once (they ship with the program). */
export function ensureLawDocuments(db: BetterSqlite3.Database): void {
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE source = 'law'").get() as {
    n: number;
  };
  if (n === 0) db.transaction(() => insertDocuments(db, lawDocuments()))();
}

const FOLDED_COLUMNS = '{heading_f text_f employer_f}';

function foldedTerm(term: QueryTerm): string {
  return `${FOLDED_COLUMNS} : "${term.folded.join(' ')}"${term.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression that finds a query's documents: every term, folded. */
export function toFtsQuery(parsed: ParsedQuery): string {
  return parsed.terms.map(foldedTerm).join(' AND ');
}

/**
 * The expression of the documents that also match every accented term with its
 * diacritics (ranked first), or `undefined` when the query has none.
 */
export function toExactFtsQuery(parsed: ParsedQuery): string | undefined {
  if (!parsed.terms.some((t) => t.accented)) return undefined;
  return parsed.terms
    .map((t) => (t.accented ? `exact : "${t.words.join(' ')}"${t.prefix ? '*' : ''}` : foldedTerm(t)))
    .join(' AND ');
}

interface Where {
  clauses: string[];
  params: Record<string, string | number>;
}

/**
 * The SQL of one expiry status on a day, translated from the rule's table
 * (clauses/expiry-rule.ts). Dates are ISO strings, so they compare as text;
 * the law has no expiry status.
 */
function statusCondition(status: ExpiryStatus, on: string, where: Where, name: string): string {
  const row = EXPIRY_RULE.find((r) => r.status === status);
  if (!row) return '0';
  const param = (suffix: string, value: string) => {
    where.params[`${name}${suffix}`] = value;
    return `@${name}${suffix}`;
  };
  const day = param('On', on);
  const { condition } = row;
  let test: string;
  switch (condition.kind) {
    case 'not_started':
      test = `d.effective_on > ${day}`;
      break;
    case 'dates_missing':
      test = `(d.effective_on IS NULL OR (d.effective_on <= ${day} AND d.expires_on IS NULL))`;
      break;
    case 'expires_within': {
      const { from, to } = expiryDateRange(condition, on);
      test = [
        `d.effective_on <= ${day}`,
        from || to ? '' : 'd.expires_on IS NOT NULL',
        from ? `d.expires_on >= ${param('From', from)}` : '',
        to ? `d.expires_on <= ${param('To', to)}` : '',
      ]
        .filter(Boolean)
        .join(' AND ');
      break;
    }
  }
  return `(d.source = 'agreement' AND ${test})`;
}

function buildWhere(query: SearchQuery): Where {
  const where: Where = { clauses: [], params: {} };
  const list = (column: string, values: readonly string[] | undefined, name: string) => {
    if (!values?.length) return;
    const names = values.map((value, i) => {
      where.params[`${name}${i}`] = value;
      return `@${name}${i}`;
    });
    where.clauses.push(`${column} IN (${names.join(', ')})`);
  };
  const { filters } = query;
  if (query.source === 'agreements') where.clauses.push("d.source = 'agreement'");
  if (query.source === 'law') where.clauses.push("d.source = 'law'");
  list('d.industry', filters.industry, 'industry');
  list('d.province', filters.province, 'province');
  list('d.level', filters.level, 'level');
  list('d.grade', filters.grade, 'grade');
  list('d.agreement_id', filters.agreement, 'agreement');
  if (filters.topic?.length) {
    const names = filters.topic.map((topic, i) => {
      where.params[`topic${i}`] = topic;
      return `@topic${i}`;
    });
    where.clauses.push(`d.id IN (SELECT doc FROM search_topics WHERE topic IN (${names.join(', ')}))`);
  }
  if (filters.district?.length) {
    const parts = filters.district.map((district, i) => {
      where.params[`district${i}`] = `%${foldText(district).replace(/[\\%_]/g, '\\$&')}%`;
      return `d.district_folded LIKE @district${i} ESCAPE '\\'`;
    });
    where.clauses.push(`(${parts.join(' OR ')})`);
  }
  if (filters.status?.length) {
    // Statuses are judged on the query's day.
    where.clauses.push(
      `(${filters.status.map((s, i) => statusCondition(s, query.on, where, `status${i}`)).join(' OR ')})`,
    );
  }
  return where;
}

interface Candidates {
  ids: Int32Array;
  scores: Float64Array;
  /** 1 where the document also matches the accented words with their diacritics. */
  exact: Uint8Array | undefined;
}

/** Ids held by the cache of recent matches, about 13 bytes each: some 50 MB at most. */
const MAX_CACHED_IDS = 4_000_000;

const HIT_COLUMNS =
  'd.id, d.source, d.agreement_id, d.clause_id, d.kind, d.path, d.heading, d.text, d.employer, d.industry, d.province, d.topics';

const ORDER: Record<string, string> = {
  newest: 'd.effective_on DESC, d.agreement_id, d.ord',
  oldest: 'd.effective_on ASC, d.agreement_id, d.ord',
  expires: 'd.expires_on IS NULL, d.expires_on ASC, d.agreement_id, d.ord',
  // Law documents have no signing date: they come last.
  browse: 'd.signed_on DESC, d.agreement_id, d.ord',
};

export class SqliteSearch implements SearchIndex {
  readonly backend = 'sqlite-fts5';
  /** Read on first use; then kept up to date agreement by agreement. */
  private columns: FacetColumns | undefined;
  private stale = true;
  private readonly changed = new Set<string>();
  /**
   * The matches of recent text queries with their scores: the same words come
   * back with other filters, pages and facets, and FTS5 need not rank them again.
   * Emptied by every write; bounded by the number of ids held.
   */
  private readonly candidates = new LRUCache<string, Candidates>({
    maxSize: MAX_CACHED_IDS,
    sizeCalculation: ({ ids }) => Math.max(1, ids.length),
  });

  constructor(private readonly db: BetterSqlite3.Database) {
    ensureLawDocuments(db);
  }

  /**
   * Tells the index that documents changed (the library writes them in its own transactions):
   * those of one agreement, or all of them.
   */
  invalidate(agreementId?: string): void {
    if (agreementId === undefined) this.stale = true;
    else this.changed.add(agreementId);
    this.clearQueryCache();
  }

  /** Forgets the cached matches of recent queries (benchmarks measure cold queries with it). */
  clearQueryCache(): void {
    this.candidates.clear();
  }

  /** Every match of a text query with its bm25 score and whether it matches the accented words exactly. */
  private matchesOf(match: string, exactQuery: string | undefined): Candidates {
    const key = `${match}\u0000${exactQuery ?? ''}`;
    const cached = this.candidates.get(key);
    if (cached) return cached;
    const rows = this.db
      .prepare('SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.5, 0.0) FROM search_fts WHERE search_fts MATCH ?')
      .raw()
      .all(match) as Array<[number, number]>;
    const ids = new Int32Array(rows.length);
    const scores = new Float64Array(rows.length);
    rows.forEach(([id, score], k) => {
      ids[k] = id;
      scores[k] = score;
    });
    let exact: Uint8Array | undefined;
    if (exactQuery) {
      const exactIds = new Set(
        this.db
          .prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
          .pluck()
          .all(exactQuery) as number[],
      );
      exact = new Uint8Array(rows.length);
      for (let k = 0; k < ids.length; k++) if (exactIds.has(ids[k]!)) exact[k] = 1;
    }
    const candidates: Candidates = { ids, scores, exact };
    this.candidates.set(key, candidates);
    return candidates;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const parsed = parseSearchQuery(query.q);
    const columns = this.currentColumns();
    const match = parsed.terms.length ? toFtsQuery(parsed) : undefined;
    let result: { total: number; facets: Record<Facet, Record<string, number>>; rows: DocRow[] };
    if (match && query.sort === 'relevance') result = this.ranked(parsed, match, columns, query);
    else {
      const ids = match
        ? (this.db
            .prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
            .pluck()
            .all(match) as number[])
        : undefined;
      result = { ...columns.count(ids, query), rows: this.ordered(match, query) };
    }
    return {
      total: result.total,
      hits: result.rows.map((row) => toHit(row, parsed)),
      facets: result.facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      backend: this.backend,
    };
  }

  /**
   * Relevance: one pass of FTS5 gives every match with its bm25 score; the
   * typed-array columns filter and count them; exact-diacritic matches rank
   * first, then bm25; only the page's documents are read.
   */
  private ranked(parsed: ParsedQuery, match: string, columns: FacetColumns, query: SearchQuery) {
    const { ids, scores, exact } = this.matchesOf(match, toExactFtsQuery(parsed));
    // bm25 is lower-is-better and negative; exact matches are moved ahead of every other match.
    const key = (k: number) => (exact?.[k] ? scores[k]! - 1e9 : scores[k]!);
    const wanted = query.offset + query.limit;
    const best: number[] = [];
    const counts = columns.count(ids, query, (k) => {
      // Keep the `wanted` best positions, sorted; most matches fall below the last and cost one comparison.
      if (best.length === wanted && key(k) >= key(best[wanted - 1]!)) return;
      let at = best.length;
      while (at > 0 && key(best[at - 1]!) > key(k)) at--;
      best.splice(at, 0, k);
      if (best.length > wanted) best.pop();
    });
    const page = best.slice(query.offset);
    const rows = page.length
      ? (this.db
          .prepare(
            `SELECT ${HIT_COLUMNS}, NULL AS score FROM search_docs d WHERE d.id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(page.map((k) => ids[k]))) as DocRow[])
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      ...counts,
      rows: page.flatMap((k) => {
        const row = byId.get(ids[k]!);
        return row ? [{ ...row, score: exact?.[k] ? scores[k]! - 1 : scores[k]! }] : [];
      }),
    };
  }

  /** Browsing, or another order than relevance: SQL with the filters, from the indexes. */
  private ordered(match: string | undefined, query: SearchQuery): DocRow[] {
    const where = buildWhere(query);
    const from = match ? 'search_fts f JOIN search_docs d ON d.id = f.rowid' : 'search_docs d';
    const conditions = [...(match ? ['search_fts MATCH @match'] : []), ...where.clauses];
    const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const order = query.sort === 'relevance' ? ORDER.browse : (ORDER[query.sort] ?? ORDER.browse);
    return this.db
      .prepare(
        `SELECT ${HIT_COLUMNS}, NULL AS score FROM ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...where.params,
        ...(match ? { match } : {}),
        limit: query.limit,
        offset: query.offset,
      }) as DocRow[];
  }

  /** The facet columns, read on first use and then kept up to date agreement by agreement. */
  private currentColumns(): FacetColumns {
    if (!this.columns || this.stale) {
      this.columns = FacetColumns.load(this.db);
      this.stale = false;
      this.changed.clear();
    } else if (this.changed.size) {
      this.columns.refresh(this.db, this.changed);
      this.changed.clear();
    }
    return this.columns;
  }

  async indexAgreement(agreement: Agreement, events: readonly AgreementEvent[] = []): Promise<void> {
    this.db.transaction(() =>
      writeAgreementDocuments(this.db, agreementDocuments(agreement, events), agreement.id),
    )();
    this.invalidate();
  }

  async removeAgreement(id: string): Promise<void> {
    this.db.prepare('DELETE FROM search_docs WHERE agreement_id = ?').run(id);
    this.invalidate(id);
  }

  async rebuild(
    agreements: Iterable<{ agreement: Agreement; events: readonly AgreementEvent[] }>,
    onProgress?: (done: number) => void,
  ): Promise<ReindexReport> {
    let done = 0;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM search_docs');
      insertDocuments(this.db, lawDocuments());
      for (const { agreement, events } of agreements) {
        insertDocuments(this.db, agreementDocuments(agreement, events));
        done++;
        onProgress?.(done);
      }
    })();
    this.invalidate();
    const { n } = this.db
      .prepare("SELECT COUNT(*) AS n FROM search_docs WHERE source = 'agreement'")
      .get() as { n: number };
    return { agreements: done, documents: n };
  }

  async health(): Promise<{ ok: boolean; documents: number }> {
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM search_docs').get() as { n: number };
    return { ok: true, documents: n };
  }
}

function toHit(row: DocRow, parsed: ParsedQuery): SearchHit {
  const hit: SearchHit = {
    source: row.source,
    clauseId: row.clause_id,
    kind: row.kind,
    path: row.path,
    text: row.text,
    highlight: highlightSpans(row.text || (row.heading ?? ''), parsed),
    topics: row.topics ? row.topics.split(' ') : [],
    // FTS5's bm25 is lower-is-better; hits carry higher-is-better scores.
    score: row.score === null ? 0 : Math.round(-row.score * 1e6) / 1e6,
  };
  if (row.agreement_id) hit.agreementId = row.agreement_id;
  if (row.heading) hit.heading = row.heading;
  if (row.employer) hit.employer = row.employer;
  if (row.industry) hit.industry = row.industry;
  if (row.province) hit.province = row.province;
  return hit;
}
