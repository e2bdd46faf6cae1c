/**
 * The home page: search. Unknown filter values are dropped rather than
 * refused, so a shared link still opens.
 */

import { Hono } from 'hono';
import { EXPIRY_STATUSES, type ExpiryStatus } from '../../clauses/expiry.ts';
import { INDUSTRIES, resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import type { Service } from '../../service/index.ts';
import { INCLUDE_EXPIRED_PARAM, SearchPage } from '../../ui/index.ts';
import { pageContext, queryList } from './context.tsx';
import { provinceLabels } from './province-labels.ts';

const PAGE_SIZE = 20;

export function searchPages({ service }: { service: Service }) {
  const industryNames = Object.fromEntries(INDUSTRIES.map((i) => [i.id, i.name]));
  return new Hono().get('/', async (c) => {
    const ctx = pageContext(c);
    const q = (c.req.query('q') ?? '').slice(0, 500);
    const sourceParam = c.req.query('source');
    const source = sourceParam === 'law' || sourceParam === 'all' ? sourceParam : 'agreements';
    const page = Math.min(500, Math.max(1, Number(c.req.query('page')) || 1));
    const filters = {
      industry: queryList(c, 'industry').flatMap((v) => resolveIndustry(v)?.id ?? []),
      province: queryList(c, 'province').flatMap((v) => resolveProvince(v)?.name ?? []),
      topic: queryList(c, 'topic').filter((v) => getTopic(v)),
      status: queryList(c, 'status').filter((v): v is ExpiryStatus =>
        EXPIRY_STATUSES.includes(v as ExpiryStatus),
      ),
      grade: queryList(c, 'grade').filter((v) => ['A', 'B', 'C', 'D', 'unranked'].includes(v)),
    };
    const includeExpired = c.req.query(INCLUDE_EXPIRED_PARAM) === '1';
    const hidden = service.hiddenFrom(c.get('principal'));
    const result = await service.search({
      q,
      filters: hidden.length ? { ...filters, hidden } : filters,
      source,
      sort: 'relevance',
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      validity: includeExpired ? 'all' : 'current',
      collapseVersions: true,
    });
    const topicNames = Object.fromEntries(TOPICS.map((t) => [t.id, ctx.lang === 'vi' ? t.label : t.labelEn]));
    return c.html(
      <SearchPage
        ctx={ctx}
        q={q}
        source={source}
        filters={filters}
        total={result.total}
        tookMs={result.tookMs}
        hits={result.hits}
        facets={result.facets}
        page={page}
        pageSize={PAGE_SIZE}
        names={{
          industry: industryNames,
          topic: topicNames,
          province: provinceLabels(
            ctx.lang,
            result.hits.map((hit) => hit.province),
          ),
        }}
        includeExpired={includeExpired}
        {...(result.approximate ? { approximate: true } : {})}
        {...(result.didYouMean ? { didYouMean: result.didYouMean } : {})}
        {...(result.topicSuggestions?.length ? { topicSuggestions: result.topicSuggestions } : {})}
      />,
    );
  });
}
