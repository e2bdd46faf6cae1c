/**
 * Input validation at the HTTP edge: zod schemas, and failures turned into
 * `ValidationError` (400) that name the field.
 */

import type { z } from 'zod';
import { NotFoundError, ValidationError } from '../clauses/errors.ts';

/**
 * Parses input with a schema.
 * @throws ValidationError naming each bad field
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  throw new ValidationError(
    'invalid_input',
    `Dữ liệu không hợp lệ (${what}): ${problems}`,
    `Invalid ${what}: ${problems}`,
  );
}

/** Agreement ids are slugs; anything else cannot name one. */
export const AGREEMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Checks an agreement id from a URL. */
export function parseId(id: string): string {
  if (!AGREEMENT_ID.test(id)) {
    throw new ValidationError(
      'invalid_id',
      `Mã thỏa ước "${id.slice(0, 100)}" không hợp lệ.`,
      `"${id.slice(0, 100)}" is not a valid agreement id.`,
    );
  }
  return id;
}

export function notFound(id: string): NotFoundError {
  return new NotFoundError('agreement_not_found', `Không có thỏa ước "${id}".`, `No agreement "${id}".`);
}
