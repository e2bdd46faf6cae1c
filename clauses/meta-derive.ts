/**
 * The metadata values derived from others — the effective date from the
 * signing date (Điều 78 khoản 1 BLLĐ 2019), the expiry from the effective
 * date and the term, the term from the two dates, the current province from
 * the province (Nghị quyết 202/2025/QH15), the industry from the names — made
 * to follow their inputs again after an officer's edit. A value read from the
 * text, given at import or set by hand is not derived and stays, with one
 * exception the importer makes too: a term set by hand moves an expiry read
 * from the text, since "thời hạn" is what the officer corrected. Expiry
 * status and the renewal window are computed from these dates when asked, so
 * they follow as well.
 */

import { termEnd, wholeMonthsBetween } from './dates.ts';
import { detectIndustry } from './industries.ts';
import { currentProvinceOf } from './provinces.ts';
import type { AgreementMeta, MetaField, MetaSource } from './types.ts';

/** One derivation: the field, its inputs, the rule as provenance names it, and the value from the inputs. */
interface Derivation {
  field: MetaField;
  inputs: readonly MetaField[];
  rule: string;
  /** Whether the rule may replace the field's present value, given where it came from. */
  replaces: (meta: AgreementMeta) => boolean;
  compute: (meta: AgreementMeta) => string | number | undefined;
}

const sourceOf = (meta: AgreementMeta, field: MetaField): MetaSource | undefined => meta.provenance?.[field];

/** A value not found (no provenance) or derived may be derived again. */
const derivable = (meta: AgreementMeta, field: MetaField): boolean => {
  const source = sourceOf(meta, field);
  return source === undefined || source.from === 'derived';
};

/** The rules in the order they feed each other: the effective date first, the expiry from it. */
const DERIVATIONS: readonly Derivation[] = [
  {
    field: 'effectiveOn',
    inputs: ['signedOn'],
    rule: 'Điều 78 khoản 1 BLLĐ 2019',
    replaces: (meta) => derivable(meta, 'effectiveOn'),
    compute: (meta) => meta.signedOn,
  },
  {
    field: 'expiresOn',
    inputs: ['effectiveOn', 'termMonths'],
    rule: 'effectiveOn + termMonths',
    replaces: (meta) =>
      // A term derived from this very expiry cannot derive it back.
      sourceOf(meta, 'termMonths')?.from !== 'derived' &&
      (derivable(meta, 'expiresOn') ||
        (sourceOf(meta, 'expiresOn')?.from === 'text' && sourceOf(meta, 'termMonths')?.from === 'hand')),
    compute: (meta) =>
      meta.effectiveOn && meta.termMonths ? termEnd(meta.effectiveOn, meta.termMonths) : undefined,
  },
  {
    field: 'termMonths',
    inputs: ['effectiveOn', 'expiresOn'],
    rule: 'expiresOn − effectiveOn',
    replaces: (meta) => sourceOf(meta, 'expiresOn')?.from !== 'derived' && derivable(meta, 'termMonths'),
    compute: (meta) =>
      meta.effectiveOn && meta.expiresOn ? wholeMonthsBetween(meta.effectiveOn, meta.expiresOn) : undefined,
  },
  {
    field: 'currentProvince',
    inputs: ['province'],
    rule: 'Nghị quyết 202/2025/QH15',
    replaces: (meta) => derivable(meta, 'currentProvince'),
    compute: (meta) => (meta.province ? currentProvinceOf(meta.province) : undefined),
  },
  {
    field: 'industry',
    inputs: ['title', 'employer', 'unionSide'],
    rule: 'title, employer and union names',
    replaces: (meta) => derivable(meta, 'industry'),
    compute: (meta) => detectIndustry([meta.title ?? '', meta.employer ?? '', meta.unionSide ?? ''])?.id,
  },
];

/**
 * The meta with each derived value computed again from its inputs, after some of them changed.
 * A derived value keeps its rule, names its inputs, and says which of them were set by hand
 * ("derived from termMonths (set by hand)"); a derived value whose inputs are gone is removed.
 * @param changed the fields whose values changed (an officer's edit, a withdrawn edit); only the
 *   values that depend on them, directly or through another derived value, are touched
 * @returns a new meta; the given one is unchanged
 * @example rederiveMeta(meta, ['signedOn']).effectiveOn // the new signing date, when none was written
 */
export function rederiveMeta(meta: AgreementMeta, changed: Iterable<MetaField>): AgreementMeta {
  const next: AgreementMeta = { ...meta, provenance: { ...meta.provenance } };
  const record = next as unknown as Record<string, unknown>;
  const provenance = next.provenance!;
  const touched = new Set<MetaField>(changed);
  for (const rule of DERIVATIONS) {
    // A rule runs when an input changed, or when its own field was handed back to it (a withdrawn edit).
    const affected = rule.inputs.some((input) => touched.has(input)) || touched.has(rule.field);
    if (!affected || !rule.replaces(next)) continue;
    const value = rule.compute(next);
    const before = record[rule.field];
    if (value === undefined) {
      // Nothing to derive from: a value that was derived goes; one that was never there stays absent.
      if (sourceOf(next, rule.field)?.from !== 'derived') continue;
      delete record[rule.field];
      delete provenance[rule.field];
    } else {
      record[rule.field] = value;
      const byHand = rule.inputs.filter((input) => sourceOf(next, input)?.from === 'hand');
      provenance[rule.field] = {
        from: 'derived',
        rule: rule.rule,
        inputs: rule.inputs.filter((input) => record[input] !== undefined),
        ...(byHand.length ? { setByHand: byHand } : {}),
      };
    }
    if (record[rule.field] !== before) touched.add(rule.field);
  }
  if (Object.keys(provenance).length === 0) delete next.provenance;
  return next;
}
