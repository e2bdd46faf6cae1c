/**
 * The cases of issue 21 that had no request-level test: each answered through app.request, never a 500.
 * Documents are generated here, never stored.
 */

import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { errorOf, tempLibrary } from '../helpers.ts';

const TOKEN = 'hostile-requests-test-token-0123456789abcdef';
const temp = tempLibrary();
const app = createApp({ library: temp.library, apiToken: TOKEN });
afterAll(() => temp.cleanup());

const TEXT = 'Điều 1. Nghỉ hằng năm\nNgười lao động được nghỉ hằng năm 14 ngày làm việc, hưởng nguyên lương.';

function check(filename: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set('file', new File([bytes], filename));
  return app.request('/api/check', { method: 'POST', body: form });
}

async function onePagePdf(line: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(line, { x: 48, y: 760, size: 10, font });
  return new Uint8Array(await doc.save({ useObjectStreams: false }));
}

describe('hostile requests answer a clear error, never a 500', { timeout: 120_000 }, () => {
  it('answers every PDF with two digits changed (to "-" and ".") without a 500, anonymously', async () => {
    const pdf = await onePagePdf('Dieu 1. Nguoi lao dong duoc nghi hang nam 14 ngay lam viec.');
    const digits = [...pdf.keys()].filter((i) => pdf[i]! >= 0x30 && pdf[i]! <= 0x39);
    const statuses = new Set<number>();
    for (let n = 0; n < 12; n++) {
      const bytes = pdf.slice();
      // Spread over the file: object numbers, lengths, the content stream, the cross-reference table.
      bytes[digits[Math.floor((n / 12) * digits.length)]!] = 0x2d;
      bytes[digits[Math.floor(((n + 0.5) / 12) * digits.length)]!] = 0x2e;
      const res = await check('hong.pdf', bytes);
      statuses.add(res.status);
      expect(res.status).toBeLessThan(500);
    }
    expect([...statuses].every((s) => s === 200 || s === 422)).toBe(true);
  });

  it('answers a PDF whose one row is 150,000 characters long without a 500', async () => {
    const row = 'Nguoi lao dong duoc huong phu cap 500.000 dong | '.repeat(3000).slice(0, 150_000);
    const res = await check('hang-dai.pdf', await onePagePdf(row));
    expect(res.status).toBeLessThan(500);
  });

  it('answers a 5 MB single word without a 500', async () => {
    const res = await check('mot-tu.txt', new TextEncoder().encode(`Điều 1. ${'a'.repeat(5 * 1024 * 1024)}`));
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    [
      'a form field',
      () => {
        const form = new FormData();
        form.set('file', new File([TEXT], 'ten-dac-biet.txt'));
        form.set('constructor', 'x');
        form.set('toString', 'y');
        return { body: form, headers: {} };
      },
    ],
    [
      'JSON metadata',
      () => ({
        body: JSON.stringify({
          filename: 'ten-dac-biet-2.txt',
          content: `${TEXT}\nSố 2.`,
          metadata: { valueOf: 'x', constructor: 'y' },
        }),
        headers: { 'Content-Type': 'application/json' },
      }),
    ],
    [
      'front matter',
      () => ({
        body: JSON.stringify({
          filename: 'ten-dac-biet-3.md',
          content: `---\nconstructor: x\ntoString: y\n---\n${TEXT}\nSố 3.`,
        }),
        headers: { 'Content-Type': 'application/json' },
      }),
    ],
  ])(
    'imports or refuses (400) metadata keys named like object built-ins in %s, never a 500',
    async (_, make) => {
      const { body, headers } = make();
      const res = await app.request('/api/agreements', {
        method: 'POST',
        body,
        headers: { Authorization: `Bearer ${TOKEN}`, ...headers },
      });
      expect([201, 400]).toContain(res.status);
      if (res.status === 400) expect((await errorOf(res)).code).toBe('invalid_metadata');
    },
  );
});
