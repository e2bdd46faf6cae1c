/**
 * The embedded search index: SQLite FTS5 in the library's own database file.
 * Each document is indexed folded (`luong` finds `lương` and `lượng`) and
 * exact (lower case with diacritics): a query typed with diacritics matches
 * the folded columns and also the exact one, so exact spellings score higher.
 * Facets are counted over the whole result; statuses are judged on the
 * query's day from each agreement's dates.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../clauses/dates.ts';
import { type ExpiryStatus, PROCEDURE, statusOnDate } from '../clauses/expiry.ts';
import { highlightText, type ParsedQuery, parseSearchQuery, type QueryTerm } from '../clauses/search-text.ts';
import { foldText, lowerText } from '../clauses/text.ts';
import type { Agreement, AgreementEvent } from '../clauses/types.ts';
import { agreementDocuments, lawDocuments } from './documents.ts';
import {
  FACETS,
  type Facet,
  type ReindexReport,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
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

/** One term as FTS5 syntax: folded for recall, or-ed with the exact spelling to rank it first. */
function termExpression(term: QueryTerm): string {
  const star = term.prefix ? '*' : '';
  const folded = `${FOLDED_COLUMNS} : "${term.folded.join(' ')}"${star}`;
  return term.accented ? `(${folded} OR exact : "${term.words.join(' ')}"${star})` : folded;
}

/** The FTS5 MATCH expression of a parsed query: every term must match. */
export function toFtsQuery(parsed: ParsedQuery): string {
  return parsed.terms.map(termExpression).join(' AND ');
}

interface Where {
  clauses: string[];
  params: Record<string, string | number>;
}

function statusCondition(status: ExpiryStatus, on: string): string {
  const window = PROCEDURE.rules.renewalWindowDays.value;
  const continuation = PROCEDURE.rules.continuationDays.value;
  const started = `d.effective_on <= '${on}'`;
  switch (status) {
    case 'not_yet_effective':
      return `d.effective_on > '${on}'`;
    case 'unknown':
      return '(d.effective_on IS NULL OR d.expires_on IS NULL)';
    case 'in_force':
      return `(${started} AND d.expires_on > '${addDays(on, window)}')`;
    case 'renewal_window':
      return `(${started} AND d.expires_on BETWEEN '${on}' AND '${addDays(on, window)}')`;
    case 'continuation':
      return `(${started} AND d.expires_on BETWEEN '${addDays(on, -continuation)}' AND '${addDays(on, -1)}')`;
    case 'expired':
      return `(${started} AND d.expires_on < '${addDays(on, -continuation)}')`;
  }
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
    // Statuses are judged on the query's day; the dates are ISO strings, so they compare as text.
    where.clauses.push(`(${filters.status.map((s) => statusCondition(s, query.on)).join(' OR ')})`);
  }
  return where;
}

const ORDER: Record<string, string> = {
  newest: 'd.effective_on DESC, d.agreement_id, d.ord',
  oldest: 'd.effective_on ASC, d.agreement_id, d.ord',
  expires: 'd.expires_on IS NULL, d.expires_on ASC, d.agreement_id, d.ord',
  browse: "d.source = 'law', d.signed_on DESC, d.agreement_id, d.ord",
};

function emptyFacets(): Record<Facet, Record<string, number>> {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as Record<Facet, Record<string, number>>;
}

function bump(counts: Record<string, number>, key: string | null | undefined) {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
}

/** Sorts facet values by count, then name, so clients can show them in order. */
function sortFacets(facets: Record<Facet, Record<string, number>>): Record<Facet, Record<string, number>> {
  const sorted = emptyFacets();
  for (const facet of FACETS) {
    const entries = Object.entries(facets[facet]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    sorted[facet] = Object.fromEntries(entries);
  }
  return sorted;
}

export class SqliteSearch implements SearchIndex {
  readonly backend = 'sqlite-fts5';
  /** Bumped on every write; keys the cache of facet counts for browsing without a query. */
  private generation = 0;
  private readonly browseCache = new Map<
    string,
    { generation: number; total: number; facets: Record<Facet, Record<string, number>> }
  >();

  constructor(private readonly db: BetterSqlite3.Database) {
    ensureLawDocuments(db);
  }

  /** Tells the index that documents changed (the library writes them in its own transactions). */
  invalidate(): void {
    this.generation++;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const parsed = parseSearchQuery(query.q);
    const where = buildWhere(query);
    const hasText = parsed.terms.length > 0;
    const from = hasText ? 'search_fts f JOIN search_docs d ON d.id = f.rowid' : 'search_docs d';
    const conditions = [...(hasText ? ['search_fts MATCH @match'] : []), ...where.clauses];
    const params = { ...where.params, ...(hasText ? { match: toFtsQuery(parsed) } : {}) };
    const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

    const { total, facets } = this.count(from, whereSql, params, query, hasText);
    const score = hasText ? 'bm25(search_fts, 4.0, 1.0, 0.5, 2.0)' : 'NULL';
    const order =
      query.sort === 'relevance'
        ? hasText
          ? 'score, d.id'
          : ORDER.browse
        : (ORDER[query.sort] ?? ORDER.browse);
    const rows = this.db
      .prepare(
        `SELECT d.id, d.source, d.agreement_id, d.clause_id, d.kind, d.path, d.heading, d.text, d.employer, d.industry,
           d.province, d.topics, ${score} AS score
         FROM ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }) as DocRow[];
    return {
      total,
      hits: rows.map((row) => toHit(row, parsed)),
      facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      backend: this.backend,
    };
  }

  /** Total and facet counts over every matching document, in one pass. */
  private count(
    from: string,
    whereSql: string,
    params: Record<string, string | number>,
    query: SearchQuery,
    hasText: boolean,
  ): { total: number; facets: Record<Facet, Record<string, number>> } {
    const key = hasText ? undefined : `${whereSql}|${JSON.stringify(params)}|${query.on}`;
    const cached = key ? this.browseCache.get(key) : undefined;
    if (cached && cached.generation === this.generation) return cached;
    const facets = emptyFacets();
    let total = 0;
    const rows = this.db
      .prepare(
        `SELECT d.industry, d.province, d.topics, d.effective_on, d.expires_on, d.grade, d.source FROM ${from} ${whereSql}`,
      )
      .raw()
      .iterate(params) as IterableIterator<
      [string | null, string | null, string, string | null, string | null, string | null, string]
    >;
    for (const [industry, province, topics, effectiveOn, expiresOn, grade, source] of rows) {
      total++;
      bump(facets.industry, industry);
      bump(facets.province, province);
      if (topics) for (const topic of topics.split(' ')) bump(facets.topic, topic);
      if (source === 'agreement')
        bump(facets.status, statusOnDate(effectiveOn ?? undefined, expiresOn ?? undefined, query.on));
      bump(facets.grade, grade);
    }
    const result = { total, facets: sortFacets(facets) };
    if (key) {
      if (this.browseCache.size > 500) this.browseCache.clear();
      this.browseCache.set(key, { ...result, generation: this.generation });
    }
    return result;
  }

  async indexAgreement(agreement: Agreement, events: readonly AgreementEvent[] = []): Promise<void> {
    this.db.transaction(() =>
      writeAgreementDocuments(this.db, agreementDocuments(agreement, events), agreement.id),
    )();
    this.invalidate();
  }

  async removeAgreement(id: string): Promise<void> {
    this.db.prepare('DELETE FROM search_docs WHERE agreement_id = ?').run(id);
    this.invalidate();
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
    highlight: highlightText(row.text || (row.heading ?? ''), parsed),
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
