/**
 * Officers' edits of an agreement's metadata (the employer, the dates, the
 * province…), field by field, kept by the document's sha256 so a re-import of
 * the same document keeps them. Applying them gives the meta the lists,
 * filters, expiry and grade read, each edited value marked "set by hand".
 */

import { currentProvinceOf } from './provinces.ts';
import type { AgreementMeta, MetaSource } from './types.ts';

/** The fields an officer may set, and the kind of value each takes. */
export const EDITABLE_META_FIELDS = {
  title: 'text',
  documentNumber: 'text',
  employer: 'text',
  parentGroup: 'text',
  unionSide: 'text',
  address: 'text',
  taxCode: 'text',
  signingPlace: 'text',
  signedOn: 'date',
  effectiveOn: 'date',
  expiresOn: 'date',
  termMonths: 'number',
  industry: 'industry',
  province: 'province',
  district: 'text',
  superiorUnion: 'text',
  workersCovered: 'number',
  approvalPercent: 'number',
} as const;

export type EditableMetaField = keyof typeof EDITABLE_META_FIELDS;

/** A value as set by hand; `null` clears the field (the text's value was wrong and there is none). */
export type MetaValue = string | number | null;

/** One field set by an officer, with the value the text gave before it. */
export interface MetaEdit {
  field: EditableMetaField;
  value: MetaValue;
  /** The value before the first edit of this field (the text's), `undefined` when there was none. */
  previous?: string | number;
  /** Where the previous value came from. */
  previousSource?: MetaSource;
  by: string;
  /** ISO timestamp. */
  at: string;
}

/** Whether a name is a field an officer may set. */
export function isEditableMetaField(name: string): name is EditableMetaField {
  return Object.hasOwn(EDITABLE_META_FIELDS, name);
}

/**
 * The meta with the officers' edits applied; a province edit also places it on today's map.
 * @param edits the stored edits, oldest first (a later edit of a field wins)
 */
export function applyMetaEdits(meta: AgreementMeta, edits: readonly MetaEdit[]): AgreementMeta {
  if (edits.length === 0) return meta;
  const next: AgreementMeta = { ...meta, provenance: { ...meta.provenance } };
  const record = next as unknown as Record<string, unknown>;
  for (const edit of edits) {
    if (edit.value === null) delete record[edit.field];
    else record[edit.field] = edit.value;
    next.provenance![edit.field] = { from: 'hand', by: edit.by, at: edit.at };
    if (edit.field === 'province') {
      const current = typeof edit.value === 'string' ? currentProvinceOf(edit.value) : undefined;
      if (current) next.currentProvince = current;
      else delete next.currentProvince;
      delete next.placeAsWritten;
    }
  }
  return next;
}

/**
 * The meta with one edit withdrawn: the field goes back to the value the text gave.
 * @param edit the withdrawn edit, holding the previous value
 */
export function withdrawMetaEdit(meta: AgreementMeta, edit: MetaEdit): AgreementMeta {
  const next: AgreementMeta = { ...meta, provenance: { ...meta.provenance } };
  const record = next as unknown as Record<string, unknown>;
  if (edit.previous === undefined) delete record[edit.field];
  else record[edit.field] = edit.previous;
  if (edit.previousSource) next.provenance![edit.field] = edit.previousSource;
  else delete next.provenance![edit.field];
  if (edit.field === 'province') {
    const current = typeof edit.previous === 'string' ? currentProvinceOf(edit.previous) : undefined;
    if (current) next.currentProvince = current;
    else delete next.currentProvince;
  }
  return next;
}
