/**
 * Officers' edits of an agreement's metadata, field by field: checked (dates
 * as ISO, the industry in the taxonomy, the province on the map), stored with
 * who and when by the document's sha256, and applied in one transaction with
 * the filter columns, the search documents and the grade; the external index
 * is sent the result once. Withdrawing an edit returns the field to the text's value.
 */

import { isIsoDate } from '../clauses/dates.ts';
import { NotFoundError, ValidationError } from '../clauses/errors.ts';
import type { GradeReport } from '../clauses/grading.ts';
import { resolveIndustry, suggestIndustries } from '../clauses/industries.ts';
import {
  applyMetaEdits,
  EDITABLE_META_FIELDS,
  type EditableMetaField,
  isEditableMetaField,
  type MetaEdit,
  type MetaValue,
  withdrawMetaEdit,
} from '../clauses/meta-edits.ts';
import { resolveProvince, suggestProvinces } from '../clauses/provinces.ts';
import type { Agreement, AgreementMeta } from '../clauses/types.ts';
import { type Actor, CLI_ACTOR, recordAudit } from './audit.ts';
import { loadAgreement, type ServiceContext } from './context.ts';
import { storeGrade } from './grades.ts';
import { relink } from './predecessors.ts';
import { reindex } from './writes.ts';

export interface MetadataEditRequest {
  /** The values to set by field; `null` clears a field. */
  set: Record<string, unknown>;
  /** Who edits (the officer's name or account). */
  by: string;
  /** When (now by default). */
  at?: string;
}

export interface MetadataEdited {
  meta: AgreementMeta;
  edits: MetaEdit[];
  grade: GradeReport;
}

function invalid(field: string, vi: string, en: string): ValidationError {
  return new ValidationError('invalid_metadata', `${field}: ${vi}`, `${field}: ${en}`, { field });
}

/** The value to store for a field, as typed (a form sends text); throws saying why it is refused. */
export function toMetaValue(field: EditableMetaField, raw: unknown): MetaValue {
  if (raw === null || raw === '') return null;
  const kind = EDITABLE_META_FIELDS[field];
  if (kind === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
    const [min, max] =
      field === 'termMonths' ? [1, 120] : field === 'approvalPercent' ? [0, 100] : [0, 10_000_000];
    if (!Number.isFinite(n) || n < min! || n > max! || (field !== 'approvalPercent' && !Number.isInteger(n)))
      throw invalid(field, `cần một số từ ${min} đến ${max}.`, `expected a number from ${min} to ${max}.`);
    return n;
  }
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 500)
    throw invalid(field, 'cần một chuỗi chữ (tối đa 500 ký tự).', 'expected text (at most 500 characters).');
  const text = raw.trim().replace(/\s+/g, ' ');
  switch (kind) {
    case 'date':
      if (!isIsoDate(text))
        throw invalid(field, `"${text}" không phải ngày YYYY-MM-DD.`, `"${text}" is not a date YYYY-MM-DD.`);
      return text;
    case 'industry': {
      const industry = resolveIndustry(text);
      if (industry) return industry.id;
      const maybe = suggestIndustries(text);
      throw invalid(
        field,
        `không nhận ra ngành "${text}"${maybe.length ? ` — có phải ${maybe.join(', ')}?` : ''}`,
        `unknown industry "${text}"${maybe.length ? ` — did you mean ${maybe.join(', ')}?` : ''}`,
      );
    }
    case 'province': {
      const province = resolveProvince(text);
      if (province) return province.name;
      const maybe = suggestProvinces(text);
      throw invalid(
        field,
        `không nhận ra tỉnh "${text}"${maybe.length ? ` — có phải ${maybe.join(', ')}?` : ''}`,
        `unknown province "${text}"${maybe.length ? ` — did you mean ${maybe.join(', ')}?` : ''}`,
      );
    }
    default:
      return text;
  }
}

/** Checks the fields of a request: each editable, each value of its kind. */
function toEdits(agreementMeta: AgreementMeta, request: MetadataEditRequest): MetaEdit[] {
  const at = request.at ?? new Date().toISOString();
  const entries = Object.entries(request.set);
  if (entries.length === 0)
    throw new ValidationError('invalid_metadata', 'Không có trường nào để sửa.', 'No field to set.');
  return entries.map(([field, raw]) => {
    if (!isEditableMetaField(field)) {
      const fields = Object.keys(EDITABLE_META_FIELDS).join(', ');
      throw new ValidationError(
        'unknown_field',
        `"${field}" không phải trường sửa được; các trường: ${fields}`,
        `"${field}" is not an editable field; they are: ${fields}`,
      );
    }
    const previous = agreementMeta[field];
    const previousSource = agreementMeta.provenance?.[field];
    return {
      field,
      value: toMetaValue(field, raw),
      ...(previous === undefined ? {} : { previous }),
      ...(previousSource ? { previousSource } : {}),
      by: request.by,
      at,
    };
  });
}

/**
 * Sets metadata fields by hand; the lists, filters, search index, expiry and grade follow at once.
 * @throws ValidationError naming a field that cannot be edited or a value of the wrong kind
 * @throws NotFoundError when there is no such agreement
 */
export async function editMetadata(
  ctx: ServiceContext,
  id: string,
  request: MetadataEditRequest,
  actor: Actor = CLI_ACTOR,
): Promise<MetadataEdited> {
  const agreement = loadAgreement(ctx, id);
  const edits = toEdits(agreement.meta, request);
  const edited = applyMetaEdits(agreement.meta, edits);
  const { meta, report, relinked } = ctx.library.transaction(() => {
    for (const edit of edits) ctx.library.saveMetaEdit(id, edit);
    ctx.library.setMeta(id, edited);
    // The fields edited, and the values derived from them that followed (an expiry from a new term).
    const before = agreement.meta as unknown as Record<string, unknown>;
    const after = edited as unknown as Record<string, unknown>;
    const followed = Object.keys({ ...before, ...after }).filter(
      (key) => key !== 'provenance' && key !== 'signatories' && before[key] !== after[key],
    );
    const fields = [...new Set([...edits.map((edit) => edit.field), ...followed])];
    const pick = (from: AgreementMeta) =>
      Object.fromEntries(fields.map((field) => [field, from[field as keyof AgreementMeta] ?? null]));
    recordAudit(ctx, actor, 'metadata.edit', id, pick(agreement.meta), pick(edited));
    ctx.cache.forget(id);
    return gradeRelinked(ctx, { ...agreement, meta: edited }, agreement.meta, actor);
  });
  for (const other of [id, ...relinked]) await reindex(ctx, other);
  return { meta, edits: ctx.library.metaEdits(agreement.source.sha256), grade: report };
}

/**
 * Withdraws the edit of a field: it goes back to the value the text gave.
 * @throws NotFoundError when the field was not edited
 */
export async function withdrawMetadataEdit(
  ctx: ServiceContext,
  id: string,
  field: string,
  actor: Actor = CLI_ACTOR,
): Promise<MetadataEdited> {
  const agreement = loadAgreement(ctx, id);
  const { meta, report, relinked } = ctx.library.transaction(() => {
    const edit = isEditableMetaField(field) ? ctx.library.removeMetaEdit(id, field) : undefined;
    if (!edit)
      throw new NotFoundError(
        'edit_not_found',
        `Trường "${field}" của thỏa ước "${id}" chưa được sửa.`,
        `Field "${field}" of agreement "${id}" has not been edited.`,
      );
    const withdrawn = withdrawMetaEdit(agreement.meta, edit);
    ctx.library.setMeta(id, withdrawn);
    const key = field as keyof AgreementMeta;
    recordAudit(
      ctx,
      actor,
      'metadata.withdraw',
      id,
      { [field]: agreement.meta[key] ?? null },
      { [field]: withdrawn[key] ?? null },
    );
    ctx.cache.forget(id);
    return gradeRelinked(ctx, { ...agreement, meta: withdrawn }, agreement.meta, actor);
  });
  for (const other of [id, ...relinked]) await reindex(ctx, other);
  return { meta, edits: ctx.library.metaEdits(agreement.source.sha256), grade: report };
}

/**
 * The end of an edit's transaction: when the employer or the signing date changed, the predecessor links
 * follow (see {@link relink}); then the agreement is graded with its metadata as now stored.
 */
function gradeRelinked(
  ctx: ServiceContext,
  agreement: Agreement,
  before: AgreementMeta,
  actor: Actor,
): { meta: AgreementMeta; report: GradeReport; relinked: string[] } {
  let { meta } = agreement;
  let relinked: string[] = [];
  if (meta.employer !== before.employer || meta.signedOn !== before.signedOn) {
    relinked = relink(ctx, agreement.id, actor);
    meta = ctx.library.get(agreement.id)?.meta ?? meta;
  }
  return { meta, report: storeGrade(ctx, { ...agreement, meta }).report, relinked };
}

/** An agreement's metadata edits, oldest first. */
export function metadataEditsOf(ctx: ServiceContext, id: string): MetaEdit[] {
  return ctx.library.metaEdits(loadAgreement(ctx, id).source.sha256);
}
