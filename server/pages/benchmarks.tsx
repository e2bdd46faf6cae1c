/** /benchmarks: the N-way table of chosen agreements on some topics (Đối chiếu). */

import { Hono } from 'hono';
import { NotFoundError } from '../../clauses/errors.ts';
import { INDUSTRIES, resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import type { Service } from '../../service/index.ts';
import { BenchmarksPage } from '../../ui/index.ts';
import { assertReadable, seenBy } from '../auth.ts';
import { CompareQuery } from '../schemas.ts';
import { pageContext, pageQuery } from './context.tsx';

/** The page's topics are checkboxes (a repeated parameter); the rest is the API's N-way query. */
const BenchmarksQuery = CompareQuery.pick({ ids: true, industry: true, province: true, on: true });

export function benchmarkPages({ service }: { service: Service }) {
  return new Hono().get('/', pageQuery(BenchmarksQuery), (c) => {
    const ctx = pageContext(c);
    const query = c.req.valid('query');
    const topic = c.req.queries('topic')?.filter((t) => getTopic(t)) ?? [];
    const ids = query.ids ?? [];
    const dir = c.req.query('dir') === 'asc' ? ('asc' as const) : ('desc' as const);
    const sort = c.req.query('sort');
    const props = {
      ctx,
      query: {
        topic,
        ids: ids.join(','),
        dir,
        ...(query.industry ? { industry: query.industry } : {}),
        ...(query.province ? { province: query.province } : {}),
        ...(sort ? { sort } : {}),
      },
      topics: TOPICS.map((t): [string, string] => [t.id, ctx.lang === 'vi' ? t.label : t.labelEn]),
      industries: INDUSTRIES.map((i): [string, string] => [i.id, i.name]),
    };
    if (!ids.length && !query.industry && !query.province) return c.html(<BenchmarksPage {...props} />);
    const industry = query.industry ? resolveIndustry(query.industry)?.id : undefined;
    const province = query.province ? resolveProvince(query.province)?.name : undefined;
    const notFound = (what: string) =>
      c.html(<BenchmarksPage {...props} error={`${ctx.t('notFound')} (${what})`} />, 404);
    if (query.industry && !industry) return notFound(query.industry);
    if (query.province && !province) return notFound(query.province);
    try {
      assertReadable(c, service, ids);
      const table = service.compareAgreements({
        ...(ids.length ? { ids } : { filter: seenBy(c, { industry, province }) }),
        on: query.on,
        topics: topic,
      });
      return c.html(<BenchmarksPage {...props} table={table} />);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return notFound(ids.filter((id) => !service.find(id)).join(', '));
    }
  });
}
