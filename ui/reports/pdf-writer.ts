/**
 * A small A4 writer over pdf-lib: a subset-embedded Unicode font, a header
 * with the document's name, page numbers, wrapped paragraphs, and tables
 * whose rows break across pages (a row taller than a page is split). Every
 * string is normalised to NFC first: pdf-lib does not position combining
 * marks, so decomposed Vietnamese would print with its accents misplaced.
 */

import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export type Colour = 'ink' | 'muted' | 'green' | 'red' | 'amber' | 'blue';

const COLOURS: Record<Colour, ReturnType<typeof rgb>> = {
  ink: rgb(0.1, 0.12, 0.14),
  muted: rgb(0.36, 0.39, 0.44),
  green: rgb(0.12, 0.48, 0.23),
  red: rgb(0.7, 0.15, 0.12),
  amber: rgb(0.54, 0.35, 0),
  blue: rgb(0.04, 0.36, 0.67),
};

export interface Cell {
  text: string;
  bold?: boolean;
  colour?: Colour;
}

export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 56, side: 48 };
const nfc = (text: string) => text.normalize('NFC');

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  private constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly header: string,
    private readonly pageLabel: (page: number, total: number) => string,
  ) {
    this.newPage();
  }

  /**
   * @param header the document's name, printed at the top of every page
   * @param pageLabel e.g. `(p, n) => \`Trang ${p}/${n}\``
   */
  static async create(
    fonts: ReportFonts,
    title: string,
    header: string,
    pageLabel: (page: number, total: number) => string,
  ): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(nfc(title));
    doc.setProducer('Thư viện Thỏa ước');
    doc.setCreator('Thư viện Thỏa ước');
    const font = await doc.embedFont(fonts.regular, { subset: true });
    const bold = await doc.embedFont(fonts.bold, { subset: true });
    return new PdfWriter(doc, font, bold, nfc(header), pageLabel);
  }

  private get textWidth(): number {
    return A4.width - 2 * MARGIN.side;
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    const size = 8;
    const header = this.fit(this.header, this.font, size, this.textWidth);
    this.page.drawText(header, {
      x: MARGIN.side,
      y: A4.height - 32,
      size,
      font: this.font,
      color: COLOURS.muted,
    });
    this.page.drawLine({
      start: { x: MARGIN.side, y: A4.height - 38 },
      end: { x: A4.width - MARGIN.side, y: A4.height - 38 },
      thickness: 0.5,
      color: COLOURS.muted,
    });
    this.y = A4.height - MARGIN.top;
  }

  /** Cuts a line to a width with an ellipsis (for the running header). */
  private fit(text: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  /** Splits text into lines no wider than `width`, breaking long words when it must. */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const font = bold ? this.bold : this.font;
    const lines: string[] = [];
    for (const paragraph of nfc(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  heading(text: string, size = 14): void {
    const lines = this.wrap(text, this.textWidth, size, true);
    this.ensure(lines.length * size * 1.3 + 6);
    this.y -= 4;
    for (const line of lines) {
      this.page.drawText(line, {
        x: MARGIN.side,
        y: this.y - size,
        size,
        font: this.bold,
        color: COLOURS.ink,
      });
      this.y -= size * 1.3;
    }
    this.y -= 4;
  }

  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; colour?: Colour; indent?: number } = {},
  ): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const font = options.bold ? this.bold : this.font;
    for (const line of this.wrap(text, this.textWidth - indent, size, options.bold)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, {
        x: MARGIN.side + indent,
        y: this.y - size,
        size,
        font,
        color: COLOURS[options.colour ?? 'ink'],
      });
      this.y -= size * 1.4;
    }
    this.y -= 3;
  }

  /** Label–value pairs, two columns. */
  facts(pairs: Array<[string, string]>): void {
    const size = 9.5;
    const labelWidth = this.textWidth * 0.32;
    for (const [label, value] of pairs) {
      const lines = this.wrap(value, this.textWidth - labelWidth, size);
      this.ensure(lines.length * size * 1.4);
      this.page.drawText(nfc(label), {
        x: MARGIN.side,
        y: this.y - size,
        size,
        font: this.bold,
        color: COLOURS.muted,
      });
      for (const line of lines) {
        this.page.drawText(line, {
          x: MARGIN.side + labelWidth,
          y: this.y - size,
          size,
          font: this.font,
          color: COLOURS.ink,
        });
        this.y -= size * 1.4;
      }
    }
    this.y -= 4;
  }

  /**
   * A table whose rows break across pages; the header row is repeated on each page, and a row
   * taller than a page continues on the next one.
   */
  table(columns: Column[], rows: Cell[][], size = 8.5): void {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.textWidth);
    const padding = 3;
    const lineHeight = size * 1.35;
    const drawHeader = () => {
      const lines = columns.map((c, i) => this.wrap(c.title, widths[i]! - 2 * padding, size, true));
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * padding;
      // Room for the header and the first lines of a row, so a header never ends a page alone.
      this.ensure(height + lineHeight * 3 + 2 * padding);
      this.page.drawRectangle({
        x: MARGIN.side,
        y: this.y - height,
        width: this.textWidth,
        height,
        color: rgb(0.94, 0.95, 0.96),
      });
      let x = MARGIN.side;
      lines.forEach((cellLines, i) => {
        cellLines.forEach((line, k) => {
          this.page.drawText(line, {
            x: x + padding,
            y: this.y - padding - size - k * lineHeight,
            size,
            font: this.bold,
            color: COLOURS.ink,
          });
        });
        x += widths[i]!;
      });
      this.y -= height;
    };
    drawHeader();
    for (const row of rows) {
      let lines = row.map((cell, i) => this.wrap(cell.text, widths[i]! - 2 * padding, size, cell.bold));
      while (lines.some((l) => l.length > 0)) {
        const room = Math.floor((this.y - MARGIN.bottom - 2 * padding) / lineHeight);
        const need = Math.max(...lines.map((l) => l.length));
        if (room < Math.min(need, 3)) {
          this.newPage();
          drawHeader();
          continue;
        }
        const take = Math.min(need, room);
        let x = MARGIN.side;
        lines.forEach((cellLines, i) => {
          const cell = row[i]!;
          cellLines.slice(0, take).forEach((line, k) => {
            this.page.drawText(line, {
              x: x + padding,
              y: this.y - padding - size - k * lineHeight,
              size,
              font: cell.bold ? this.bold : this.font,
              color: COLOURS[cell.colour ?? 'ink'],
            });
          });
          x += widths[i]!;
        });
        this.y -= take * lineHeight + 2 * padding;
        this.page.drawLine({
          start: { x: MARGIN.side, y: this.y },
          end: { x: MARGIN.side + this.textWidth, y: this.y },
          thickness: 0.4,
          color: rgb(0.82, 0.84, 0.87),
        });
        lines = lines.map((l) => l.slice(take));
      }
    }
    this.y -= 6;
  }

  /** Numbers the pages and returns the document's bytes. */
  async finish(): Promise<Uint8Array> {
    const size = 8;
    this.pages.forEach((page, i) => {
      const label = nfc(this.pageLabel(i + 1, this.pages.length));
      const width = this.font.widthOfTextAtSize(label, size);
      page.drawText(label, {
        x: A4.width - MARGIN.side - width,
        y: 30,
        size,
        font: this.font,
        color: COLOURS.muted,
      });
    });
    return this.doc.save();
  }
}
