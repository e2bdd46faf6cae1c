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
import { EXPIRY_RULE, type ExpiryStatus, expiryDateRange, statusOnDate } from '../clauses/expiry.ts';
import {
  highlightSpans,
  type ParsedQuery,
  parseSearchQuery,
  type QueryTerm,
} from '../clauses/search-text.ts';
import { foldText, lowerText } from '../clauses/text.ts';
import { type Alternative, planQuery, type QueryPlan } from '../clauses/thesaurus.ts';
import { getTopic } from '../clauses/topics.ts';
import type { Agreement, AgreementEvent } from '../clauses/types.ts';
import { oneEditAway } from '../clauses/typos.ts';
import { type Bm25Totals, idfArgument, idfFromLog, totalsFromAverages } from './bm25-parts.ts';
import { agreementDocuments, lawDocuments } from './documents.ts';
import { FacetColumns } from './facet-columns.ts';
import {
  alternativeTier,
  type CandidateSource,
  coverage,
  keyAt,
  matchOfKey,
  mergeCandidates,
  NEAR_THRESHOLD,
  type RankedCandidates,
  rankKey,
  shareOf,
  TIERS,
  tierOfKey,
} from './search-candidates.ts';
import {
  intersectSorted,
  notedPhrase,
  notePhrasesIfStale,
  phrasesIn,
  uniteSorted,
} from './search-phrases.ts';
import {
  applyValidity,
  type HitMatch,
  type ReindexReport,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type TopicSuggestion,
} from './search-types.ts';
import {
  DEFAULT_TERM_BYTES,
  flagsIn,
  intersectLists,
  intersectScored,
  type TermList,
  TermLists,
} from './term-lists.ts';
import {
  type DocumentChange,
  DocumentChanges,
  DocumentLengths,
  type KeptList,
  type Probe,
  parseDocsizes,
  patchList,
  withinBudget,
} from './term-patches.ts';

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
  signed_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  score: number | null;
}

/** Rows of the documents' change log kept by the writers: some 4,500 agreements' worth. */
const CHANGES_KEPT = 200_000;

/** Writes an agreement's documents (replacing what was there); call inside the caller's transaction. */
export function writeAgreementDocuments(
  db: BetterSqlite3.Database,
  documents: readonly SearchDocument[],
  agreementId: string,
) {
  db.prepare('DELETE FROM search_docs WHERE agreement_id = ?').run(agreementId);
  insertDocuments(db, documents);
  db.prepare('DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - ?').run(
    CHANGES_KEPT,
  );
}

/** A document's columns in FTS5: heading, text and employer folded, and the exact text. */
function textColumns(heading: string | null, text: string, employer: string | null) {
  return [
    foldText(heading ?? ''),
    foldText(text),
    foldText(employer ?? ''),
    lowerText(`${heading ?? ''} ${text}`),
  ] as const;
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
  const insertPhrase = db.prepare('INSERT INTO search_phrases (phrase, doc) VALUES (?, ?)');
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
    const columns = textColumns(doc.heading ?? null, doc.text, doc.employer ?? null);
    const folded = [columns[0], columns[1], columns[2]] as const;
    insertText.run(lastInsertRowid, ...columns);
    for (const topic of doc.topics) insertTopic.run(topic, lastInsertRowid);
    for (const phrase of phrasesIn(folded)) insertPhrase.run(phrase, lastInsertRowid);
  }
}

/** Adds the law's documents once (they ship with the program). */
export function ensureLawDocuments(db: BetterSqlite3.Database): void {
  // The first law document found is enough (they are the library's first rows): no count of a million rows.
  const found = db.prepare("SELECT 1 FROM search_docs WHERE source = 'law' LIMIT 1").get();
  if (!found) db.transaction(() => insertDocuments(db, lawDocuments()))();
}

const FOLDED_COLUMNS = '{heading_f text_f employer_f}';

function foldedTerm(term: QueryTerm): string {
  return `${FOLDED_COLUMNS} : "${term.folded.join(' ')}"${term.prefix ? '*' : ''}`;
}

function exactTerm(term: QueryTerm): string {
  return `exact : "${term.words.join(' ')}"${term.prefix ? '*' : ''}`;
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
  return parsed.terms.map((t) => (t.accented ? exactTerm(t) : foldedTerm(t))).join(' AND ');
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
  if (filters.hidden?.length) {
    where.params.hidden = JSON.stringify(filters.hidden);
    where.clauses.push(
      '(d.agreement_id IS NULL OR d.agreement_id NOT IN (SELECT value FROM json_each(@hidden)))',
    );
  }
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
  'd.id, d.source, d.agreement_id, d.clause_id, d.kind, d.path, d.heading, d.text, d.employer, d.industry, d.province, d.topics, d.signed_on, d.effective_on, d.expires_on';

/** Plans of recent queries: the thesaurus and topic look-ups cost more than a cache hit. */
const MAX_CACHED_PLANS = 1000;

/** Alternative phrasings searched at most: the best by weight. */
const MAX_ALTERNATIVES = 10;

/**
 * The alternatives and a named topic are searched when fewer of the words'
 * matches than this pass the filters (or fewer than the page needs).
 */
const EXPAND_BELOW = 40;

/**
 * An alternative is searched when FTS5 reads at most this many document
 * entries for it (the documents of each of its words): a phrase of words that
 * are everywhere (`họp người lao động`) costs more than it finds.
 */
const ALTERNATIVE_BUDGET = 50_000;

/** The matches of an alternative are ranked by bm25 when there are at most this many. */
const MAX_SCORED_ALTERNATIVES = 500;

/**
 * ... and when FTS5 reads at most this many document entries to score them: beyond, the phrase pass that
 * bm25 needs costs more than the whole query (the matches themselves come from `search_phrases`).
 */
const SCORED_ALTERNATIVE_BUDGET = 20_000;

/**
 * How the index finds the documents of a query's alternatives: from the phrases noted at import
 * (`search_phrases`, the default), or by FTS5 phrase passes (the way before it; kept to check one against
 * the other).
 */
export type AlternativeMatching = 'phrases' | 'fts5';

/**
 * How the index gathers the matches of the words typed: from the terms' lists kept in memory, intersected
 * and summed (the default), or by one FTS5 pass scoring every match (the way before; kept to check one
 * against the other).
 */
export type WordMatching = 'term-lists' | 'fts5';

export interface SqliteSearchOptions {
  alternatives?: AlternativeMatching;
  words?: WordMatching;
  /** Bytes of term lists kept in memory (default 192 MiB). */
  termBytes?: number;
  /** Document entries FTS5 may read to rank an alternative's matches by bm25 (default 20,000). */
  scoringBudget?: number;
}

/** A topic's clauses are ranked by the words they hold when there are at most this many. */
const MAX_REORDERED = 2_000;

interface MergedCandidates {
  candidates: RankedCandidates;
  /** Matches of the words and the alternatives, across the library (before filters). */
  strongRaw: number;
  topic: boolean;
  topicCount: number;
  /** Whether the topic's clauses are ranked by the words they hold yet. */
  reordered: boolean;
}

/** Versions are folded together over at most this many ranked hits (deeper pages list every version). */
const MAX_COLLAPSED = 200;

/** The FTS5 expression of alternative phrasings: any of them, each with all its terms. */
function toAlternativesQuery(alternatives: readonly Alternative[]): string {
  return alternatives.map((a) => `(${toFtsQuery({ terms: a.terms, foldedWords: [] })})`).join(' OR ');
}

const ORDER: Record<string, string> = {
  newest: 'd.effective_on DESC, d.agreement_id, d.ord',
  oldest: 'd.effective_on ASC, d.agreement_id, d.ord',
  expires: 'd.expires_on IS NULL, d.expires_on ASC, d.agreement_id, d.ord',
  // Law documents have no signing date: they come last.
  browse: 'd.signed_on DESC, d.agreement_id, d.ord',
};

/** The browsing order in SQL; ties (none expected) in id order, as its index holds them. */
const BROWSING_ORDER = 'signed_on DESC, agreement_id, ord, id';

/** A document's place in the browsing order: id, signing date, agreement, place in it. */
type BrowseKey = [number, string | null, string | null, number];

/** SQLite's order of two texts (BINARY: their UTF-8 bytes), NULL first. */
const compareText = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Whether `a` comes before `b` in `BROWSING_ORDER` (a signing date descending: NULL last). */
function browsesBefore(a: BrowseKey, b: BrowseKey): boolean {
  const signed = compareText(b[1], a[1]);
  if (signed !== 0) return signed < 0;
  const agreement = compareText(a[2], b[2]);
  if (agreement !== 0) return agreement < 0;
  if (a[3] !== b[3]) return a[3] < b[3];
  return a[0] < b[0];
}

/** The folded words of some terms, in order (a word as often as it comes). */
const foldedWords = (terms: readonly QueryTerm[]) => terms.flatMap((t) => t.folded);

/** Numbers the probe tables of the indexes open in this process (each connection may hold several). */
let probes = 0;

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

  /** Ids of the documents holding one term, or classified under some topics: for near matches and topic ranking. */
  private readonly postings = new LRUCache<string, Int32Array>({
    maxSize: MAX_CACHED_IDS,
    sizeCalculation: (ids) => Math.max(1, ids.length),
  });
  private readonly plans = new LRUCache<string, QueryPlan>({ max: MAX_CACHED_PLANS });
  /** The merged candidates of recent text queries, keys included. */
  private readonly merged = new LRUCache<string, MergedCandidates>({
    maxSize: MAX_CACHED_IDS,
    sizeCalculation: ({ candidates }) => Math.max(1, candidates.ids.length),
  });
  /**
   * The documents of topics, read from the facet columns rather than FTS5:
   * kept across `clearQueryCache` (benchmarks' cold queries), emptied by writes.
   */
  private readonly topics = new LRUCache<string, Int32Array>({ max: 200 });
  /**
   * The documents of each thesaurus phrase, read from `search_phrases` once (a few hundred phrases, some
   * 2.5 ids per document): kept, like the topics, across `clearQueryCache`, emptied by writes.
   */
  private readonly phrases = new LRUCache<string, Int32Array>({
    maxSize: MAX_CACHED_IDS,
    sizeCalculation: (ids) => Math.max(1, ids.length),
  });
  /**
   * How many documents hold each folded word (FTS5's vocabulary counts them by walking the word's list:
   * milliseconds for a common one at a million clauses), with `changes.moved` when it was counted: kept
   * across writes, since a count moves by at most the documents removed or added since.
   */
  private readonly wordCounts = new LRUCache<string, { n: number; moved: number }>({ max: 20_000 });

  /** Statements prepared once: preparing costs as much as a small query. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** Answers to recent queries, whole: the same search comes back as people page and share links. */
  private readonly results = new LRUCache<string, SearchResult>({ max: 500 });
  /**
   * Positions of the candidates that pass a query's filters, reused from query to query: as long as the
   * most candidates asked for (at most one entry per document, 4 bytes each).
   */
  private passed = new Int32Array(0);

  /** Zeros as long as the library, lent to {@link mergeCandidates} and given back zeroed. */
  private scratch = new Int32Array(0);

  private scratchIds(length: number): Int32Array {
    if (this.scratch.length < length) this.scratch = new Int32Array(length);
    return this.scratch;
  }

  private passBuffer(length: number): Int32Array {
    if (this.passed.length < length) this.passed = new Int32Array(Math.max(length, this.passed.length * 2));
    return this.passed;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly alternativeMatching: AlternativeMatching;
  private readonly wordMatching: WordMatching;
  private readonly scoringBudget: number;
  /**
   * Each query term's documents and bm25 scores, read from FTS5 once: kept across `clearQueryCache` (an
   * index structure, not an answer), bounded by bytes, patched after this connection's writes (a write
   * moves every score: `term-patches.ts`), emptied by another process's.
   */
  private readonly terms: TermLists;
  /**
   * Whether the documents' writes are followed from their change log (`search_changes`, written by triggers
   * on every write by any connection, rolled back with the writes) into `changes` once they are committed.
   */
  private readonly followsLog: boolean;
  /** The last row of the log read; undefined: not known, taken at the next look (nothing is kept before). */
  private logSeq: number | undefined;
  private writesPending = false;
  private readonly probeTable = `search_probe_${++probes}`;
  private readonly changes = new DocumentChanges();
  private readonly lengths = new DocumentLengths(
    (from, to) => this.docsizesOf('search_fts', 'id >= ? AND id < ?', from, to),
    () => (this.statement('SELECT max(id) FROM search_fts_docsize').pluck().get() as number | null) ?? 0,
  );
  private totalsNow: { seq: number; totals: Bm25Totals } | undefined;

  constructor(
    private readonly db: BetterSqlite3.Database,
    options: SqliteSearchOptions = {},
  ) {
    this.alternativeMatching = options.alternatives ?? 'phrases';
    this.scoringBudget = options.scoringBudget ?? SCORED_ALTERNATIVE_BUDGET;
    this.wordMatching = options.words ?? 'term-lists';
    this.followsLog = this.wordMatching === 'term-lists';
    this.terms = new TermLists(
      (expression, scored) => this.readTermList(expression, scored),
      options.termBytes ?? DEFAULT_TERM_BYTES,
      {
        seq: () => this.writesSeen(),
        scoredWith: (list) => {
          const totals = this.totals();
          return { totals, idf: this.idfOf(totals, list.ids.length) };
        },
        patch: (expression, kept) => this.patchTermList(expression, kept),
      },
    );
    ensureLawDocuments(db);
    notePhrasesIfStale(db);
    // The index's vocabulary, for "did you mean": a view of FTS5's own term list, in this connection only.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, row)');
  }

  /**
   * Tells the index that documents changed (the library writes them in its own transactions):
   * those of one agreement, or all of them.
   */
  invalidate(agreementId?: string): void {
    this.forgetAnswers();
    if (agreementId !== undefined) {
      this.changed.add(agreementId);
      this.writesPending = true;
      return;
    }
    this.stale = true;
    this.browsing = undefined;
    this.wordCounts.clear();
    this.terms.clear();
    this.changes.reset();
    this.logSeq = undefined;
  }

  /**
   * Tells the index that another connection wrote (SQLite's `data_version` moved): its writes are read from
   * the change log like this connection's, the agreements they touched refreshed; everything is read again
   * when the log cannot say (not followed, inside a transaction, or the log kept no longer reaches back).
   */
  writtenElsewhere(): void {
    if (!this.followsLog || this.db.inTransaction) {
      this.invalidate();
      return;
    }
    this.forgetAnswers();
    this.writesPending = true;
    this.writesSeen();
  }

  /** Forgets what any write makes stale: the documents' list, topic and phrase matches, the answers. */
  private forgetAnswers(): void {
    this.documents = undefined;
    this.topics.clear();
    this.phrases.clear();
    this.clearQueryCache();
  }

  /**
   * The number of the last write the term lists can follow, the log read first if writes came since;
   * undefined inside a transaction (uncommitted writes may yet be rolled back).
   */
  private writesSeen(): number | undefined {
    if (!this.followsLog || (this.logSeq !== undefined && !this.writesPending)) return this.changes.seq;
    if (this.db.inTransaction) return undefined;
    // The last row ever written (AUTOINCREMENT's, kept when the rows are not), then the rows after ours.
    const last =
      (this.statement("SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'").pluck().get() as
        | number
        | undefined) ?? 0;
    const since = this.logSeq;
    this.logSeq = last;
    this.writesPending = false;
    if (since === undefined || since === last) return this.changes.seq;
    const first = this.statement('SELECT min(seq) FROM search_changes').pluck().get() as number | null;
    if (first === null || first > since + 1) {
      // The writers pruned rows this index had not read: it reads everything again.
      this.invalidate();
      this.logSeq = last;
      return this.changes.seq;
    }
    const range = [since, last];
    const removed = this.statement(
      'SELECT doc FROM search_changes WHERE seq > ? AND seq <= ? AND change = 0 ORDER BY doc',
    )
      .pluck()
      .all(...range) as number[];
    const { addedFrom, added } = this.statement(
      'SELECT min(doc) AS addedFrom, count(*) AS added FROM search_changes WHERE seq > ? AND seq <= ? AND change = 1',
    ).get(...range) as { addedFrom: number | null; added: number };
    const agreements = this.statement(
      'SELECT DISTINCT agreement_id FROM search_changes WHERE seq > ? AND seq <= ? AND agreement_id IS NOT NULL',
    )
      .pluck()
      .all(...range) as string[];
    for (const id of agreements) this.changed.add(id);
    this.changes.record(Int32Array.from(removed), addedFrom ?? Number.POSITIVE_INFINITY, added);
    return this.changes.seq;
  }

  /** FTS5's row and token totals now, from its averages record (what its bm25 divides by). */
  private totals(): Bm25Totals {
    if (this.totalsNow?.seq !== this.changes.seq)
      this.totalsNow = { seq: this.changes.seq, totals: this.averagesOf('search_fts') };
    return this.totalsNow.totals;
  }

  /** The row and token totals of an FTS5 table (the library's or the probe's), from its averages record. */
  private averagesOf(table: string): Bm25Totals {
    const block = this.statement(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as
      | Uint8Array
      | undefined;
    return totalsFromAverages(block ?? new Uint8Array(0));
  }

  /** An FTS5 table's docsize rows matching `where`, as `id:hex,…` (`parseDocsizes`). */
  private docsizesOf(table: string, where: string, ...args: unknown[]): string | null {
    return this.statement(
      `SELECT group_concat(id || ':' || hex(sz), ',') FROM ${table}_docsize WHERE ${where}`,
    )
      .pluck()
      .get(...args) as string | null;
  }

  /** FTS5's idf of a term in `hits` documents, with SQLite's own logarithm (FTS5's, to the last bit). */
  private idfOf(totals: Bm25Totals, hits: number): number {
    const log = this.statement('SELECT ln(?)').pluck().get(idfArgument(totals.rows, hits)) as number | null;
    return idfFromLog(log ?? Number.NaN);
  }

  /** A kept list made current with the writes since it was read (`term-patches.ts`), or undefined. */
  private patchTermList(expression: string, kept: KeptList): KeptList | undefined {
    const change = this.changes.since(kept.seq);
    if (!change) return undefined;
    if (kept.scores) this.lengths.update(this.changes);
    const totals = this.totals();
    return patchList(kept, change, this.changes.seq, {
      readIds: (from) => this.readTermList(expression, false, from).ids,
      readScored: (from) => {
        this.tailsScored++;
        return this.readTermList(expression, true, from);
      },
      probe: (ids) => this.probe(expression, ids),
      totals,
      idf: (hits) => this.idfOf(totals, hits),
      length: (id) => this.lengths.of(id),
    });
  }

  /** The probe index: the write it was made at, and the documents written into it. */
  private probeHolds: { seq: number; ids: Set<number> } | undefined;

  /**
   * Some documents, written again into a small FTS5 table of the library's own definition (its `CREATE`
   * statement: the same columns, tokenizer and prefixes) and scored there: their frequencies come from
   * FTS5's own tokens without FTS5 counting the term's documents in the whole index. The table is kept
   * for the write it was made at; each patch adds the documents it needs.
   */
  private probe(expression: string, ids: Int32Array): Probe | undefined {
    const table = this.probeTable;
    if (this.probeHolds?.seq !== this.changes.seq) {
      const definition = this.statement("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
        .pluck()
        .get() as string | undefined;
      if (!definition?.startsWith('CREATE VIRTUAL TABLE search_fts USING fts5(')) return undefined;
      this.db.exec(
        `DROP TABLE IF EXISTS temp.${table}; ${definition.replace('search_fts', `temp.${table}`)}`,
      );
      this.probeHolds = { seq: this.changes.seq, ids: new Set() };
    }
    const held = this.probeHolds.ids;
    const missing = [...ids].filter((id) => !held.has(id));
    if (missing.length) {
      const rows = this.statement(
        'SELECT id, heading, text, employer FROM search_docs WHERE id IN (SELECT value FROM json_each(?))',
      )
        .raw()
        .all(JSON.stringify(missing)) as Array<[number, string | null, string, string | null]>;
      const insert = this.db.prepare(
        `INSERT INTO temp.${table} (rowid, heading_f, text_f, employer_f, exact) VALUES (?, ?, ?, ?, ?)`,
      );
      // One transaction: FTS5 writes its segments once, not once a row.
      this.db.transaction(() => {
        for (const [id, heading, text, employer] of rows)
          insert.run(id, ...textColumns(heading, text, employer));
      })();
      for (const id of missing) held.add(id);
    }
    const wanted = new Set(ids);
    const found = (
      this.db
        .prepare(`SELECT rowid, bm25(${table}, 4.0, 1.0, 0.5, 0.0) FROM temp.${table} WHERE ${table} MATCH ?`)
        .raw()
        .all(expression) as Array<[number, number]>
    ).filter(([id]) => wanted.has(id));
    const lengths = new Map<number, number>();
    const sizes = this.docsizesOf(
      `temp.${table}`,
      'id IN (SELECT value FROM json_each(?))',
      JSON.stringify([...ids]),
    );
    if (sizes) parseDocsizes(sizes, (id, length) => lengths.set(id, length));
    const totals = this.averagesOf(`temp.${table}`);
    const hits = this.db
      .prepare(`SELECT count(*) FROM temp.${table} WHERE ${table} MATCH ?`)
      .pluck()
      .get(expression) as number;
    return {
      ids: Int32Array.from(found, ([id]) => id),
      scores: Float64Array.from(found, ([, score]) => score),
      lengths: found.map(([id]) => lengths.get(id) ?? -1),
      totals,
      idf: this.idfOf(totals, hits),
    };
  }

  /** Forgets the terms' lists too: the next query of each word reads it from FTS5 (benchmarks' first sight). */
  clearTermLists(): void {
    this.terms.clear();
  }

  /** Bytes of term lists held in memory now. */
  get termListBytes(): number {
    return this.terms.bytes;
  }

  /**
   * Term lists read from FTS5 and patched after writes since the index opened, and the patches whose added
   * documents the probe did not explain (their scores then read from FTS5, which counts the whole list).
   */
  get termListCounts(): { read: number; patched: number; tailsScored: number } {
    return { ...this.terms.counts, tailsScored: this.tailsScored };
  }

  private tailsScored = 0;

  /** One term's list, or its entries from id `from` on (the documents added by writes). */
  private readTermList(expression: string, scored: boolean, from = 0): TermList {
    const tail = from > 0 ? ' AND rowid >= ?' : '';
    // A bound JavaScript number is a REAL, and FTS5 only seeks on an INTEGER rowid bound (it scans the whole
    // list for a REAL one, SQLite filtering afterwards): the bound goes as a BigInt.
    const args = from > 0 ? [expression, BigInt(from)] : [expression];
    if (!scored) {
      const ids = this.statement(`SELECT rowid FROM search_fts WHERE search_fts MATCH ?${tail}`)
        .pluck()
        .all(...args) as number[];
      return { ids: Int32Array.from(ids), scores: undefined };
    }
    const rows = this.statement(
      `SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.5, 0.0) FROM search_fts WHERE search_fts MATCH ?${tail}`,
    )
      .raw()
      .all(...args) as Array<[number, number]>;
    const ids = new Int32Array(rows.length);
    const scores = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      ids[k] = row[0];
      scores[k] = row[1];
    }
    return { ids, scores };
  }

  /**
   * The matches of the words typed with their bm25 scores: the intersection of the terms' lists, scores
   * summed in the query's order (the same numbers as one FTS5 pass over the whole query).
   */
  private wordMatches(parsed: ParsedQuery, match: string): Candidates {
    if (this.wordMatching === 'fts5' || parsed.terms.some((t) => t.folded.length === 0))
      return this.matchesOf(match, toExactFtsQuery(parsed));
    const key = `terms\u0000${match}\u0000${parsed.terms.map((t) => (t.accented ? exactTerm(t) : '')).join('\u0000')}`;
    const cached = this.candidates.get(key);
    if (cached) return cached;
    const { ids, scores } = intersectScored(parsed.terms.map((t) => this.terms.get(foldedTerm(t), true)));
    const accented = parsed.terms.filter((t) => t.accented);
    const exact = accented.length
      ? flagsIn(
          ids,
          accented.map((t) => this.terms.get(exactTerm(t), false).ids),
        )
      : undefined;
    const candidates: Candidates = { ids, scores, exact };
    this.candidates.set(key, candidates);
    return candidates;
  }

  /** The ids of the documents matching every term of a query, ascending. */
  private wordIds(parsed: ParsedQuery, match: string): ArrayLike<number> {
    if (this.wordMatching === 'fts5' || parsed.terms.some((t) => t.folded.length === 0))
      return this.statement('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
        .pluck()
        .all(match) as number[];
    return intersectLists(parsed.terms.map((t) => this.terms.get(foldedTerm(t), false).ids));
  }

  /** Forgets the cached matches of recent queries (benchmarks measure cold queries with it). */
  clearQueryCache(): void {
    this.candidates.clear();
    this.postings.clear();
    this.merged.clear();
    this.results.clear();
  }

  /** Every match of a text query with its bm25 score and whether it matches the accented words exactly. */
  private matchesOf(match: string, exactQuery: string | undefined): Candidates {
    const key = `${match}\u0000${exactQuery ?? ''}`;
    const cached = this.candidates.get(key);
    if (cached) return cached;
    const rows = this.statement(
      'SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.5, 0.0) FROM search_fts WHERE search_fts MATCH ?',
    )
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
        this.statement('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
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

  async search(asked: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const key = JSON.stringify(asked);
    const answered = this.results.get(key);
    if (answered) return { ...answered, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    const result = await this.answer(asked, started);
    this.results.set(key, result);
    return result;
  }

  private async answer(asked: SearchQuery, started: number): Promise<SearchResult> {
    const query = applyValidity(asked);
    const parsed = parseSearchQuery(query.q);
    const columns = this.currentColumns();
    const match = parsed.terms.length ? toFtsQuery(parsed) : undefined;
    if (match && query.sort === 'relevance') {
      const ranked = this.ranked(parsed, match, columns, query);
      return {
        ...ranked.result,
        hits: ranked.hits,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        backend: this.backend,
      };
    }
    const ids = match ? this.wordIds(parsed, match) : undefined;
    const order = query.sort === 'relevance' ? ORDER.browse : (ORDER[query.sort] ?? ORDER.browse);
    if (order === ORDER.browse && this.wordMatching === 'term-lists') {
      const browsed = this.browsed(ids, columns, query);
      return {
        total: browsed.total,
        hits: browsed.rows.map((row) => toHit(row, parsed, query.on)),
        facets: browsed.facets,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        backend: this.backend,
      };
    }
    const counted = columns.count(ids, query);
    return {
      total: counted.total,
      hits: this.ordered(match, query).map((row) => toHit(row, parsed, query.on)),
      facets: counted.facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      backend: this.backend,
    };
  }

  private documents: number | undefined;

  /** How many documents the index holds (for the weight of rare words), counted again after a write. */
  private documentCount(): number {
    this.documents ??= this.statement('SELECT COUNT(*) FROM search_docs').pluck().get() as number;
    return this.documents;
  }

  private planOf(q: string): QueryPlan {
    let plan = this.plans.get(q);
    if (!plan) {
      plan = planQuery(q);
      this.plans.set(q, plan);
    }
    return plan;
  }

  /** Ids of the documents an FTS5 expression matches, remembered like the ranked matches. */
  private idsOf(match: string): Int32Array {
    let ids = this.postings.get(match);
    if (!ids) {
      ids = Int32Array.from(
        this.statement('SELECT rowid FROM search_fts WHERE search_fts MATCH ?')
          .pluck()
          .all(match) as number[],
      );
      this.postings.set(match, ids);
    }
    return ids;
  }

  /** Ids of the documents holding a thesaurus phrase, from the phrases noted at import. */
  private phraseDocs(phrase: string): Int32Array {
    let ids = this.phrases.get(phrase);
    if (!ids) {
      ids = Int32Array.from(
        this.statement('SELECT doc FROM search_phrases WHERE phrase = ? ORDER BY doc')
          .pluck()
          .all(phrase) as number[],
      );
      this.phrases.set(phrase, ids);
    }
    return ids;
  }

  /** Ids of the documents holding a term: a noted phrase from its table, anything else from FTS5. */
  private termDocs(term: QueryTerm): Int32Array {
    const phrase = this.alternativeMatching === 'phrases' ? notedPhrase(term) : undefined;
    if (phrase) return this.phraseDocs(phrase);
    return this.wordMatching === 'term-lists'
      ? this.terms.get(foldedTerm(term), false).ids
      : this.idsOf(foldedTerm(term));
  }

  /**
   * Ids of the documents matching any of some alternatives (each with all its terms), ascending: the noted
   * phrases first, so an alternative whose phrases meet nowhere never reads the postings of its common words.
   */
  private alternativesDocs(alternatives: readonly Alternative[]): Int32Array {
    if (this.alternativeMatching === 'fts5') return this.idsOf(toAlternativesQuery(alternatives));
    return uniteSorted(
      alternatives.map(({ terms }) => {
        const noted = terms.filter((t) => notedPhrase(t) !== undefined);
        const phrases = intersectSorted(noted.map((t) => this.termDocs(t)));
        if (noted.length && phrases.length === 0) return phrases;
        const rest = terms.filter((t) => notedPhrase(t) === undefined).map((t) => this.termDocs(t));
        return noted.length ? intersectSorted([phrases, ...rest]) : intersectSorted(rest);
      }),
    );
  }

  /** How many documents hold a folded word, from FTS5's vocabulary; remembered until a write. */
  /**
   * Whether the documents holding some folded words (each counted once per word) number at most
   * `budget`: from the kept counts when the writes since they were counted cannot move the sum across
   * the budget, counted again otherwise — the same answer as counting now.
   */
  private wordsWithin(words: readonly string[], budget: number): boolean {
    const seen = this.writesSeen();
    const moved = seen === undefined ? Number.POSITIVE_INFINITY : this.changes.moved;
    const known = withinBudget(
      words.map((word) => {
        const kept = this.wordCounts.get(word);
        return kept ? { n: kept.n, drift: moved - kept.moved } : { n: 0, drift: Number.POSITIVE_INFINITY };
      }),
      budget,
    );
    if (known !== undefined) return known;
    let sum = 0;
    for (const word of words) {
      const n =
        (this.statement('SELECT doc FROM temp.search_vocab WHERE term = ?').pluck().get(word) as number) ?? 0;
      // Inside a transaction the count may yet be rolled back: used, not kept.
      if (seen !== undefined) this.wordCounts.set(word, { n, moved });
      sum += n;
    }
    return sum <= budget;
  }

  /** Documents classified under any of some topics, of the query's source, from the facet columns. */
  private topicDocs(topics: readonly string[], columns: FacetColumns, query: SearchQuery): Int32Array {
    const key = `${topics.join(',')}:${query.source}`;
    let ids = this.topics.get(key);
    if (!ids) {
      const passed = this.passBuffer(columns.length);
      const { total } = columns.count(undefined, { ...query, filters: { topic: [...topics] } }, passed);
      ids = passed.slice(0, total);
      this.topics.set(key, ids);
    }
    return ids;
  }

  /**
   * Relevance: one pass of FTS5 gives every match with its bm25 score; the
   * thesaurus's alternatives and a named topic's clauses add candidates in
   * lower tiers; the typed-array columns filter and count them; only the
   * page's documents are read. When the words and their alternatives find
   * fewer than a handful across the library, clauses with most of the words
   * fill the page after them (not counted in the total), and a word found
   * nowhere gets a one-typo suggestion.
   */
  private ranked(parsed: ParsedQuery, match: string, columns: FacetColumns, query: SearchQuery) {
    const words = this.wordMatches(parsed, match);
    const plan = query.literal ? undefined : this.planOf(query.q);
    const filtered = new Set(query.filters.topic ?? []);
    const named = plan?.aboutTopics ? plan.topics.filter((t) => !filtered.has(t)) : [];
    const collapse =
      Boolean(query.collapseVersions) && !query.literal && query.offset + query.limit <= MAX_COLLAPSED;
    const wanted = (query.offset + query.limit) * (collapse ? 2 : 1);
    // The words typed first: when their matches that pass the filters fill the page many times over, the
    // alternatives and the topic could only rank after all of them, and are not searched.
    let entry = this.candidatesOf(words, undefined, [], columns, query);
    let { counts, best } = this.best(entry.candidates, columns, query, wanted);
    if (plan && (plan.alternatives.length || named.length) && counts.total < Math.max(EXPAND_BELOW, wanted)) {
      entry = this.candidatesOf(words, plan, named, columns, query);
      ({ counts, best } = this.best(entry.candidates, columns, query, wanted));
    }
    const { candidates, strongRaw } = entry;
    // Clauses of the topic only: rank them by the query's words they hold, once, when a page reaches them
    // and they are few enough (a large library keeps them in document order: counting words costs more there).
    if (
      plan &&
      entry.topic &&
      !entry.reordered &&
      entry.topicCount <= MAX_REORDERED &&
      candidates.keys &&
      best.some((k) => tierOfKey(keyAt(candidates, k)) >= TIERS.topic)
    ) {
      const { keys } = candidates;
      const shares = coverage(this.termSets([plan.coreTerms], true), this.documentCount(), 1);
      for (let k = 0; k < candidates.ids.length; k++)
        if (tierOfKey(keys[k]!) === TIERS.topic)
          keys[k] = rankKey(TIERS.topic, -100 * shareOf(shares, candidates.ids[k]!));
      entry.reordered = true;
      ({ counts, best } = this.best(candidates, columns, query, wanted));
    }

    let rows = this.rowsOf(best.map((k) => [candidates.ids[k]!, keyAt(candidates, k)] as const));
    let approximate = false;
    if (plan && strongRaw < NEAR_THRESHOLD && plan.coreTerms.length >= 2 && rows.length < wanted) {
      const sets = [plan.coreTerms, ...plan.alternatives.slice(0, 3).map((a) => a.terms)];
      const shares = coverage(this.termSets(sets), this.documentCount());
      const taken = new Set(candidates.ids);
      const nearIds: number[] = [];
      const nearShares: number[] = [];
      for (let k = 0; k < shares.ids.length; k++)
        if (!taken.has(shares.ids[k]!)) {
          nearIds.push(shares.ids[k]!);
          nearShares.push(shares.shares[k]!);
        }
      const passed = this.passBuffer(nearIds.length);
      const { total } = columns.count(nearIds, query, passed);
      const near = Array.from(
        passed.subarray(0, total),
        (k) => [nearIds[k]!, rankKey(TIERS.near, -100 * nearShares[k]!)] as const,
      );
      near.sort((a, b) => a[1] - b[1]);
      const nearRows = this.rowsOf(near.slice(0, Math.max(0, wanted - rows.length)));
      approximate = nearRows.length > 0;
      rows = [...rows, ...nearRows];
    }
    const pageRows = (collapse ? collapseVersions(rows) : rows).slice(
      query.offset,
      query.offset + query.limit,
    );

    const result: Omit<SearchResult, 'hits' | 'tookMs' | 'backend'> = { ...counts };
    if (approximate) result.approximate = true;
    if (plan && words.ids.length === 0) {
      const suggestion = this.didYouMean(parsed);
      if (suggestion) result.didYouMean = suggestion;
    }
    if (plan) {
      const suggestions = plan.topics
        .filter((t) => !filtered.has(t))
        .slice(0, 2)
        .flatMap((id): TopicSuggestion[] => {
          const topic = getTopic(id);
          return topic ? [{ id, label: topic.label, labelEn: topic.labelEn }] : [];
        });
      if (suggestions.length) result.topicSuggestions = suggestions;
      if (plan.alternatives.length) result.alternatives = plan.alternatives.slice(0, 6).map((a) => a.text);
    }
    const highlightOf = (row: RankedRow) =>
      row.match === 'exact' || row.match === 'words' || !plan ? parsed : withAlternatives(parsed, plan);
    return {
      result,
      hits: pageRows.map((row) => {
        const hit = toHit(row, highlightOf(row), query.on);
        hit.match = row.match;
        if (row.others.length) hit.otherVersions = row.others;
        return hit;
      }),
    };
  }

  /**
   * Every candidate of a query with its ranking key — the words, the
   * alternatives by weight band, a named topic's clauses — remembered like
   * the matches they are made of.
   */
  private candidatesOf(
    words: Candidates,
    plan: QueryPlan | undefined,
    named: readonly string[],
    columns: FacetColumns,
    query: SearchQuery,
  ): MergedCandidates {
    const cacheKey = `${query.q}\u0000${plan ? 1 : 0}\u0000${named.join(',')}\u0000${query.source}`;
    const cached = this.merged.get(cacheKey);
    if (cached) return cached;
    const sources: CandidateSource[] = [{ ids: words.ids, keys: wordKeys(words) }];
    let strongRaw = words.ids.length;
    const bands = new Map<number, Alternative[]>();
    const typed = plan?.parsed.foldedWords.join(' ') ?? '';
    const searched = (plan?.alternatives ?? []).filter((a) => {
      const words = a.terms.flatMap((t) => t.folded).join(' ');
      // A part of what was typed (`ăn giữa ca` in `tiền ăn giữa ca`) is broader, not another way to say it; a
      // phrase holding what was typed (`đối thoại định kỳ` for `doi thoai`) finds nothing the words do not.
      if (` ${typed} `.includes(` ${words} `) || ` ${words} `.includes(` ${typed} `)) return false;
      return this.wordsWithin(foldedWords(a.terms), ALTERNATIVE_BUDGET);
    });
    for (const alternative of searched.slice(0, MAX_ALTERNATIVES)) {
      const tier = alternativeTier(alternative.weight);
      bands.set(tier, [...(bands.get(tier) ?? []), alternative]);
    }
    for (const [tier, alternatives] of [...bands].sort((a, b) => a[0] - b[0])) {
      const expression = toAlternativesQuery(alternatives);
      // bm25 costs four times the bare match: many matches of an alternative, or matches of phrases of common
      // words, keep the order of the index.
      const ids = this.alternativesDocs(alternatives);
      strongRaw += ids.length;
      const scoredWithin =
        this.alternativeMatching === 'fts5' ||
        this.wordsWithin(
          alternatives.flatMap((a) => foldedWords(a.terms)),
          this.scoringBudget,
        );
      if (ids.length > MAX_SCORED_ALTERNATIVES || !scoredWithin)
        sources.push({ ids, keys: rankKey(tier, 0) });
      else {
        const found = this.matchesOf(expression, undefined);
        sources.push({ ids: found.ids, keys: found.scores.map((score) => rankKey(tier, score)) });
      }
    }
    let topicCount = 0;
    if (named.length) {
      const topicIds = this.topicDocs(named, columns, query);
      topicCount = topicIds.length;
      sources.push({ ids: topicIds, keys: rankKey(TIERS.topic, 0) });
    }
    const candidates: RankedCandidates =
      sources.length === 1 ? words : mergeCandidates(sources, this.scratchIds(columns.length));
    const entry: MergedCandidates = {
      candidates,
      strongRaw,
      topic: named.length > 0,
      topicCount,
      reordered: false,
    };
    this.merged.set(cacheKey, entry);
    return entry;
  }

  /** Filters and counts the candidates, keeping the positions of the `wanted` best keys, sorted. */
  private best(candidates: RankedCandidates, columns: FacetColumns, query: SearchQuery, wanted: number) {
    const best: number[] = [];
    const bestKeys: number[] = [];
    const passed = this.passBuffer(candidates.ids.length);
    const counts = columns.count(candidates.ids, query, passed);
    const { keys, scores, exact } = candidates;
    let last = Number.POSITIVE_INFINITY;
    for (let j = 0; j < counts.total; j++) {
      const k = passed[j]!;
      const key = keys ? keys[k]! : rankKey(exact?.[k] ? TIERS.exact : TIERS.words, scores![k]!);
      // Most candidates fall below the last kept one and cost one comparison.
      if (key >= last && best.length === wanted) continue;
      let at = best.length;
      while (at > 0 && bestKeys[at - 1]! > key) at--;
      best.splice(at, 0, k);
      bestKeys.splice(at, 0, key);
      if (best.length > wanted) {
        best.pop();
        bestKeys.pop();
      }
      last = bestKeys[bestKeys.length - 1]!;
    }
    return { counts, best };
  }

  /**
   * Postings of term sets (the query's words, its alternatives' words), for
   * counting the words a document holds. `skipCommon` leaves out a single
   * word held by more than a tenth of the documents: it tells little about
   * the order of a topic's clauses and costs the most.
   */
  private termSets(sets: ReadonlyArray<readonly QueryTerm[]>, skipCommon = false): Int32Array[][] {
    const common = skipCommon ? this.documentCount() / 10 : Number.POSITIVE_INFINITY;
    return sets
      .map((terms) =>
        terms
          .filter((t) => t.phrase || t.prefix || this.wordsWithin([t.folded[0] ?? ''], common))
          .map((t) => this.termDocs(t)),
      )
      .filter((postings) => postings.length > 0);
  }

  /** Reads the rows of ranked documents, in rank order. */
  private rowsOf(ranked: ReadonlyArray<readonly [number, number]>): RankedRow[] {
    if (ranked.length === 0) return [];
    const rows = this.statement(
      `SELECT ${HIT_COLUMNS}, NULL AS score FROM search_docs d WHERE d.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ranked.map(([id]) => id))) as DocRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ranked.flatMap(([id, key]) => {
      const row = byId.get(id);
      return row ? [{ ...row, score: key, match: matchOfKey(key), others: [] }] : [];
    });
  }

  /**
   * One typo away: each word of the query found in no document is replaced
   * by the folded word one edit away that the most documents hold.
   */
  private didYouMean(parsed: ParsedQuery): string | undefined {
    const count = this.statement('SELECT doc FROM temp.search_vocab WHERE term = ?').pluck();
    const prefixed = this.statement(
      'SELECT 1 FROM temp.search_vocab WHERE term >= ? AND term < ? LIMIT 1',
    ).pluck();
    let changed = false;
    const words = parsed.terms.map((term) => {
      const typed = term.phrase ? `"${term.words.join(' ')}"` : (term.words[0] ?? '');
      if (term.phrase || !/^[a-z]{3,}$/.test(term.folded[0] ?? '')) return typed;
      const word = term.folded[0]!;
      const known = term.prefix ? prefixed.get(word, `${word}\uffff`) : count.get(word);
      if (known) return typed;
      let best: { word: string; docs: number } | undefined;
      for (const candidate of oneEditAway(word)) {
        const docs = (count.get(candidate) as number | undefined) ?? 0;
        if (docs > (best?.docs ?? 0)) best = { word: candidate, docs };
      }
      if (!best) return typed;
      changed = true;
      return best.word;
    });
    return changed ? words.join(' ') : undefined;
  }

  /**
   * Every document in the browsing order (newest signature first, then agreement and place in it), read
   * once from its SQL index and kept until a write: a browse then picks its page by these places in memory,
   * where SQL sorted every document that passed the filters before it could take the page.
   */
  private browsing: { order: Int32Array; rank: Int32Array; seq: number } | undefined;

  /**
   * The browsing order, and each document's place in it by id (−1 for none): 8 bytes a document. After
   * this connection's writes it is patched: the removed documents leave it and the added ones (read in
   * that order from SQL) are placed by binary search, each comparison reading one document's keys —
   * instead of reading a million ids in order again.
   */
  private browseOrder(): { order: Int32Array; rank: Int32Array } {
    const seen = this.writesSeen();
    const change = this.browsing && seen !== undefined ? this.changes.since(this.browsing.seq) : undefined;
    let order: Int32Array;
    if (this.browsing && this.browsing.seq === seen) return this.browsing;
    const patched = this.browsing && change && this.placeAdded(this.browsing, change);
    if (patched) order = patched;
    else
      order = Int32Array.from(
        this.statement(`SELECT id FROM search_docs ORDER BY ${BROWSING_ORDER}`).pluck().all() as number[],
      );
    let maxId = 0;
    for (let r = 0; r < order.length; r++) if (order[r]! > maxId) maxId = order[r]!;
    const rank = new Int32Array(maxId + 1).fill(-1);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    const browsing = { order, rank, seq: seen ?? -1 };
    if (seen !== undefined) this.browsing = browsing;
    return browsing;
  }

  /**
   * The order without the removed documents (found by their places, the rest copied in pieces), with the
   * added ones in their places; undefined if a document kept is not older than every added one.
   */
  private placeAdded(
    { order, rank }: { order: Int32Array; rank: Int32Array },
    { removed, addedFrom }: DocumentChange,
  ): Int32Array | undefined {
    // An id can be removed twice (its number given again to an added document, then removed again).
    const places = Int32Array.from(removed, (id) => rank[id] ?? -1)
      .sort()
      .filter((p, i, sorted) => p >= 0 && p !== sorted[i - 1]);
    const kept = new Int32Array(order.length - places.length);
    let copied = 0;
    let next = 0;
    for (const place of places) {
      kept.set(order.subarray(next, place), copied);
      copied += place - next;
      next = place + 1;
    }
    kept.set(order.subarray(next), copied);
    for (let k = 0; k < kept.length; k++) if (kept[k]! >= addedFrom) return undefined;
    if (addedFrom === Number.POSITIVE_INFINITY) return kept;
    // By id from the table (an ORDER BY here would walk the whole browsing index), sorted here.
    const added = (
      this.statement('SELECT id, signed_on, agreement_id, ord FROM search_docs WHERE id >= ?')
        .raw()
        .all(BigInt(addedFrom)) as BrowseKey[]
    ).sort((a, b) => (browsesBefore(a, b) ? -1 : browsesBefore(b, a) ? 1 : 0));
    const keyOf = (id: number) =>
      this.statement('SELECT id, signed_on, agreement_id, ord FROM search_docs WHERE id = ?')
        .raw()
        .get(id) as BrowseKey;
    const out = new Int32Array(kept.length + added.length);
    let from = 0;
    let n = 0;
    for (const key of added) {
      // The first kept document that comes after this one.
      let low = from;
      let high = kept.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (browsesBefore(keyOf(kept[mid]!), key)) low = mid + 1;
        else high = mid;
      }
      out.set(kept.subarray(from, low), n);
      n += low - from;
      out[n++] = key[0];
      from = low;
    }
    out.set(kept.subarray(from), n);
    return out;
  }

  /**
   * Browsing (no words, or words in the browsing order): the filters and facets counted over the words'
   * matches or a filter's documents, the page the passing documents first in the browsing order. The same
   * rows, in the same order, as the SQL of {@link ordered}.
   */
  private browsed(ids: ArrayLike<number> | undefined, columns: FacetColumns, query: SearchQuery) {
    const { order, rank } = this.browseOrder();
    // What passes, counted among the words' matches or the documents of a filter's values (not every
    // document); the page is the passing documents first in the browsing order, kept as they are met.
    const among = ids ?? columns.filtered(query);
    const passed = this.passBuffer(among?.length ?? columns.length);
    const counted = columns.count(among, query, passed);
    const wanted = query.offset + query.limit;
    const first = smallestRanks(among, passed, counted.total, rank, wanted);
    const page = first.slice(query.offset).map((r) => order[r]!);
    const rows = this.rowsOf(page.map((id) => [id, 0] as const)).map(
      (row) => ({ ...row, score: null }) as DocRow,
    );
    return { ...counted, rows };
  }

  /** Browsing, or another order than relevance: SQL with the filters, from the indexes. */
  private ordered(match: string | undefined, query: SearchQuery): DocRow[] {
    const where = buildWhere(query);
    const from = match ? 'search_fts f JOIN search_docs d ON d.id = f.rowid' : 'search_docs d';
    const conditions = [...(match ? ['search_fts MATCH @match'] : []), ...where.clauses];
    const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const order = query.sort === 'relevance' ? ORDER.browse : (ORDER[query.sort] ?? ORDER.browse);
    return this.statement(
      `SELECT ${HIT_COLUMNS}, NULL AS score FROM ${from} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all({
      ...where.params,
      ...(match ? { match } : {}),
      limit: query.limit,
      offset: query.offset,
    }) as DocRow[];
  }

  /** The facet columns, read on first use and then kept up to date agreement by agreement. */
  private currentColumns(): FacetColumns {
    const seen = this.writesSeen();
    if (!this.columns || this.stale) {
      this.columns = FacetColumns.load(this.db);
      this.stale = false;
      this.changed.clear();
    } else if (this.changed.size) {
      // The documents the writes removed, from the log (else every document is looked at).
      const change = seen === undefined ? undefined : this.changes.since(this.columnsSeq);
      this.columns.refresh(this.db, this.changed, change?.removed);
      this.changed.clear();
    }
    this.columnsSeq = seen ?? -1;
    return this.columns;
  }

  /** The write the facet columns are up to date with (-1: not known). */
  private columnsSeq = -1;

  async indexAgreement(agreement: Agreement, events: readonly AgreementEvent[] = []): Promise<void> {
    this.db.transaction(() =>
      writeAgreementDocuments(this.db, agreementDocuments(agreement, events), agreement.id),
    )();
    this.invalidate(agreement.id);
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
      // Every document changed: no reader patches from these rows.
      this.db.exec('DELETE FROM search_changes');
    })();
    this.invalidate();
    const { n } = this.db
      .prepare("SELECT COUNT(*) AS n FROM search_docs WHERE source = 'agreement'")
      .get() as { n: number };
    return { agreements: done, documents: n };
  }

  /** Counted once until a write (`documentCount`): counting a million rows on every health check costs tens of ms. */
  async health(): Promise<{ ok: boolean; documents: number }> {
    return { ok: true, documents: this.documentCount() };
  }
}

/**
 * The `wanted` smallest browsing places of the passing documents, ascending: a max-heap of the best so far,
 * so the cost stays n·log(wanted) whatever the order of ids against the browsing order (imports in date
 * order give the newest documents the highest ids).
 *
 * @param among the candidates (`undefined`: the ids are the positions themselves)
 * @param passed positions in `among` of the `total` documents that passed
 * @param rank each document's place in the browsing order by id, −1 for none
 */
function smallestRanks(
  among: ArrayLike<number> | undefined,
  passed: Int32Array,
  total: number,
  rank: Int32Array,
  wanted: number,
): number[] {
  const heap = new Int32Array(Math.max(1, wanted));
  let size = 0;
  for (let j = 0; j < total && wanted > 0; j++) {
    const id = among ? among[passed[j]!]! : passed[j]!;
    const r = id < rank.length ? rank[id]! : -1;
    if (r < 0) continue;
    if (size < wanted) {
      let at = size++;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (heap[up]! >= r) break;
        heap[at] = heap[up]!;
        at = up;
      }
      heap[at] = r;
    } else if (r < heap[0]!) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= size) break;
        const child = left + 1 < size && heap[left + 1]! > heap[left]! ? left + 1 : left;
        if (heap[child]! <= r) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = r;
    }
  }
  return Array.from(heap.subarray(0, size)).sort((x, y) => x - y);
}

/**
 * The ranking keys of the words' matches, in one loop (a mapping `Float64Array.from` calls back through
 * the iterator protocol per element: at a common word's 160,000 matches that was two fifths of a query).
 */
function wordKeys({ ids, scores, exact }: Candidates): Float64Array {
  const keys = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k++) keys[k] = rankKey(exact?.[k] ? TIERS.exact : TIERS.words, scores[k]!);
  return keys;
}

interface RankedRow extends DocRow {
  match: HitMatch;
  others: NonNullable<SearchHit['otherVersions']>;
}

/** Highlights the words of the query and of its alternatives (a hit found through `bữa ăn` marks those words). */
function withAlternatives(parsed: ParsedQuery, plan: QueryPlan): ParsedQuery {
  const terms = [...parsed.terms, ...plan.alternatives.slice(0, 6).flatMap((a) => a.terms)];
  return { terms, foldedWords: terms.flatMap((t) => t.folded) };
}

const yearOf = (row: DocRow) => {
  const date = row.signed_on ?? row.effective_on;
  return date ? Number(date.slice(0, 4)) : undefined;
};

/**
 * Folds the versions of one agreement (the same employer) into the first
 * of their hits when the same clause matched in each: the same heading (an
 * article renumbered from Điều 16 to Điều 17 is still "Bữa ăn giữa ca"), the
 * same text, or the same clause id. The newest version stands for the group, at the
 * rank of the best; the others are listed with it.
 */
function collapseVersions(rows: readonly RankedRow[]): RankedRow[] {
  const groups = new Map<string, RankedRow[]>();
  const order: RankedRow[][] = [];
  for (const row of rows) {
    if (row.source !== 'agreement' || !row.employer) {
      order.push([row]);
      continue;
    }
    const employer = foldText(row.employer);
    const keys = [
      `${employer}|t|${foldText(row.heading ?? '')}|${foldText(row.text)}`,
      `${employer}|c|${row.clause_id}`,
      ...(row.heading ? [`${employer}|h|${foldText(row.heading)}`] : []),
    ];
    const group = keys
      .map((k) => groups.get(k))
      .find((g) => g && !g.some((r) => r.agreement_id === row.agreement_id));
    if (group) group.push(row);
    else {
      const fresh = [row];
      order.push(fresh);
      for (const k of keys) if (!groups.has(k)) groups.set(k, fresh);
    }
  }
  return order.map((group) => {
    if (group.length === 1) return group[0]!;
    const newest = [...group].sort((a, b) =>
      (b.effective_on ?? b.signed_on ?? '').localeCompare(a.effective_on ?? a.signed_on ?? ''),
    )[0]!;
    const others = group
      .filter((r) => r !== newest)
      .map((r) => {
        const year = yearOf(r);
        return {
          agreementId: r.agreement_id!,
          clauseId: r.clause_id,
          ...(year ? { year } : {}),
        };
      });
    return { ...newest, match: group[0]!.match, score: group[0]!.score, others };
  });
}

function toHit(row: DocRow, parsed: ParsedQuery, on: string): SearchHit {
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
  if (row.source === 'agreement') {
    const year = yearOf(row);
    if (year) hit.year = year;
    hit.status = statusOnDate(row.effective_on ?? undefined, row.expires_on ?? undefined, on);
  }
  return hit;
}
