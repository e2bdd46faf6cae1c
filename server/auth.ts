/**
 * Writes need `Authorization: Bearer <CBA_API_TOKEN>`. Without a configured
 * token the server is read-only and says how to enable writes.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { jsonError } from './errors.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Middleware guarding a write route. */
export function requireWriteToken(token: string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (!expected) {
      return jsonError(
        c,
        403,
        'writes_disabled',
        'Máy chủ đang ở chế độ chỉ đọc. Đặt biến môi trường CBA_API_TOKEN (ít nhất 16 ký tự) rồi khởi động lại để cho phép ghi.',
        'The server is read-only. Set the CBA_API_TOKEN environment variable (at least 16 characters) and restart to enable writes.',
      );
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests of equal length so the comparison time says nothing about the token.
    if (!m || !timingSafeEqual(digest(m[1]!.trim()), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="cba"');
      return jsonError(
        c,
        401,
        'unauthorized',
        'Thiếu hoặc sai mã truy cập (Authorization: Bearer <token>).',
        'Missing or wrong access token (Authorization: Bearer <token>).',
      );
    }
    await next();
  };
}

/** Whether a token typed into a form is the write token (compared in constant time). */
export function tokenMatches(token: string | undefined, given: string): boolean {
  if (token === undefined || given === '') return false;
  return timingSafeEqual(digest(given.trim()), digest(token));
}
