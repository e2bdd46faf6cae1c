/** /versions: two versions of an agreement compared article by article. */

import { Hono } from 'hono';
import type { Service } from '../../service/index.ts';
import { VersionsPage } from '../../ui/index.ts';
import { seenBy } from '../auth.ts';
import { VersionsQuery } from '../schemas.ts';
import { AGREEMENT_ID } from '../validation.ts';
import { pageContext, pageQuery } from './context.tsx';

export function versionPages({ service }: { service: Service }) {
  return new Hono().get('/', pageQuery(VersionsQuery.partial()), (c) => {
    const ctx = pageContext(c);
    const agreements = service.summaries(seenBy(c, {})).map((a) => ({
      id: a.id,
      label: `${a.meta.employer ?? a.id}${a.meta.signedOn ? ` (${a.meta.signedOn.slice(0, 4)})` : ''} — ${a.id}`,
    }));
    const { from, to, on } = c.req.valid('query');
    const all = c.req.query('all') === '1';
    const props = { ctx, agreements, all, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    if (!from || !to) return c.html(<VersionsPage {...props} />);
    const known = (id: string) =>
      AGREEMENT_ID.test(id) &&
      service.find(id) !== undefined &&
      (c.get('principal') !== undefined || service.accessOf(id)?.visibility !== 'internal');
    if (!known(from) || !known(to)) return c.html(<VersionsPage {...props} error={ctx.t('notFound')} />, 404);
    return c.html(<VersionsPage {...props} result={service.versions(from, to, on)} />);
  });
}
