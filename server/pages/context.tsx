/**
 * What every page needs: its language and address, the error page, and
 * request checking with the same zod schemas as the JSON API — a mistake
 * answers an HTML page saying what is wrong, with the status the API gives.
 */

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { CbaError, ValidationError } from '../../clauses/errors.ts';
import { ErrorPage, type Language, type PageContext, translator } from '../../ui/index.ts';
import { statusOf } from '../errors.ts';
import { firstValues } from '../validation.ts';

/** The page context of a request: `?lang=en` switches to English. */
export function pageContext(c: Context): PageContext {
  const lang: Language = c.req.query('lang') === 'en' ? 'en' : 'vi';
  const url = new URL(c.req.url);
  const principal = c.get('principal');
  return {
    lang,
    t: translator(lang),
    url: `${url.pathname}${url.search}`,
    ...(c.get('csrf') ? { csrf: c.get('csrf') } : {}),
    ...(principal?.kind === 'user' && principal.via === 'session'
      ? { signedInAs: principal.user.username }
      : {}),
  };
}

/** An HTML error page (the API answers JSON). */
export function htmlError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
): Response | Promise<Response> {
  return c.html(<ErrorPage ctx={pageContext(c)} status={status} message={message} />, status);
}

/** The error page of a failure the service reports (no such agreement, a bad request…). */
export function failurePage(c: Context, error: CbaError): Response | Promise<Response> {
  return htmlError(c, statusOf(error), messageOf(c, error));
}

/**
 * A posted form's fields (`c.req.parseBody`).
 * @throws ValidationError (400) for a malformed body, instead of a 500
 */
export async function formOf(c: Context): Promise<Record<string, string | File>> {
  try {
    return await c.req.parseBody();
  } catch (cause) {
    throw new ValidationError(
      'invalid_form',
      'Dữ liệu biểu mẫu không đọc được.',
      `The form data cannot be read (${(cause as Error).message}).`,
    );
  }
}

/** A failure's message in the page's language. */
export function messageOf(c: Context, error: CbaError): string {
  return pageContext(c).lang === 'vi' ? error.messageVi : error.message;
}

/** Runs `render`; a `CbaError` it throws becomes the error page with its status. */
export async function orErrorPage(c: Context, render: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof CbaError) return failurePage(c, error);
    throw error;
  }
}

/**
 * Checks the query string with a schema of the API; empty form fields count as absent. A mistake
 * answers the error page (400) naming the field.
 */
export function pageQuery<T extends z.ZodType>(schema: T) {
  return validator('query', (value, c): z.infer<T> | Response | Promise<Response> => {
    const given = Object.fromEntries(Object.entries(firstValues(value)).filter(([, v]) => v !== ''));
    const parsed = schema.safeParse(given);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'query'}: ${i.message}`)
      .join('; ');
    return htmlError(c, 400, `Dữ liệu không hợp lệ / invalid query: ${problems}`);
  });
}

/** The values of a query parameter given many times or as a comma list. */
export const queryList = (c: Context, name: string) =>
  (c.req.queries(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** The language part of a redirect back to a page. */
export const langSuffix = (c: Context, separator: '?' | '&') =>
  pageContext(c).lang === 'en' ? `${separator}lang=en` : '';
