/**
 * From a file's bytes to an agreement: decode, pick the front end, build the
 * tree, read the metadata, apply overrides. Pure: the library stores the result.
 */

import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { ImportError, TooLargeError, UnsupportedFormatError } from '../clauses/errors.ts';
import { normalizeText } from '../clauses/text.ts';
import { countTree, walkTree } from '../clauses/tree.ts';
import type { AgreementDraft, ImportWarning, SourceFormat } from '../clauses/types.ts';
import type { Block, SourceLine } from './blocks.ts';
import { buildTree } from './build-tree.ts';
import { decodeDocument, sniffBinaryFormat } from './decode.ts';
import { docxToText } from './docx-reader.ts';
import { htmlPageToText, looksLikeHtml } from './html-reader.ts';
import { summarizeImport } from './import-report.ts';
import { convertLegacyEncoding } from './legacy-encoding.ts';
import { MAX_MARKDOWN_DEPTH, markdownNestingDepth, markdownToBlocks } from './markdown-reader.ts';
import { extractMetadata, type MetaOverrides } from './metadata.ts';
import type { OcrProgress } from './ocr/ocr-pages.ts';
import { photosToPdf, sniffImage } from './ocr/photos.ts';
import { parseOverrides } from './overrides.ts';
import { type PdfReadOptions, type PdfText, pdfToText } from './pdf-reader.ts';
import { scanReport } from './scan-report.ts';
import { textToBlocks } from './text-reader.ts';
import { capWarnings } from './warnings.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ImportOptions {
  /** The file name as the user gave it; only its base name is kept. */
  filename: string;
  /** Metadata that wins over what the text says (command-line flags, form fields). */
  overrides?: MetaOverrides;
  /** Largest accepted file, in bytes. */
  maxBytes?: number;
  /** For scans (a PDF without a text layer, photos): OCR options, or `false` to refuse them. */
  ocr?: PdfReadOptions['ocr'];
  /** Told as each scanned page is read: "đang nhận dạng trang 7/24". */
  onProgress?: (progress: OcrProgress) => void;
  /** Caps checked before a PDF or Word document is read in full. */
  limits?: DocumentLimits;
}

/** What a document may cost, checked before the expensive reading starts. */
export interface DocumentLimits {
  /** Most pages of a PDF (2,000 by default). */
  maxPdfPages?: number;
  /** Largest unpacked size of a Word document's parts, in bytes (100 MB by default). */
  maxDocxUnpackedBytes?: number;
  /** Most paragraphs in a Word document's body (50,000 by default). */
  maxDocxParagraphs?: number;
}

const MEDIA_TYPES: Record<SourceFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  image: 'image/png',
};

/**
 * Imports one document (Markdown, plain text or an HTML page).
 *
 * @throws TooLargeError, UnsupportedFormatError, ImportError — never for a document that merely lacks structure
 */
export function importDocument(bytes: Uint8Array, options: ImportOptions): AgreementDraft {
  const filename = safeFilename(options.filename);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw new TooLargeError(maxBytes, `Tệp "${filename}"`);
  const format = formatOf(filename, bytes);
  const decoded = decodeDocument(bytes, filename);
  const warnings = [...decoded.warnings];
  const text = format === 'html' ? htmlPageToText(decoded.text) : decoded.text;
  if (format === 'html' && !text.trim())
    throw new ImportError(
      'empty_document',
      `Tệp "${filename}" không có nội dung.`,
      `"${filename}" has no text.`,
    );
  const draft = fromText(readableText(text, warnings), format, bytes, filename, warnings, options);
  draft.warnings = capWarnings(draft.warnings);
  draft.report = summarizeImport(draft);
  return draft;
}

/**
 * Imports one document of any supported format: Markdown, plain text, HTML, DOCX
 * (read through mammoth) or PDF (read through pdfjs-dist, each clause with its page).
 *
 * @throws TooLargeError, UnsupportedFormatError, ImportError
 */
export async function importFile(bytes: Uint8Array, options: ImportOptions): Promise<AgreementDraft> {
  const filename = safeFilename(options.filename);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw new TooLargeError(maxBytes, `Tệp "${filename}"`);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  // The bytes decide: a ZIP is read as a Word document whatever its name, and a .docx that is not a ZIP is refused.
  if (sniffBinaryFormat(bytes) === 'DOCX/ZIP') {
    const { text, messages } = await docxToText(bytes, filename, options.limits);
    // Mammoth's messages ("Unrecognised paragraph style …") are for the technical details, not the warnings.
    const warnings: ImportWarning[] = [];
    if (!text.trim())
      throw new ImportError(
        'empty_document',
        `Tệp "${filename}" không có nội dung.`,
        `"${filename}" has no text.`,
      );
    const draft = fromText(readableText(text, warnings), 'docx', bytes, filename, warnings, options);
    draft.warnings = capWarnings(draft.warnings);
    draft.report = summarizeImport(
      draft,
      messages.map((m) => `Word: ${m}`),
    );
    return draft;
  }
  const image = sniffImage(bytes);
  if (sniffBinaryFormat(bytes) === 'PDF' || image) {
    // A photo is read as a one-page image PDF; its own bytes stay the source.
    const pdfBytes = image ? await photosToPdf([{ bytes, filename }]) : bytes;
    const ocr = options.ocr === false ? false : { ...options.ocr, onProgress: options.onProgress };
    const read = await pdfToText(pdfBytes, filename, {
      ocr,
      ...(options.limits?.maxPdfPages ? { maxPages: options.limits.maxPdfPages } : {}),
    });
    const draft = fromPdfText(read, image ? 'image' : 'pdf', bytes, filename, options);
    if (image) draft.source.mediaType = image === 'png' ? 'image/png' : 'image/jpeg';
    return draft;
  }
  if (ext === 'docx' || ext === 'pdf') {
    throw new UnsupportedFormatError(
      'not_docx',
      `Tệp "${filename}" có đuôi .${ext} nhưng nội dung không phải tệp ${ext === 'pdf' ? 'PDF' : 'Word'}.`,
      `"${filename}" ends in .${ext} but its content is not a ${ext === 'pdf' ? 'PDF' : 'Word'} file.`,
    );
  }
  return importDocument(bytes, options);
}

/** A PDF's text (typed, scanned or both) to a draft: each clause with its page, and its OCR confidence. */
export function fromPdfText(
  read: PdfText,
  format: SourceFormat,
  bytes: Uint8Array,
  filename: string,
  options: ImportOptions,
): AgreementDraft {
  const warnings: ImportWarning[] = [];
  const draft = fromText(readableText(read.text, warnings), format, bytes, filename, warnings, options);
  // Provenance: each clause keeps the page it was read from.
  walkTree(draft.tree, (node) => {
    const line = node.position?.start.line;
    const page = line === undefined ? undefined : read.pages[line - 1];
    if (node.position && page !== undefined) node.position.start.page = page;
    const ocr = line === undefined ? undefined : read.confidence?.[line - 1];
    if (ocr) node.ocr = { ...ocr };
  });
  for (const source of Object.values(draft.meta.provenance ?? {})) {
    const page =
      source.from === 'text' && source.line !== undefined ? read.pages[source.line - 1] : undefined;
    if (page !== undefined && source.from === 'text') source.page = page;
  }
  const scan = read.scan ? scanReport(read.scan, draft.tree, read.pageCount) : undefined;
  if (scan) warnings.push(...scan.warnings);
  draft.warnings = capWarnings(warnings);
  draft.report = summarizeImport(draft, [`PDF: ${read.pageCount} trang`, ...(scan ? scan.technical : [])]);
  if (scan) draft.report.summary.unshift(...scan.summary);
  return draft;
}

/**
 * Imports the photos of one agreement (PNG or JPEG, one a page, in order) as one scanned document:
 * they are put into one image-only PDF, which is what the library stores (and shows page by page).
 *
 * @returns the draft and the PDF bytes to store with it
 */
export async function importPhotos(
  photos: ReadonlyArray<{ bytes: Uint8Array; filename: string }>,
  options: ImportOptions,
): Promise<{ draft: AgreementDraft; bytes: Uint8Array }> {
  const bytes = await photosToPdf(photos);
  const filename = safeFilename(options.filename.replace(/\.(png|jpe?g)$/i, '.pdf'));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes * 4) throw new TooLargeError(maxBytes * 4, `Ảnh chụp "${filename}"`);
  return { draft: await importFile(bytes, { ...options, filename, maxBytes: maxBytes * 4 }), bytes };
}

const LEGACY_NAMES = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' } as const;

/** Text as the tree builder reads it: legacy Vietnamese encodings converted (with a warning), then normalised. */
function readableText(raw: string, warnings: ImportWarning[]): string {
  const { text, encoding } = convertLegacyEncoding(raw);
  if (encoding)
    warnings.push({
      code: 'legacy_encoding',
      message: `Văn bản gõ bằng bảng mã ${LEGACY_NAMES[encoding]} đã được chuyển sang Unicode; hãy đọc lại các chữ hoa có dấu.`,
      messageEn: `Text typed in the ${LEGACY_NAMES[encoding]} encoding was converted to Unicode; check capitals with diacritics.`,
    });
  return normalizeText(text);
}

function fromText(
  text: string,
  format: SourceFormat,
  bytes: Uint8Array,
  filename: string,
  warnings: ImportWarning[],
  options: ImportOptions,
): AgreementDraft {
  let blocks: Block[];
  let frontMatter: Record<string, unknown> = {};
  if (format === 'markdown') {
    const depth = markdownNestingDepth(text);
    if (depth > MAX_MARKDOWN_DEPTH) {
      warnings.push({
        code: 'markdown_too_deep',
        message: `Markdown lồng ${depth} cấp (giới hạn ${MAX_MARKDOWN_DEPTH}): đã đọc như văn bản thuần.`,
        messageEn: `Markdown nested ${depth} levels deep (limit ${MAX_MARKDOWN_DEPTH}): read as plain text.`,
      });
      blocks = textToBlocks(text);
    } else {
      const read = markdownToBlocks(text);
      blocks = read.blocks;
      if (read.frontMatter !== undefined) frontMatter = readFrontMatter(read.frontMatter, filename, warnings);
    }
  } else {
    blocks = textToBlocks(text);
  }

  const built = buildTree(blocks);
  warnings.push(...built.warnings);
  const body: SourceLine[] = [];
  walkTree(built.tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'table')
      body.push(
        ...node.rows.map((r, i) => ({
          text: r.join(' | '),
          line: line === undefined ? undefined : line + i,
        })),
      );
    else {
      if (node.heading) body.push({ text: node.heading, line });
      if (node.text) body.push({ text: node.text, line });
    }
  });

  const fromFile = parseOverrides(frontMatter);
  for (const problem of fromFile.problems) {
    warnings.push({
      code: 'metadata_invalid',
      message: `Front matter: trường "${problem.field}" không hợp lệ và bị bỏ qua (${problem.message}).`,
      messageEn: `Front matter: field "${problem.field}" is invalid and was ignored (${problem.message}).`,
    });
  }
  const { meta, warnings: metaWarnings } = extractMetadata(
    {
      preamble: built.preamble.map((text, i) => ({ text, line: built.preambleAt[i] })),
      closing: built.closing.map((text, i) => ({ text, line: built.closingAt[i] })),
      body,
    },
    fromFile.overrides,
    options.overrides ?? {},
  );
  warnings.push(...metaWarnings);

  return {
    meta,
    tree: built.tree,
    preamble: built.preamble,
    closing: built.closing,
    warnings,
    source: {
      filename,
      format,
      mediaType: MEDIA_TYPES[format],
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    stats: countTree(built.tree),
  };
}

/**
 * The base name of an uploaded file: no directories, no `..`, no control
 * characters, at most 200 characters.
 */
export function safeFilename(name: string): string {
  const base = normalizeText(name).split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-200);
  return cleaned || 'tai-lieu.txt';
}

function formatOf(filename: string, bytes: Uint8Array): SourceFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === undefined) {
    // A saved web page, whatever its name says.
    if (looksLikeHtml(new TextDecoder().decode(bytes.subarray(0, 1024)))) return 'html';
    // No extension: Markdown if it opens with front matter or uses ATX headings.
    if (ext === undefined) {
      const head = new TextDecoder().decode(bytes.subarray(0, 4096));
      if (/^---\r?\n/.test(head) || /^#{1,6} /m.test(head)) return 'markdown';
    }
    return 'text';
  }
  throw new UnsupportedFormatError(
    'unsupported_format',
    `Không đọc được tệp "${filename}": định dạng .${ext} chưa được hỗ trợ (hỗ trợ .md, .txt, .html, .docx, .pdf).`,
    `Cannot read "${filename}": .${ext} files are not supported (use .md, .txt, .html, .docx or .pdf).`,
  );
}

function readFrontMatter(yaml: string, filename: string, warnings: ImportWarning[]): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 10 });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    throw new ImportError(
      'invalid_front_matter',
      `Front matter YAML của "${filename}" không hợp lệ${line ? ` (dòng ${line.line + 1})` : ''}: ${(error as Error).message}`,
      `Invalid YAML front matter in "${filename}"${line ? ` (line ${line.line + 1})` : ''}: ${(error as Error).message}`,
      { file: filename, line: line ? line.line + 1 : undefined, column: line?.col },
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    warnings.push({
      code: 'metadata_invalid',
      message: 'Front matter không phải một bảng khóa–giá trị: bị bỏ qua.',
      messageEn: 'Front matter is not a key–value map: ignored.',
    });
    return {};
  }
  return data as Record<string, unknown>;
}
