/**
 * Expiry tracking for district and area union staff: the dashboard
 * (`/api/expiry`), its calendar feed (`.ics`), spreadsheet (`.csv`) and PDF,
 * and the events recorded on an agreement (filed, negotiation started,
 * replaced, extended).
 */

import { Hono } from 'hono';
import type { z } from 'zod';
import { EXPIRY_STATUS_LABELS, type ExpiryItem } from '../../clauses/expiry.ts';
import { type Principal, type Service, visibleTo } from '../../service/index.ts';
import { actorOfRequest, requireWrite } from '../auth.ts';
import type { ReportRenderer } from '../parse-pool.ts';
import { EventBody, ExpiryQuery } from '../schemas.ts';
import { areaFilter, checkArea, parseId, readJsonBody, validQuery } from '../validation.ts';
import { calendar, spreadsheet } from './expiry-formats.ts';

export interface ExpiryRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  /** The configured public address: calendar events link there, whatever Host a request names. */
  publicUrl: string;
  /** Draws the PDF reports (the parse pool in the server). */
  reports: ReportRenderer;
}

function itemJson(item: ExpiryItem) {
  return {
    ...item,
    statusLabel: EXPIRY_STATUS_LABELS[item.status],
    // Grading comes with its own issue; the field is here so clients can rely on it.
    grade: null,
    links: { agreement: `/api/agreements/${item.id}`, events: `/api/agreements/${item.id}/events` },
  };
}

/** Builds the sub-app mounted at /api. */
export function expiryRoutes({ service, apiToken, publicUrl, reports }: ExpiryRoutesDeps) {
  const events = requireWrite({ service, apiToken }, 'event', true);
  // Anonymous readers' reports and exports list only what they may see.
  const report = (query: z.infer<typeof ExpiryQuery>, principal?: Principal) => {
    if (query.district || query.superiorUnion) {
      const areas = service.areas();
      checkArea('district', query.district, areas.district);
      checkArea('superiorUnion', query.superiorUnion, areas.superiorUnion);
    }
    return service.expiry({
      filter: { ...areaFilter(query), visibility: visibleTo(principal) },
      on: query.on,
      within: query.within,
      statuses: query.status,
      superiorUnion: query.superiorUnion,
    });
  };
  return new Hono()
    .get('/expiry', validQuery(ExpiryQuery), (c) => {
      const result = report(c.req.valid('query'), c.get('principal'));
      return c.json({ ...result, items: result.items.map(itemJson) });
    })
    .get('/expiry.ics', validQuery(ExpiryQuery), (c) => {
      const result = report(c.req.valid('query'), c.get('principal'));
      return c.body(calendar(result.items, publicUrl), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="thoa-uoc-het-han.ics"',
      });
    })
    .get('/expiry.pdf', validQuery(ExpiryQuery), async (c) => {
      const query = c.req.valid('query');
      const result = report(query, c.get('principal'));
      const area = [query.district, query.province, query.superiorUnion].filter(Boolean).join(', ');
      const pdf = await reports.draw({ report: 'expiry', data: { area, report: result } });
      return c.body(pdf.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="thoa-uoc-het-han-${result.on}.pdf"`,
      });
    })
    .get('/expiry.csv', validQuery(ExpiryQuery), (c) => {
      const result = report(c.req.valid('query'), c.get('principal'));
      return c.body(spreadsheet(result.items), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="thoa-uoc-het-han-${result.on}.csv"`,
      });
    })
    .get('/agreements/:id/events', (c) => {
      const id = parseId(c.req.param('id'));
      const { events, expiry } = service.agreementEvents(id);
      return c.json({ id, events, expiry });
    })
    .post('/agreements/:id/events', events, async (c) => {
      const id = parseId(c.req.param('id'));
      const body = await readJsonBody(c.req.raw, EventBody);
      const { event, expiry } = await service.recordEvent(id, body, actorOfRequest(c));
      c.header('Location', `/api/agreements/${id}/events`);
      return c.json({ event, expiry }, 201);
    });
}
