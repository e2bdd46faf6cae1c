/**
 * Officers' corrections of an agreement's comparison with the law: a row's
 * verdict, subject or value, a row that is not an entitlement, a number the
 * reader missed. Each is checked against the text, stored with who and when,
 * and the grade follows in the same transaction; the grade, the below-floor
 * list, benchmarks and reports all read the corrected comparison.
 */

import { randomUUID } from 'node:crypto';
import { compareWithFloors } from '../clauses/compare.ts';
import {
  type AnswerKeyEntry,
  applyCorrections,
  type Correction,
  type CorrectionInput,
  toAnswerKey,
} from '../clauses/corrections.ts';
import { NotFoundError, ValidationError } from '../clauses/errors.ts';
import type { GradeReport } from '../clauses/grading.ts';
import { walkTree } from '../clauses/tree.ts';
import type { Agreement } from '../clauses/types.ts';
import { type Actor, CLI_ACTOR, recordAudit } from './audit.ts';
import { loadAgreement, type ServiceContext } from './context.ts';
import { storeGrade } from './grades.ts';
import { reindex } from './writes.ts';

export interface CorrectionRequest extends CorrectionInput {
  /** Who corrects (the officer's name or account). */
  by: string;
  /** When (now by default). */
  at?: string;
}

export interface Corrected {
  correction: Correction;
  grade: GradeReport;
}

/** The problem with a correction's target, or undefined when it names a number of the text. */
function targetProblem(agreement: Agreement, input: CorrectionInput, on: string): string | undefined {
  const { target } = input;
  if (input.kind === 'missed') {
    let found = false;
    walkTree(agreement.tree, (node) => {
      if (node.path !== target.path) return;
      const text = node.type === 'table' ? node.rows.map((r) => r.join(' | ')).join('\n') : node.text;
      if (`${node.type === 'table' ? '' : (node.heading ?? '')} ${text}`.includes(target.written))
        found = true;
    });
    return found ? undefined : `"${target.written}" không có trong ${target.path}`;
  }
  const rows = compareWithFloors(agreement, { on }).rows.filter(
    (r) => r.path === target.path && r.measure.written === target.written && r.row === target.row,
  );
  return rows.length > (target.occurrence ?? 0)
    ? undefined
    : `không có dòng so sánh "${target.written}" ở ${target.path}`;
}

/**
 * Stores an officer's correction and the grade it leads to.
 * @throws ValidationError when the target is not a number of the text, or a verdict is missing
 * @throws NotFoundError when there is no such agreement
 */
export async function correct(
  ctx: ServiceContext,
  id: string,
  request: CorrectionRequest,
  actor: Actor = CLI_ACTOR,
): Promise<Corrected> {
  const agreement = loadAgreement(ctx, id);
  const { by, at, ...input } = request;
  if (input.kind !== 'not_entitlement' && !input.verdict && !input.subject && input.value === undefined) {
    throw new ValidationError(
      'invalid_correction',
      'Cần ghi kết luận, chủ đề hoặc giá trị mới.',
      'Give the new verdict, subject or value.',
    );
  }
  const problem = targetProblem(agreement, input, ctx.today());
  if (problem)
    throw new ValidationError(
      'invalid_correction',
      `Không tìm thấy con số: ${problem}.`,
      `No such number: ${problem}.`,
    );
  const correction: Correction = { ...input, id: randomUUID(), by, at: at ?? new Date().toISOString() };
  const { report, changed } = ctx.library.transaction(() => {
    ctx.library.addCorrection(id, correction);
    recordAudit(ctx, actor, 'correction', id, undefined, correction);
    ctx.cache.forget(id);
    return storeGrade(ctx, agreement);
  });
  if (changed) await reindex(ctx, id);
  return { correction, grade: report };
}

/**
 * Withdraws a correction; the grade follows.
 * @throws NotFoundError when the agreement has no such correction
 */
export async function withdrawCorrection(
  ctx: ServiceContext,
  id: string,
  correctionId: string,
  actor: Actor = CLI_ACTOR,
): Promise<GradeReport> {
  const agreement = loadAgreement(ctx, id);
  const { report, changed } = ctx.library.transaction(() => {
    const before = ctx.library.corrections(agreement.source.sha256).find((c) => c.id === correctionId);
    if (!ctx.library.removeCorrection(id, correctionId))
      throw new NotFoundError(
        'correction_not_found',
        `Thỏa ước "${id}" không có hiệu chỉnh "${correctionId}".`,
        `Agreement "${id}" has no correction "${correctionId}".`,
      );
    recordAudit(ctx, actor, 'correction.withdraw', id, before);
    ctx.cache.forget(id);
    return storeGrade(ctx, agreement);
  });
  if (changed) await reindex(ctx, id);
  return report;
}

/** An agreement's corrections, and the corrected rows in the answer-key format of the team's test set. */
export function correctionsOf(
  ctx: ServiceContext,
  id: string,
  on?: string,
): { corrections: Correction[]; answerKey: AnswerKeyEntry[] } {
  const agreement = loadAgreement(ctx, id);
  const corrections = ctx.library.corrections(agreement.source.sha256);
  const comparison = applyCorrections(compareWithFloors(agreement, { on: on ?? ctx.today() }), corrections);
  return { corrections, answerKey: toAnswerKey(comparison) };
}
