/**
 * The shapes of requests, one zod schema each, shared by the JSON API and
 * the pages: a field means the same thing whichever face it is sent to.
 */

import { z } from 'zod';
import { VERDICTS, type Verdict } from '../clauses/compare.ts';
import { isIsoDate } from '../clauses/dates.ts';
import { EXPIRY_STATUSES, type ExpiryStatus } from '../clauses/expiry.ts';
import { resolveIndustry } from '../clauses/industries.ts';
import { resolveProvince, suggestProvinces } from '../clauses/provinces.ts';
import { MEASURE_SUBJECTS, type MeasureSubject } from '../clauses/subjects.ts';
import { getTopic } from '../clauses/topics.ts';
import { SEARCH_SORTS } from '../library/index.ts';

/** "không nhận ra …" with the provinces probably meant ("HCMM" → Hồ Chí Minh). */
function unknownProvince(value: string): string {
  const maybe = suggestProvinces(value);
  return `unknown province "${value}"${maybe.length ? ` — có phải / did you mean: ${maybe.join(', ')}?` : ''}`;
}

/** Agreement ids are slugs; anything else cannot name one. */
export const AGREEMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const IsoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

const OnDate = z
  .string()
  .refine(isIsoDate, 'expected a date YYYY-MM-DD between 1900 and 2100')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'expected a date between 1900 and 2100')
  .optional();

const GRADE_VALUES = ['A', 'B', 'C', 'D', 'unranked'] as const;
const STATUS_VALUES = EXPIRY_STATUSES as [ExpiryStatus, ...ExpiryStatus[]];

export const ListQuery = z.object({
  industry: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const industry = resolveIndustry(v);
      if (!industry) ctx.addIssue({ code: 'custom', message: `unknown industry "${v}"` });
      return industry?.id;
    }),
  province: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const province = resolveProvince(v);
      if (!province) ctx.addIssue({ code: 'custom', message: unknownProvince(v) });
      return province?.name;
    }),
  district: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  grade: z.enum(GRADE_VALUES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ComparisonQuery = z.object({
  on: OnDate,
  region: z.coerce.number().int().min(1).max(4).optional(),
});

const Area = {
  industry: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  district: z.string().max(200).optional(),
};

/** A page of a library-wide list (every agreement when absent); its counts stay the whole list's. */
const ListPage = {
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

export const BelowFloorQuery = ComparisonQuery.extend(Area).extend(ListPage);

export const ExpiryQuery = z.object({
  on: IsoDate.optional(),
  within: z.coerce.number().int().min(0).max(3650).optional(),
  ...Area,
  superiorUnion: z.string().max(200).optional(),
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

const EventCommon = {
  date: IsoDate,
  note: z.string().max(1000).optional(),
  recordedBy: z.string().max(200).optional(),
};

export const EventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('filed'), ...EventCommon }),
  z.object({ type: z.literal('negotiation_started'), ...EventCommon }),
  z.object({ type: z.literal('replaced'), ...EventCommon, replacedBy: z.string().regex(AGREEMENT_ID) }),
  z.object({ type: z.literal('extended'), ...EventCommon, extendedTo: IsoDate }),
]);

const Answer = z.union([
  z.boolean(),
  z.number().min(0).max(100),
  z.null(),
  z.object({
    value: z.union([z.boolean(), z.number().min(0).max(100), z.null()]),
    note: z.string().max(1000).optional(),
  }),
]);

export const AssessmentBody = z.object({
  answeredBy: z.string().trim().min(1).max(200),
  answers: z.record(z.string(), Answer),
});

const SUBJECTS = MEASURE_SUBJECTS as [MeasureSubject, ...MeasureSubject[]];

/** An officer's correction of a comparison row (or a number the reader missed). */
export const CorrectionBody = z
  .object({
    kind: z.enum(['verdict', 'not_entitlement', 'missed']),
    target: z.object({
      path: z.string().trim().min(1).max(500),
      written: z.string().trim().min(1).max(200),
      row: z.number().int().min(0).max(100_000).optional(),
      occurrence: z.number().int().min(0).max(10_000).optional(),
    }),
    verdict: z.enum(VERDICTS as [Verdict, ...Verdict[]]).optional(),
    subject: z.enum(SUBJECTS).optional(),
    value: z.number().finite().optional(),
    text: z.string().max(5000).optional(),
    reason: z.string().trim().min(1).max(2000),
    by: z.string().trim().min(1).max(200),
  })
  .refine((c) => c.kind !== 'missed' || c.verdict !== undefined, {
    message: 'a missed number needs its verdict',
    path: ['verdict'],
  });

export const GradesQuery = z.object({
  ...Area,
  ...ListPage,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const list = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .refine((xs) => xs.length <= max, `at most ${max} values`);

export const CompareQuery = z.object({
  ids: list(50).optional(),
  topic: list(10).optional(),
  status: z.enum(STATUS_VALUES).optional(),
  on: IsoDate.optional(),
  ...Area,
});
export const BenchmarkQuery = z.object({ topic: list(10), on: IsoDate.optional(), ...Area });
export const VersionsQuery = z.object({
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  on: IsoDate.optional(),
});
export const OnQuery = z.object({ on: IsoDate.optional() });

/** A filter given once or many times (`industry=det-may&industry=da-giay`), or as a comma list. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (values) =>
      (Array.isArray(values) ? values : values === undefined ? values : [values])
        ?.flatMap((v: unknown) => String(v).split(','))
        .map((v: string) => v.trim())
        .filter(Boolean),
    z.array(item).max(50).optional(),
  );

export const SEARCH_FILTERS = [
  'industry',
  'province',
  'district',
  'topic',
  'status',
  'grade',
  'level',
  'agreement',
] as const;

export const SearchParams = z.object({
  q: z.string().max(500).default(''),
  industry: many(
    z.string().transform((v, ctx) => {
      const industry = resolveIndustry(v);
      if (!industry) ctx.addIssue({ code: 'custom', message: `unknown industry "${v}"` });
      return industry?.id ?? v;
    }),
  ),
  province: many(
    z.string().transform((v, ctx) => {
      const province = resolveProvince(v);
      if (!province) ctx.addIssue({ code: 'custom', message: unknownProvince(v) });
      return province?.name ?? v;
    }),
  ),
  district: many(z.string().min(1).max(200)),
  topic: many(z.string().refine((v) => getTopic(v) !== undefined, 'unknown topic')),
  status: many(z.enum(STATUS_VALUES)),
  grade: many(z.enum(GRADE_VALUES)),
  level: many(z.enum(['enterprise', 'sector', 'multi_enterprise'])),
  agreement: many(z.string().regex(AGREEMENT_ID, 'not an agreement id')),
  source: z.enum(['agreements', 'law', 'all']).default('agreements'),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  on: IsoDate.optional(),
  /** `expired=1` also finds expired agreements (by default only those in force or in continuation). */
  expired: z.enum(['0', '1']).optional(),
  /** `literal=1` searches the words as typed, without the thesaurus. */
  literal: z.enum(['0', '1']).optional(),
  /** `1`: each hit with its clause's full text, not only the snippet around the matched words. */
  full: z.enum(['0', '1']).optional(),
});
