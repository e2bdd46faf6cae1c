/**
 * The expiry dashboard as files: an iCalendar feed (an event on each expiry
 * date and at the start of the renewal window) and a spreadsheet.
 */

import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from '../../clauses/dates.ts';
import { EXPIRY_STATUS_LABELS, type ExpiryItem, PROCEDURE } from '../../clauses/expiry.ts';
import { getIndustry } from '../../clauses/industries.ts';
import { toSpreadsheet } from '../../ui/index.ts';

const toDateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

/** One all-day event on each expiry date (with a reminder 90 days before) and one at the start of the window. */
export function calendar(items: readonly ExpiryItem[], origin: string): string {
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
  // Since 01/07/2025 (Nghị quyết 202/2025/QH15): the province the one written now belongs to.
  ['Nay thuộc tỉnh/thành phố', (i) => i.currentProvince],
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
export function spreadsheet(items: readonly ExpiryItem[]): string {
  return toSpreadsheet(
    CSV_COLUMNS.map(([name]) => name),
    items.map((item) => CSV_COLUMNS.map(([, read]) => read(item))),
  );
}
