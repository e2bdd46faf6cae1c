/**
 * Reading an uploaded document: multipart (`file` plus metadata fields),
 * JSON `{ filename, content, encoding?, metadata? }`, or a raw `text/plain`
 * or `text/markdown` body.
 */

import { z } from 'zod';
import { ValidationError } from '../clauses/errors.ts';
import { type MetaOverrides, parseOverrides } from '../importer/index.ts';
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
  /** The metadata sent beside the document (industry, province, wage region…), checked. */
  overrides: MetaOverrides;
}

/**
 * Reads an upload in any of the accepted shapes.
 * @param rawText also accept a bare `text/plain` or `text/markdown` body (a pasted draft)
 * @throws ValidationError when the body or its metadata cannot be read
 */
export async function readUpload(request: Request, options: { rawText?: boolean } = {}): Promise<Upload> {
  const { bytes, filename, metadata } = await readBody(request, options);
  const { overrides, problems } = parseOverrides(metadata);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new ValidationError(
      'invalid_metadata',
      `Thông tin bổ sung không hợp lệ: ${list}`,
      `Invalid metadata: ${list}`,
    );
  }
  return { bytes, filename, overrides };
}

async function readBody(
  request: Request,
  { rawText = false }: { rawText?: boolean },
): Promise<{ bytes: Uint8Array; filename: string; metadata: Record<string, unknown> }> {
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
    const file = form.get('file');
    if (!(file instanceof File)) {
      throw new ValidationError(
        'missing_file',
        'Thiếu tệp: gửi tệp trong trường "file".',
        'No file: send the document in the "file" field.',
      );
    }
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of form.entries())
      if (key !== 'file' && typeof value === 'string') metadata[key] = value;
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
