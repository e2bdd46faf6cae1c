import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { tempLibrary } from '../helpers.ts';

const FORMATS = join(import.meta.dirname, '../../fixtures/formats');
const TOKEN = 'test-token';

let temp: ReturnType<typeof tempLibrary>;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  temp = tempLibrary();
  app = createApp({ library: temp.library, apiToken: TOKEN, today: () => '2026-11-23' });
});
afterEach(() => temp.cleanup());

const importPage = (...names: string[]) => {
  const body = new FormData();
  body.set('token', TOKEN);
  for (const name of names) body.append('files', new File([readFileSync(join(FORMATS, name))], name));
  return app.request('/import', { method: 'POST', body });
};

describe('the import page: a Word file, then its signed PDF', () => {
  it('gives one agreement with two sources, listed on its page', async () => {
    const first = await importPage('dien-tu-tan-phat-2025.docx');
    expect(first.status).toBe(200);
    const id = temp.library.list({}, { page: 1, pageSize: 10 }).items[0]!.id;
    const second = await importPage('dien-tu-tan-phat-2025.pdf');
    const html = await second.text();
    expect(html).toContain('class="outcome-same_agreement"');
    expect(html).toContain(`(${id}) — đã thêm tệp làm bản gốc khác`);
    expect(temp.library.list({}, { page: 1, pageSize: 10 }).total).toBe(1);
    const page = await (await app.request(`/agreements/${id}`)).text();
    expect(page).toContain('>dien-tu-tan-phat-2025.docx</a>');
    expect(page).toContain('>dien-tu-tan-phat-2025.pdf</a>');
  });

  it('does the same when both files come in one form', async () => {
    const html = await (await importPage('dien-tu-tan-phat-2025.docx', 'dien-tu-tan-phat-2025.pdf')).text();
    expect(html).toContain('class="outcome-imported"');
    expect(html).toContain('class="outcome-same_agreement"');
    expect(temp.library.list({}, { page: 1, pageSize: 10 }).total).toBe(1);
  });
});
