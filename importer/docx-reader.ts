/**
 * DOCX front end: mammoth turns the Word document into HTML (headings, bold,
 * numbered and bulleted lists, tables); the HTML becomes the lines a reader
 * sees — Word's automatic numbering written out (`1.`, `a)`), tables as
 * `|` rows — and the plain-text front end and the one tree builder do the rest.
 * Zip bombs are refused before anything is inflated.
 */

import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ImportError, UnsupportedFormatError } from '../clauses/errors.ts';
import { htmlToText } from './html-text.ts';

/** Largest total size of the unpacked parts of a DOCX (a 10 MB file rarely unpacks past 30 MB). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * Reads a DOCX into plain text in the layout the text front end understands.
 *
 * @throws UnsupportedFormatError when the file is not a DOCX (a ZIP of something else)
 * @throws ImportError for a zip bomb or a document mammoth cannot read
 */
export async function docxToText(
  bytes: Uint8Array,
  filename: string,
): Promise<{ text: string; messages: string[] }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new UnsupportedFormatError(
      'not_docx',
      `Tệp "${filename}" không phải tệp DOCX hợp lệ (không đọc được cấu trúc ZIP).`,
      `"${filename}" is not a valid DOCX file (its ZIP structure cannot be read).`,
      { cause },
    );
  }
  if (!zip.file('word/document.xml') || !zip.file('[Content_Types].xml')) {
    throw new UnsupportedFormatError(
      'not_docx',
      `Tệp "${filename}" là tệp ZIP nhưng không phải văn bản Word (thiếu word/document.xml).`,
      `"${filename}" is a ZIP file but not a Word document (word/document.xml is missing).`,
    );
  }
  // The sizes the archive declares, read before inflating anything.
  let unpacked = 0;
  zip.forEach((_path, entry) => {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    unpacked += size;
  });
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new ImportError(
      'docx_too_large_unpacked',
      `Tệp "${filename}" giải nén ra ${Math.round(unpacked / 1048576)} MB, vượt giới hạn ${MAX_DOCX_UNPACKED_BYTES / 1048576} MB.`,
      `"${filename}" unpacks to ${Math.round(unpacked / 1048576)} MB, above the ${MAX_DOCX_UNPACKED_BYTES / 1048576} MB limit.`,
    );
  }
  let html: string;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
    messages = result.messages.map((m) => m.message);
  } catch {
    throw new ImportError(
      'docx_unreadable',
      `Không đọc được nội dung Word của "${filename}".`,
      `Cannot read the Word content of "${filename}".`,
      {},
    );
  }
  return { text: htmlToText(fromHtml(html, { fragment: true })), messages };
}
