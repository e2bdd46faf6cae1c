import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument as EncryptablePdf, StandardFonts } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { compareWithFloors, walkTree } from '../../clauses/index.ts';
import { importFile } from '../../importer/index.ts';

const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** A two-page agreement typeset with pdf-lib: running header and page numbers, a hard-wrapped clause, a table. */
async function pdfAgreement(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  const pages: string[][] = [
    [
      'THỎA ƯỚC LAO ĐỘNG TẬP THỂ',
      'Chương I. THỜI GIỜ LÀM VIỆC',
      'Điều 1. Làm thêm giờ',
      '1. Số giờ làm thêm không quá 40 giờ/tháng và không quá',
      '300 giờ/năm đối với sản xuất hàng may mặc xuất khẩu.',
      '2. Tiền lương làm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng 180%.',
    ],
    [
      'Điều 2. Nghỉ hằng năm',
      'Người lao động được nghỉ hằng năm 14 ngày làm việc.',
      'Điều 3. Nghỉ việc riêng',
    ],
  ];
  pages.forEach((lines, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText('Công ty TNHH May Thử Nghiệm — Thỏa ước 2026', { x: 48, y: 810, size: 8, font });
    lines.forEach((line, k) => {
      page.drawText(line, { x: 48, y: 760 - k * 16, size: 11, font });
    });
    if (i === 1) {
      const rows = [
        ['Trường hợp', 'Theo Bộ luật Lao động', 'Theo Thỏa ước'],
        ['Bản thân kết hôn', '03 ngày', '05 ngày'],
      ];
      for (const [r, cells] of rows.entries()) {
        for (const [c, cell] of cells.entries())
          page.drawText(cell, { x: 48 + c * 170, y: 680 - r * 16, size: 11, font });
      }
    }
    page.drawText(`Trang ${i + 1}/${pages.length}`, { x: 500, y: 30, size: 8, font });
  });
  return doc.save();
}

describe('PDF import', () => {
  it('rebuilds lines, joins hard wraps, drops running headers and page numbers, and keeps the page of each clause', async () => {
    const draft = await importFile(await pdfAgreement(), { filename: 'thoa-uoc.pdf' });
    expect(draft.source.format).toBe('pdf');
    expect(draft.stats.articles).toBe(3);
    const byId = new Map<string, { text: string; page?: number }>();
    walkTree(draft.tree, (node) => {
      byId.set(node.id, {
        text: node.type === 'table' ? node.rows.map((r) => r.join(' | ')).join('\n') : node.text,
        page: node.position?.start.page,
      });
    });
    expect(byId.get('dieu-1.khoan-1')?.text).toBe(
      'Số giờ làm thêm không quá 40 giờ/tháng và không quá 300 giờ/năm đối với sản xuất hàng may mặc xuất khẩu.',
    );
    expect(byId.get('dieu-1.khoan-1')?.page).toBe(1);
    expect(byId.get('dieu-2')?.page).toBe(2);
    expect(byId.get('dieu-3.bang-1')?.text).toBe(
      'Trường hợp | Theo Bộ luật Lao động | Theo Thỏa ước\nBản thân kết hôn | 03 ngày | 05 ngày',
    );
    const everything = [...byId.values()].map((n) => n.text).join('\n');
    expect(everything).not.toContain('Trang 1/2');
    expect(everything).not.toContain('Công ty TNHH May Thử Nghiệm —');
    const verdicts = compareWithFloors(draft, { on: '2026-11-23' }).rows.map((r) => [r.subject, r.verdict]);
    expect(verdicts).toEqual([
      ['ot_cap_month', 'equal'],
      ['ot_cap_year', 'equal'],
      ['ot_rate', 'below'],
      ['annual_leave', 'above'],
      ['leave_own_marriage', 'above'],
    ]);
  });

  it('says a PDF without text needs OCR instead of importing it empty', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawRectangle({ x: 50, y: 50, width: 300, height: 400 });
    await expect(importFile(await doc.save(), { filename: 'ban-quet.pdf' })).rejects.toMatchObject({
      code: 'pdf_no_text',
      message: expect.stringContaining('OCR'),
    });
    // OCR runs on the page first (a worker start and a page: 18 s at load average 10), so it gets time to.
  }, 60_000);

  it('refuses a corrupt PDF and a .pdf that is not one', async () => {
    await expect(
      importFile(new TextEncoder().encode('%PDF-1.4\nrác'), { filename: 'hong.pdf' }),
    ).rejects.toMatchObject({ code: 'pdf_corrupt' });
    await expect(
      importFile(new TextEncoder().encode('Điều 1. Văn bản'), { filename: 'gia.pdf' }),
    ).rejects.toMatchObject({ code: 'not_docx' });
  });

  it('refuses a PDF whose damage shows only when a page is read, with a reason, not an unknown error', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Dieu 1. Nghi hang nam 14 ngay lam viec.', { x: 48, y: 760, size: 11, font });
    // The page tree's only kid points at a number, not a page dictionary.
    doc.catalog.Pages().set(PDFName.of('Kids'), doc.context.obj([doc.context.register(doc.context.obj(7))]));
    await expect(importFile(await doc.save(), { filename: 'cay-trang-hong.pdf' })).rejects.toMatchObject({
      name: 'ImportError',
      code: 'pdf_corrupt',
      messageVi: expect.stringContaining('bị hỏng'),
    });
  });

  it('refuses a PDF locked with a password, and reads one that only restricts printing or copying', async () => {
    // @cantoo/pdf-lib is pdf-lib with the standard security handler (pdf-lib itself cannot encrypt).
    const encrypted = async (userPassword: string) => {
      const doc = await EncryptablePdf.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.addPage().drawText('Dieu 1. Nghi hang nam 14 ngay lam viec.', { x: 48, y: 760, size: 11, font });
      doc.encrypt({ userPassword, ownerPassword: 'chu-so-huu' });
      return doc.save();
    };
    await expect(importFile(await encrypted('mat-khau'), { filename: 'khoa.pdf' })).rejects.toMatchObject({
      code: 'pdf_encrypted',
      messageVi: expect.stringContaining('mật khẩu'),
      message: expect.stringContaining('password-protected'),
    });
    const restricted = await importFile(await encrypted(''), { filename: 'han-che.pdf' });
    expect(restricted.stats.articles).toBe(1);
  });
});
