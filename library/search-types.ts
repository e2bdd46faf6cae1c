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
  /** Agreements left out whatever else matches (those a reader may not see). */
  hidden?: string[];
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
  /**
   * `current`: only agreements in force, in their renewal window or in the
   * continuation after expiry, not yet effective or undated — expired ones
   * are left out. `all` (the default here): every agreement. The search page
   * and the API ask for `current` unless the user includes expired ones.
   */
  validity?: SearchValidity;
  /** Ranks without the thesaurus, topics and near matches: the words as typed only. */
  literal?: boolean;
  /**
   * Folds the versions of one agreement (the same employer) into one hit
   * when the same clause matched in each, listing the others in
   * `otherVersions` ("các phiên bản khác"); relevance order only. The search
   * page and the API ask for it; the index's contract lists every version.
   */
  collapseVersions?: boolean;
}

export const SEARCH_VALIDITIES = ['current', 'all'] as const;
export type SearchValidity = (typeof SEARCH_VALIDITIES)[number];

/** The statuses `validity: 'current'` keeps. */
export const CURRENT_STATUSES: readonly ExpiryStatus[] = [
  'in_force',
  'renewal_window',
  'continuation',
  'not_yet_effective',
  'unknown',
];

/** The query as an index applies it: `validity: 'current'` becomes a status filter (agreements only). */
export function applyValidity(query: SearchQuery): SearchQuery {
  if (query.validity !== 'current' || query.source !== 'agreements' || query.filters.status?.length)
    return query;
  return { ...query, filters: { ...query.filters, status: [...CURRENT_STATUSES] } };
}

/**
 * How a hit matched, best first: every word with the diacritics typed,
 * every word, an alternative phrasing from the thesaurus, the clause's topic
 * only, most of the words (a near match).
 */
export type HitMatch = 'exact' | 'words' | 'thesaurus' | 'topic' | 'near';

/** Another version of the same agreement (the same employer) whose clause matched too. */
export interface OtherVersion {
  agreementId: string;
  clauseId: string;
  year?: number;
  status?: ExpiryStatus;
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
  /** How it matched (absent from adapters that do not tell). */
  match?: HitMatch;
  /** The agreement's year: signed, else taking effect. */
  year?: number;
  /** The agreement's expiry status on the query's day. */
  status?: ExpiryStatus;
  /** Other versions of the agreement whose same clause matched, folded into this hit ("các phiên bản khác"). */
  otherVersions?: OtherVersion[];
}

/** A topic the query names, offered as a filter ("Xem chủ đề: Bữa ăn giữa ca"). */
export interface TopicSuggestion {
  id: string;
  label: string;
  labelEn: string;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<Facet, Record<string, number>>;
  tookMs: number;
  backend: string;
  /**
   * No clause contains all the words (or too few do): the hits include clauses
   * with most of them ("Không có điều khoản chứa đủ các từ; đây là kết quả gần đúng").
   */
  approximate?: boolean;
  /** The query with one typo corrected, when a word is in no clause but a near one is ("Có phải bạn muốn tìm …?"). */
  didYouMean?: string;
  /** Topics the query names that are not already a filter. */
  topicSuggestions?: TopicSuggestion[];
  /** The alternative phrasings searched besides the words typed. */
  alternatives?: string[];
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
