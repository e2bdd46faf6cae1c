/**
 * Failure classes shared by every layer. Expected outcomes are values;
 * these are for what stops an operation. Each carries a Vietnamese and an
 * English message; the server maps classes to HTTP statuses.
 */

export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

export class CbaError extends Error {
  override name = 'CbaError';
  /** Machine-readable code, stable across releases. */
  readonly code: string;
  /** Vietnamese message (the English one is `message`). */
  readonly messageVi: string;

  constructor(code: string, messageVi: string, messageEn: string, options?: { cause?: unknown }) {
    super(messageEn, options);
    this.code = code;
    this.messageVi = messageVi;
  }
}

/** A document that cannot be turned into an agreement (HTTP 422). */
export class ImportError extends CbaError {
  override name = 'ImportError';
  readonly location: Location;

  constructor(code: string, messageVi: string, messageEn: string, location: Location = {}) {
    super(code, messageVi, messageEn);
    this.location = location;
  }
}

/** A file whose format we do not read (HTTP 415). */
export class UnsupportedFormatError extends CbaError {
  override name = 'UnsupportedFormatError';
}

/** Input that is too large (HTTP 413). */
export class TooLargeError extends CbaError {
  override name = 'TooLargeError';
  constructor(
    readonly limitBytes: number,
    what: string,
  ) {
    super(
      'too_large',
      `${what} vượt quá giới hạn ${formatMegabytes(limitBytes)}.`,
      `${what} exceeds the limit of ${formatMegabytes(limitBytes)}.`,
    );
  }
}

/** Something asked for by id that is not there (HTTP 404). */
export class NotFoundError extends CbaError {
  override name = 'NotFoundError';
}

/** The error for an agreement id the library does not have. */
export function agreementNotFound(id: string): NotFoundError {
  return new NotFoundError('agreement_not_found', `Không có thỏa ước "${id}".`, `No agreement "${id}".`);
}

/** The same document is already in the library (HTTP 409). */
export class DuplicateError extends CbaError {
  override name = 'DuplicateError';
  constructor(
    readonly existingId: string,
    filename: string,
  ) {
    super(
      'duplicate',
      `Tệp "${filename}" đã có trong thư viện (thỏa ước ${existingId}).`,
      `"${filename}" is already in the library (agreement ${existingId}).`,
    );
  }
}

/**
 * A change made on a version that another change replaced meanwhile (HTTP 409): a stale save of a
 * draft. `details` says what replaced it (who saved, when, which version), for the answer's body.
 */
export class ConflictError extends CbaError {
  override name = 'ConflictError';
  constructor(
    code: string,
    messageVi: string,
    messageEn: string,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(code, messageVi, messageEn);
  }
}

/** The search engine cannot answer or index (HTTP 503); `cause` holds the engine's own error. */
export class SearchUnavailableError extends CbaError {
  override name = 'SearchUnavailableError';
}

/** Invalid input from a user (HTTP 400). */
export class ValidationError extends CbaError {
  override name = 'ValidationError';
  /** The field of the form or body that was refused, when one was: a page shows the message beside it. */
  readonly field?: string;

  constructor(
    code: string,
    messageVi: string,
    messageEn: string,
    options?: { cause?: unknown; field?: string },
  ) {
    super(code, messageVi, messageEn, options);
    if (options?.field) this.field = options.field;
  }
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** A signed-in user (or an anonymous reader) asking for what their role does not allow (HTTP 403). */
export class ForbiddenError extends CbaError {
  override name = 'ForbiddenError';
}

/** Who is asking could not be established: no credentials, or wrong ones (HTTP 401). */
export class UnauthenticatedError extends CbaError {
  override name = 'UnauthenticatedError';
}

/** The server is too busy to take the work now (HTTP 503 with `Retry-After`): the document readers' queue is full. */
export class BusyError extends CbaError {
  override name = 'BusyError';
  /** Seconds to wait before trying again. */
  readonly retryAfter: number;

  constructor(code: string, messageVi: string, messageEn: string, retryAfter: number) {
    super(code, messageVi, messageEn);
    this.retryAfter = retryAfter;
  }
}
