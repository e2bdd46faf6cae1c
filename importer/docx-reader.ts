/**
 * DOCX front end: mammoth turns the Word document into HTML (headings, bold,
 * numbered and bulleted lists, tables); the HTML becomes the lines a reader
 * sees — Word's automatic numbering written out (`1.`, `a)`), tables as
 * `|` rows — and the plain-text front end and the one tree builder do the rest.
 * Zip bombs are refused before anything is inflated.
 */

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ImportError, UnsupportedFormatError } from '../clauses/errors.ts';

/** Largest total size of the unpacked parts of a DOCX (a 10 MB file rarely unpacks past 30 MB). */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** Point letters in Vietnamese order (no f, j, w, z; đ after d). */
const LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

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

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  if (node.type === 'element' || node.type === 'root')
    return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** A chapter, section or article title typed as a plain (often bold) paragraph. */
const ARTICLE_TITLE = /^(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|ĐIỀU|Điều)\s+[\dIVXLC]+/u;
const isElement = (node: ElementContent): node is Element => node.type === 'element';
const clean = (text: string) => text.replace(/[ \t\u00a0]+/g, ' ').trim();

/** The lines of a document: headings and paragraphs as they are, list items numbered, tables as `|` rows. */
function htmlToText(root: Root): string {
  const lines: string[] = [];
  // Word keeps counting a list across the bullets or paragraphs that interrupt it (mammoth starts a new <ol>);
  // agreements restart their clause numbers in each article, so the count restarts at each heading.
  let clauses = 0;
  const list = (element: Element, depth: number) => {
    let index = 0;
    for (const item of element.children.filter(isElement)) {
      if (item.tagName !== 'li') continue;
      index = depth === 0 && element.tagName === 'ol' ? ++clauses : index + 1;
      const own = item.children.filter((c) => !(isElement(c) && (c.tagName === 'ol' || c.tagName === 'ul')));
      const text = clean(own.map(textOf).join(''));
      // Word's automatic numbering, written out: clauses "1.", points "a)", bullets "-".
      const marker =
        element.tagName === 'ul'
          ? '-'
          : depth === 0
            ? `${index}.`
            : `${LETTERS[(index - 1) % LETTERS.length]})`;
      if (text) lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
      for (const nested of item.children.filter(isElement)) {
        if (nested.tagName === 'ol' || nested.tagName === 'ul') list(nested, depth + 1);
      }
    }
  };
  const table = (element: Element) => {
    const rows: string[][] = [];
    const visit = (node: Element) => {
      if (node.tagName === 'tr') {
        rows.push(
          node.children
            .filter(isElement)
            .filter((c) => c.tagName === 'td' || c.tagName === 'th')
            // The paragraphs of a cell are its lines: a header cell holds "TẬP ĐOÀN X" above "CÔNG TY Y".
            .map((c) => clean(c.children.map(textOf).join(' ')).replace(/\|/g, '/')),
        );
        return;
      }
      for (const child of node.children.filter(isElement)) visit(child);
    };
    visit(element);
    lines.push('');
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  for (const node of root.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'ol' || node.tagName === 'ul') list(node, 0);
    else if (node.tagName === 'table') table(node);
    else {
      if (/^h[1-6]$/.test(node.tagName) || ARTICLE_TITLE.test(clean(textOf(node)))) clauses = 0;
      for (const line of textOf(node).split('\n')) {
        const text = clean(line);
        if (text) lines.push(text);
      }
      if (/^h[1-6]$/.test(node.tagName)) lines.push('');
    }
  }
  return lines.join('\n');
}
