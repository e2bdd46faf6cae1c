/**
 * Makes a "scan" of one of our own typed PDFs: each page rendered at a given
 * dpi, turned by 1–2°, speckled with noise, a red stamp circle and a blue
 * signature scribble drawn over the text of the last page, saved as JPEG and
 * put back into an image-only PDF (pdf-lib). Deterministic for a seed.
 */

import { PDFDocument } from 'pdf-lib';
import { canvasModule } from '../importer/ocr/canvas.ts';
import { openPdf, renderPage } from '../importer/ocr/render.ts';

export interface ScanOptions {
  dpi: number;
  /** Degrees; the sign alternates page by page. Default 1.5. */
  rotate?: number;
  /** Share of pixels speckled (0–1). Default 0.004. */
  noise?: number;
  stamp?: boolean;
  signature?: boolean;
  /** Only these pages (1-based); all by default. */
  pages?: number[];
  seed?: number;
  /** JPEG quality 0–100. Default 80. */
  quality?: number;
}

/** mulberry32: a small seeded random generator, so fixtures come out the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A scanned, image-only copy of a typed PDF.
 * @returns the PDF bytes, with no text layer
 */
export async function toScannedPdf(typed: Uint8Array, options: ScanOptions): Promise<Uint8Array> {
  const rand = random(options.seed ?? 18);
  const source = await openPdf(typed);
  const out = await PDFDocument.create();
  const pages = options.pages ?? Array.from({ length: source.numPages }, (_, i) => i + 1);
  const { createCanvas } = canvasModule();
  try {
    for (const [index, n] of pages.entries()) {
      const page = await source.getPage(n);
      const { width: wPt, height: hPt } = page.getViewport({ scale: 1 });
      const flat = await renderPage(source, n, options.dpi);
      const { width, height } = flat;
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fbfaf6'; // paper
      ctx.fillRect(0, 0, width, height);
      const angle = ((options.rotate ?? 1.5) * (index % 2 === 0 ? 1 : -1) * Math.PI) / 180;
      ctx.save();
      ctx.translate(width / 2, height / 2);
      ctx.rotate(angle);
      ctx.drawImage(flat, -width / 2, -height / 2);
      ctx.restore();
      const scale = options.dpi / 72;
      if (index === pages.length - 1) {
        if (options.stamp !== false) drawStamp(ctx, width * 0.68, height * 0.55, 60 * scale, rand);
        if (options.signature !== false) drawScribble(ctx, width * 0.6, height * 0.57, 90 * scale, rand);
      }
      speckle(ctx, width, height, options.noise ?? 0.004, rand);
      const jpeg = await canvas.encode('jpeg', options.quality ?? 80);
      const image = await out.embedJpg(jpeg);
      out.addPage([wPt, hPt]).drawImage(image, { x: 0, y: 0, width: wPt, height: hPt });
    }
  } finally {
    await source.destroy().catch(() => undefined);
  }
  return out.save();
}

type Context = ReturnType<ReturnType<ReturnType<typeof canvasModule>['createCanvas']>['getContext']>;

function drawStamp(ctx: Context, x: number, y: number, r: number, rand: () => number): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(215, 30, 40, 0.75)';
  ctx.fillStyle = 'rgba(215, 30, 40, 0.75)';
  ctx.lineWidth = r * 0.06;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = r * 0.03;
  ctx.beginPath();
  ctx.arc(x, y, r * 0.72, 0, Math.PI * 2);
  ctx.stroke();
  // A star in the middle and the ring of letters, as a round company seal has.
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI) / 5 - Math.PI / 2;
    const d = i % 2 === 0 ? r * 0.25 : r * 0.1;
    ctx.lineTo(x + Math.cos(a) * d, y + Math.sin(a) * d);
  }
  ctx.fill();
  ctx.font = `bold ${Math.round(r * 0.16)}px sans-serif`;
  const ring = 'CÔNG TY TNHH * MST 0101 * ';
  for (const [i, ch] of [...ring].entries()) {
    const a = (i / ring.length) * Math.PI * 2 + rand() * 0.01;
    ctx.save();
    ctx.translate(x + Math.cos(a) * r * 0.86, y + Math.sin(a) * r * 0.86);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, -r * 0.05, r * 0.05);
    ctx.restore();
  }
  ctx.restore();
}

function drawScribble(ctx: Context, x: number, y: number, w: number, rand: () => number): void {
  ctx.save();
  ctx.strokeStyle = 'rgba(20, 40, 150, 0.85)';
  ctx.lineWidth = w * 0.02;
  ctx.beginPath();
  ctx.moveTo(x, y);
  for (let i = 0; i < 7; i++) {
    const px = x + (w * (i + 1)) / 7;
    ctx.bezierCurveTo(
      px - w * 0.1,
      y - w * (0.2 + rand() * 0.3),
      px + w * 0.05,
      y + w * (0.2 + rand() * 0.2),
      px,
      y + w * (rand() - 0.5) * 0.15,
    );
  }
  ctx.stroke();
  ctx.restore();
}

function speckle(ctx: Context, width: number, height: number, share: number, rand: () => number): void {
  const image = ctx.getImageData(0, 0, width, height);
  const count = Math.round(width * height * share);
  for (let i = 0; i < count; i++) {
    const p = Math.floor(rand() * width * height) * 4;
    const v = rand() < 0.5 ? 40 + rand() * 60 : 255;
    image.data[p] = v;
    image.data[p + 1] = v;
    image.data[p + 2] = v;
  }
  // A faint grey cast, as a scanner's lamp leaves.
  for (let p = 0; p < image.data.length; p += 4 * 97) image.data[p] = Math.max(0, image.data[p]! - 12);
  ctx.putImageData(image, 0, 0);
}
