import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryHolds, holdsOn } from '../../clauses/expiry.ts';
import {
  type AgreementEvent,
  type AgreementMeta,
  addDays,
  type ExpiryInfo,
  type ExpiryStatus,
  expiryReport,
  expiryStatus,
  findSuccessors,
  sameExpiryOn,
} from '../../clauses/index.ts';

const meta = (fields: Partial<AgreementMeta>): AgreementMeta => ({
  signatories: [],
  level: 'enterprise',
  ...fields,
});
const THREE_YEARS = meta({
  signedOn: '2024-01-01',
  effectiveOn: '2024-01-01',
  termMonths: 36,
  expiresOn: '2026-12-31',
});

let nextId = 1;
const event = (fields: Partial<AgreementEvent> & Pick<AgreementEvent, 'type' | 'date'>): AgreementEvent => ({
  id: nextId++,
  agreementId: 'a',
  recordedAt: '2026-01-01T00:00:00Z',
  ...fields,
});

describe('expiryStatus around every boundary', () => {
  const cases: Array<[string, string, ExpiryStatus, number | undefined]> = [
    ['the day before it takes effect', '2023-12-31', 'not_yet_effective', undefined],
    ['the day it takes effect', '2024-01-01', 'in_force', 1095],
    ['91 days before expiry', '2026-10-01', 'in_force', 91],
    ['90 days before expiry', '2026-10-02', 'renewal_window', 90],
    ['the expiry day itself', '2026-12-31', 'renewal_window', 0],
    ['1 day after expiry', '2027-01-01', 'continuation', -1],
    ['90 days after expiry', '2027-03-31', 'continuation', -90],
    ['91 days after expiry', '2027-04-01', 'expired', -91],
  ];
  it.each(cases)('on %s (%s) is %s', (_label, on, status, days) => {
    const info = expiryStatus({ meta: THREE_YEARS }, on);
    expect(info.status).toBe(status);
    expect(info.daysToExpiry).toBe(days);
  });

  it('counts the days of continuation left, down to 0 on the 90th day after expiry', () => {
    expect(expiryStatus({ meta: THREE_YEARS }, '2027-01-01')).toMatchObject({
      continuationDaysLeft: 89,
      continuationEndsOn: '2027-03-31',
    });
    expect(expiryStatus({ meta: THREE_YEARS }, '2027-03-31').continuationDaysLeft).toBe(0);
  });

  it('suggests the action in Vietnamese with the days left', () => {
    expect(expiryStatus({ meta: THREE_YEARS }, '2026-12-08').action.vi).toBe(
      'Đôn đốc thương lượng ký mới — còn 23 ngày trước khi hết hạn',
    );
    expect(expiryStatus({ meta: THREE_YEARS }, '2026-12-31').action.en).toContain('expires today');
  });

  it('is calendar-correct across 29 February', () => {
    const leap = meta({ effectiveOn: '2025-03-01', expiresOn: '2028-02-29' });
    expect(expiryStatus({ meta: leap }, '2027-11-30')).toMatchObject({
      status: 'in_force',
      daysToExpiry: 91,
    });
    expect(expiryStatus({ meta: leap }, '2027-12-01')).toMatchObject({
      status: 'renewal_window',
      daysToExpiry: 90,
      windowStartsOn: '2027-12-01',
    });
    expect(expiryStatus({ meta: leap }, '2028-05-29')).toMatchObject({
      status: 'continuation',
      continuationEndsOn: '2028-05-29',
    });
    expect(expiryStatus({ meta: leap }, '2028-05-30').status).toBe('expired');
  });

  it('derives the expiry from the effective date and the term when none is written', () => {
    const info = expiryStatus({ meta: meta({ effectiveOn: '2024-07-01', termMonths: 24 }) }, '2026-06-01');
    expect(info).toMatchObject({ expiresOn: '2026-06-30', status: 'renewal_window' });
  });

  it('takes effect on the signing date when no effective date is written (Điều 78)', () => {
    expect(
      expiryStatus({ meta: meta({ signedOn: '2026-12-01', expiresOn: '2027-11-30' }) }, '2026-11-23').status,
    ).toBe('not_yet_effective');
  });

  it.each([
    ['no dates at all', meta({})],
    ['an effective date but no expiry or term', meta({ effectiveOn: '2024-01-01' })],
    ['an expiry but no effective or signing date', meta({ expiresOn: '2026-12-31' })],
  ])('is unknown with %s, and says what to add', (_label, m) => {
    const info = expiryStatus({ meta: m }, '2026-11-23');
    expect(info.status).toBe('unknown');
    expect(info.action.vi).toContain('Bổ sung');
  });
});

describe('expiry flags and events', () => {
  it('flags a term outside 1–3 years (Điều 78)', () => {
    expect(
      expiryStatus({ meta: meta({ effectiveOn: '2024-01-01', termMonths: 48 }) }, '2025-01-01').flags,
    ).toContain('term_out_of_range');
    expect(
      expiryStatus({ meta: meta({ effectiveOn: '2024-01-01', termMonths: 6 }) }, '2024-02-01').flags,
    ).toContain('term_out_of_range');
    expect(expiryStatus({ meta: THREE_YEARS }, '2025-01-01').flags).not.toContain('term_out_of_range');
  });

  it('flags filing overdue from the 11th day after signing unless a filing is recorded (Điều 77)', () => {
    expect(expiryStatus({ meta: THREE_YEARS }, '2024-01-11').flags).not.toContain('filing_overdue');
    expect(expiryStatus({ meta: THREE_YEARS }, '2024-01-12').flags).toContain('filing_overdue');
    const onTime = expiryStatus({ meta: THREE_YEARS }, '2024-06-01', {
      events: [event({ type: 'filed', date: '2024-01-08' })],
    });
    expect(onTime.flags).toEqual([]);
    expect(onTime.filedOn).toBe('2024-01-08');
    const late = expiryStatus({ meta: THREE_YEARS }, '2024-06-01', {
      events: [event({ type: 'filed', date: '2024-01-20' })],
    });
    expect(late.flags).toEqual(['filed_late']);
  });

  it('moves the expiry with an extension and keeps the original date', () => {
    const events = [event({ type: 'extended', date: '2026-12-15', extendedTo: '2027-12-31' })];
    const info = expiryStatus({ meta: THREE_YEARS }, '2027-01-15', { events });
    expect(info).toMatchObject({
      status: 'in_force',
      expiresOn: '2027-12-31',
      originalExpiresOn: '2026-12-31',
    });
    expect(info.flags).toContain('extended');
    // Before the extension was agreed, the old date still applied.
    expect(expiryStatus({ meta: THREE_YEARS }, '2026-12-10', { events }).expiresOn).toBe('2026-12-31');
  });

  it('says bargaining is under way once a negotiation is recorded', () => {
    const events = [event({ type: 'negotiation_started', date: '2026-12-20' })];
    const info = expiryStatus({ meta: THREE_YEARS }, '2027-01-10', { events });
    expect(info.flags).toContain('negotiating');
    expect(info.action.vi).toContain('tiếp tục áp dụng trong khi thương lượng');
  });

  it('marks an agreement replaced by another, and sorts it last', () => {
    const replaced = expiryStatus({ meta: THREE_YEARS }, '2027-01-10', {
      events: [event({ type: 'replaced', date: '2027-01-01', replacedBy: 'b' })],
    });
    expect(replaced).toMatchObject({ supersededBy: 'b', flags: ['filing_overdue', 'superseded'] });
    expect(replaced.action.vi).toBe('Đã được thay thế bởi thỏa ước b');
    expect(replaced.urgency).toBeGreaterThan(expiryStatus({ meta: THREE_YEARS }, '2030-01-01').urgency);
  });

  it('finds the newer agreement of the same employer, however its name is accented', () => {
    const successors = findSuccessors(
      [
        { id: 'old', meta: meta({ employer: 'Công ty May Phú Hưng', effectiveOn: '2021-01-01' }) },
        { id: 'new', meta: meta({ employer: 'CÔNG TY MAY PHÚ HƯNG', effectiveOn: '2024-02-01' }) },
        { id: 'future', meta: meta({ employer: 'Công ty May Phú Hưng', effectiveOn: '2030-01-01' }) },
        { id: 'other', meta: meta({ employer: 'Công ty Khác', effectiveOn: '2020-01-01' }) },
      ],
      '2026-11-23',
    );
    expect([...successors]).toEqual([['old', 'new']]);
  });
});

describe('expiryReport', () => {
  const agreements = [
    {
      id: 'renewal',
      meta: meta({
        effectiveOn: '2024-01-01',
        expiresOn: '2026-12-31',
        superiorUnion: 'LĐLĐ quận Hoàng Mai',
      }),
    },
    {
      id: 'continuation',
      meta: meta({
        effectiveOn: '2023-10-01',
        expiresOn: '2026-09-30',
        superiorUnion: 'Công đoàn KCN Đồng Nai',
      }),
    },
    { id: 'expired', meta: meta({ effectiveOn: '2022-01-01', expiresOn: '2024-12-31' }) },
    { id: 'far', meta: meta({ effectiveOn: '2025-01-01', expiresOn: '2028-12-31' }) },
    { id: 'unknown', meta: meta({}) },
  ];

  it('counts every status and sorts by urgency', () => {
    const report = expiryReport(agreements, '2026-11-23');
    expect(report.counts).toEqual({
      continuation: 1,
      renewal_window: 1,
      expired: 1,
      unknown: 1,
      in_force: 1,
      not_yet_effective: 0,
    });
    expect(report.items.map((i) => i.id)).toEqual(['continuation', 'renewal', 'expired', 'unknown', 'far']);
  });

  it('keeps what expires within N days or is still in continuation; counts still cover the area', () => {
    const report = expiryReport(agreements, '2026-11-23', { within: 60 });
    expect(report.items.map((i) => i.id)).toEqual(['continuation', 'renewal']);
    expect(report.total).toBe(5);
  });

  it('filters by status and by superior union without diacritics', () => {
    expect(expiryReport(agreements, '2026-11-23', { statuses: ['expired'] }).items.map((i) => i.id)).toEqual([
      'expired',
    ]);
    const union = expiryReport(agreements, '2026-11-23', { superiorUnion: 'hoang mai' });
    expect(union.items.map((i) => i.id)).toEqual(['renewal']);
    expect(union.total).toBe(1);
  });
});

describe('an expiry judged on one day, on another', () => {
  const agreements: Array<[string, AgreementMeta, AgreementEvent[]]> = [
    ['in force, then in the renewal window, then expired', THREE_YEARS, []],
    ['filed late', THREE_YEARS, [event({ type: 'filed', date: '2024-03-01' })]],
    [
      'extended in 2026',
      THREE_YEARS,
      [event({ type: 'extended', date: '2026-10-01', extendedTo: '2027-06-30' })],
    ],
    ['replaced', THREE_YEARS, [event({ type: 'replaced', date: '2026-06-01', replacedBy: 'b' })]],
    ['not yet effective', meta({ signedOn: '2026-11-01', effectiveOn: '2027-01-01', termMonths: 24 }), []],
    ['without dates', meta({}), []],
  ];
  const days = Array.from({ length: 60 }, (_, i) => addDays('2023-12-01', i * 29));
  const facts = (info: ExpiryInfo) => {
    const { daysToExpiry: _d, continuationDaysLeft: _c, action: _a, urgency: _u, on: _o, ...rest } = info;
    return rest;
  };

  it.each(agreements)(
    'holds (%s) exactly when nothing but the counts of days differs',
    (_, agreementMeta, events) => {
      let held = 0;
      for (const from of days)
        for (const to of days) {
          const before = expiryStatus({ meta: agreementMeta }, from, { events });
          const after = expiryStatus({ meta: agreementMeta }, to, { events });
          if (sameExpiryOn(before, events, to)) {
            held++;
            expect(facts(after)).toEqual(facts(before));
          }
        }
      // Most pairs of days share their bounds: the memory of the grades judges again only at a bound.
      expect(held).toBeGreaterThan(days.length);
    },
  );

  // Every day of six years around the agreements' terms (and every day judged above).
  const daily = Array.from({ length: 6 * 366 }, (_, i) => addDays('2023-06-01', i));
  const heldDays = (info: ExpiryInfo, events: readonly AgreementEvent[]) => ({
    bounds: daily.filter((day) => holdsOn(expiryHolds(info, events), day)),
    same: daily.filter((day) => sameExpiryOn(info, events, day)),
  });

  it.each(agreements)(
    'holds (%s) on the days its bounds name, and on no other',
    (_, agreementMeta, events) => {
      for (const from of days) {
        const { bounds, same } = heldDays(expiryStatus({ meta: agreementMeta }, from, { events }), events);
        expect(bounds).toEqual(same);
        expect(bounds).toContain(from);
      }
    },
  );

  it('holds on the days its bounds name for any dates and events', () => {
    const day = fc.integer({ min: 0, max: 5 * 365 }).map((n) => addDays('2023-06-01', n));
    const anEvent = fc.record({
      type: fc.constantFrom('filed', 'negotiation_started', 'replaced', 'extended' as const),
      date: day,
      extendedTo: day,
    });
    fc.assert(
      fc.property(
        day,
        fc.option(day),
        fc.option(fc.integer({ min: 1, max: 48 })),
        fc.array(anEvent, { maxLength: 3 }),
        day,
        (effectiveOn, expiresOn, termMonths, raw, judged) => {
          const agreementMeta = meta({
            effectiveOn,
            ...(expiresOn ? { expiresOn } : {}),
            ...(termMonths ? { termMonths } : {}),
          });
          const events = raw.map(({ type, date, extendedTo }) =>
            event({ type, date, ...(type === 'extended' ? { extendedTo } : {}) }),
          );
          const { bounds, same } = heldDays(
            expiryStatus({ meta: agreementMeta }, judged, { events }),
            events,
          );
          expect(bounds).toEqual(same);
        },
      ),
      { numRuns: 300 },
    );
  });
});
