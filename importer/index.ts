/**
 * The importer: documents (Markdown, plain text, HTML pages, Word, PDF) →
 * agreements made of clause trees with metadata (each value with where it
 * came from), warnings and a report for people. Entry points:
 * {@link importFile} (any format), {@link importDocument} (text formats).
 */

export { docxToText, MAX_DOCX_PARAGRAPHS, MAX_DOCX_UNPACKED_BYTES } from './docx-reader.ts';
export {
  DEFAULT_MAX_BYTES,
  type DocumentLimits,
  type ImportOptions,
  importDocument,
  importFile,
  safeFilename,
} from './import-document.ts';
export type { MetaOverrides } from './metadata.ts';
export { OVERRIDE_FIELDS, type OverrideProblem, parseOverrides } from './overrides.ts';
export { MAX_PDF_PAGES, type PdfText, pdfToText } from './pdf-reader.ts';
