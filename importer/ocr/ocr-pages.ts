/**
 * OCR of page images with tesseract.js and the Vietnamese data of the
 * @tesseract.js-data/vie npm package. Nothing is downloaded: the data is read
 * from node_modules (caching off), and tesseract's core wasm is loaded by
 * tesseract.js from the tesseract.js-core package in Node. One async entry,
 * {@link ocrPages}, with its own worker, a page limit and a time limit, so
 * it can be moved into a worker pool as a whole.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { ImportError } from '../../clauses/errors.ts';

const require = createRequire(import.meta.url);

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  bbox: Box;
}

export interface OcrLine {
  words: OcrWord[];
  bbox: Box;
}

/** What OCR read on one page. */
export interface OcrPage {
  /** 1-based page of the document. */
  page: number;
  width: number;
  height: number;
  /** Mean word confidence of the page, 0–100 (0 when nothing was read). */
  confidence: number;
  lines: OcrLine[];
  seconds: number;
}

/** A page to read: its number and a way to get its image (PNG or JPEG bytes) when its turn comes. */
export interface OcrInput {
  page: number;
  image: () => Promise<{ png: Uint8Array; width: number; height: number }>;
}

export interface OcrProgress {
  /** 1-based position of the page being read among those to read, and how many there are. */
  done: number;
  total: number;
  page: number;
  /** "đang nhận dạng trang 7/24" */
  message: string;
}

export interface OcrOptions {
  /** Most pages one document may have OCR'd (default 60). */
  maxPages?: number;
  /** Most time for the whole document, in milliseconds (default 15 minutes). */
  timeoutMs?: number;
  onProgress?: (progress: OcrProgress) => void;
  /** `fast`: the 4.0.0_best_int data (smaller); `standard` (default): the 4.0.0 data. */
  model?: 'standard' | 'fast';
}

export const DEFAULT_MAX_OCR_PAGES = 60;
export const DEFAULT_OCR_TIMEOUT_MS = 15 * 60 * 1000;

/** The folder of the Vietnamese traineddata inside node_modules; never a URL. */
export function vieDataPath(model: 'standard' | 'fast' = 'standard'): string {
  const root = require.resolve('@tesseract.js-data/vie/package.json').replace(/package\.json$/, '');
  const folder = join(root, model === 'fast' ? '4.0.0_best_int' : '4.0.0');
  if (!existsSync(join(folder, 'vie.traineddata.gz')))
    throw new ImportError(
      'ocr_unavailable',
      `Thiếu dữ liệu nhận dạng tiếng Việt (${folder}): hãy chạy lại npm install.`,
      `The Vietnamese OCR data is missing (${folder}): run npm install again.`,
    );
  return folder;
}

/**
 * Reads page images with tesseract.js ('vie'), one page after the other, on its own worker.
 *
 * @param inputs the pages, in order
 * @returns words with their boxes and confidences, by line, for each page
 * @throws ImportError `ocr_too_many_pages` beyond `maxPages`, `ocr_timeout` past `timeoutMs`
 */
export async function ocrPages(inputs: readonly OcrInput[], options: OcrOptions = {}): Promise<OcrPage[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_OCR_PAGES;
  if (inputs.length > maxPages)
    throw new ImportError(
      'ocr_too_many_pages',
      `Bản quét có ${inputs.length} trang cần nhận dạng, quá giới hạn ${maxPages} trang.`,
      `The scan has ${inputs.length} pages to read, more than the limit of ${maxPages}.`,
    );
  if (inputs.length === 0) return [];
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS);
  const worker = await createWorker('vie', OEM.LSTM_ONLY, {
    langPath: vieDataPath(options.model),
    cacheMethod: 'none',
    gzip: true,
    logger: () => undefined,
    errorHandler: () => undefined,
  });
  try {
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
    const pages: OcrPage[] = [];
    for (const [i, input] of inputs.entries()) {
      options.onProgress?.({
        done: i + 1,
        total: inputs.length,
        page: input.page,
        message: `đang nhận dạng trang ${i + 1}/${inputs.length}`,
      });
      const started = Date.now();
      const image = await input.image();
      const read = await withDeadline(recognize(worker, image.png), deadline, inputs.length);
      pages.push({
        page: input.page,
        width: image.width,
        height: image.height,
        ...read,
        seconds: (Date.now() - started) / 1000,
      });
    }
    return pages;
  } finally {
    await worker.terminate().catch(() => undefined);
  }
}

async function recognize(worker: Worker, png: Uint8Array): Promise<Pick<OcrPage, 'confidence' | 'lines'>> {
  const { data } = await worker.recognize(Buffer.from(png), {}, { blocks: true, text: false });
  const lines: OcrLine[] = [];
  let sum = 0;
  let count = 0;
  for (const block of data.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.normalize('NFC'), confidence: w.confidence, bbox: { ...w.bbox } }));
        if (words.length === 0) continue;
        for (const w of words) {
          sum += w.confidence;
          count++;
        }
        lines.push({ words, bbox: { ...line.bbox } });
      }
  return { confidence: count ? Math.round((sum / count) * 10) / 10 : 0, lines };
}

async function withDeadline<T>(work: Promise<T>, deadline: number, pages: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ImportError(
            'ocr_timeout',
            `Nhận dạng ${pages} trang quá thời gian cho phép; hãy chia bản quét nhỏ hơn.`,
            `Reading the ${pages} pages took longer than allowed; split the scan.`,
          ),
        ),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
