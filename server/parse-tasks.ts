/**
 * The work a parse worker does, as plain data in and out: read a document,
 * check a draft against the law, or draw a PDF report. Failures travel back
 * as values (`TaskFailure`) because a worker's errors lose their class on the
 * way; `reviveFailure` turns them back into the same `CbaError` classes.
 */

import type { MessagePort } from 'node:worker_threads';
import {
  CbaError,
  ImportError,
  TooLargeError,
  UnsupportedFormatError,
  ValidationError,
} from '../clauses/errors.ts';
import type { AgreementDraft } from '../clauses/types.ts';
import { type ImportOptions, importFile } from '../importer/index.ts';
import { asReadFailure, type CheckRequest, type CheckResult, checkDocument } from '../service/index.ts';
import {
  type AgreementReportData,
  agreementReportPdf,
  benchmarkReportPdf,
  checkReportPdf,
  expiryReportPdf,
  versionReportPdf,
} from '../ui/index.ts';
import { reportFonts } from './fonts.ts';

/** A PDF report to draw, by name, with what it shows. */
export type ReportTask =
  | { report: 'check'; data: Parameters<typeof checkReportPdf>[0] }
  | { report: 'agreement'; data: AgreementReportData }
  | { report: 'expiry'; data: Parameters<typeof expiryReportPdf>[0] }
  | { report: 'versions'; data: Parameters<typeof versionReportPdf>[0] }
  | { report: 'benchmarks'; data: Parameters<typeof benchmarkReportPdf>[0] };

export type ParseTask =
  /** `progress`: a port the worker posts each `OcrProgress` to (a callback cannot cross to a worker). */
  | { kind: 'read'; bytes: Uint8Array; options: ImportOptions; progress?: MessagePort }
  | { kind: 'check'; bytes: Uint8Array; request: CheckRequest }
  | ({ kind: 'report' } & ReportTask)
  /** Answers at once: a worker that answers has loaded the readers (the pool warms new workers with it). */
  | { kind: 'ping' };

interface TaskResults {
  read: AgreementDraft;
  check: CheckResult;
  report: Uint8Array;
  ping: 'pong';
}
export type TaskResult<K extends ParseTask['kind']> = TaskResults[K];

/** A failure as it crosses from a worker: the class name and the fields the error handler reads. */
export interface TaskFailure {
  name: string;
  code: string;
  message: string;
  messageVi: string;
  location?: ImportError['location'];
  limitBytes?: number;
}

export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; failure: TaskFailure };

/** Draws a PDF report (in a worker or in this process). */
export function drawReport(task: ReportTask): Promise<Uint8Array> {
  const fonts = reportFonts();
  switch (task.report) {
    case 'check':
      return checkReportPdf(task.data, fonts);
    case 'agreement':
      return agreementReportPdf(task.data, fonts);
    case 'expiry':
      return expiryReportPdf(task.data, fonts);
    case 'versions':
      return versionReportPdf(task.data, fonts);
    case 'benchmarks':
      return benchmarkReportPdf(task.data, fonts);
  }
}

function perform(task: ParseTask): Promise<unknown> {
  switch (task.kind) {
    case 'read': {
      const port = task.progress;
      if (!port) return importFile(task.bytes, task.options);
      return importFile(task.bytes, {
        ...task.options,
        onProgress: (progress) => port.postMessage(progress),
      }).finally(() => port.close());
    }
    case 'check':
      return checkDocument(task.bytes, task.request);
    case 'report':
      return drawReport(task);
    case 'ping':
      return Promise.resolve('pong');
  }
}

/**
 * Runs a task and answers its outcome as data. A failure that is not one of ours (a reader's bug on a
 * hostile document) is reported as an `ImportError`: the document could not be read, and nothing was stored.
 */
export async function runTask(task: ParseTask): Promise<TaskOutcome<unknown>> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}

function toFailure(thrown: unknown): TaskFailure {
  const error = asReadFailure(thrown);
  return {
    name: error.name,
    code: error.code,
    message: error.message,
    messageVi: error.messageVi,
    ...(error instanceof ImportError ? { location: error.location } : {}),
    ...(error instanceof TooLargeError ? { limitBytes: error.limitBytes } : {}),
  };
}

const CLASSES: Record<string, new (...args: never[]) => CbaError> = {
  ImportError,
  TooLargeError,
  UnsupportedFormatError,
  ValidationError,
};

/** The `CbaError` a failure stands for, of the class it was thrown as. */
export function reviveFailure(failure: TaskFailure): CbaError {
  const prototype = (CLASSES[failure.name] ?? CbaError).prototype;
  const error = Object.create(prototype) as CbaError;
  Object.assign(error, {
    name: failure.name in CLASSES ? failure.name : 'CbaError',
    code: failure.code,
    message: failure.message,
    messageVi: failure.messageVi,
    ...(prototype === ImportError.prototype ? { location: failure.location ?? {} } : {}),
    ...(failure.limitBytes !== undefined ? { limitBytes: failure.limitBytes } : {}),
  });
  return error;
}
