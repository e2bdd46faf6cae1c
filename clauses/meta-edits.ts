/**
 * Officers' edits of an agreement's metadata (the employer, the dates, the
 * province…), field by field, kept by the document's sha256 so a re-import of
 * the same document keeps them. Applying them gives the meta the lists,
 * filters, expiry and grade read, each edited value marked "set by hand".
 */

import { rederiveMeta } from './meta-derive.ts';
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
 * The meta with the officers' edits applied; the values derived from an edited one follow it (a new
 * signing date moves an effective date and an expiry derived from it; a province, the current province),
 * while a value set by hand is never derived over.
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
      // The words the province was read from no longer say where the agreement is.
      delete next.placeAsWritten;
      delete next.provenance!.placeAsWritten;
    }
  }
  return rederiveMeta(
    next,
    edits.map((edit) => edit.field),
  );
}

/**
 * The meta with one edit withdrawn: the field goes back to the value the text gave, and the values
 * derived from it follow.
 * @param edit the withdrawn edit, holding the previous value
 */
export function withdrawMetaEdit(meta: AgreementMeta, edit: MetaEdit): AgreementMeta {
  const next: AgreementMeta = { ...meta, provenance: { ...meta.provenance } };
  const record = next as unknown as Record<string, unknown>;
  if (edit.previous === undefined) delete record[edit.field];
  else record[edit.field] = edit.previous;
  if (edit.previousSource) next.provenance![edit.field] = edit.previousSource;
  else delete next.provenance![edit.field];
  return rederiveMeta(next, [edit.field]);
}
