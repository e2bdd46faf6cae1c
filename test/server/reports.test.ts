import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { SAMPLE_DIR, tempLibrary } from '../helpers.ts';

let app: ReturnType<typeof createApp>;
let cleanup: () => void;
const SHOTS = join(import.meta.dirname, '..', 'screenshots');

beforeAll(async () => {
  const temp = tempLibrary();
  cleanup = temp.cleanup;
  await seedLibrary(temp.library, SAMPLE_DIR, { on: '2026-11-23' });
  app = createApp({ library: temp.library, today: () => '2026-11-23' });
});
afterAll(() => cleanup());

/** Every page's text, read back by pdfjs-dist. */
async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: pages.join('\n').normalize('NFC') };
}

/** Renders page 1 to PNG with pdftoppm (poppler-utils) so a person can look at it; skipped without it. */
function renderFirstPage(bytes: Uint8Array, name: string): string | undefined {
  if (!existsSync('/usr/bin/pdftoppm')) return undefined;
  mkdirSync(SHOTS, { recursive: true });
  const pdf = join(SHOTS, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('/usr/bin/pdftoppm', [
    '-r',
    '80',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(SHOTS, name),
  ]);
  return join(SHOTS, `${name}.png`);
}

async function pdf(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
}

describe('PDF reports', () => {
  it('reports an agreement with Vietnamese text that reads back intact, across several numbered pages', async () => {
    const bytes = await pdf('/api/agreements/det-may-phu-hung-2024/report.pdf');
    const { pages, text } = await textOf(bytes);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Báo cáo thỏa ước lao động tập thể');
    expect(text).toContain('Công ty TNHH May mặc Phú Hưng');
    expect(text).toContain('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(text).toContain('Thấp hơn luật');
    expect(text).toContain('Điều 113 khoản 1 điểm a BLLĐ 2019');
    expect(text).toContain(`Trang 1/${pages}`);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    const png = renderFirstPage(bytes, 'report-agreement');
    if (png) expect(existsSync(png)).toBe(true);
  });

  it('prints decomposed Vietnamese as composed characters', async () => {
    const decomposed = 'Điều 1. Nghỉ hằng năm\nNgười lao động được nghỉ hằng năm 14 ngày làm việc.'.normalize(
      'NFD',
    );
    const bytes = await pdf('/api/check/report.pdf', {
      method: 'POST',
      body: decomposed,
      headers: { 'Content-Type': 'text/plain' },
    });
    const { text } = await textOf(bytes);
    expect(text).toContain('Kiểm tra dự thảo trước khi ký');
    expect(text).toContain('Có lợi hơn');
    expect(text).not.toMatch(/[\u0300-\u036f]/);
  });

  it('reports the urgent expiry list of a district', async () => {
    const bytes = await pdf(`/api/expiry.pdf?district=${encodeURIComponent('Hoàng Mai')}`);
    const { text } = await textOf(bytes);
    expect(text).toContain('Công ty Cổ phần Xe buýt Thủ Đô');
    expect(text).toContain('Đôn đốc thương lượng ký mới');
    renderFirstPage(bytes, 'report-expiry');
  });

  it('answers 404 in JSON for an unknown agreement', async () => {
    const res = await app.request('/api/agreements/khong-co/report.pdf');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('agreement_not_found');
  });
});
