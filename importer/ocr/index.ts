/**
 * Scans to text: PDF pages drawn on @napi-rs/canvas by pdfjs-dist, photos
 * decoded, both cleaned (two-tone, straightened) and read by tesseract.js
 * with the Vietnamese data shipped in npm; then the look-alikes, heading
 * words and numbers OCR breaks put right. Entry points: {@link ocrPages}
 * (its own worker, page and time limits), {@link renderPdfPagePng},
 * {@link photosToPdf}.
 */

export {
  DEFAULT_MAX_OCR_PAGES,
  DEFAULT_OCR_TIMEOUT_MS,
  type OcrInput,
  type OcrLine,
  type OcrOptions,
  type OcrPage,
  type OcrProgress,
  type OcrWord,
  ocrPages,
  vieDataPath,
} from './ocr-pages.ts';
export {
  fixDigitsInNumbers,
  fixGluedUnits,
  fixHeadingWords,
  fixPhrases,
  isMarkLine,
  lineText,
  type ReadLine,
  restoreCapitalMarks,
  splitDottedCells,
} from './ocr-text.ts';
export { photosToPdf, sniffImage } from './photos.ts';
export { binarize, estimateSkew, type GreyImage, otsuThreshold, toGrey } from './preprocess.ts';
export {
  decodeImage,
  openPdf,
  type PrepareOptions,
  pageImageDpi,
  preparePage,
  renderPage,
  renderPdfPagePng,
} from './render.ts';
