/**
 * The library of record: agreements, their trees and original documents,
 * behind the {@link Library} interface. The embedded default is SQLite
 * ({@link openLibrary}); the database lives in `CBA_DATA_DIR`.
 *
 * The search index behind the {@link SearchIndex} interface: the embedded
 * SQLite FTS5 index in the same file (`library.search`), or Meilisearch
 * ({@link openSearch} with `MEILI_URL`).
 *
 * Storage and search only: the operations over them (imports, grades, the
 * library-wide questions and their caches) are `service/`.
 */

import { join } from 'node:path';
import type { AgreementSummary } from '../clauses/types.ts';
import { MeiliSearchIndex } from './meili-search.ts';
import type { SearchIndex } from './search-types.ts';
import { SqliteLibrary } from './sqlite-library.ts';
import type { AgreementFilter, Library } from './types.ts';

export {
  type AccountStore,
  type AgreementAccess,
  type ApiKeyRecord,
  type AuditEntry,
  type AuditQuery,
  type NewAuditEntry,
  ROLES,
  type Role,
  type SessionRecord,
  type StoredUser,
  type User,
  VISIBILITIES,
  type Visibility,
} from './account-types.ts';
export { contentKey } from './content-key.ts';
export { agreementDocuments, lawDocuments } from './documents.ts';
export {
  type DraftStore,
  type DraftVersion,
  type NewDraft,
  SqliteDraftStore,
  type StoredDraft,
} from './draft-store.ts';
export {
  type MeiliDocument,
  type MeiliOptions,
  MeiliSearchIndex,
  toMeiliDocument,
  toMeiliFilter,
} from './meili-search.ts';
export { MIGRATIONS } from './migrations.ts';
export { readRubricFile } from './rubric-file.ts';
export {
  applyValidity,
  CURRENT_STATUSES,
  FACETS,
  type Facet,
  type HitMatch,
  type OtherVersion,
  type ReindexReport,
  SEARCH_SORTS,
  SEARCH_VALIDITIES,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
  type SearchSource,
  type SearchValidity,
  type TopicSuggestion,
} from './search-types.ts';
export { SqliteLibrary } from './sqlite-library.ts';
export { SqliteSearch, toExactFtsQuery, toFtsQuery } from './sqlite-search.ts';
export type {
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
export type { VerdictKey, VerdictStore } from './verdict-store.ts';

/** Name of the database file inside the data directory. */
export const DATABASE_FILE = 'library.sqlite';

/**
 * Opens (creating if needed) the library in a data directory.
 * @param dataDir directory for the database; `:memory:` for a throwaway library
 */
export function openLibrary(dataDir: string): SqliteLibrary {
  return new SqliteLibrary({ file: dataDir === ':memory:' ? ':memory:' : join(dataDir, DATABASE_FILE) });
}

/** Every agreement matching a filter, read page by page (for dashboards and library-wide checks). */
export function* eachSummary(library: Library, filter: AgreementFilter = {}): Generator<AgreementSummary> {
  // Large pages: each page sorts the matching rows again, so 30,000 agreements in pages of 200 sorted 150 times.
  const pageSize = 5000;
  for (let page = 1; ; page++) {
    const { items } = library.list(filter, { page, pageSize });
    yield* items;
    if (items.length < pageSize) return;
  }
}

/**
 * The search index to use: Meilisearch when a URL is given, else the embedded index of the library.
 * @param meili `MEILI_URL` and `MEILI_API_KEY` from the environment
 */
export function openSearch(
  library: SqliteLibrary,
  meili: { url?: string; apiKey?: string } = {},
): SearchIndex {
  if (!meili.url) return library.search;
  return new MeiliSearchIndex({ url: meili.url, ...(meili.apiKey ? { apiKey: meili.apiKey } : {}) });
}

/** Every agreement of the library with its events, for rebuilding an index. */
export function* eachAgreementWithEvents(library: Library) {
  for (const summary of eachSummary(library)) {
    const agreement = library.get(summary.id);
    if (agreement) yield { agreement, events: library.events([summary.id]).get(summary.id) ?? [] };
  }
}
