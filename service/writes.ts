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

import { agreementNotFound, ValidationError } from '../clauses/errors.ts';
import { type ExpiryInfo, expiryStatus } from '../clauses/expiry.ts';
import type { GradeReport } from '../clauses/grading.ts';
import type { Agreement, AgreementDraft, AgreementEvent, ImportReport } from '../clauses/types.ts';
import { type ImportOptions, importFile, type MetaOverrides } from '../importer/index.ts';
import type { AssessmentChange, NewAgreementEvent } from '../library/index.ts';
import { compareCorrected, eventsOf, loadAgreement, type ServiceContext } from './context.ts';
import { gradeDraft, storeGrade } from './grades.ts';

export interface ImportRequest {
  filename: string;
  /** Metadata given beside the document (industry, province, wage region…), already checked. */
  overrides?: MetaOverrides;
  /** Told as each page of a scan is read by OCR ("đang nhận dạng trang 7/24"). */
  onProgress?: ImportOptions['onProgress'];
}

export interface Imported {
  /** The stored agreement, with its grade. */
  agreement: Agreement;
  grade: GradeReport;
  /** What the import says to the person who made it (found, missing, technical details). */
  report?: ImportReport;
}

/** Reads a document into a draft, storing nothing (an import's first step, a draft check, a dry run). */
export function readDraft(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest,
): Promise<AgreementDraft> {
  return importFile(bytes, {
    filename: request.filename,
    ...(request.overrides ? { overrides: request.overrides } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    maxBytes: ctx.maxBytes,
  });
}

/**
 * Imports a document: read, graded before it is stored, stored with its grade and search documents in
 * one transaction, then sent to an external index once.
 * @throws DuplicateError when the same document is already in the library
 * @throws the index's error when an external index refuses it; the import is undone
 */
export async function importDocument(
  ctx: ServiceContext,
  bytes: Uint8Array,
  request: ImportRequest,
): Promise<Imported> {
  return storeDraft(ctx, await readDraft(ctx, bytes, request), bytes);
}

/** The store-and-index step of {@link importDocument}, for a draft already read. */
export async function storeDraft(
  ctx: ServiceContext,
  draft: AgreementDraft,
  bytes: Uint8Array,
): Promise<Imported> {
  const on = ctx.today();
  const comparison = compareCorrected(ctx.library, draft, { on });
  const grade = gradeDraft(ctx, draft, comparison, on);
  const agreement = ctx.library.add(draft, bytes, { grade: grade.grade });
  ctx.cache.remember(agreement, { on }, comparison);
  if (ctx.external) {
    try {
      await ctx.external.indexAgreement(agreement);
    } catch (error) {
      ctx.library.remove(agreement.id);
      throw error;
    }
  }
  return { agreement, grade, ...(draft.report ? { report: draft.report } : {}) };
}

/**
 * Removes an agreement from the library and from the search index.
 * @throws NotFoundError when there is no such agreement
 */
export async function removeAgreement(ctx: ServiceContext, id: string): Promise<void> {
  if (!ctx.library.get(id)) throw agreementNotFound(id);
  // The external index first: if it cannot be reached, the agreement stays everywhere and the user may retry.
  await ctx.external?.removeAgreement(id);
  if (!ctx.library.remove(id)) throw agreementNotFound(id);
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
    ctx.library.saveAssessment(id, changes);
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
