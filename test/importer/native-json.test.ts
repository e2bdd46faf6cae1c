import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

// In a child process: this one may have loaded pdfjs-dist before the test began.
const SCRIPT = `
const before = JSON.stringify;
const { PDFDocument, StandardFonts } = await import('pdf-lib');
const { importFile } = await import('./importer/index.ts');
const pdf = await PDFDocument.create();
const font = await pdf.embedFont(StandardFonts.Helvetica);
pdf.addPage([300, 300]).drawText('Dieu 1. Thoi gio lam viec 8 gio', { x: 20, y: 250, size: 10, font });
const draft = await importFile(await pdf.save(), { filename: 'mot-trang.pdf' });
console.log(JSON.stringify({ native: JSON.stringify === before, articles: draft.stats.articles }));
`;

describe('JSON.stringify after reading a PDF', () => {
  it('is still the engine’s own, not the character-by-character polyfill pdfjs-dist bundles', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toEqual({ native: true, articles: 1 });
  }, 90_000);
});
