/**
 * Keeps an external search index (Meilisearch) in step with the library of
 * record. The embedded index needs nothing: the library writes it in the same
 * transaction as the agreement.
 */

import type { Agreement } from '../clauses/types.ts';
import type { Library, SearchIndex } from '../library/index.ts';

export interface SearchSync {
  /** After an import; if the index refuses it, the import is undone and the error rethrown. */
  added(agreement: Agreement): Promise<void>;
  removed(id: string): Promise<void>;
  /** After an event that changes what the index holds (an extension). */
  changed(id: string): Promise<void>;
}

export function searchSync(
  library: Library,
  search: SearchIndex | undefined,
  embedded: SearchIndex | undefined,
): SearchSync {
  const external = search !== undefined && search !== embedded ? search : undefined;
  if (!external) return { added: async () => {}, removed: async () => {}, changed: async () => {} };
  return {
    async added(agreement) {
      try {
        await external.indexAgreement(agreement);
      } catch (error) {
        library.remove(agreement.id);
        throw error;
      }
    },
    removed: (id) => external.removeAgreement(id),
    async changed(id) {
      const agreement = library.get(id);
      if (agreement) await external.indexAgreement(agreement, library.events([id]).get(id) ?? []);
    },
  };
}
