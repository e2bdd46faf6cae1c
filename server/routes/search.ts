/**
 * /api/search: clause-level search over the library (and the law), with
 * filters that take several values, facet counts and highlighting.
 */

import { Hono } from 'hono';
import { z } from 'zod';
import { isIsoDate } from '../../clauses/dates.ts';
import { SearchUnavailableError } from '../../clauses/errors.ts';
import { EXPIRY_STATUSES, type ExpiryStatus } from '../../clauses/expiry.ts';
import { resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic } from '../../clauses/topics.ts';
import { SEARCH_SORTS, type SearchIndex, type SearchQuery } from '../../library/index.ts';
import { AGREEMENT_ID, validate } from '../validation.ts';

export interface SearchRoutesDeps {
  search: SearchIndex | undefined;
  today: () => string;
}

/** A filter given once or many times (`industry=det-may&industry=da-giay`), or as a comma list. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (values) =>
      Array.isArray(values)
        ? values
            .flatMap((v) => String(v).split(','))
            .map((v) => v.trim())
            .filter(Boolean)
        : values,
    z.array(item).max(50).optional(),
  );

const SearchParams = z.object({
  q: z.string().max(500).default(''),
  industry: many(
    z.string().transform((v, ctx) => {
      const industry = resolveIndustry(v);
      if (!industry) ctx.addIssue({ code: 'custom', message: `unknown industry "${v}"` });
      return industry?.id ?? v;
    }),
  ),
  province: many(
    z.string().transform((v, ctx) => {
      const province = resolveProvince(v);
      if (!province) ctx.addIssue({ code: 'custom', message: `unknown province "${v}"` });
      return province?.name ?? v;
    }),
  ),
  district: many(z.string().min(1).max(200)),
  topic: many(z.string().refine((v) => getTopic(v) !== undefined, 'unknown topic')),
  status: many(z.enum(EXPIRY_STATUSES as [ExpiryStatus, ...ExpiryStatus[]])),
  grade: many(z.enum(['A', 'B', 'C', 'D', 'unranked'])),
  level: many(z.enum(['enterprise', 'sector', 'multi_enterprise'])),
  agreement: many(z.string().regex(AGREEMENT_ID, 'not an agreement id')),
  source: z.enum(['agreements', 'law', 'all']).default('agreements'),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  on: z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD').optional(),
});

const FILTERS = [
  'industry',
  'province',
  'district',
  'topic',
  'status',
  'grade',
  'level',
  'agreement',
] as const;

/** Builds the sub-app mounted at /api/search. */
export function searchRoutes({ search, today }: SearchRoutesDeps) {
  return new Hono().get('/', async (c) => {
    const raw = Object.fromEntries(
      ['q', 'source', 'sort', 'limit', 'offset', 'on']
        .map((k) => [k, c.req.query(k)])
        .filter(([, v]) => v !== undefined),
    );
    for (const key of FILTERS) {
      const values = c.req.queries(key);
      if (values) raw[key] = values as unknown as string;
    }
    const params = validate(SearchParams, raw, 'query');
    if (!search) {
      throw new SearchUnavailableError(
        'search_unavailable',
        'Chưa cấu hình chỉ mục tìm kiếm.',
        'No search index is configured.',
      );
    }
    const filters: SearchQuery['filters'] = {};
    for (const key of FILTERS) {
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
    };
    const result = await search.search({ ...query, on: params.on ?? today() });
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
  });
}
