/**
 * A JSON answer whose `items` are pieces already encoded (the service's whole lists): the bytes joined,
 * equal to `JSON.stringify({ ...before, items, ...after })`, without a 12 MB string stringified and
 * converted again.
 */

import type { Context } from 'hono';

/**
 * Answers `{ ...before, items: [pieces], ...after }` as JSON bytes.
 * @param before the keys before `items`, in order (at least one)
 * @param after the keys after `items`, in order
 */
export function jsonListResponse(
  c: Context,
  before: Record<string, unknown>,
  pieces: readonly Uint8Array[],
  after: Record<string, unknown> = {},
): Response {
  const head = JSON.stringify(before);
  const tail = JSON.stringify(after);
  const body = Buffer.concat([
    Buffer.from(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"items":[`),
    ...pieces,
    Buffer.from(`]${tail.length > 2 ? `,${tail.slice(1)}` : '}'}`),
  ]);
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}
