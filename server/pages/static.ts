/** /static: the stylesheet and the little upload script of the pages. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';

const STATIC_DIR = join(import.meta.dirname, '..', '..', 'ui', 'static');
const STATIC: Record<string, { body: string; type: string }> = {
  'style.css': { body: readFileSync(join(STATIC_DIR, 'style.css'), 'utf8'), type: 'text/css; charset=utf-8' },
  'app.js': {
    body: readFileSync(join(STATIC_DIR, 'app.js'), 'utf8'),
    type: 'text/javascript; charset=utf-8',
  },
};

export function staticRoutes() {
  return new Hono().get('/:file', (c) => {
    const file = STATIC[c.req.param('file')];
    if (!file) return c.text('Not found', 404);
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=300' });
  });
}
