import { describe, expect, it } from 'vitest';
import { rederiveMeta } from '../../clauses/meta-derive.ts';
import { applyMetaEdits, type MetaEdit, withdrawMetaEdit } from '../../clauses/meta-edits.ts';
import type { AgreementMeta, MetaField } from '../../clauses/types.ts';

const AT = '2026-11-20T09:00:00.000Z';
const edit = (field: MetaEdit['field'], value: MetaEdit['value'], from: AgreementMeta): MetaEdit => {
  const previous = from[field];
  const previousSource = from.provenance?.[field];
  return {
    field,
    value,
    ...(previous === undefined ? {} : { previous }),
    ...(previousSource ? { previousSource } : {}),
    by: 'Lan',
    at: AT,
  };
};

/** Signed 01/03/2024, no effective date written (so the signing date), "thời hạn 24 tháng". */
const signedWithTerm: AgreementMeta = {
  signatories: [],
  level: 'enterprise',
  signedOn: '2024-03-01',
  effectiveOn: '2024-03-01',
  termMonths: 24,
  expiresOn: '2026-02-28',
  provenance: {
    signedOn: { from: 'text', line: 4 },
    effectiveOn: { from: 'derived', rule: 'Điều 78 khoản 1 BLLĐ 2019' },
    termMonths: { from: 'text', line: 40 },
    expiresOn: { from: 'derived', rule: 'effectiveOn + termMonths' },
  },
};

/** Effective 01/01/2024 "đến hết ngày 31/12/2025" as written: the term is derived from the two dates. */
const writtenExpiry: AgreementMeta = {
  signatories: [],
  level: 'enterprise',
  signedOn: '2023-12-20',
  effectiveOn: '2024-01-01',
  expiresOn: '2025-12-31',
  termMonths: 24,
  provenance: {
    signedOn: { from: 'text', line: 3 },
    effectiveOn: { from: 'text', line: 50 },
    expiresOn: { from: 'text', line: 50 },
    termMonths: { from: 'derived', rule: 'expiresOn − effectiveOn' },
  },
};

const pick = (meta: AgreementMeta, fields: readonly MetaField[]) =>
  Object.fromEntries(fields.map((f) => [f, meta[f]]));
const DATES = ['signedOn', 'effectiveOn', 'termMonths', 'expiresOn'] as const;

describe('derived metadata follows an officer’s edit of its inputs', () => {
  it.each<[string, AgreementMeta, MetaEdit['field'], MetaEdit['value'], Partial<AgreementMeta>]>([
    [
      'a new signing date moves the effective date taken from it and the expiry after it',
      signedWithTerm,
      'signedOn',
      '2024-06-15',
      { signedOn: '2024-06-15', effectiveOn: '2024-06-15', termMonths: 24, expiresOn: '2026-06-14' },
    ],
    [
      'a new term moves the derived expiry',
      signedWithTerm,
      'termMonths',
      36,
      { signedOn: '2024-03-01', effectiveOn: '2024-03-01', termMonths: 36, expiresOn: '2027-02-28' },
    ],
    [
      'a new effective date moves the derived expiry, not the signing date',
      signedWithTerm,
      'effectiveOn',
      '2024-04-01',
      { signedOn: '2024-03-01', effectiveOn: '2024-04-01', termMonths: 24, expiresOn: '2026-03-31' },
    ],
    [
      'an expiry set by hand wins over the derivation, and the term stays as written',
      signedWithTerm,
      'expiresOn',
      '2026-12-31',
      { signedOn: '2024-03-01', effectiveOn: '2024-03-01', termMonths: 24, expiresOn: '2026-12-31' },
    ],
    [
      'a signing date cleared by hand takes the effective date and expiry derived from it away',
      signedWithTerm,
      'signedOn',
      null,
      { signedOn: undefined, effectiveOn: undefined, termMonths: 24, expiresOn: undefined },
    ],
    [
      'a written expiry stays when the signing date changes (the effective date is written too)',
      writtenExpiry,
      'signedOn',
      '2023-12-01',
      { signedOn: '2023-12-01', effectiveOn: '2024-01-01', termMonths: 24, expiresOn: '2025-12-31' },
    ],
    [
      'a new effective date re-derives the term from a written expiry',
      writtenExpiry,
      'effectiveOn',
      '2025-01-01',
      { signedOn: '2023-12-20', effectiveOn: '2025-01-01', termMonths: 12, expiresOn: '2025-12-31' },
    ],
    [
      'an expiry set by hand re-derives the term',
      writtenExpiry,
      'expiresOn',
      '2026-12-31',
      { signedOn: '2023-12-20', effectiveOn: '2024-01-01', termMonths: 36, expiresOn: '2026-12-31' },
    ],
    [
      'a term set by hand moves an expiry read from the text (as a term given at import does)',
      writtenExpiry,
      'termMonths',
      36,
      { signedOn: '2023-12-20', effectiveOn: '2024-01-01', termMonths: 36, expiresOn: '2026-12-31' },
    ],
  ])('%s', (_, meta, field, value, expected) => {
    const edited = applyMetaEdits(meta, [edit(field, value, meta)]);
    expect(pick(edited, DATES)).toEqual({ ...pick(meta, DATES), ...expected });
  });

  it('says a derived expiry was derived from a value set by hand, and keeps the rule', () => {
    const edited = applyMetaEdits(signedWithTerm, [edit('termMonths', 36, signedWithTerm)]);
    expect(edited.provenance?.termMonths).toEqual({ from: 'hand', by: 'Lan', at: AT });
    expect(edited.provenance?.expiresOn).toEqual({
      from: 'derived',
      rule: 'effectiveOn + termMonths',
      inputs: ['effectiveOn', 'termMonths'],
      setByHand: ['termMonths'],
    });
  });

  it('carries a new signing date through the effective date to the expiry, naming each input', () => {
    const edited = applyMetaEdits(signedWithTerm, [edit('signedOn', '2024-06-15', signedWithTerm)]);
    expect(edited.provenance?.effectiveOn).toMatchObject({ from: 'derived', setByHand: ['signedOn'] });
    // The effective date was derived, not set by hand: the expiry names it as an input only.
    expect(edited.provenance?.expiresOn).toEqual({
      from: 'derived',
      rule: 'effectiveOn + termMonths',
      inputs: ['effectiveOn', 'termMonths'],
    });
  });

  it('keeps a hand-set expiry when the term is edited later', () => {
    const first = applyMetaEdits(signedWithTerm, [edit('expiresOn', '2026-12-31', signedWithTerm)]);
    const both = applyMetaEdits(signedWithTerm, [
      edit('expiresOn', '2026-12-31', signedWithTerm),
      edit('termMonths', 36, first),
    ]);
    expect(both.expiresOn).toBe('2026-12-31');
    expect(both.provenance?.expiresOn).toMatchObject({ from: 'hand' });
  });

  it('returns the derived values to the text’s when the edit is withdrawn', () => {
    const withdrawn = edit('signedOn', '2024-06-15', signedWithTerm);
    const edited = applyMetaEdits(signedWithTerm, [withdrawn]);
    const back = withdrawMetaEdit(edited, withdrawn);
    expect(pick(back, DATES)).toEqual(pick(signedWithTerm, DATES));
    expect(back.provenance?.signedOn).toEqual({ from: 'text', line: 4 });
  });

  it('re-derives an expiry handed back to its rule after the inputs changed', () => {
    const expiry = edit('expiresOn', '2026-12-31', signedWithTerm);
    const withExpiry = applyMetaEdits(signedWithTerm, [expiry]);
    const term = edit('termMonths', 12, withExpiry);
    const both = applyMetaEdits(signedWithTerm, [expiry, term]);
    expect(both.expiresOn).toBe('2026-12-31');
    // The expiry edit withdrawn: derived again from the term now set, not the old derived value.
    expect(withdrawMetaEdit(both, expiry).expiresOn).toBe('2025-02-28');
  });
});

describe('the current province and the industry follow the edit they derive from', () => {
  const placed: AgreementMeta = {
    signatories: [],
    level: 'enterprise',
    employer: 'Công ty TNHH Dệt may Hòa Bình',
    industry: 'det-may',
    province: 'Hà Nội',
    currentProvince: 'Hà Nội',
    placeAsWritten: 'phường Hoàng Liệt, TP. Hà Nội',
    provenance: {
      employer: { from: 'text', line: 2 },
      industry: { from: 'derived', rule: 'title, employer and union names' },
      province: { from: 'text', line: 3 },
      currentProvince: { from: 'derived', rule: 'Nghị quyết 202/2025/QH15' },
      placeAsWritten: { from: 'text', line: 3 },
    },
  };

  it('places a province set by hand on the 2025 map, dropping the words it was read from', () => {
    const edited = applyMetaEdits(placed, [edit('province', 'Bình Dương', placed)]);
    expect(edited).toMatchObject({ province: 'Bình Dương', currentProvince: 'Hồ Chí Minh' });
    expect(edited.placeAsWritten).toBeUndefined();
    expect(edited.provenance?.currentProvince).toMatchObject({ from: 'derived', setByHand: ['province'] });
  });

  it('re-detects an industry derived from the employer’s name when the name is corrected', () => {
    const edited = applyMetaEdits(placed, [edit('employer', 'Công ty Cổ phần Xây dựng Hòa Bình', placed)]);
    expect(edited.industry).toBe('xay-dung');
  });

  it('keeps an industry set by hand whatever the employer becomes', () => {
    const chosen = applyMetaEdits(placed, [edit('industry', 'det-may', placed)]);
    const renamed = applyMetaEdits(placed, [
      edit('industry', 'det-may', placed),
      edit('employer', 'Công ty Cổ phần Xây dựng Hòa Bình', chosen),
    ]);
    expect(renamed.industry).toBe('det-may');
  });

  it('touches nothing that does not depend on the changed fields', () => {
    expect(rederiveMeta(placed, ['taxCode'])).toEqual(placed);
  });
});
