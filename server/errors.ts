/**
 * One error handler: domain failure classes become JSON errors with the
 * right status and a message in Vietnamese and English; anything else is
 * logged and answered with a bare 500. No stack traces reach clients.
 */

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BusyError,
  CbaError,
  ConflictError,
  DuplicateError,
  ForbiddenError,
  ImportError,
  NotFoundError,
  SearchUnavailableError,
  TooLargeError,
  UnauthenticatedError,
  UnsupportedFormatError,
  ValidationError,
} from '../clauses/errors.ts';

export interface ErrorBody {
  error: {
    status: number;
    code: string;
    /** Vietnamese. */
    message: string;
    messageEn: string;
    [detail: string]: unknown;
  };
}

/** Builds the JSON error body every route answers with. */
export function errorBody(
  status: number,
  code: string,
  message: string,
  messageEn: string,
  details: Record<string, unknown> = {},
): ErrorBody {
  return { error: { status, code, message, messageEn, ...details } };
}

/** Answers a JSON error. */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  messageEn: string,
  details?: Record<string, unknown>,
): Response {
  return c.json(errorBody(status, code, message, messageEn, details), status);
}

export function statusOf(error: CbaError): ContentfulStatusCode {
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof DuplicateError || error instanceof ConflictError) return 409;
  if (error instanceof TooLargeError) return 413;
  if (error instanceof UnsupportedFormatError) return 415;
  // A document that needs more memory than a parse worker may use is too big, not malformed.
  if (error instanceof ImportError) return error.code === 'document_too_big' ? 413 : 422;
  if (error instanceof SearchUnavailableError || error instanceof BusyError) return 503;
  return 400;
}

/** Sets `Retry-After` for a failure that says when to try again (the parse queue full). */
export function retryAfterOf(c: Context, error: CbaError): void {
  if (error instanceof BusyError) c.header('Retry-After', String(error.retryAfter));
}

/** The app's `onError`. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof CbaError) {
    retryAfterOf(c, error);
    const details: Record<string, unknown> = {};
    if (error instanceof DuplicateError) details.existingId = error.existingId;
    if (error instanceof ConflictError) Object.assign(details, error.details);
    if (error instanceof ImportError) details.location = error.location;
    if (error instanceof TooLargeError) details.limitBytes = error.limitBytes;
    if (error instanceof ValidationError && error.field) details.field = error.field;
    return jsonError(c, statusOf(error), error.code, error.messageVi, error.message, details);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 413) return tooLarge(c);
    return jsonError(
      c,
      status,
      'http_error',
      error.message || 'Yêu cầu không hợp lệ.',
      error.message || 'Bad request.',
    );
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return jsonError(
    c,
    500,
    'internal_error',
    'Lỗi máy chủ. Vui lòng thử lại sau.',
    'Internal server error. Please try again later.',
  );
}

/** Answer for a request body above the limit. */
export function tooLarge(c: Context, limitBytes?: number): Response {
  const mb = limitBytes ? ` (${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB)` : '';
  return jsonError(
    c,
    413,
    'too_large',
    `Nội dung gửi lên vượt quá giới hạn${mb}.`,
    `The request body exceeds the limit${mb}.`,
    limitBytes ? { limitBytes } : {},
  );
}

/** The app's `notFound`. */
export function handleNotFound(c: Context): Response {
  return jsonError(
    c,
    404,
    'not_found',
    `Không có đường dẫn ${c.req.method} ${c.req.path}.`,
    `No route for ${c.req.method} ${c.req.path}.`,
  );
}
