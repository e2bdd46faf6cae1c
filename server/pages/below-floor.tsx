/** /below-floor: the agreements with clauses below the legal floor on a day. */

import { Hono } from 'hono';
import type { Service } from '../../service/index.ts';
import { BelowFloorPage } from '../../ui/index.ts';
import { seenBy } from '../auth.ts';
import { BelowFloorQuery } from '../schemas.ts';
import { areaFilter } from '../validation.ts';
import { orErrorPage, pageContext, pageQuery } from './context.tsx';
import { provinceLabel } from './province-labels.ts';

export function belowFloorPages({ service }: { service: Service }) {
  return new Hono().get('/', pageQuery(BelowFloorQuery.omit({ region: true })), (c) =>
    orErrorPage(c, () => {
      const ctx = pageContext(c);
      const query = c.req.valid('query');
      const { on, items } = service.belowFloor(seenBy(c, areaFilter(query)), { on: query.on });
      return c.html(
        <BelowFloorPage
          ctx={ctx}
          on={on}
          items={items.map(({ agreement, unlawful }) => ({
            id: agreement.id,
            employer: agreement.meta.employer,
            ...(agreement.meta.province
              ? { province: provinceLabel(ctx.lang, agreement.meta.province) }
              : {}),
            clauses: unlawful.map((row) => ({
              path: row.path,
              written: row.measure.written,
              citation: row.floor?.citation.text,
              difference: ctx.lang === 'vi' ? row.difference?.text : row.difference?.textEn,
            })),
          }))}
        />,
      );
    }),
  );
}
