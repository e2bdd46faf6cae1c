// A small agreement of our own for the OCR tests: typeset big enough to read at a modest resolution.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { renderPdfPagePng } from '../../../importer/index.ts';

const require = createRequire(import.meta.url);
const FONT = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));

/** A two-page agreement: three articles, 14 days of annual leave (above the floor of 12). */
export async function typedAgreement(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  const pages = [
    [
      'THỎA ƯỚC LAO ĐỘNG TẬP THỂ',
      'Chương I. THỜI GIỜ LÀM VIỆC',
      'Điều 1. Thời giờ làm việc',
      'Người lao động làm việc 8 giờ một ngày.',
    ],
    [
      'Chương II. NGHỈ NGƠI',
      'Điều 2. Nghỉ hằng năm',
      'Người lao động được nghỉ hằng năm 14 ngày làm việc.',
      'Điều 3. Nghỉ việc riêng',
      'Người lao động kết hôn được nghỉ 4 ngày hưởng nguyên lương.',
    ],
  ];
  for (const lines of pages) {
    const page = doc.addPage([420, 300]);
    lines.forEach((line, k) => {
      page.drawText(line, { x: 24, y: 260 - k * 26, size: 13, font });
    });
  }
  return doc.save();
}

/** The pages of {@link typedAgreement} as photos (PNG, `dpi` dots an inch), in order. */
export async function agreementPhotos(dpi = 200): Promise<Uint8Array[]> {
  const typed = await typedAgreement();
  return [(await renderPdfPagePng(typed, 1, dpi))!, (await renderPdfPagePng(typed, 2, dpi))!];
}
