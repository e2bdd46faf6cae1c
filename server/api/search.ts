/**
 * /api/search: clause-level search over the library (and the law), with
 * filters that take several values, facet counts and highlighting.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import type { SearchQuery } from '../../library/index.ts';
import type { Service } from '../../service/index.ts';
import { SEARCH_FILTERS, SearchParams } from '../schemas.ts';
import { validate } from '../validation.ts';

/** The query's scalar parameters once, and its filters with every value given. */
export function searchInput(c: Context): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = Object.fromEntries(
    ['q', 'source', 'sort', 'limit', 'offset', 'on', 'expired', 'literal']
      .map((k) => [k, c.req.query(k)])
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  for (const key of SEARCH_FILTERS) {
    const values = c.req.queries(key);
    if (values) raw[key] = values;
  }
  return raw;
}

/** Builds the sub-app mounted at /api/search. */
export function searchRoutes({ service }: { service: Service }) {
  return new Hono().get(
    '/',
    validator('query', (_, c) => validate(SearchParams, searchInput(c), 'query')),
    async (c) => {
      const params = c.req.valid('query');
      const filters: SearchQuery['filters'] = {};
      for (const key of SEARCH_FILTERS) {
        const values = params[key];
        if (values?.length) Object.assign(filters, { [key]: values });
      }
      const query = {
        q: params.q,
        filters,
        source: params.source,
        sort: params.sort,
        limit: params.limit,
        offset: params.offset,
        // Agreements in force by default, versions of one agreement folded into one hit (issue 16).
        validity: params.expired === '1' ? ('all' as const) : ('current' as const),
        collapseVersions: true,
        ...(params.literal === '1' ? { literal: true } : {}),
      };
      // Anonymous readers do not search the text of internal or summary-only agreements.
      const hidden = service.hiddenFrom(c.get('principal'));
      const result = await service.search({
        ...query,
        filters: hidden.length ? { ...filters, hidden } : filters,
        on: params.on,
      });
      return c.json({
        ...result,
        hits: result.hits.map((hit) => ({
          ...hit,
          links: hit.agreementId
            ? {
                agreement: `/api/agreements/${hit.agreementId}`,
                clause: `/api/agreements/${hit.agreementId}#${hit.clauseId}`,
              }
            : {},
        })),
        query,
      });
    },
  );
}
