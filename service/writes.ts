/**
 * Every write to the library, each done once, here. The pattern, for the
 * writes still to come (corrections of verdict rows, metadata edits) as for
 * these:
 *
 * 1. check the request against what is stored (a `ValidationError` says why);
 * 2. write in one `library.transaction`, the new grade included, so the
 *    library never holds half a change (the embedded index is written in the
 *    same transaction);
 * 3. send the result to an external index once, at the end; an import it
 *    refuses is undone, so the library and the index never disagree on what
 *    exists.
 */

import { agreementNotFound, ImportError, ValidationError } from '../clauses/errors.ts';
import { type ExpiryInfo, expiryStatus } from '../clauses/expiry.ts';
import type { GradeReport } from '../clauses/grading.ts';
import { applyMetaEdits } from '../clauses/meta-edits.ts';
import { walkTree } from '../clauses/tree.ts';
import type { Agreement, AgreementDraft, AgreementEvent, ImportReport } from '../clauses/types.ts';
import type { ImportOptions, MetaOverrides } from '../importer/index.ts';
import {
  type AgreementAccess,
  type AssessmentChange,
  contentKey,
  type NewAgreementEvent,
  type SourceFile,
  type Visibility,
} from '../library/index.ts';
import { type Actor, CLI_ACTOR, recordAudit } from './audit.ts';
import { compareCorrected, eventsOf, loadAgreement, type ServiceContext } from './context.ts';
import { gradeDraft, gradeStored, storeGrade } from './grades.ts';
import { linkSuccessors, predecessorOf, successorsOf, unlinkSuccessors } from './predecessors.ts';
import { saveVerdicts } from './verdicts.ts';

export interface ImportRequest {
  filename: string;
  /** Metadata given beside the document (industry, province, wage region…), already checked. */
  overrides?: MetaOverrides;
  /** Who imports (the audit log's actor; the command line by default). */
  actor?: Actor | undefined;
  /** Visibility (the library's default otherwise) and owner of the new agreement. */
  access?: Partial<AgreementAccess> | undefined;
  /** Told as each page of a scan is read by OCR ("đang nhận dạng trang 7/24"). */
  onProgress?: ImportOptions['onProgress'];
}

export interface Imported {
  /** The stored agreement, with its grade. */
  agreement: Agreement;
  grade: GradeReport;
  /** What the import says to the person who made it (found, missing, technical details). */
  report?: ImportReport;
  /**
   * Set when the document is another file of an agreement already stored (its signed PDF beside the
   * Word file): no second agreement, the file was added to `agreement`'s sources.
   */
  sameAgreement?: SameAgreement;
}

/** What an import of another file of a stored agreement says (Vietnamese first), and the file added. */
export interface SameAgreement {
  file: SourceFile;
  message: string;
  messageEn: string;
}

/** Reads a document into a draft, storing nothing (an import's first step, a draft check, a dry run). */
export function readDraft(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest,
): Promise<AgreementDraft> {
  return ctx.reader.read(bytes, {
    filename: request.filename,
    ...(request.overrides ? { overrides: request.overrides } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    maxBytes: ctx.maxBytes,
    limits: ctx.limits,
  });
}

/**
 * Imports a document: read, graded before it is stored, stored with its grade and search documents in
 * one transaction, then sent to an external index once.
 * @throws DuplicateError when the same document (the same bytes) is already in the library; the same text
 *   in another file is added to the stored agreement's sources (`sameAgreement` says so)
 * @throws the index's error when an external index refuses it; the import is undone
 */
export async function importDocument(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest,
): Promise<Imported> {
  return storeDraft(ctx, await readDraft(ctx, bytes, request), bytes, request);
}

/** The store-and-index step of {@link importDocument}, for a draft already read. */
export async function storeDraft(
  ctx: ServiceContext,
  draft: AgreementDraft,
  bytes: Uint8Array,
  options: Pick<ImportRequest, 'actor' | 'access'> = {},
): Promise<Imported> {
  refuseNearlyEmpty(draft);
  // The same bytes are "already in the library" (library.add says so); the same text in another file is
  // the same agreement, whose sources the file joins.
  const same = ctx.library.findBySha256(draft.source.sha256)
    ? undefined
    : ctx.library.findByContentKey(contentKey(draft.tree));
  if (same) return addSource(ctx, same.id, draft, bytes, options.actor ?? CLI_ACTOR);
  // An officer's edits of this document's metadata, made before it was removed, still hold.
  const edits = ctx.library.metaEdits(draft.source.sha256);
  if (edits.length > 0) draft = { ...draft, meta: applyMetaEdits(draft.meta, edits) };
  const predecessorId = predecessorOf(ctx, draft);
  if (predecessorId) draft = { ...draft, meta: { ...draft.meta, predecessorId } };
  const on = ctx.today();
  const comparison = compareCorrected(ctx.library, draft, { on });
  const grade = gradeDraft(ctx, draft, comparison, on);
  const access: AgreementAccess = {
    visibility: options.access?.visibility ?? ctx.defaultVisibility ?? 'public',
    ...(options.access?.ownerId ? { ownerId: options.access.ownerId } : {}),
  };
  const { agreement, successors } = ctx.library.transaction(() => {
    const stored = ctx.library.add(draft, bytes, { grade: grade.grade, access });
    saveVerdicts(ctx, stored.id, comparison, on);
    recordAudit(ctx, options.actor ?? CLI_ACTOR, 'import', stored.id, undefined, {
      filename: stored.source.filename,
      sha256: stored.source.sha256,
      meta: stored.meta,
      visibility: access.visibility,
    });
    // The newer agreements already here that say they replace this one are linked to it now.
    return { agreement: stored, successors: linkSuccessors(ctx, stored, options.actor ?? CLI_ACTOR) };
  });
  ctx.cache.remember(agreement, { on }, comparison);
  if (ctx.external) {
    try {
      await ctx.external.indexAgreement(agreement);
    } catch (error) {
      ctx.library.transaction(() => {
        unlinkSuccessors(ctx, agreement, options.actor ?? CLI_ACTOR);
        ctx.library.remove(agreement.id);
        recordAudit(ctx, options.actor ?? CLI_ACTOR, 'import.undone', agreement.id);
      });
      throw error;
    }
    for (const id of successors) await reindex(ctx, id);
  }
  return { agreement, grade, ...(draft.report ? { report: draft.report } : {}) };
}

/** Fewer bytes than this cannot hold an agreement: such a file is refused, not stored. */
export const MIN_DOCUMENT_BYTES = 64;

/**
 * A file too small to hold an agreement, or whose text has no letter, is refused rather than stored as an
 * empty agreement.
 * @throws ImportError `empty_document`
 */
function refuseNearlyEmpty(draft: AgreementDraft): void {
  const { filename, size } = draft.source;
  let letters = draft.preamble.some((line) => /\p{L}/u.test(line));
  const unstructured = draft.warnings.some((w) => w.code === 'no_structure');
  walkTree(draft.tree, (node) => {
    // Only what was read from the document, not the heading the builder gives a text with no structure.
    const heading =
      unstructured && draft.tree[0] === node ? '' : 'heading' in node ? (node.heading ?? '') : '';
    if (!letters && 'text' in node && /\p{L}/u.test(`${heading}${node.text}`)) letters = true;
  });
  if (size < MIN_DOCUMENT_BYTES || !letters)
    throw new ImportError(
      'empty_document',
      `Tệp "${filename}" gần như trống (${size} byte${letters ? '' : ', không có chữ'}): không có gì để lưu.`,
      `"${filename}" is nearly empty (${size} bytes${letters ? '' : ', no letters'}): nothing to store.`,
    );
}

/** Adds a document to the sources of the stored agreement with the same text. */
function addSource(
  ctx: ServiceContext,
  id: string,
  draft: AgreementDraft,
  bytes: Uint8Array,
  actor: Actor,
): Imported {
  const file = ctx.library.transaction(() => {
    const added = ctx.library.addSource(id, draft.source, bytes);
    recordAudit(ctx, actor, 'source.add', id, undefined, {
      sha256: added.sha256,
      filename: added.filename,
      format: added.format,
    });
    return added;
  });
  const agreement = loadAgreement(ctx, id);
  const who = agreement.meta.employer ?? agreement.meta.title ?? id;
  return {
    agreement,
    grade: gradeStored(ctx, agreement, ctx.today()) as GradeReport,
    ...(draft.report ? { report: draft.report } : {}),
    sameAgreement: {
      file,
      message: `Đây là cùng một thỏa ước với ${who} (${id}) — đã thêm tệp làm bản gốc khác.`,
      messageEn: `This is the same agreement as ${who} (${id}) — the file was added as another original.`,
    },
  };
}

/**
 * Removes an agreement from the library and from the search index.
 * @throws NotFoundError when there is no such agreement
 */
export async function removeAgreement(
  ctx: ServiceContext,
  id: string,
  actor: Actor = CLI_ACTOR,
): Promise<void> {
  const agreement = ctx.library.get(id);
  if (!agreement) throw agreementNotFound(id);
  // The external index first: if it cannot be reached, the agreement stays everywhere and the user may retry.
  await ctx.external?.removeAgreement(id);
  const successors = successorsOf(ctx, agreement);
  ctx.library.transaction(() => {
    // Their link would lead nowhere; it comes back if this agreement is imported again.
    unlinkSuccessors(ctx, agreement, actor);
    if (!ctx.library.remove(id)) throw agreementNotFound(id);
    recordAudit(ctx, actor, 'remove', id, {
      filename: agreement.source.filename,
      sha256: agreement.source.sha256,
      meta: agreement.meta,
    });
  });
  for (const successor of successors) await reindex(ctx, successor);
}

/**
 * Changes who may see an agreement.
 * @throws NotFoundError when there is no such agreement
 */
export function setVisibility(
  ctx: ServiceContext,
  id: string,
  visibility: Visibility,
  actor: Actor = CLI_ACTOR,
): void {
  ctx.library.transaction(() => {
    const before = ctx.library.access([id]).get(id);
    if (!before || !ctx.library.setAccess(id, { visibility })) throw agreementNotFound(id);
    recordAudit(ctx, actor, 'visibility', id, { visibility: before.visibility }, { visibility });
  });
}

/** Sends an agreement's current state (grade, events) to the external index, if there is one. */
export async function reindex(ctx: ServiceContext, id: string): Promise<void> {
  if (!ctx.external) return;
  const agreement = ctx.library.get(id);
  if (agreement) await ctx.external.indexAgreement(agreement, eventsOf(ctx, id));
}

export interface RecordedEvent {
  event: AgreementEvent;
  /** The agreement's expiry status today, the event counted. */
  expiry: ExpiryInfo;
  grade: GradeReport;
}

/**
 * Records an event (filed, negotiation started, replaced, extended) and the grade it leads to.
 * @throws ValidationError when an agreement would replace itself or an extension would not extend
 * @throws NotFoundError when the agreement or the replacing one is not in the library
 */
export async function recordEvent(
  ctx: ServiceContext,
  id: string,
  event: NewAgreementEvent,
  actor: Actor = CLI_ACTOR,
): Promise<RecordedEvent> {
  const agreement = loadAgreement(ctx, id);
  if (event.type === 'replaced' && event.replacedBy === id) {
    throw new ValidationError(
      'invalid_event',
      'Thỏa ước không thể thay thế chính nó.',
      'An agreement cannot replace itself.',
    );
  }
  if (event.type === 'extended') {
    const current = expiryStatus(agreement, event.date, { events: eventsOf(ctx, id) }).expiresOn;
    if (!event.extendedTo || (current && event.extendedTo <= current)) {
      throw new ValidationError(
        'invalid_event',
        `Ngày gia hạn (${event.extendedTo ?? '—'}) phải sau ngày hết hạn hiện tại (${current ?? '—'}).`,
        `The extension (${event.extendedTo ?? '—'}) must end after the current expiry (${current ?? '—'}).`,
      );
    }
  }
  // An extension can take an agreement out of "expired"; a filing earns its procedure points.
  const { recorded, grade } = ctx.library.transaction(() => {
    const recorded = ctx.library.addEvent(id, event);
    recordAudit(ctx, actor, 'event', id, undefined, recorded);
    return { recorded, grade: storeGrade(ctx, agreement) };
  });
  if (event.type === 'extended' || grade.changed) await reindex(ctx, id);
  return {
    event: recorded,
    expiry: expiryStatus(agreement, ctx.today(), { events: eventsOf(ctx, id) }),
    grade: grade.report,
  };
}

/** An officer's answer as sent: a value, `null` to withdraw it, or the value with a note. */
export type AnswerInput =
  | boolean
  | number
  | null
  | { value: boolean | number | null; note?: string | undefined };

export interface AnswersRequest {
  answeredBy: string;
  /** By criterion id; only the officer's criteria of the rubric. */
  answers: Record<string, AnswerInput>;
  /** When they were given (now by default). */
  answeredAt?: string;
  /** Who saves them (the audit log's actor; the command line by default). */
  actor?: Actor | undefined;
}

/**
 * Saves an officer's answers to the grading checklist and stores the grade they lead to.
 * @throws ValidationError naming a criterion that is not the officer's, or an answer of the wrong kind
 */
export async function saveAnswers(
  ctx: ServiceContext,
  id: string,
  request: AnswersRequest,
): Promise<GradeReport> {
  const agreement = loadAgreement(ctx, id);
  const officer = new Map(
    ctx.rubric.criteria.filter((k) => k.evaluation === 'officer').map((k) => [k.id, k]),
  );
  const answeredAt = request.answeredAt ?? new Date().toISOString();
  const changes: AssessmentChange[] = Object.entries(request.answers).map(([criterion, raw]) => {
    const definition = officer.get(criterion);
    if (!definition) {
      throw new ValidationError(
        'unknown_criterion',
        `"${criterion}" không phải tiêu chí do cán bộ đánh giá; các tiêu chí: ${[...officer.keys()].join(', ')}`,
        `"${criterion}" is not an officer criterion; they are: ${[...officer.keys()].join(', ')}`,
      );
    }
    const { value, note } = raw !== null && typeof raw === 'object' ? raw : { value: raw, note: undefined };
    const expected = definition.answer === 'percent' ? 'number' : 'boolean';
    if (value !== null && typeof value !== expected) {
      throw new ValidationError(
        'invalid_answer',
        `Tiêu chí "${criterion}" cần câu trả lời kiểu ${expected === 'number' ? 'số phần trăm (0–100)' : 'có/không (true/false)'}.`,
        `Criterion "${criterion}" takes a ${expected === 'number' ? 'percentage (0–100)' : 'true/false'} answer.`,
      );
    }
    return { criterion, value, answeredBy: request.answeredBy, answeredAt, ...(note ? { note } : {}) };
  });
  const { report, changed } = ctx.library.transaction(() => {
    const touched = new Set(changes.map((c) => c.criterion));
    const before = ctx.library.assessment(id).filter((a) => touched.has(a.criterion));
    ctx.library.saveAssessment(id, changes);
    recordAudit(ctx, request.actor ?? CLI_ACTOR, 'assessment', id, before, changes);
    return storeGrade(ctx, agreement);
  });
  if (changed) await reindex(ctx, id);
  return report;
}

/**
 * Grades an agreement today and stores the grade (reindexed when it changed).
 * @throws NotFoundError when there is no such agreement
 */
export async function regrade(
  ctx: ServiceContext,
  id: string,
): Promise<{ report: GradeReport; changed: boolean }> {
  const agreement = loadAgreement(ctx, id);
  const result = ctx.library.transaction(() => storeGrade(ctx, agreement));
  if (result.changed) await reindex(ctx, id);
  return result;
}
