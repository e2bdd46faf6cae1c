/**
 * Photos of one agreement (PNG or JPEG, one a page, in order) put into one
 * image-only PDF with pdf-lib, so that a set of phone photos is stored,
 * OCR'd and shown page by page exactly like a scanned PDF.
 */

import { PDFDocument } from 'pdf-lib';
import { UnsupportedFormatError } from '../../clauses/errors.ts';

/** The resolution a photo is taken to have: a page rendered at 300 dpi gives the photo back at its own size. */
const ASSUMED_DPI = 300;

export type ImageKind = 'png' | 'jpeg';

/** PNG or JPEG by the file's first bytes. */
export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

/**
 * One PDF from photos, one page each, in the order given.
 * @param photos the images with their file names (for messages)
 * @throws UnsupportedFormatError for a file that is neither PNG nor JPEG
 */
export async function photosToPdf(
  photos: ReadonlyArray<{ bytes: Uint8Array; filename: string }>,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const photo of photos) {
    const kind = sniffImage(photo.bytes);
    if (!kind)
      throw new UnsupportedFormatError(
        'not_image',
        `Tệp "${photo.filename}" không phải ảnh PNG hay JPEG.`,
        `"${photo.filename}" is not a PNG or JPEG image.`,
      );
    const image = kind === 'png' ? await pdf.embedPng(photo.bytes) : await pdf.embedJpg(photo.bytes);
    const width = (image.width * 72) / ASSUMED_DPI;
    const height = (image.height * 72) / ASSUMED_DPI;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return pdf.save();
}
