/**
 * Expiry tracking from the law: where an agreement stands on a given day —
 * in force, in the 90-day window before expiry, in the 90-day continuation
 * after it, expired, not yet effective, or unknown — with the flags district
 * staff act on (term outside 1–3 years, filing overdue, superseded) and the
 * suggested action in Vietnamese and English. "Today" is passed in.
 */

import { addDays, daysBetween, termEnd } from './dates.ts';
import { EXPIRY_BANDS, type ExpiryStatus, PROCEDURE, statusOnDate } from './expiry-rule.ts';
import { foldText } from './text.ts';
import type { AgreementEvent, AgreementMeta } from './types.ts';

export { EXPIRY_RULE, type ExpiryStatus, expiryDateRange, PROCEDURE, statusOnDate } from './expiry-rule.ts';

/** In order of urgency for a district officer. */
export const EXPIRY_STATUSES: readonly ExpiryStatus[] = [
  'continuation',
  'renewal_window',
  'expired',
  'unknown',
  'in_force',
  'not_yet_effective',
];

export const EXPIRY_STATUS_LABELS: Record<ExpiryStatus, { vi: string; en: string }> = {
  in_force: { vi: 'Đang có hiệu lực', en: 'In force' },
  renewal_window: { vi: 'Sắp hết hạn (trong 90 ngày)', en: 'Expiring within 90 days' },
  continuation: { vi: 'Hết hạn, đang áp dụng tiếp', en: 'Expired, still applying while bargaining' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
  not_yet_effective: { vi: 'Chưa có hiệu lực', en: 'Not yet effective' },
  unknown: { vi: 'Thiếu ngày tháng', en: 'Dates missing' },
};

export type ExpiryFlag =
  /** Term shorter than 1 year or longer than 3 (Điều 78 khoản 3). */
  | 'term_out_of_range'
  /** Not recorded as filed and more than 10 days since signing (Điều 77). */
  | 'filing_overdue'
  /** Filed, but more than 10 days after signing. */
  | 'filed_late'
  /** Replaced by a newer agreement. */
  | 'superseded'
  /** Bargaining for a new agreement or an extension has started. */
  | 'negotiating'
  /** The term was extended. */
  | 'extended';

export interface ExpiryInfo {
  status: ExpiryStatus;
  on: string;
  effectiveOn?: string;
  /** Last day in force, after any extension. */
  expiresOn?: string;
  /** The expiry written in the agreement, when an extension moved it. */
  originalExpiresOn?: string;
  /** Days from `on` to `expiresOn`; negative once expired. */
  daysToExpiry?: number;
  /** First day of the 90-day window before expiry. */
  windowStartsOn?: string;
  /** Last day the old agreement may keep applying (90 days after expiry). */
  continuationEndsOn?: string;
  /** Days of continuation left, while in continuation. */
  continuationDaysLeft?: number;
  filingDueOn?: string;
  filedOn?: string;
  supersededBy?: string;
  flags: ExpiryFlag[];
  /** What to do now. */
  action: { vi: string; en: string };
  /** Sort key: smaller is more urgent. */
  urgency: number;
}

export interface ExpiryOptions {
  /** Events recorded for the agreement (filing, negotiation, extension, replacement). */
  events?: readonly AgreementEvent[];
  /** A newer agreement of the same employer found in the library. */
  supersededBy?: string;
}

const vn = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Whether an expiry judged on one day (`info.on`) holds on another in everything but its counts of days and
 * the words of its action: the same status, dates and flags. So it does when no event is dated between the
 * two days and both days fall within the same bounds of the status table and of the filing deadline.
 * @param events the agreement's events the expiry was judged with (and the same other options)
 */
export function sameExpiryOn(info: ExpiryInfo, events: readonly AgreementEvent[], on: string): boolean {
  if (on === info.on) return true;
  const [from, to] = info.on < on ? [info.on, on] : [on, info.on];
  if (events.some((e) => e.date > from && e.date <= to)) return false;
  const due = info.filingDueOn;
  if (due && !info.filedOn && info.on > due !== on > due) return false;
  return (
    statusOnDate(info.effectiveOn, info.expiresOn, info.on) ===
    statusOnDate(info.effectiveOn, info.expiresOn, on)
  );
}

/** The days an expiry holds on (`sameExpiryOn`), both inclusive; a missing bound is open. */
export interface ExpiryHolds {
  from?: string;
  through?: string;
}

/**
 * The days on which an expiry judged on one day holds (`sameExpiryOn` is true exactly on them): from the
 * last event on or before its day and through the day before the next one, on its side of the filing
 * deadline, and within the band of the status table its day falls in. The library-wide questions keep it
 * with the expiry, so a new day judges again only the agreements whose days ran out.
 * @param events the agreement's events the expiry was judged with
 */
export function expiryHolds(info: ExpiryInfo, events: readonly AgreementEvent[]): ExpiryHolds {
  let from: string | undefined;
  let through: string | undefined;
  const notBefore = (day: string) => {
    if (from === undefined || day > from) from = day;
  };
  const notAfter = (day: string) => {
    if (through === undefined || day < through) through = day;
  };
  for (const event of events) {
    if (event.date > info.on) notAfter(addDays(event.date, -1));
    else notBefore(event.date);
  }
  const due = info.filingDueOn;
  if (due && !info.filedOn) {
    if (info.on > due) notBefore(addDays(due, 1));
    else notAfter(due);
  }
  const effectiveOn = info.effectiveOn || undefined;
  const expiresOn = info.expiresOn || undefined;
  if (effectiveOn !== undefined) {
    if (info.on < effectiveOn) notAfter(addDays(effectiveOn, -1));
    else {
      notBefore(effectiveOn);
      if (expiresOn !== undefined) {
        const days = daysBetween(info.on, expiresOn);
        const band = EXPIRY_BANDS.find(
          (b) => (b.minDays ?? -Infinity) <= days && days <= (b.maxDays ?? Infinity),
        );
        if (band?.maxDays !== undefined) notBefore(addDays(expiresOn, -band.maxDays));
        if (band?.minDays !== undefined) notAfter(addDays(expiresOn, -band.minDays));
      }
    }
  }
  return { ...(from !== undefined ? { from } : {}), ...(through !== undefined ? { through } : {}) };
}

/** Whether a day lies within an expiry's days (see `expiryHolds`). */
export const holdsOn = ({ from, through }: ExpiryHolds, on: string): boolean =>
  (from === undefined || on >= from) && (through === undefined || on <= through);

/**
 * Where an agreement stands on a day.
 *
 * @param agreement its metadata (signing, effective and expiry dates, term)
 * @param on the day to judge, `YYYY-MM-DD`
 * @param options recorded events and a known successor
 * @example expiryStatus({ meta }, '2026-11-23').status // 'renewal_window'
 */
export function expiryStatus(
  agreement: { meta: AgreementMeta },
  on: string,
  options: ExpiryOptions = {},
): ExpiryInfo {
  const { meta } = agreement;
  const { renewalWindowDays, continuationDays, filingDays, minTermMonths, maxTermMonths } = PROCEDURE.rules;
  const events = [...(options.events ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const flags: ExpiryFlag[] = [];
  const effectiveOn = meta.effectiveOn ?? meta.signedOn;
  const written =
    meta.expiresOn ?? (effectiveOn && meta.termMonths ? termEnd(effectiveOn, meta.termMonths) : undefined);
  const extension = events.filter((e) => e.type === 'extended' && e.extendedTo && e.date <= on).at(-1);
  const expiresOn = extension?.extendedTo ?? written;

  if (
    meta.termMonths !== undefined &&
    (meta.termMonths < minTermMonths.value || meta.termMonths > maxTermMonths.value)
  )
    flags.push('term_out_of_range');
  const filed = events.find((e) => e.type === 'filed');
  const filingDueOn = meta.signedOn ? addDays(meta.signedOn, filingDays.value) : undefined;
  if (filingDueOn && filed && filed.date > filingDueOn) flags.push('filed_late');
  if (filingDueOn && !filed && on > filingDueOn) flags.push('filing_overdue');
  const replaced = events.filter((e) => e.type === 'replaced' && e.date <= on).at(-1);
  const supersededBy = replaced?.replacedBy ?? options.supersededBy;
  if (supersededBy) flags.push('superseded');
  if (events.some((e) => e.type === 'negotiation_started' && e.date <= on)) flags.push('negotiating');
  if (extension) flags.push('extended');

  const info: ExpiryInfo = { status: 'unknown', on, flags, action: { vi: '', en: '' }, urgency: 0 };
  if (effectiveOn) info.effectiveOn = effectiveOn;
  if (expiresOn) info.expiresOn = expiresOn;
  if (extension && written) info.originalExpiresOn = written;
  if (filingDueOn) info.filingDueOn = filingDueOn;
  if (filed) info.filedOn = filed.date;
  if (supersededBy) info.supersededBy = supersededBy;

  // The status from the one table of bounds (expiry-rule.ts); the rest is the action to suggest.
  const status = statusOnDate(effectiveOn, expiresOn, on);
  if (status === 'not_yet_effective' && effectiveOn) {
    const days = daysBetween(on, effectiveOn);
    return finish(info, 'not_yet_effective', days, {
      vi: `Chưa có hiệu lực — có hiệu lực từ ${vn(effectiveOn)} (còn ${days} ngày)`,
      en: `Not yet effective — takes effect on ${effectiveOn} (${days} days)`,
    });
  }
  if (status === 'unknown' || status === 'not_yet_effective' || !expiresOn) {
    return finish(info, 'unknown', 0, {
      vi: 'Bổ sung ngày ký, ngày hiệu lực và thời hạn của thỏa ước',
      en: 'Add the signing date, effective date and term of the agreement',
    });
  }

  const days = daysBetween(on, expiresOn);
  info.daysToExpiry = days;
  info.windowStartsOn = addDays(expiresOn, -renewalWindowDays.value);
  info.continuationEndsOn = addDays(expiresOn, continuationDays.value);
  if (supersededBy) {
    return finish(info, status, days, {
      vi: `Đã được thay thế bởi thỏa ước ${supersededBy}`,
      en: `Replaced by agreement ${supersededBy}`,
    });
  }
  const negotiating = flags.includes('negotiating');
  if (status === 'in_force') {
    return finish(
      info,
      'in_force',
      days,
      withFiling(info, {
        vi: `Đang có hiệu lực — hết hạn ngày ${vn(expiresOn)} (còn ${days} ngày)`,
        en: `In force — expires on ${expiresOn} (${days} days left)`,
      }),
    );
  }
  if (status === 'renewal_window') {
    const when =
      days === 0
        ? { vi: 'hết hạn hôm nay', en: 'expires today' }
        : { vi: `còn ${days} ngày trước khi hết hạn`, en: `${days} days before expiry` };
    return finish(
      info,
      'renewal_window',
      days,
      negotiating
        ? { vi: `Đang thương lượng — ${when.vi}`, en: `Bargaining under way — ${when.en}` }
        : {
            vi: `Đôn đốc thương lượng ký mới — ${when.vi}`,
            en: `Push the parties to bargain a new agreement — ${when.en}`,
          },
    );
  }
  if (status === 'continuation') {
    const left = daysBetween(on, info.continuationEndsOn);
    info.continuationDaysLeft = left;
    return finish(
      info,
      'continuation',
      left,
      negotiating
        ? {
            vi: `Hết hạn ngày ${vn(expiresOn)}; thỏa ước cũ tiếp tục áp dụng trong khi thương lượng — còn ${left} ngày (Điều 83)`,
            en: `Expired on ${expiresOn}; the old agreement applies while bargaining continues — ${left} days left (Điều 83)`,
          }
        : {
            vi: `Hết hạn ngày ${vn(expiresOn)}; đôn đốc thương lượng ngay — thỏa ước cũ chỉ áp dụng tiếp tối đa ${left} ngày nữa nếu đang thương lượng (Điều 83)`,
            en: `Expired on ${expiresOn}; push for bargaining now — the old agreement applies at most ${left} more days, and only while bargaining (Điều 83)`,
          },
    );
  }
  return finish(info, 'expired', -days, {
    vi: `Đã hết hạn ${-days} ngày — đôn đốc thương lượng, ký kết thỏa ước mới`,
    en: `Expired ${-days} days ago — push the parties to bargain and sign a new agreement`,
  });
}

function withFiling(info: ExpiryInfo, action: { vi: string; en: string }) {
  if (!info.flags.includes('filing_overdue')) return action;
  return {
    vi: `Nhắc gửi thỏa ước đến cơ quan quản lý lao động cấp tỉnh (hạn ${vn(info.filingDueOn ?? '')}, Điều 77). ${action.vi}`,
    en: `Remind the employer to file the agreement with the provincial labour authority (due ${info.filingDueOn}, Điều 77). ${action.en}`,
  };
}

function finish(
  info: ExpiryInfo,
  status: ExpiryStatus,
  days: number,
  action: { vi: string; en: string },
): ExpiryInfo {
  // Group by urgency first, then by days within the group; superseded agreements go last.
  const group = info.supersededBy ? EXPIRY_STATUSES.length : EXPIRY_STATUSES.indexOf(status);
  return { ...info, status, action, urgency: group * 100_000 + Math.min(Math.max(days, 0), 99_999) };
}

/**
 * Finds, for each agreement, a newer agreement of the same employer that has
 * taken effect by `on` — the one that superseded it.
 *
 * @returns agreement id → id of the agreement that replaced it
 */
export function findSuccessors(
  agreements: ReadonlyArray<{ id: string; meta: AgreementMeta }>,
  on: string,
): Map<string, string> {
  const byEmployer = new Map<string, Array<{ id: string; start: string }>>();
  for (const { id, meta } of agreements) {
    const start = meta.effectiveOn ?? meta.signedOn;
    if (!meta.employer || !start || start > on) continue;
    const key = foldText(meta.employer);
    byEmployer.set(key, [...(byEmployer.get(key) ?? []), { id, start }]);
  }
  const successors = new Map<string, string>();
  for (const group of byEmployer.values()) {
    group.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 0; i < group.length - 1; i++) successors.set(group[i]!.id, group[i + 1]!.id);
  }
  return successors;
}

export interface ExpiryItem extends ExpiryInfo {
  id: string;
  employer?: string;
  industry?: string;
  province?: string;
  /** The province `province` belongs to since 01/07/2025 (Nghị quyết 202/2025/QH15). */
  currentProvince?: string;
  district?: string;
  superiorUnion?: string;
  signedOn?: string;
  termMonths?: number;
}

export interface ExpiryReportOptions {
  /** Events by agreement id. */
  events?: ReadonlyMap<string, readonly AgreementEvent[]>;
  /** Keep only these statuses in `items` (counts cover all). */
  statuses?: readonly ExpiryStatus[];
  /** Keep only agreements expiring within this many days, or still in their continuation. */
  within?: number;
  /** Part of the superior union's name, matched without diacritics. */
  superiorUnion?: string;
}

export interface ExpiryReport {
  on: string;
  /** Agreements per status, before the `statuses` and `within` filters. */
  counts: Record<ExpiryStatus, number>;
  total: number;
  /** Sorted by urgency. */
  items: ExpiryItem[];
}

/**
 * The expiry dashboard of an area: every agreement's status on a day, counts
 * per status, and the list sorted by urgency.
 *
 * @param agreements ids and metadata of the agreements of the area
 * @param on the day to judge
 */
export function expiryReport(
  agreements: ReadonlyArray<{ id: string; meta: AgreementMeta }>,
  on: string,
  options: ExpiryReportOptions = {},
): ExpiryReport {
  const union = options.superiorUnion ? foldText(options.superiorUnion) : undefined;
  const area = union
    ? agreements.filter((a) => foldText(a.meta.superiorUnion ?? '').includes(union))
    : agreements;
  const successors = findSuccessors(area, on);
  const counts = Object.fromEntries(EXPIRY_STATUSES.map((s) => [s, 0])) as Record<ExpiryStatus, number>;
  const items: ExpiryItem[] = [];
  for (const { id, meta } of area) {
    const successor = successors.get(id);
    const info = expiryStatus({ meta }, on, {
      events: options.events?.get(id) ?? [],
      ...(successor ? { supersededBy: successor } : {}),
    });
    counts[info.status]++;
    if (options.statuses?.length && !options.statuses.includes(info.status)) continue;
    if (options.within !== undefined) {
      // Past its continuation is `expired`, by the rule's table.
      const days = info.daysToExpiry;
      if (days === undefined || days > options.within || info.status === 'expired') continue;
    }
    const item: ExpiryItem = { id, ...info };
    for (const key of [
      'employer',
      'industry',
      'province',
      'currentProvince',
      'district',
      'superiorUnion',
      'signedOn',
      'termMonths',
    ] as const) {
      if (meta[key] !== undefined) Object.assign(item, { [key]: meta[key] });
    }
    items.push(item);
  }
  items.sort((a, b) => a.urgency - b.urgency || a.id.localeCompare(b.id));
  return { on, counts, total: area.length, items };
}
