/**
 * /api/health: is the server up, which storage and search index it uses, how much it holds
 * and how many comparisons with the law it remembers.
 */

import { Hono } from 'hono';
import type { Service } from '../../service/index.ts';

export function healthRoutes({ service, writesEnabled }: { service: Service; writesEnabled: boolean }) {
  return new Hono().get('/', async (c) => {
    const { backend, counts, search, comparisons } = await service.health();
    return c.json({ status: 'ok', backend, writesEnabled, counts, search, comparisons });
  });
}
