/**
 * Reading an uploaded document: multipart (`file` plus metadata fields),
 * JSON `{ filename, content, encoding?, metadata? }`, or a raw `text/plain`
 * or `text/markdown` body.
 */

import { z } from 'zod';
import { ValidationError } from '../clauses/errors.ts';
import { type MetaOverrides, parseOverrides, photosToPdf, sniffImage } from '../importer/index.ts';
import { readJsonBody } from './validation.ts';

const JsonUpload = z.object({
  filename: z.string().min(1).max(255),
  content: z.string().min(1),
  encoding: z.enum(['utf-8', 'base64']).default('utf-8'),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export interface Upload {
  bytes: Uint8Array;
  filename: string;
  /** Photos sent together as the pages of one agreement (in order), put into one image PDF (`bytes`). */
  photos?: number;
  /** The metadata sent beside the document (industry, province, wage region…), checked. */
  overrides: MetaOverrides;
}

/**
 * Reads an upload in any of the accepted shapes.
 * @param rawText also accept a bare `text/plain` or `text/markdown` body (a pasted draft)
 * @throws ValidationError when the body or its metadata cannot be read
 */
export async function readUpload(
  request: Request,
  options: { rawText?: boolean; photos?: boolean } = {},
): Promise<Upload> {
  const { bytes, filename, metadata, photos } = await readBody(request, options);
  const { overrides, problems } = parseOverrides(metadata);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new ValidationError(
      'invalid_metadata',
      `Thông tin bổ sung không hợp lệ: ${list}`,
      `Invalid metadata: ${list}`,
    );
  }
  return { bytes, filename, overrides, ...(photos ? { photos } : {}) };
}

/**
 * Photos (PNG or JPEG) sent together, in order, as the pages of one agreement: one image PDF, named after
 * the first photo.
 * @throws ValidationError when one of the files is not a photo
 */
export async function photosUpload(files: readonly File[]): Promise<{ bytes: Uint8Array; filename: string }> {
  const photos = await Promise.all(
    files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name })),
  );
  const other = photos.find((p) => !sniffImage(p.bytes));
  if (other)
    throw new ValidationError(
      'not_photos',
      `Nhiều tệp gửi cùng nhau phải là ảnh chụp (PNG, JPEG) các trang của một thỏa ước; "${other.filename}" không phải ảnh.`,
      `Several files sent together must be photos (PNG, JPEG) of the pages of one agreement; "${other.filename}" is not one.`,
    );
  const first = photos[0]?.filename || 'anh-chup.jpg';
  return { bytes: await photosToPdf(photos), filename: `${first.replace(/\.(png|jpe?g)$/i, '')}.pdf` };
}

async function readBody(
  request: Request,
  { rawText = false, photos = false }: { rawText?: boolean; photos?: boolean },
): Promise<{ bytes: Uint8Array; filename: string; metadata: Record<string, unknown>; photos?: number }> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ValidationError(
        'invalid_multipart',
        'Dữ liệu multipart không đọc được.',
        'The multipart body cannot be read.',
      );
    }
    const files = form.getAll('file').filter((f): f is File => f instanceof File);
    const file = files[0];
    if (!file) {
      throw new ValidationError(
        'missing_file',
        'Thiếu tệp: gửi tệp trong trường "file".',
        'No file: send the document in the "file" field.',
      );
    }
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of form.entries())
      if (key !== 'file' && key !== 'progress' && typeof value === 'string') metadata[key] = value;
    // Several photos of one agreement, in the order sent: one scanned document.
    if (photos && files.length > 1) return { ...(await photosUpload(files)), metadata, photos: files.length };
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      filename: file.name || 'tai-lieu.txt',
      metadata,
    };
  }
  if (type.startsWith('application/json')) {
    const body = await readJsonBody(request, JsonUpload);
    const bytes =
      body.encoding === 'base64'
        ? new Uint8Array(Buffer.from(body.content, 'base64'))
        : new TextEncoder().encode(body.content);
    return { bytes, filename: body.filename, metadata: body.metadata ?? {} };
  }
  if (rawText && (type.startsWith('text/plain') || type.startsWith('text/markdown'))) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return { bytes, filename: type.startsWith('text/markdown') ? 'du-thao.md' : 'du-thao.txt', metadata: {} };
  }
  throw new ValidationError(
    'unsupported_content_type',
    `Gửi tệp dưới dạng multipart/form-data (trường "file") hoặc JSON { filename, content }${rawText ? ', hoặc văn bản text/plain, text/markdown' : ''}.`,
    `Send the document as multipart/form-data (field "file") or as JSON { filename, content }${rawText ? ', or as text/plain or text/markdown' : ''}.`,
  );
}
