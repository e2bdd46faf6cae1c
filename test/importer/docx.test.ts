import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compareWithFloors } from '../../clauses/index.ts';
import { importDocument, importFile, MAX_DOCX_UNPACKED_BYTES } from '../../importer/index.ts';
import { readSample } from '../helpers.ts';

/**
 * DOCX written with the `docx` package the way agreements are typed in Word:
 * headings for chapters and articles, clauses and points with Word's
 * automatic numbering (no numbers in the text), a leave table.
 */
async function wordAgreement(): Promise<Uint8Array> {
  const numbered = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: 'clauses', level } });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading: level });
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'CÔNG TY TNHH MAY MẶC PHÚ HƯNG', bold: true })] }),
          new Paragraph('Thuận An, ngày 15 tháng 01 năm 2024'),
          heading('THỎA ƯỚC LAO ĐỘNG TẬP THỂ', HeadingLevel.HEADING_1),
          heading('Chương I. NHỮNG QUY ĐỊNH CHUNG', HeadingLevel.HEADING_2),
          heading('Điều 1. Thời hạn', HeadingLevel.HEADING_3),
          new Paragraph('Thỏa ước có thời hạn 03 (ba) năm, có hiệu lực kể từ ngày 01 tháng 02 năm 2024.'),
          heading('Chương II. THỜI GIỜ LÀM VIỆC', HeadingLevel.HEADING_2),
          heading('Điều 2. Làm thêm giờ', HeadingLevel.HEADING_3),
          numbered('Số giờ làm thêm không quá 40 giờ/tháng và không quá 300 giờ/năm.', 0),
          numbered('Tiền lương làm thêm giờ được trả như sau:', 0),
          numbered('Vào ngày thường, ít nhất bằng 200%;', 1),
          numbered('Vào ngày nghỉ hằng tuần, ít nhất bằng 180%;', 1),
          heading('Điều 3. Nghỉ việc riêng', HeadingLevel.HEADING_3),
          new Table({
            rows: [
              new TableRow({
                children: [cell('Trường hợp'), cell('Theo Bộ luật Lao động'), cell('Theo Thỏa ước')],
              }),
              new TableRow({ children: [cell('Bản thân kết hôn'), cell('03 ngày'), cell('05 ngày')] }),
              new TableRow({ children: [cell('Con kết hôn'), cell('01 ngày'), cell('02 ngày')] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX import', () => {
  it('reads headings, Word auto-numbering and tables into the same tree as text', async () => {
    const draft = await importFile(await wordAgreement(), { filename: 'thoa-uoc.docx' });
    expect(draft.source).toMatchObject({ format: 'docx', filename: 'thoa-uoc.docx' });
    expect(draft.stats.articles).toBe(3);
    const ids: string[] = [];
    const walk = (nodes: typeof draft.tree) => {
      for (const n of nodes) {
        ids.push(n.id);
        walk(n.children);
      }
    };
    walk(draft.tree);
    expect(ids).toEqual(
      expect.arrayContaining([
        'dieu-2.khoan-1',
        'dieu-2.khoan-2',
        'dieu-2.khoan-2.diem-a',
        'dieu-2.khoan-2.diem-b',
        'dieu-3.bang-1',
      ]),
    );
    expect(draft.meta).toMatchObject({ signedOn: '2024-01-15', effectiveOn: '2024-02-01', termMonths: 36 });
    const comparison = compareWithFloors(draft, { on: '2026-11-23' });
    expect(comparison.rows.map((r) => [r.subject, r.verdict])).toEqual([
      ['ot_cap_month', 'equal'],
      ['ot_cap_year', 'equal'],
      ['ot_rate', 'above'],
      ['ot_rate', 'below'],
      ['leave_own_marriage', 'above'],
      ['leave_child_marriage', 'above'],
    ]);
  });

  it('reads the Markdown and text samples as before through the same entry', async () => {
    const bytes = readSample('det-may-phu-hung-2024.md');
    const viaFile = await importFile(bytes, { filename: 'det-may-phu-hung-2024.md' });
    expect(viaFile.tree).toEqual(importDocument(bytes, { filename: 'det-may-phu-hung-2024.md' }).tree);
  });

  it('refuses a ZIP of something else, and a .docx that is not one, with a clear message', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'not a word document');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    await expect(importFile(bytes, { filename: 'hop-dong.docx' })).rejects.toMatchObject({
      code: 'not_docx',
      message: expect.stringContaining('word/document.xml'),
    });
    await expect(
      importFile(new TextEncoder().encode('Điều 1. Văn bản'), { filename: 'gia.docx' }),
    ).rejects.toMatchObject({ code: 'not_docx' });
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', new Uint8Array(MAX_DOCX_UNPACKED_BYTES + 1));
    const bytes = new Uint8Array(
      await zip.generateAsync({
        type: 'uint8array',
        compression: 'DEFLATE',
        compressionOptions: { level: 1 },
      }),
    );
    expect(bytes.byteLength).toBeLessThan(1_000_000);
    await expect(importFile(bytes, { filename: 'bom.docx' })).rejects.toMatchObject({
      code: 'docx_too_large_unpacked',
    });
  });
});
