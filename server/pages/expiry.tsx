/** /expiry: the expiry dashboard of an area, with links to its calendar feed and spreadsheet. */

import { Hono } from 'hono';
import type { Service } from '../../service/index.ts';
import { ExpiryPage } from '../../ui/index.ts';
import { seenBy } from '../auth.ts';
import { ExpiryQuery } from '../schemas.ts';
import { areaFilter } from '../validation.ts';
import { orErrorPage, pageContext, pageQuery } from './context.tsx';
import { provinceLabels } from './province-labels.ts';

/** The window of the dashboard when none is asked; an empty field asks for every agreement. */
const DEFAULT_WITHIN = '90';

export function expiryPages({ service }: { service: Service }) {
  return new Hono().get('/', pageQuery(ExpiryQuery), (c) =>
    orErrorPage(c, () => {
      const query = c.req.valid('query');
      const withinParam = c.req.query('within') ?? DEFAULT_WITHIN;
      const within = withinParam === '' ? undefined : (query.within ?? Number(DEFAULT_WITHIN));
      const filter = seenBy(c, areaFilter(query));
      const report = service.expiry({
        filter,
        within,
        statuses: query.status,
        superiorUnion: query.superiorUnion,
      });
      const api = new URLSearchParams();
      if (filter.province) api.set('province', filter.province);
      if (query.district) api.set('district', query.district);
      if (query.superiorUnion) api.set('superiorUnion', query.superiorUnion);
      if (within !== undefined) api.set('within', String(within));
      return c.html(
        <ExpiryPage
          ctx={pageContext(c)}
          report={report}
          provinceLabels={provinceLabels(
            pageContext(c).lang,
            report.items.map((item) => item.province),
          )}
          province={query.province ?? ''}
          district={query.district ?? ''}
          superiorUnion={query.superiorUnion ?? ''}
          within={withinParam}
          apiQuery={api.toString() ? `?${api}` : ''}
        />,
      );
    }),
  );
}
