/**
 * The library of record: agreements, their trees and original documents,
 * behind the {@link Library} interface. The embedded default is SQLite
 * ({@link openLibrary}); the database lives in `CBA_DATA_DIR`.
 */

import { join } from 'node:path';
import type { AgreementSummary } from '../clauses/types.ts';
import { SqliteLibrary } from './sqlite-library.ts';
import type { AgreementFilter, Library } from './types.ts';

export { MIGRATIONS } from './migrations.ts';
export { SqliteLibrary } from './sqlite-library.ts';
export type {
  AddOptions,
  AgreementFilter,
  Library,
  LibraryCounts,
  NewAgreementEvent,
  PageRequest,
  PageResult,
  StoredSource,
} from './types.ts';

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
  const pageSize = 200;
  for (let page = 1; ; page++) {
    const { items } = library.list(filter, { page, pageSize });
    yield* items;
    if (items.length < pageSize) return;
  }
}
