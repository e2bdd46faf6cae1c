/**
 * The search index, as the rest of the program sees it: one interface with
 * two adapters (embedded SQLite FTS5, Meilisearch). Documents are clause
 * nodes of agreements, and articles of the Labour Code as a second corpus.
 */

import type { ExpiryStatus } from '../clauses/expiry.ts';
import type { MatchSpan } from '../clauses/search-text.ts';
import type { Agreement, AgreementEvent } from '../clauses/types.ts';

export const FACETS = ['industry', 'province', 'topic', 'status', 'grade'] as const;
export type Facet = (typeof FACETS)[number];

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest', 'expires'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchSource = 'agreements' | 'law' | 'all';

export interface SearchFilters {
  industry?: string[];
  province?: string[];
  /** Parts of district names, matched without diacritics. */
  district?: string[];
  topic?: string[];
  status?: ExpiryStatus[];
  grade?: string[];
  level?: string[];
  agreement?: string[];
}

export interface SearchQuery {
  /** What the user typed; empty lists the clauses that pass the filters. */
  q: string;
  filters: SearchFilters;
  source: SearchSource;
  sort: SearchSort;
  limit: number;
  offset: number;
  /** The day expiry statuses are judged on (`YYYY-MM-DD`). */
  on: string;
}

/** A found document as the result shows it (`agreementId` is absent for law articles). */
export interface SearchHit
  extends Pick<
    SearchDocument,
    | 'source'
    | 'agreementId'
    | 'clauseId'
    | 'kind'
    | 'path'
    | 'heading'
    | 'text'
    | 'employer'
    | 'industry'
    | 'province'
    | 'topics'
  > {
  /** The text (or heading) as segments, the matched words apart; cut around the first match. */
  highlight: MatchSpan[];
  /** Higher is better; comparable within one result only. */
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<Facet, Record<string, number>>;
  tookMs: number;
  backend: string;
}

/** One indexed document: a clause node of an agreement, or a clause of the law. */
export interface SearchDocument {
  /** Unique in the index: `<agreementId>~<clauseId>` or `law~<law>~<clauseId>`. */
  id: string;
  source: 'agreement' | 'law';
  agreementId?: string;
  clauseId: string;
  kind: string;
  path: string;
  heading?: string;
  text: string;
  employer?: string;
  industry?: string;
  province?: string;
  district?: string;
  superiorUnion?: string;
  level?: string;
  topics: string[];
  signedOn?: string;
  /** The day it took effect (the signing date when none is written). */
  effectiveOn?: string;
  /** The last day in force, after recorded extensions. */
  expiresOn?: string;
  grade?: string;
  /** Position in the agreement, to list clauses in document order. */
  order: number;
}

export interface ReindexReport {
  agreements: number;
  documents: number;
}

export interface SearchIndex {
  /** `sqlite-fts5` or `meilisearch`, for health reports and results. */
  readonly backend: string;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Brings an agreement's documents up to date (after an import, an event or a grade). */
  indexAgreement(agreement: Agreement, events?: readonly AgreementEvent[]): Promise<void>;
  removeAgreement(id: string): Promise<void>;
  /** Rebuilds the whole index from the library of record. */
  rebuild(
    agreements: Iterable<{ agreement: Agreement; events: readonly AgreementEvent[] }>,
    onProgress?: (done: number) => void,
  ): Promise<ReindexReport>;
  /** Whether the index can answer (a Meilisearch server may be down). */
  health(): Promise<{ ok: boolean; documents?: number; error?: string }>;
}
