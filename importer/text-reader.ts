/**
 * Plain-text front end: structure comes from the lines themselves. Tables
 * are runs of lines with ` | ` or tabs between cells.
 */

import { squashSpaces } from '../clauses/text.ts';
import type { Block } from './blocks.ts';
import { isTableSeparator, splitTableRow } from './lines.ts';

/**
 * Reads plain text into blocks.
 * @param text normalised document text
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = true;
  let table: { rows: string[][]; line: number } | undefined;
  const flushTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table.rows, line: table.line, column: 1 });
    table = undefined;
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '') {
      flushTable();
      gap = true;
      continue;
    }
    if (table && isTableSeparator(raw)) continue;
    const cells = splitTableRow(raw);
    if (cells) {
      if (!table) table = { rows: [], line: lineNo };
      table.rows.push(cells);
      continue;
    }
    flushTable();
    // Table borders drawn with dashes or underscores carry nothing.
    if (/^[-=_*~.]{3,}$/.test(raw.trim())) {
      gap = true;
      continue;
    }
    const column = raw.length - raw.trimStart().length + 1;
    blocks.push({ kind: 'line', text: squashSpaces(raw), line: lineNo, column, gap });
    gap = false;
  }
  flushTable();
  return blocks;
}
