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
import type { DocumentLimits } from './import-document.ts';

/** Largest total size of the unpacked parts of a DOCX (a 10 MB file rarely unpacks past 30 MB). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Most paragraphs in a Word document's body unless told otherwise: a long agreement has a few thousand. */
export const MAX_DOCX_PARAGRAPHS = 50_000;

/**
 * Reads a DOCX into plain text in the layout the text front end understands.
 *
 * @throws UnsupportedFormatError when the file is not a DOCX (a ZIP of something else)
 * @throws ImportError for a zip bomb, too many paragraphs, or a document mammoth cannot read
 */
export async function docxToText(
  bytes: Uint8Array,
  filename: string,
  limits: DocumentLimits = {},
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
  const maxUnpacked = limits.maxDocxUnpackedBytes ?? MAX_DOCX_UNPACKED_BYTES;
  if (unpacked > maxUnpacked) {
    throw new ImportError(
      'docx_too_large_unpacked',
      `Tệp "${filename}" giải nén ra ${Math.round(unpacked / 1048576)} MB, vượt giới hạn ${Math.round(maxUnpacked / 1048576)} MB.`,
      `"${filename}" unpacks to ${Math.round(unpacked / 1048576)} MB, above the ${Math.round(maxUnpacked / 1048576)} MB limit.`,
    );
  }
  // Paragraphs counted in the raw XML (a linear scan) before mammoth builds its tree of every one of them.
  const maxParagraphs = limits.maxDocxParagraphs ?? MAX_DOCX_PARAGRAPHS;
  const paragraphs = countParagraphs(await zip.file('word/document.xml')!.async('string'));
  if (paragraphs > maxParagraphs) {
    throw new ImportError(
      'docx_too_many_paragraphs',
      `Tệp "${filename}" có ${paragraphs} đoạn văn, vượt giới hạn ${maxParagraphs} đoạn.`,
      `"${filename}" has ${paragraphs} paragraphs, above the limit of ${maxParagraphs}.`,
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

/** Opening `<w:p>` / `<w:p …>` tags (not `<w:pPr>`, `<w:proofErr>`…). */
function countParagraphs(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<w:p'); at !== -1; at = xml.indexOf('<w:p', at + 4)) {
    const next = xml.charCodeAt(at + 4);
    // '>', ' ', '/', tab, newline
    if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13) count++;
  }
  return count;
}
