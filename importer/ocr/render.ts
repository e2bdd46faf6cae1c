/**
 * Page images: a PDF page drawn by pdfjs-dist on @napi-rs/canvas, a photo
 * decoded, and either one cleaned up for OCR (grey from the red channel,
 * Otsu's threshold, turned straight).
 */

import type { Canvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy } from '../pdfjs.ts';
import { canvasModule } from './canvas.ts';
import { binarize, estimateSkew, type GreyImage, toGrey } from './preprocess.ts';

/** Largest side of a rendered page, in pixels: a 300 dpi A4 page is 3508 px high. */
const MAX_SIDE = 5000;

/** Opens a PDF for drawing its pages. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
}

/** Draws page `n` (1-based) of an open PDF at `dpi` on a white canvas. */
export async function renderPage(pdf: PDFDocumentProxy, n: number, dpi: number): Promise<Canvas> {
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(base.width, base.height));
  const viewport = page.getViewport({ scale });
  const canvas = canvasModule().createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  page.cleanup();
  return canvas;
}

/**
 * The resolution a scanned page was taken at: the pixels of the largest image on the page over the size it is
 * drawn at (an A4 page of 2480 px drawn 595 pt wide is 300 dpi).
 * @returns undefined for a page that draws no image
 */
export async function pageImageDpi(pdf: PDFDocumentProxy, n: number): Promise<number | undefined> {
  const page = await pdf.getPage(n);
  const { width, height } = page.getViewport({ scale: 1 });
  const operators = await page.getOperatorList();
  let best: number | undefined;
  for (const [i, op] of operators.fnArray.entries()) {
    if (op !== OPS.paintImageXObject) continue;
    const name = operators.argsArray[i]?.[0] as string | undefined;
    if (!name) continue;
    const image = await new Promise<{ width?: number; height?: number } | undefined>((resolve) => {
      try {
        page.objs.get(name, resolve);
      } catch {
        resolve(undefined);
      }
    });
    if (!image?.width || !image.height) continue;
    // Taken as drawn over the whole page (a scan): the longer side decides, whatever the page's orientation.
    const dpi = (Math.max(image.width, image.height) / Math.max(width, height)) * 72;
    if (best === undefined || dpi > best) best = dpi;
  }
  page.cleanup();
  return best === undefined ? undefined : Math.round(best);
}

/**
 * A page of a PDF as a PNG, e.g. for showing beside its text.
 * @returns undefined when the PDF has no page `n`
 */
export async function renderPdfPagePng(
  bytes: Uint8Array,
  n: number,
  dpi = 110,
): Promise<Uint8Array | undefined> {
  const pdf = await openPdf(bytes);
  try {
    if (!Number.isInteger(n) || n < 1 || n > pdf.numPages) return undefined;
    return new Uint8Array(await (await renderPage(pdf, n, dpi)).encode('png'));
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** A photo or scanned image (PNG, JPEG) drawn on a canvas, at most `MAX_SIDE` pixels on its longer side. */
export async function decodeImage(bytes: Uint8Array): Promise<Canvas> {
  const { createCanvas, loadImage } = canvasModule();
  const image = await loadImage(Buffer.from(bytes));
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export interface PreparedPage {
  png: Uint8Array;
  /** The angle the page was turned back by, in degrees. */
  skew: number;
  width: number;
  height: number;
}

export interface PrepareOptions {
  /** `false` hands the page to OCR as it is. */
  clean?: boolean;
  /**
   * Enlarge the page this many times first, with smoothing (a 150 dpi scan read at 300): tesseract reads glyphs
   * of 20–30 px best, and a low-resolution page's diacritics are only a few pixels.
   */
  upscale?: number;
  /** Two-tone (Otsu) after the grey; `false` keeps the grey levels (red ink still dropped). Default true. */
  twoTone?: boolean;
}

/**
 * Cleans a page image for OCR: enlarged when asked, grey with red stamp ink dropped, two-tone, then turned
 * straight when it leans by more than 0.2°.
 */
export async function preparePage(canvas: Canvas, options: PrepareOptions = {}): Promise<PreparedPage> {
  if (options.clean === false)
    return {
      png: new Uint8Array(await canvas.encode('png')),
      skew: 0,
      width: canvas.width,
      height: canvas.height,
    };
  const source = options.upscale && options.upscale > 1 ? enlarge(canvas, options.upscale) : canvas;
  const { width, height } = source;
  const pixels = source.getContext('2d').getImageData(0, 0, width, height);
  const grey = toGrey(pixels.data, width, height);
  const twoTone = binarize(grey);
  const skew = estimateSkew(shrink(twoTone, 1000));
  const flat = drawGrey(options.twoTone === false ? grey : twoTone);
  if (Math.abs(skew) < 0.2) return { png: new Uint8Array(await flat.encode('png')), skew: 0, width, height };
  const turned = canvasModule().createCanvas(width, height);
  const context = turned.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate((-skew * Math.PI) / 180);
  context.drawImage(flat, -width / 2, -height / 2);
  return { png: new Uint8Array(await turned.encode('png')), skew, width, height };
}

/** A canvas drawn `factor` times bigger with the best smoothing the canvas has (not pixel copies). */
function enlarge(canvas: Canvas, factor: number): Canvas {
  const out = canvasModule().createCanvas(
    Math.round(canvas.width * factor),
    Math.round(canvas.height * factor),
  );
  const context = out.getContext('2d');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(canvas, 0, 0, out.width, out.height);
  return out;
}

function drawGrey(image: GreyImage): Canvas {
  const canvas = canvasModule().createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const rgba = context.createImageData(image.width, image.height);
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    const v = image.data[i]!;
    rgba.data[p] = v;
    rgba.data[p + 1] = v;
    rgba.data[p + 2] = v;
    rgba.data[p + 3] = 255;
  }
  context.putImageData(rgba, 0, 0);
  return canvas;
}

/** A two-tone image shrunk to about `width` pixels wide; a pixel is ink when any of its block is. */
function shrink(image: GreyImage, width: number): GreyImage {
  const factor = Math.max(1, Math.floor(image.width / width));
  if (factor === 1) return image;
  const w = Math.floor(image.width / factor);
  const h = Math.floor(image.height / factor);
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h * factor; y++)
    for (let x = 0; x < w * factor; x++)
      if (image.data[y * image.width + x] === 0)
        data[Math.floor(y / factor) * w + Math.floor(x / factor)] = 0;
  return { width: w, height: h, data };
}
