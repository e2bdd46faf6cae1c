/**
 * The importer: documents (Markdown, plain text) → agreements made of clause
 * trees with metadata and warnings. Entry point: {@link importDocument}.
 */

export { docxToText, MAX_DOCX_UNPACKED_BYTES } from './docx-reader.ts';
export {
  DEFAULT_MAX_BYTES,
  type ImportOptions,
  importDocument,
  importFile,
  safeFilename,
} from './import-document.ts';
export type { MetaOverrides } from './metadata.ts';
export { OVERRIDE_FIELDS, type OverrideProblem, parseOverrides } from './overrides.ts';
export { type PdfText, pdfToText } from './pdf-reader.ts';
