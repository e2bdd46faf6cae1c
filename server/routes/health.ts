/**
 * /api/health: is the server up, which storage it uses, how much it holds.
 */

import { Hono } from 'hono';
import type { Library } from '../../library/index.ts';

export function healthRoutes({ library, writesEnabled }: { library: Library; writesEnabled: boolean }) {
  return new Hono().get('/', (c) =>
    c.json({ status: 'ok', backend: library.backend, writesEnabled, counts: library.counts() }),
  );
}
