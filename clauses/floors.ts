/**
 * Legal floors (mức sàn pháp lý) as data: `data/legal-floors.json` holds one
 * entry per rule — value, unit, which direction is more favourable, the
 * conditions it applies under, its citation and the dates it is in force.
 * The file is validated when this module loads.
 */

import { z } from 'zod';
import raw from './data/legal-floors.json' with { type: 'json' };
import { isIsoDate } from './dates.ts';
import { MEASURE_SUBJECTS, SUBJECT_UNITS } from './subjects.ts';

const IsoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

export const CitationSchema = z.object({
  /** As a reader cites it: `Điều 113 khoản 1 điểm a BLLĐ 2019`. */
  text: z.string().min(1),
  /** The law or decree: `BLLĐ 2019`, `NĐ 145/2020`, `NĐ 293/2025`. */
  law: z.string().min(1),
  article: z.number().int().positive(),
  clause: z.number().int().positive().optional(),
  point: z
    .string()
    .regex(/^[a-zđ]\d?$/)
    .optional(),
});

const ConditionsSchema = z
  .object({
    region: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    work: z.enum(['normal', 'heavy', 'especially_heavy']),
    otScheme: z.enum(['standard', 'extended']),
    day: z.enum(['normal', 'weekly_rest', 'holiday']),
    shift: z.enum(['day', 'night']),
    job: z.enum(['manager', 'college', 'technical', 'other']),
    contract: z.enum(['indefinite', 'fixed', 'short']),
    /** Which public holiday of Điều 112 khoản 1. */
    holiday: z.enum(['new_year', 'tet', 'victory', 'labour', 'national', 'hung_kings', 'culture']),
    /** Why work stopped (Điều 99): the employer's fault, or an objective cause (power cut, disaster…). */
    cause: z.enum(['employer', 'objective']),
    /** Which protection of a worker nursing a child under 12 months (Điều 137) the age bounds. */
    childCase: z.enum(['night_work', 'reduced_hours', 'dismissal', 'nursing_break']),
  })
  .partial()
  .strict();

const Common = {
  key: z.string().regex(/^[a-z_]+(?:\.[a-z0-9_-]+)*$/),
  subject: z.enum(MEASURE_SUBJECTS as [string, ...string[]]),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  citation: CitationSchema,
  see: z.array(CitationSchema).optional(),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  /** Source status from the domain reference: confirmed in the codified law, on the web, secondary, or derived. */
  status: z.enum(['C-PD', 'C-web', 'S', 'derived']),
  note: z.string().optional(),
};

const FloorRuleSchema = z.object({
  ...Common,
  kind: z.literal('floor'),
  value: z.number().nonnegative(),
  unit: z.enum([
    'VND',
    'percent',
    'minute',
    'hour',
    'day',
    'working_day',
    'month',
    'year',
    'month_wage',
    'times',
  ]),
  /** `higher`: more is more favourable to workers (leave days); `lower`: less is (overtime caps). */
  direction: z.enum(['higher', 'lower']),
  conditions: ConditionsSchema.optional(),
  /** The law grants the days without pay (Điều 115 khoản 2). */
  unpaid: z.boolean().optional(),
  /**
   * The floor is a share of the regional minimum wage, while clauses give a share of the contract wage,
   * which is never lower (Điều 90 khoản 2): a share at or above the floor is above it; below, unclear.
   */
  base: z.literal('min_wage').optional(),
});

const NoFloorRuleSchema = z.object({ ...Common, kind: z.literal('no_floor') });

/**
 * A legal rule with no number to be above or below: a clause on it gets `verdict` for `reason`
 * (a fixed monthly pay date meets Điều 97 khoản 2; a deadline the law does not set is unclear).
 */
const PlainRuleSchema = z.object({
  ...Common,
  kind: z.literal('rule'),
  verdict: z.enum(['equal', 'unclear']),
  reason: z.string().min(1),
  reasonEn: z.string().min(1),
});

const RuleSchema = z.discriminatedUnion('kind', [FloorRuleSchema, NoFloorRuleSchema, PlainRuleSchema]);

const FloorsFileSchema = z
  .object({
    version: z.string(),
    source: z.string(),
    note: z.string(),
    /** Industries whose overtime may reach 300 h a year (Điều 107 khoản 3, NĐ 145 Điều 61). */
    extendedOvertimeIndustries: z.array(z.string()),
    floors: z.array(RuleSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const keys = new Set<string>();
    file.floors.forEach((rule, index) => {
      if (keys.has(rule.key))
        ctx.addIssue({ code: 'custom', message: `duplicate key ${rule.key}`, path: ['floors', index] });
      keys.add(rule.key);
      if (rule.effectiveTo && rule.effectiveTo < rule.effectiveFrom)
        ctx.addIssue({
          code: 'custom',
          message: `${rule.key} ends before it starts`,
          path: ['floors', index],
        });
      if (rule.kind === 'floor') {
        const expected = SUBJECT_UNITS[rule.subject as keyof typeof SUBJECT_UNITS];
        const compatible = rule.unit === expected || (expected === 'day' && rule.unit === 'working_day');
        if (!compatible)
          ctx.addIssue({
            code: 'custom',
            message: `${rule.key}: unit ${rule.unit}, subject needs ${expected}`,
            path: ['floors', index],
          });
      }
    });
  });

export type Citation = z.infer<typeof CitationSchema>;
export type FloorConditions = z.infer<typeof ConditionsSchema>;
export type FloorRule = z.infer<typeof FloorRuleSchema>;
export type NoFloorRule = z.infer<typeof NoFloorRuleSchema>;
export type PlainRule = z.infer<typeof PlainRuleSchema>;
/** A legal floor, or the statement that a benefit has none (`kind: 'no_floor'`). */
export type Floor = z.infer<typeof RuleSchema>;
export type FloorsFile = z.infer<typeof FloorsFileSchema>;

/**
 * Validates a floors file (the bundled one, or a replacement).
 * @throws z.ZodError naming the entry and field that is wrong
 */
export function parseFloorsFile(data: unknown): FloorsFile {
  return FloorsFileSchema.parse(data);
}

/** The bundled floors file. */
export const LEGAL_FLOORS: FloorsFile = parseFloorsFile(raw);

/** Whether a rule is in force on a date (`YYYY-MM-DD`). */
export function inForce(rule: Floor, on: string): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo === null || on <= rule.effectiveTo);
}

/**
 * The rules in force on a date.
 *
 * @param on ISO date
 * @param file a floors file; the bundled one by default
 * @example floorsInForce('2026-01-01').find((f) => f.key === 'min_wage_month.293-2025.r1') // 5,310,000
 */
export function floorsInForce(on: string, file: FloorsFile = LEGAL_FLOORS): Floor[] {
  return file.floors.filter((rule) => inForce(rule, on));
}
