/**
 * How the service reads documents: one interface, two ways of running it.
 * The server reads through a pool of worker threads (server/parse-pool.ts), so
 * a hostile document costs a worker, never the event loop; tests and the
 * command line read in this process.
 */

import { CbaError, ImportError } from '../clauses/errors.ts';
import type { AgreementDraft } from '../clauses/types.ts';
import { type ImportOptions, importFile } from '../importer/index.ts';
import { type CheckRequest, type CheckResult, checkDocument } from './check.ts';

/** Reads documents; every failure is a `CbaError` (an `ImportError` when the reading was stopped). */
export interface DocumentReader {
  /** A document read into a draft (an import's first step, a dry run). */
  read(bytes: Uint8Array, options: ImportOptions): Promise<AgreementDraft>;
  /** A draft read and compared with the law (the pre-signing check). */
  check(bytes: Uint8Array, request: CheckRequest): Promise<CheckResult>;
}

/**
 * What a failure while reading a document means to the person who sent it: our own errors as they are;
 * anything else (a reader's bug on a hostile document) is an `ImportError` — the document could not be
 * read, nothing was stored, and a folder import goes on with the next file.
 */
export function asReadFailure(error: unknown): CbaError {
  if (error instanceof CbaError) return error;
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);
  return new ImportError(
    'document_unreadable',
    `Không đọc được tài liệu (${detail}).`,
    `The document cannot be read (${detail}).`,
  );
}

async function reading<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asReadFailure(error);
  }
}

/** Reads in this process, with no time or memory limit: for tests, the command line and one-off scripts. */
export const inProcessReader: DocumentReader = {
  read: (bytes, options) => reading(() => importFile(bytes, options)),
  check: (bytes, request) => reading(() => checkDocument(bytes, request)),
};
