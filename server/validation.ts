/**
 * Input validation at the HTTP edge: zod schemas, and failures turned into
 * `ValidationError` (400) that name the field.
 */

import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ValidationError } from '../clauses/errors.ts';
import { resolveIndustry, suggestIndustries } from '../clauses/industries.ts';
import { resolveProvince, suggestProvinces } from '../clauses/provinces.ts';
import { foldText } from '../clauses/text.ts';
import type { AgreementFilter } from '../library/index.ts';
import { AGREEMENT_ID } from './schemas.ts';

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

/**
 * A JSON request body checked against a schema.
 * @throws ValidationError when the body is not JSON or does not fit
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new ValidationError(
      'invalid_json',
      'Nội dung JSON không hợp lệ.',
      'The JSON body is not valid JSON.',
    );
  }
  return validate(schema, json, 'body');
}

export { AGREEMENT_ID } from './schemas.ts';

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

/**
 * Reads an area filter from a query: industry by id or name, province by name or alias.
 * @throws ValidationError naming an industry or province we do not know
 */
export function areaFilter(query: {
  industry?: string;
  province?: string;
  district?: string;
}): AgreementFilter {
  const unknown = (field: string, value: string) => {
    // A filter that matches nothing is said, with what was probably meant — never the whole country.
    const maybe =
      field === 'province' ? suggestProvinces(value) : field === 'industry' ? suggestIndustries(value) : [];
    return new ValidationError(
      'invalid_input',
      `Dữ liệu không hợp lệ (query): ${field}: không nhận ra "${value}"${maybe.length ? ` — có phải ${maybe.join(', ')}?` : ''}`,
      `Invalid query: ${field}: unknown "${value}"${maybe.length ? ` — did you mean ${maybe.join(', ')}?` : ''}`,
    );
  };
  const industry = query.industry ? resolveIndustry(query.industry)?.id : undefined;
  if (query.industry && !industry) throw unknown('industry', query.industry);
  const province = query.province ? resolveProvince(query.province)?.name : undefined;
  if (query.province && !province) throw unknown('province', query.province);
  return { industry, province, district: query.district };
}

/**
 * Checks an area filter (the follow-up union: a district, an industrial zone, a federation) against the
 * areas the library knows: one that matches none answers 400 with the nearest, never the whole country.
 * @param known the areas named by the library's agreements
 * @throws ValidationError when no known area contains the folded input
 */
export function checkArea(
  field: 'district' | 'superiorUnion',
  value: string | undefined,
  known: readonly string[],
): void {
  if (!value?.trim()) return;
  const typed = foldText(value);
  if (known.some((area) => foldText(area).includes(typed))) return;
  const words = typed.split(' ').filter((w) => w.length >= 2);
  const maybe = known
    .map((area) => ({ area, shared: words.filter((w) => foldText(area).includes(w)).length }))
    .filter((a) => a.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.area.localeCompare(b.area, 'vi'))
    .slice(0, 3)
    .map((a) => a.area);
  throw new ValidationError(
    'invalid_input',
    `Dữ liệu không hợp lệ (query): ${field}: không nhận ra "${value}"${maybe.length ? ` — có phải ${maybe.join(', ')}?` : ''}`,
    `Invalid query: ${field}: unknown "${value}"${maybe.length ? ` — did you mean ${maybe.join(', ')}?` : ''}`,
  );
}

/** A query's parameters, each given once: a repeated parameter counts with its first value. */
export function firstValues(query: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
}

/**
 * Hono middleware checking the query string with a schema (`c.req.valid('query')` in the handler).
 * @throws ValidationError (400) naming each bad field
 */
export function validQuery<T extends z.ZodType>(schema: T) {
  return validator('query', (value) => validate(schema, firstValues(value), 'query'));
}

/**
 * A page of a library-wide list as asked (`limit`, `offset`), and what the answer says of it: nothing when no
 * page was asked (the whole list), else the offset and the limit.
 */
export function pageOf<T>(
  items: readonly T[],
  query: { limit?: number | undefined; offset?: number | undefined },
): { page: readonly T[]; paging: { offset?: number; limit?: number | null } } {
  if (query.limit === undefined && query.offset === undefined) return { page: items, paging: {} };
  const offset = query.offset ?? 0;
  return {
    page: items.slice(offset, offset + (query.limit ?? items.length)),
    paging: { offset, limit: query.limit ?? null },
  };
}
