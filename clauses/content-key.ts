/**
 * The text an agreement is recognised by, whatever file it arrived in: the
 * words and numbers of its clause tree in order, lower-cased, with every
 * space, punctuation mark, line break and page marker dropped. A Word file,
 * its PDF export and a plain-text copy share it; a renewal or another year
 * (one number, one date, one word changed) does not.
 */

import { walkTree } from './tree.ts';
import type { ClauseNode } from './types.ts';

/** A line that is only a page marker ("Trang 3", "3/12", "- 3 -"), which a PDF may leave in the text. */
const PAGE_MARKER = /^\s*(?:trang\s*)?[-–—]?\s*\d{1,4}\s*(?:\/\s*\d{1,4})?\s*[-–—]?\s*$/iu;

/** "Trang 2/5", "Trang 2 / 5", "trang 2 trên 5" wherever a reader joined it into a line. */
const PAGE_OF = /\btrang\s*\d{1,4}\s*(?:\/|trên)\s*\d{1,4}\b/giu;

/** Anything that is not a letter or a digit. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The normalised text of a clause tree (headings, texts, table cells), for recognising the same agreement.
 * @returns an empty string when the tree has no words
 * @example
 * contentText(parseTree('Điều 1. Tiền lương\n1. Lương  tối thiểu…')) === contentText(sameTreeFromPdf)
 */
export function contentText(tree: readonly ClauseNode[]): string {
  const parts: string[] = [];
  walkTree(tree, (node) => {
    const text =
      node.type === 'table'
        ? node.rows.map((row) => row.join(' ')).join('\n')
        : `${node.heading ?? ''}\n${node.text}`;
    for (const line of text.split('\n')) if (!PAGE_MARKER.test(line)) parts.push(line.replace(PAGE_OF, ' '));
  });
  return parts.join(' ').normalize('NFC').toLowerCase().replace(NOT_WORD, '');
}
