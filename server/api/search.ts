/**
 * /api/search: clause-level search over the library (and the law), with
 * filters that take several values, facet counts and highlighting. Each hit
 * carries a snippet around the matched words (`highlight`); `full=1` adds the
 * clause's whole text (the agreement's route has it too).
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { SearchHit, SearchQuery } from '../../library/index.ts';
import type { Service } from '../../service/index.ts';
import { SEARCH_FILTERS, SearchParams } from '../schemas.ts';
import { validate } from '../validation.ts';

/** The query's scalar parameters once, and its filters with every value given. */
export function searchInput(c: Context): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = Object.fromEntries(
    ['q', 'source', 'sort', 'limit', 'offset', 'on', 'expired', 'literal', 'full']
      .map((k) => [k, c.req.query(k)])
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  for (const key of SEARCH_FILTERS) {
    const values = c.req.queries(key);
    if (values) raw[key] = values;
  }
  return raw;
}

type Params = z.infer<typeof SearchParams>;

/** The search the route asks the service for, from valid parameters. */
function toQuery(params: Params) {
  const filters: SearchQuery['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const values = params[key];
    if (values?.length) Object.assign(filters, { [key]: values });
  }
  return {
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
}

/** A hit as the API answers it: the snippet, with the clause's full text only when asked, and its links. */
function toApiHit({ text, ...hit }: SearchHit, full: boolean) {
  return {
    ...hit,
    ...(full ? { text } : {}),
    links: hit.agreementId
      ? {
          agreement: `/api/agreements/${hit.agreementId}`,
          clause: `/api/agreements/${hit.agreementId}#${hit.clauseId}`,
        }
      : {},
  };
}

/** Query strings remembered with their valid parameters: the same searches come back (pages, shared links). */
const MAX_REMEMBERED_QUERIES = 500;

/** Builds the sub-app mounted at /api/search. */
export function searchRoutes({ service }: { service: Service }) {
  const remembered = new LRUCache<string, { params: Params; query: ReturnType<typeof toQuery> }>({
    max: MAX_REMEMBERED_QUERIES,
  });
  // An answer's JSON, but for the time it took, by its list of hits: an index that answers a repeated
  // search from its cache hands back the same list with the same total and facets, so they are serialised
  // once (emptied with the index's cache, by every write). Kept with the query it echoes.
  const serialised = {
    snippet: new WeakMap<object, { query: object; body: string }>(),
    full: new WeakMap<object, { query: object; body: string }>(),
  };

  return new Hono().get('/', async (c) => {
    const url = c.req.url;
    const search = url.slice(url.indexOf('?') + 1 || url.length);
    let entry = remembered.get(search);
    if (!entry) {
      const params = validate(SearchParams, searchInput(c), 'query');
      entry = { params, query: toQuery(params) };
      remembered.set(search, entry);
    }
    const { params, query } = entry;
    // Anonymous readers do not search the text of internal or summary-only agreements.
    const hidden = service.hiddenFrom(c.get('principal'));
    const filters = hidden.length ? { ...query.filters, hidden } : query.filters;
    const result = await service.search({ ...query, filters, on: params.on });
    const full = params.full === '1';
    const cache = full ? serialised.full : serialised.snippet;
    let serial = cache.get(result.hits);
    if (serial?.query !== query) {
      const { hits, tookMs: _, ...rest } = result;
      const others = JSON.stringify({ ...rest, query });
      const body = `{"hits":${JSON.stringify(hits.map((hit) => toApiHit(hit, full)))},${others.slice(1, -1)}`;
      serial = { query, body };
      cache.set(result.hits, serial);
    }
    return c.body(`${serial.body},"tookMs":${result.tookMs}}`, 200, {
      'content-type': 'application/json; charset=UTF-8',
    });
  });
}
