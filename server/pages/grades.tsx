/** /grades: the grades of an area — counts, the share of A and B, every agreement's grade. */

import { Hono } from 'hono';
import type { Rubric } from '../../clauses/grading.ts';
import type { Service } from '../../service/index.ts';
import { GradesPage } from '../../ui/index.ts';
import { seenBy } from '../auth.ts';
import { GradesQuery } from '../schemas.ts';
import { areaFilter } from '../validation.ts';
import { orErrorPage, pageContext, pageQuery } from './context.tsx';

export function gradesPages({ service, rubric }: { service: Service; rubric: Rubric }) {
  return new Hono().get('/', pageQuery(GradesQuery), (c) =>
    orErrorPage(c, () => {
      const query = c.req.valid('query');
      const dashboard = service.grades({
        filter: seenBy(c, areaFilter(query)),
        ...(query.year ? { year: query.year } : {}),
      });
      return c.html(
        <GradesPage
          ctx={pageContext(c)}
          rubric={rubric}
          counts={dashboard.counts}
          shareAB={dashboard.share.AB}
          total={dashboard.total}
          items={dashboard.items}
          area={{
            province: query.province ?? '',
            district: query.district ?? '',
            industry: query.industry ?? '',
          }}
        />,
      );
    }),
  );
}
