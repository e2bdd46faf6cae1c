/**
 * Writes Word and PDF versions of sample agreements to fixtures/formats/, the
 * way real ones arrive: Word files with headings, automatic numbering (no
 * numbers in the text) and tables; PDFs typeset on A4 with wrapped lines, a
 * running header and page numbers. The import test checks that they read back
 * to the same clause trees as their Markdown originals.
 *
 * Run: npm run fixtures:formats
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
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
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

// Phân bón Đông Nam and Nhựa Thuận An open with their two-column header (issuing side | national motto) as a table.
const FORMAT_SAMPLES = [
  'det-may-phu-hung-2024',
  'dien-tu-tan-phat-2025',
  'phan-bon-dong-nam-2025',
  'nhua-thuan-an-2024',
];

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** A Markdown sample as the blocks a typist would make in Word. */
type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'item'; level: 0 | 1; number: string; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'paragraph'; text: string };

function blocksOf(markdown: string): Block[] {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const blocks: Block[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const heading = /^(#{1,3}) (.+)$/.exec(trimmed);
    const item = /^(\d+)\. (.+)$/.exec(trimmed);
    const point = /^([a-zđ])\) (.+)$/.exec(trimmed);
    const bullet = /^[-*] (.+)$/.exec(trimmed);
    const last = blocks.at(-1);
    if (heading) blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    else if (trimmed.startsWith('|')) {
      if (/^\|[\s|:-]+\|$/.test(trimmed)) continue; // the header separator
      const row = trimmed
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else if (item) blocks.push({ kind: 'item', level: 0, number: `${item[1]}.`, text: item[2]! });
    else if (point) blocks.push({ kind: 'item', level: 1, number: `${point[1]})`, text: point[2]! });
    else if (bullet) blocks.push({ kind: 'bullet', text: bullet[1]! });
    else blocks.push({ kind: 'paragraph', text: trimmed });
  }
  return blocks;
}

async function toDocx(blocks: Block[]): Promise<Uint8Array> {
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  let article = 0;
  const children = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        if (block.level === 3) article++;
        return new Paragraph({ text: block.text, heading: headings[block.level - 1] });
      case 'item':
        // Numbering restarts in every article: one numbering instance per article.
        return new Paragraph({
          text: block.text,
          numbering: { reference: 'clauses', level: block.level, instance: article },
        });
      case 'bullet':
        return new Paragraph({ text: block.text, bullet: { level: 0 } });
      case 'table':
        return new Table({
          rows: block.rows.map(
            (row) =>
              new TableRow({
                children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
              }),
          ),
        });
      default:
        // A paragraph; **bold** in the Markdown is bold in Word.
        return new Paragraph({
          children: block.text
            .split(/(\*\*[^*]+\*\*)/)
            .filter(Boolean)
            .map((part) =>
              part.startsWith('**')
                ? new TextRun({ text: part.slice(2, -2), bold: true })
                : new TextRun(part),
            ),
        });
    }
  });
  const doc = new Document({
    creator: 'Thư viện Thỏa ước — fixtures',
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
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;

async function toPdf(blocks: Block[], title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), {
    subset: true,
  });
  const bold = await doc.embedFont(
    readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    {
      subset: true,
    },
  );
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage | undefined;
  let y = 0;
  const line = (text: string, x: number, face: PDFFont = font) => {
    if (!page || y < MARGIN + LEADING) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN - 10;
    }
    page.drawText(text, { x, y, size: SIZE, font: face });
    y -= LEADING;
  };
  /** Hard-wraps text to the column, as a PDF made from Word does. */
  const wrapped = (text: string, indent: number, face: PDFFont = font) => {
    let current = '';
    for (const word of text.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (face.widthOfTextAtSize(next, SIZE) > width - indent && current) {
        line(current, MARGIN + indent, face);
        current = word;
      } else current = next;
    }
    if (current) line(current, MARGIN + indent, face);
    y -= 4;
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      y -= 6;
      wrapped(block.text, 0, bold);
    } else if (block.kind === 'item') wrapped(`${block.number} ${block.text}`, block.level * 18);
    else if (block.kind === 'bullet') wrapped(`- ${block.text}`, 18);
    else if (block.kind === 'paragraph') wrapped(block.text.replaceAll('**', ''), 0);
    else {
      // Columns as wide as their longest cell, 14 pt apart.
      const starts = [MARGIN];
      for (let i = 0; i < block.rows[0]!.length - 1; i++) {
        const widest = Math.max(...block.rows.map((row) => font.widthOfTextAtSize(row[i] ?? '', SIZE)));
        starts.push(starts[i]! + widest + 14);
      }
      for (const row of block.rows) {
        if (!page || y < MARGIN + LEADING) line('', MARGIN);
        for (const [i, cell] of row.entries()) page!.drawText(cell, { x: starts[i]!, y, size: SIZE, font });
        y -= LEADING;
      }
      y -= 4;
    }
  }
  const pages = doc.getPages();
  for (const [i, p] of pages.entries()) {
    p.drawText(title, { x: MARGIN, y: A4[1] - 30, size: 8, font });
    p.drawText(`Trang ${i + 1}/${pages.length}`, { x: A4[0] - MARGIN - 50, y: 28, size: 8, font });
  }
  return doc.save({ useObjectStreams: false });
}

for (const name of FORMAT_SAMPLES) {
  const markdown = readFileSync(join(root, 'fixtures/agreements', `${name}.md`), 'utf8');
  const blocks = blocksOf(markdown);
  const employer = blocks.find((b) => b.kind === 'paragraph')?.text ?? name;
  writeFileSync(join(root, 'fixtures/formats', `${name}.docx`), await toDocx(blocks));
  writeFileSync(
    join(root, 'fixtures/formats', `${name}.pdf`),
    await toPdf(blocks, `Thỏa ước lao động tập thể — ${employer}`),
  );
  console.log(`fixtures/formats/${name}.docx, .pdf`);
}

// Model agreements with blanks (fixtures/models/): the Word file a federation hands out, for the blanks tests.
const MODELS = ['mau-det-may'];
for (const name of MODELS) {
  const markdown = readFileSync(join(root, 'fixtures/models', `${name}.md`), 'utf8');
  writeFileSync(join(root, 'fixtures/models', `${name}.docx`), await toDocx(blocksOf(markdown)));
  console.log(`fixtures/models/${name}.docx`);
}
