/**
 * The importer: documents (Markdown, plain text, HTML pages, Word, PDF) →
 * agreements made of clause trees with metadata (each value with where it
 * came from), warnings and a report for people. Entry points:
 * {@link importFile} (any format, scans read by OCR), {@link importDocument} (text formats),
 * {@link importPhotos} (photos of one agreement), {@link renderPdfPagePng} (a page image for checking).
 */

export { docxToText, MAX_DOCX_PARAGRAPHS, MAX_DOCX_UNPACKED_BYTES } from './docx-reader.ts';
export {
  DEFAULT_MAX_BYTES,
  type DocumentLimits,
  type ImportOptions,
  importDocument,
  importFile,
  importPhotos,
  safeFilename,
} from './import-document.ts';
export type { MetaOverrides } from './metadata.ts';
export {
  DEFAULT_MAX_OCR_PAGES,
  type OcrOptions,
  type OcrProgress,
  ocrPages,
  photosToPdf,
  renderPdfPagePng,
  sniffImage,
} from './ocr/index.ts';
export { OVERRIDE_FIELDS, type OverrideProblem, parseOverrides } from './overrides.ts';
export {
  type LineConfidence,
  MAX_PDF_PAGES,
  type PdfReadOptions,
  type PdfText,
  pdfToText,
  type ScanReading,
} from './pdf-reader.ts';
