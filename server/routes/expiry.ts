/**
 * Expiry tracking for district and area union staff: the dashboard
 * (`/api/expiry`), its calendar feed (`.ics`) and spreadsheet (`.csv`), and
 * the events recorded on an agreement (filed, negotiation started, replaced,
 * extended).
 */

import { Hono } from 'hono';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { z } from 'zod';
import { addDays, isIsoDate } from '../../clauses/dates.ts';
import { agreementNotFound, ValidationError } from '../../clauses/errors.ts';
import {
  EXPIRY_STATUS_LABELS,
  EXPIRY_STATUSES,
  type ExpiryItem,
  type ExpiryReport,
  type ExpiryStatus,
  expiryReport,
  expiryStatus,
  PROCEDURE,
} from '../../clauses/expiry.ts';
import type { Rubric } from '../../clauses/grading.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { eachSummary, type Library, regrade } from '../../library/index.ts';
import { expiryReportPdf, toSpreadsheet } from '../../ui/index.ts';
import { requireWriteToken } from '../auth.ts';
import { reportFonts } from '../fonts.ts';
import type { SearchSync } from '../search-sync.ts';
import { areaFilter, parseId, readJsonBody, validate } from '../validation.ts';

export interface ExpiryRoutesDeps {
  library: Library;
  apiToken: string | undefined;
  today: () => string;
  sync: SearchSync;
  rubric: Rubric;
}

const IsoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

const ExpiryQuery = z.object({
  on: IsoDate.optional(),
  within: z.coerce.number().int().min(0).max(3650).optional(),
  province: z.string().max(100).optional(),
  district: z.string().max(200).optional(),
  superiorUnion: z.string().max(200).optional(),
  industry: z.string().max(100).optional(),
  status: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const statuses = value.split(',').map((s) => s.trim());
      const unknown = statuses.filter((s) => !EXPIRY_STATUSES.includes(s as ExpiryStatus));
      if (unknown.length)
        ctx.addIssue({
          code: 'custom',
          message: `unknown status ${unknown.join(', ')}; use ${EXPIRY_STATUSES.join(', ')}`,
        });
      return statuses as ExpiryStatus[];
    }),
});

const EventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('filed'),
    date: IsoDate,
    note: z.string().max(1000).optional(),
    recordedBy: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('negotiation_started'),
    date: IsoDate,
    note: z.string().max(1000).optional(),
    recordedBy: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('replaced'),
    date: IsoDate,
    replacedBy: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/),
    note: z.string().max(1000).optional(),
    recordedBy: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('extended'),
    date: IsoDate,
    extendedTo: IsoDate,
    note: z.string().max(1000).optional(),
    recordedBy: z.string().max(200).optional(),
  }),
]);

/** Builds the dashboard for a query: the library filters the area, the domain judges each agreement. */
function report(library: Library, query: z.infer<typeof ExpiryQuery>, on: string): ExpiryReport {
  const agreements = [...eachSummary(library, areaFilter(query))];
  return expiryReport(agreements, on, {
    events: library.events(agreements.map((a) => a.id)),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.within !== undefined ? { within: query.within } : {}),
    ...(query.superiorUnion ? { superiorUnion: query.superiorUnion } : {}),
  });
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

const toDateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

/** One all-day event on each expiry date (with a reminder 90 days before) and one at the start of the window. */
function calendar(items: readonly ExpiryItem[], origin: string): string {
  const window = PROCEDURE.rules.renewalWindowDays.value;
  const events: EventAttributes[] = [];
  for (const item of items) {
    if (!item.expiresOn || !item.windowStartsOn) continue;
    const name = item.employer ?? item.id;
    const url = `${origin}/api/agreements/${item.id}`;
    // Extensions move the dates: the sequence number tells calendar apps to update, not duplicate.
    const sequence = item.flags.includes('extended') ? 1 : 0;
    events.push({
      uid: `${item.id}.het-han@thu-vien-thoa-uoc`,
      sequence,
      start: toDateArray(item.expiresOn),
      end: toDateArray(addDays(item.expiresOn, 1)),
      title: `Hết hạn thỏa ước: ${name}`,
      description: [
        `Thỏa ước lao động tập thể của ${name} hết hạn ngày ${item.expiresOn.split('-').reverse().join('/')}.`,
        `Trạng thái ngày ${item.on}: ${EXPIRY_STATUS_LABELS[item.status].vi}. ${item.action.vi}`,
        `Sau khi hết hạn, thỏa ước cũ chỉ tiếp tục áp dụng tối đa 90 ngày nếu các bên đang thương lượng (Điều 83 BLLĐ 2019).`,
      ].join('\n'),
      url,
      categories: ['Thỏa ước lao động tập thể', 'Hết hạn'],
      alarms: [
        {
          action: 'display',
          description: `Còn ${window} ngày: đôn đốc thương lượng thỏa ước mới — ${name}`,
          trigger: { days: window, before: true },
        },
      ],
    });
    events.push({
      uid: `${item.id}.thuong-luong@thu-vien-thoa-uoc`,
      sequence,
      start: toDateArray(item.windowStartsOn),
      end: toDateArray(addDays(item.windowStartsOn, 1)),
      title: `Bắt đầu thương lượng gia hạn/ký mới: ${name}`,
      description: `Từ hôm nay đến ngày hết hạn (${item.expiresOn.split('-').reverse().join('/')}), các bên có thể thương lượng kéo dài hoặc ký thỏa ước mới (Điều 83 BLLĐ 2019).`,
      url,
      categories: ['Thỏa ước lao động tập thể', 'Thương lượng'],
    });
  }
  const { error, value } = createEvents(events, {
    productId: 'thu-vien-thoa-uoc/expiry',
    calName: 'Thỏa ước hết hạn',
  });
  if (error || value === null) throw error ?? new Error('calendar not generated');
  return value;
}

const CSV_COLUMNS: Array<[string, (item: ExpiryItem) => string | number | undefined]> = [
  ['Mã thỏa ước', (i) => i.id],
  ['Doanh nghiệp', (i) => i.employer],
  ['Ngành', (i) => (i.industry ? (getIndustry(i.industry)?.name ?? i.industry) : undefined)],
  ['Tỉnh/thành phố', (i) => i.province],
  ['Quận/huyện, khu công nghiệp', (i) => i.district],
  ['Công đoàn cấp trên', (i) => i.superiorUnion],
  ['Ngày ký', (i) => i.signedOn],
  ['Ngày có hiệu lực', (i) => i.effectiveOn],
  ['Ngày hết hạn', (i) => i.expiresOn],
  ['Trạng thái', (i) => EXPIRY_STATUS_LABELS[i.status].vi],
  ['Số ngày đến hạn', (i) => i.daysToExpiry],
  ['Số ngày áp dụng tiếp còn lại', (i) => i.continuationDaysLeft],
  ['Cảnh báo', (i) => i.flags.join(', ')],
  ['Việc cần làm', (i) => i.action.vi],
];

/** The dashboard as a spreadsheet (formulas neutralised: an employer may be named `=HYPERLINK(…)`). */
function spreadsheet(items: readonly ExpiryItem[]): string {
  return toSpreadsheet(
    CSV_COLUMNS.map(([name]) => name),
    items.map((item) => CSV_COLUMNS.map(([, read]) => read(item))),
  );
}

/** Builds the sub-app mounted at /api. */
export function expiryRoutes({ library, apiToken, today, sync, rubric }: ExpiryRoutesDeps) {
  const writes = requireWriteToken(apiToken);
  const read = (query: Record<string, string>) => {
    const parsed = validate(ExpiryQuery, query, 'query');
    return report(library, parsed, parsed.on ?? today());
  };
  return new Hono()
    .get('/expiry', (c) => {
      const result = read(c.req.query());
      return c.json({ ...result, items: result.items.map(itemJson) });
    })
    .get('/expiry.ics', (c) => {
      const result = read(c.req.query());
      return c.body(calendar(result.items, new URL(c.req.url).origin), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="thoa-uoc-het-han.ics"',
      });
    })
    .get('/expiry.pdf', async (c) => {
      const query = c.req.query();
      const result = read(query);
      const area = [query.district, query.province, query.superiorUnion].filter(Boolean).join(', ');
      const pdf = await expiryReportPdf({ area, report: result }, reportFonts());
      return c.body(pdf.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="thoa-uoc-het-han-${result.on}.pdf"`,
      });
    })
    .get('/expiry.csv', (c) => {
      const result = read(c.req.query());
      return c.body(spreadsheet(result.items), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="thoa-uoc-het-han-${result.on}.csv"`,
      });
    })
    .get('/agreements/:id/events', (c) => {
      const id = parseId(c.req.param('id'));
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      const events = library.events([id]).get(id) ?? [];
      return c.json({ id, events, expiry: expiryStatus(agreement, today(), { events }) });
    })
    .post('/agreements/:id/events', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      const body = await readJsonBody(c.req.raw, EventBody);
      const agreement = library.get(id);
      if (!agreement) throw agreementNotFound(id);
      if (body.type === 'replaced' && body.replacedBy === id) {
        throw new ValidationError(
          'invalid_event',
          'Thỏa ước không thể thay thế chính nó.',
          'An agreement cannot replace itself.',
        );
      }
      if (body.type === 'extended') {
        const current = expiryStatus(agreement, body.date, {
          events: library.events([id]).get(id) ?? [],
        }).expiresOn;
        if (current && body.extendedTo <= current) {
          throw new ValidationError(
            'invalid_event',
            `Ngày gia hạn (${body.extendedTo}) phải sau ngày hết hạn hiện tại (${current}).`,
            `The extension (${body.extendedTo}) must end after the current expiry (${current}).`,
          );
        }
      }
      const event = library.addEvent(id, body);
      if (event.type === 'extended') await sync.changed(id);
      // An extension can take an agreement out of "expired"; a filing earns its procedure points.
      if (regrade(library, agreement, { on: today(), rubric }).changed) await sync.changed(id);
      const events = library.events([id]).get(id) ?? [];
      c.header('Location', `/api/agreements/${id}/events`);
      return c.json({ event, expiry: expiryStatus(agreement, today(), { events }) }, 201);
    });
}
