/**
 * Bytes to text: recognises formats we cannot read yet by their signatures,
 * rejects binary data, validates UTF-8 (reporting the byte offset of the
 * first bad sequence) and falls back to Windows-1258 when the bytes are
 * clearly Vietnamese in that code page, or to single bytes when they are
 * TCVN3 or VNI text (converted later by the importer).
 */

import { ImportError, UnsupportedFormatError } from '../clauses/errors.ts';
import type { ImportWarning } from '../clauses/types.ts';
import { detectLegacyEncoding } from './legacy-encoding.ts';

export interface Decoded {
  text: string;
  warnings: ImportWarning[];
}

const SIGNATURES: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'DOCX/ZIP' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'Word 97–2003 (DOC)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG' },
];

/** The name of a binary format recognised by its signature, if any. */
export function sniffBinaryFormat(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.name;
}

/**
 * Decodes a text document.
 *
 * @param bytes the file's bytes
 * @param filename for messages
 * @throws UnsupportedFormatError for PDF, DOCX, DOC, RTF and other binary data
 * @throws ImportError for an empty file, or bytes that are neither UTF-8 nor Windows-1258
 */
export function decodeDocument(bytes: Uint8Array, filename: string): Decoded {
  const format = sniffBinaryFormat(bytes);
  if (format) {
    throw new UnsupportedFormatError(
      'unsupported_format',
      `Tệp "${filename}" là ${format}, không phải văn bản thuần hay Markdown. Hiện thư viện đọc được tệp .md và .txt.`,
      `"${filename}" is a ${format} file, not plain text or Markdown. The library reads .md and .txt files.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new UnsupportedFormatError(
      'binary_file',
      `Tệp "${filename}" chứa dữ liệu nhị phân, không phải văn bản.`,
      `"${filename}" contains binary data, not text.`,
    );
  }

  const warnings: ImportWarning[] = [];
  let text: string;
  const badOffset = firstInvalidUtf8(bytes);
  if (badOffset === undefined) {
    text = new TextDecoder('utf-8').decode(bytes); // strips a BOM
  } else if (isLikelyWindows1258(bytes)) {
    text = new TextDecoder('windows-1258').decode(bytes);
    warnings.push({
      code: 'encoding',
      message: 'Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt).',
      messageEn: 'The file is not UTF-8; it was read as Windows-1258 (Vietnamese).',
    });
  } else if (detectLegacyEncoding(new TextDecoder('windows-1252').decode(bytes))) {
    // A TCVN3 or VNI file saved one byte per character: the importer converts it and says so.
    text = new TextDecoder('windows-1252').decode(bytes);
  } else {
    throw new ImportError(
      'invalid_utf8',
      `Tệp "${filename}" không phải UTF-8 hợp lệ: chuỗi byte sai tại vị trí ${badOffset}.`,
      `"${filename}" is not valid UTF-8: invalid byte sequence at offset ${badOffset}.`,
      { file: filename },
    );
  }
  if (text.trim() === '') {
    throw new ImportError('empty_document', `Tệp "${filename}" trống.`, `"${filename}" is empty.`, {
      file: filename,
    });
  }
  return { text, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

/** Byte offset of the first invalid UTF-8 sequence, or `undefined` when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}

// Bytes Windows-1258 uses for Vietnamese: letters with a circumflex, breve or
// horn, đ, and the five combining tone marks, plus the precomposed vowels it keeps.
const CP1258_VIETNAMESE = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc8, 0xc9, 0xca, 0xcc, 0xcd, 0xd0, 0xd2, 0xd3, 0xd4, 0xd5, 0xd9, 0xda, 0xdd, 0xde,
  0xe0, 0xe1, 0xe2, 0xe3, 0xe8, 0xe9, 0xea, 0xec, 0xed, 0xf0, 0xf2, 0xf3, 0xf4, 0xf5, 0xf9, 0xfa, 0xfd,
]);

function isLikelyWindows1258(bytes: Uint8Array): boolean {
  let high = 0;
  let vietnamese = 0;
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      if (CP1258_VIETNAMESE.has(b)) vietnamese++;
    }
  }
  return high > 0 && vietnamese / high >= 0.9;
}
