/**
 * PDF front end: pdfjs-dist gives text with positions; lines are rebuilt
 * from them, repeated headers and footers and page numbers dropped,
 * hard-wrapped lines joined, wide gaps read as table columns, and the page
 * of every line kept so clauses can point at their page. A PDF with no text
 * layer (a scan) is reported as such, not imported as empty.
 */

import { ImportError } from '../clauses/errors.ts';
import { type OcrOptions, type OcrPage, ocrPages } from './ocr/ocr-pages.ts';
import { isMarkLine, lineText, splitDottedCells, withoutMarks } from './ocr/ocr-text.ts';
import { type PrepareOptions, pageImageDpi, preparePage, renderPage } from './ocr/render.ts';
import { getDocument } from './pdfjs.ts';

interface Line {
  text: string;
  /** Baseline height from the bottom of the page, in points. */
  y: number;
  size: number;
  page: number;
  pageHeight: number;
  /** Where the line's last piece ends, in points from the left edge. */
  right: number;
  /** For a line read by OCR: its confidence, and that of its numbers (0–100). */
  ocr?: LineConfidence;
}

/** How sure OCR was of a line: mean word confidence, and the lowest of its words with digits. */
export interface LineConfidence {
  confidence: number;
  numberConfidence?: number;
}

/** What OCR did for a PDF or a set of photos. */
export interface ScanReading {
  /** Pages read by OCR (1-based); the others had a text layer. */
  pages: number[];
  /** Mean word confidence of each OCR'd page, 0–100, in the order of `pages`. */
  confidence: number[];
  /** Angle each OCR'd page was turned back by, in degrees. */
  skew: number[];
  seconds: number;
}

export interface PdfText {
  text: string;
  /** Page of each line of `text` (index 0 is line 1). */
  pages: number[];
  pageCount: number;
  /** For a scan: the OCR confidence of each line of `text` (undefined for typed lines). */
  confidence?: Array<LineConfidence | undefined>;
  scan?: ScanReading;
}

export interface PdfReadOptions {
  /** OCR pages without a text layer (the default), with these options; `false` refuses a scan instead. */
  ocr?: (OcrOptions & { dpi?: number; clean?: boolean; read?: OcrReader }) | false;
  /** Most pages read ({@link MAX_PDF_PAGES} by default); a longer PDF is refused before any page is read. */
  maxPages?: number;
}

/** What reads page images: {@link ocrPages} unless a caller (the bench's cache) hands its own. */
export type OcrReader = typeof ocrPages;

/** A page with fewer characters than this in its text layer is read as an image. */
const MIN_PAGE_TEXT = 20;

const STRUCTURE =
  /^(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC|Điều|ĐIỀU|\d{1,2}(?:\.\d{1,2})+\.?\s|\d{1,3}[.)]\s|[a-zđ]\)|[-+•*]\s)/u;
/** Headings stand on their own line: the next line is never joined to them. */
const HEADING = /^(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC|Điều|ĐIỀU)\s/u;
const PAGE_NUMBER = /^(?:trang|page)?\s*\d+\s*(?:(?:\/|trên|of)\s*\d+)?$/iu;

/** Most pages read from a PDF unless told otherwise: a long agreement has a few hundred. */
export const MAX_PDF_PAGES = 2000;

/**
 * Reads the text of a PDF.
 * @param maxPages more pages than this are refused before any page is read
 * @throws ImportError for an encrypted, corrupt, too long or text-less (scanned) PDF
 */
export async function pdfToText(
  bytes: Uint8Array,
  filename: string,
  options: PdfReadOptions = {},
): Promise<PdfText> {
  let pdf: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes), // a copy, and never a Buffer: pdfjs refuses Buffers and detaches what it is given
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new ImportError(
        'pdf_encrypted',
        `Tệp "${filename}" được đặt mật khẩu: hãy gửi bản không khóa.`,
        `"${filename}" is password-protected: send an unlocked copy.`,
      );
    }
    throw new ImportError(
      'pdf_corrupt',
      `Tệp "${filename}" không phải PDF đọc được (${(error as Error).message}).`,
      `"${filename}" is not a readable PDF (${(error as Error).message}).`,
    );
  }
  const byPage: Line[][] = [];
  const pageCount = pdf.numPages;
  const scanned: number[] = [];
  let scan: ScanReading | undefined;
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  if (pageCount > maxPages) {
    await pdf.destroy().catch(() => undefined);
    throw new ImportError(
      'pdf_too_many_pages',
      `Tệp "${filename}" có ${pageCount} trang, vượt giới hạn ${maxPages} trang.`,
      `"${filename}" has ${pageCount} pages, above the limit of ${maxPages}.`,
    );
  }
  try {
    try {
      for (let n = 1; n <= pageCount; n++) {
        const page = await pdf.getPage(n);
        const height = page.getViewport({ scale: 1 }).height;
        const content = await page.getTextContent();
        const lines = pageLines(content.items, n, height);
        byPage.push(lines);
        // A mixed PDF: a typed page is read from its text layer, a scanned one by OCR.
        if (lines.reduce((sum, l) => sum + l.text.trim().length, 0) < MIN_PAGE_TEXT) scanned.push(n);
        page.cleanup(); // keep memory bounded on long documents
      }
    } catch (error) {
      // A damaged page tree or cross-reference table shows only when its page is read.
      throw new ImportError(
        'pdf_corrupt',
        `Tệp "${filename}" bị hỏng, không đọc được đến hết (${(error as Error).message}).`,
        `"${filename}" is damaged and cannot be read to the end (${(error as Error).message}).`,
      );
    }
    const ocr = options.ocr;
    if (ocr !== false && scanned.length > 0) {
      const skew = new Map<number, number>();
      const started = Date.now();
      const read = await (ocr?.read ?? ocrPages)(
        scanned.map((n) => ({
          page: n,
          image: async () => {
            const prepared = await preparePage(...(await scanToRead(pdf, n, ocr || {})));
            skew.set(n, prepared.skew);
            return prepared;
          },
        })),
        ocr ?? {},
      );
      for (const page of read) byPage[page.page - 1] = ocrLines(page);
      scan = {
        pages: read.map((p) => p.page),
        confidence: read.map((p) => p.confidence),
        skew: read.map((p) => skew.get(p.page) ?? 0),
        seconds: (Date.now() - started) / 1000,
      };
    }
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
  const lines = byPage.flat();
  if (lines.reduce((sum, l) => sum + l.text.length, 0) < MIN_PAGE_TEXT) {
    if (scan)
      throw new ImportError(
        'pdf_no_text',
        `Tệp "${filename}" (${pageCount} trang) không có lớp chữ và nhận dạng ký tự (OCR) không đọc được chữ nào: bản quét có thể quá mờ.`,
        `"${filename}" (${pageCount} pages) has no text layer and OCR read no text from it: the scan may be too faint.`,
      );
    throw new ImportError(
      'pdf_no_text',
      `Tệp "${filename}" (${pageCount} trang) không có lớp chữ — có lẽ là bản quét; cần nhận dạng ký tự (OCR) trước khi nhập.`,
      `"${filename}" (${pageCount} pages) has no text layer — probably a scan; it needs OCR before it can be imported.`,
    );
  }
  const text = joinLines(dropRunningLines(lines), pageCount);
  if (scan) text.scan = scan;
  return text;
}

/** A scan below this resolution is enlarged before OCR (its diacritics are only a few pixels high). */
const LOW_DPI = 220;

/**
 * How a scanned page is drawn for OCR: at 300 dpi (or the dpi asked); a page whose image was scanned at low
 * resolution (150 dpi) is drawn at its own resolution and enlarged with smoothing to about 300, kept grey —
 * the two-tone threshold would eat the diacritics of its small, blurred glyphs.
 */
async function scanToRead(
  pdf: Awaited<ReturnType<typeof getDocument>['promise']>,
  n: number,
  ocr: NonNullable<Exclude<PdfReadOptions['ocr'], false>>,
): Promise<[Awaited<ReturnType<typeof renderPage>>, PrepareOptions]> {
  const native = ocr.dpi === undefined && ocr.clean !== false ? await pageImageDpi(pdf, n) : undefined;
  if (native !== undefined && native >= 72 && native < LOW_DPI) {
    const upscale = Math.min(4, Math.max(2, Math.round(300 / native)));
    return [await renderPage(pdf, n, native), { ...ocr, upscale, twoTone: false }];
  }
  return [await renderPage(pdf, n, ocr.dpi ?? 300), ocr];
}

/**
 * The lines OCR read on a page, as the PDF reader's lines: pixels measured from the bottom like points,
 * stamp and signature marks left out.
 */
function ocrLines(page: OcrPage): Line[] {
  const out: Line[] = [];
  for (const line of page.lines) {
    if (isMarkLine(line.words)) continue;
    const kept = withoutMarks(line);
    const read = lineText(kept);
    if (!read.text) continue;
    // OCR sometimes runs a heading into the end of the line beside it (a slanted page): a heading after a
    // column gap starts a line of its own.
    const split = /^(.+?) \| ((?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC) \S.*)$/u.exec(read.text);
    if (split) {
      const size = Math.max(1, (kept.bbox.y1 - kept.bbox.y0) * 0.75);
      for (const [k, part] of [split[1]!, split[2]!].entries())
        out.push({
          text: part.normalize('NFC'),
          y: page.height - kept.bbox.y1 - k * size * 1.5,
          size,
          page: page.page,
          pageHeight: page.height,
          right: kept.bbox.x1,
          ocr: {
            confidence: read.confidence,
            ...(read.numberConfidence !== undefined ? { numberConfidence: read.numberConfidence } : {}),
          },
        });
      continue;
    }
    // Tesseract's box holds the diacritics above and the descenders below: the font size is about 3/4 of it.
    const size = Math.max(1, (kept.bbox.y1 - kept.bbox.y0) * 0.75);
    const ocr: LineConfidence = { confidence: read.confidence };
    if (read.numberConfidence !== undefined) ocr.numberConfidence = read.numberConfidence;
    out.push({
      text: read.text.normalize('NFC'),
      y: page.height - kept.bbox.y1,
      size,
      page: page.page,
      pageHeight: page.height,
      right: kept.bbox.x1,
      ocr,
    });
  }
  const cells = splitDottedCells(out.map((l) => l.text));
  for (const [i, line] of out.entries()) line.text = cells[i]!;
  return out;
}

/** Joins the lines of photos or image pages read by OCR into the reader's text, as for a PDF. */
export function ocrPagesToText(pages: readonly OcrPage[]): PdfText {
  return joinLines(dropRunningLines(pages.flatMap(ocrLines)), pages.length);
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Groups a page's text items into lines by their baseline, left to right; wide gaps become table columns. */
function pageLines(items: ReadonlyArray<unknown>, page: number, pageHeight: number): Line[] {
  const pieces = items
    .filter((i): i is Item => typeof (i as Item).str === 'string' && (i as Item).str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: i.transform[4] ?? 0,
      y: i.transform[5] ?? 0,
      width: i.width,
      size: Math.abs(i.transform[3] ?? i.height) || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<typeof pieces> = [];
  for (const piece of pieces) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - piece.y) < piece.size * 0.5) row.push(piece);
    else rows.push([piece]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  // Where cells start: after a wide gap, and where the cells of a neighbouring table row start, so that a
  // long cell or a header with narrow gaps still splits into the table's columns. Columns spread along the
  // rows of a table, down then up, to every row with a piece that starts at one of them.
  const near = (x: number, columns: number[]) => columns.some((c) => Math.abs(c - x) < 2);
  const columns = rows.map((row) => {
    const wide = row.filter((p, i) => i === 0 || p.x - (row[i - 1]!.x + row[i - 1]!.width) > p.size * 3);
    return wide.length > 1 ? wide.map((p) => p.x) : [];
  });
  const spread = (r: number, from: number) => {
    const theirs = columns[from];
    if (theirs?.length && rows[r]!.some((p, i) => i > 0 && near(p.x, theirs)))
      columns[r] = [...columns[r]!, ...theirs.filter((x) => !near(x, columns[r]!))];
  };
  for (let r = 1; r < rows.length; r++) spread(r, r - 1);
  for (let r = rows.length - 2; r >= 0; r--) spread(r, r + 1);
  return rows.map((row, r) => {
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const [i, piece] of row.entries()) {
      const gap = piece.x - end;
      const newCell = i > 0 && (gap > piece.size * 3 || (gap > 0 && near(piece.x, columns[r]!)));
      if (text)
        text += newCell
          ? ' | '
          : gap > piece.size * 0.15 && !text.endsWith(' ') && !piece.str.startsWith(' ')
            ? ' '
            : '';
      text += piece.str;
      end = piece.x + piece.width;
    }
    const size = Math.max(...row.map((p) => p.size));
    return {
      text: text.normalize('NFC').replace(/\s+/g, ' ').trim(),
      y: row[0]!.y,
      size,
      page,
      pageHeight,
      right: end,
    };
  });
}

/** Drops page numbers and the header and footer lines that repeat on many pages. */
function dropRunningLines(lines: Line[]): Line[] {
  const pages = new Set(lines.map((l) => l.page)).size;
  // Running headers and footers sit in the outer 6 % of the page, above and below the body's margins.
  const zone = (l: Line) => l.y > l.pageHeight * 0.94 || l.y < l.pageHeight * 0.06;
  const shape = (text: string) => text.replace(/\d+/g, '#');
  const seen = new Map<string, Set<number>>();
  for (const line of lines.filter(zone)) {
    const key = shape(line.text);
    seen.set(key, (seen.get(key) ?? new Set()).add(line.page));
  }
  const repeated = new Set(
    [...seen].filter(([, on]) => pages > 1 && on.size >= Math.max(2, pages / 2)).map(([key]) => key),
  );
  return lines.filter((l) => !(zone(l) && (repeated.has(shape(l.text)) || PAGE_NUMBER.test(l.text))));
}

/**
 * Joins hard-wrapped lines into paragraphs. A line continues the one before
 * when that one reached the right margin (it was wrapped) or when it starts
 * in lower case; numbered and bulleted lines, short lines, big gaps and
 * table rows start anew. A wrapped line may begin with `Điều 112 …` (a citation, not a heading):
 * it continues a full line that did not end a sentence.
 */
function joinLines(lines: Line[], pageCount: number): PdfText {
  const margin = new Map<number, number>();
  for (const line of lines) margin.set(line.page, Math.max(margin.get(line.page) ?? 0, line.right));
  const out: string[] = [];
  const pages: number[] = [];
  const confidence: Array<LineConfidence | undefined> = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const gap = previous && previous.page === line.page ? previous.y - line.y : Number.POSITIVE_INFINITY;
    const last = out.at(-1);
    const full =
      previous !== undefined && previous.right >= (margin.get(previous.page) ?? 0) - previous.size * 2;
    const continues =
      previous !== undefined &&
      last !== undefined &&
      !HEADING.test(last) &&
      !line.text.includes(' | ') &&
      !last.includes(' | ') &&
      !/[.:;!?]$/.test(last) &&
      (HEADING.test(line.text)
        ? full
        : !STRUCTURE.test(line.text) && (full || /^[\p{Ll}\d(]/u.test(line.text))) &&
      (gap <= line.size * 1.8 || previous.page !== line.page);
    if (continues) {
      out[out.length - 1] = `${last} ${line.text}`;
      confidence[confidence.length - 1] = lowest(confidence.at(-1), line.ocr);
    } else {
      if (previous && gap > line.size * 2.2 && gap !== Number.POSITIVE_INFINITY) {
        out.push('');
        pages.push(line.page);
        confidence.push(undefined);
      }
      out.push(line.text);
      pages.push(line.page);
      confidence.push(line.ocr);
    }
    previous = line;
  }
  const text: PdfText = { text: out.join('\n'), pages, pageCount };
  if (confidence.some((c) => c !== undefined)) text.confidence = confidence;
  return text;
}

/** The confidence of a paragraph joined from two lines: the mean of the lower, the lowest number. */
function lowest(a: LineConfidence | undefined, b: LineConfidence | undefined): LineConfidence | undefined {
  if (!a || !b) return a ?? b;
  const joined: LineConfidence = { confidence: Math.min(a.confidence, b.confidence) };
  const numbers = [a.numberConfidence, b.numberConfidence].filter((n) => n !== undefined);
  if (numbers.length) joined.numberConfidence = Math.min(...numbers);
  return joined;
}
