/**
 * Metadata given by a person rather than read from the text: YAML front
 * matter, command-line flags, upload form fields. One zod schema validates
 * all three; names are resolved (`dệt may` → `det-may`, `TP.HCM` → `Hồ Chí Minh`).
 */

import { z } from 'zod';
import { isIsoDate } from '../clauses/dates.ts';
import { resolveIndustry } from '../clauses/industries.ts';
import { parseOrdinal } from '../clauses/numbers.ts';
import { resolveProvince } from '../clauses/provinces.ts';
import { normalizeText, squashSpaces } from '../clauses/text.ts';
import type { WageRegion } from '../clauses/types.ts';
import type { MetaOverrides } from './metadata.ts';

const text = z
  .string()
  .transform((s) => squashSpaces(normalizeText(s)))
  .pipe(z.string().min(1).max(500));
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine(isIsoDate, 'expected a date YYYY-MM-DD');

const FIELDS = {
  title: text,
  documentNumber: text,
  employer: text,
  unionSide: text,
  signingPlace: text,
  signedOn: isoDate,
  effectiveOn: isoDate,
  expiresOn: isoDate,
  termMonths: z.coerce.number().int().min(1).max(120),
  termYears: z.coerce.number().int().min(1).max(10),
  level: z.enum(['enterprise', 'sector', 'multi_enterprise']),
  industry: z.string().transform((v, ctx) => {
    const industry = resolveIndustry(v);
    if (!industry) ctx.addIssue({ code: 'custom', message: `unknown industry "${v}"` });
    return industry?.id ?? '';
  }),
  province: z.string().transform((v, ctx) => {
    const province = resolveProvince(v);
    if (!province) ctx.addIssue({ code: 'custom', message: `unknown province "${v}"` });
    return province?.name ?? '';
  }),
  district: text,
  superiorUnion: text,
  wageRegion: z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : parseOrdinal(v.replace(/^vùng\s*/iu, ''));
    if (n === undefined || n < 1 || n > 4 || !Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected a region I–IV (or 1–4)' });
    }
    return n as WageRegion;
  }),
  workersCovered: z.coerce.number().int().min(1).max(10_000_000),
  approvalPercent: z.coerce.number().min(0).max(100),
  signatories: z.array(
    z.object({ side: z.enum(['employer', 'workers']), name: text, title: text.optional() }),
  ),
} as const;

export type OverrideField = keyof typeof FIELDS;
export const OVERRIDE_FIELDS = Object.keys(FIELDS) as OverrideField[];

export interface OverrideProblem {
  field: string;
  message: string;
}

/**
 * Validates raw metadata values field by field: a bad field is reported and
 * left out, the others still apply.
 */
export function parseOverrides(raw: Record<string, unknown>): {
  overrides: MetaOverrides;
  problems: OverrideProblem[];
} {
  const overrides: Record<string, unknown> = {};
  const problems: OverrideProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue;
    // Own keys only: `constructor` or `toString` would otherwise find Object's built-ins.
    const schema = Object.hasOwn(FIELDS, key) ? (FIELDS as Record<string, z.ZodType>)[key] : undefined;
    if (!schema) {
      problems.push({ field: key, message: `unknown field "${key}"` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) overrides[key] = parsed.data;
    else problems.push({ field: key, message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  if (typeof overrides.termYears === 'number') {
    overrides.termMonths ??= overrides.termYears * 12;
    delete overrides.termYears;
  }
  return { overrides: overrides as MetaOverrides, problems };
}
