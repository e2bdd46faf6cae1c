/**
 * The common currency of the front ends: a document as a sequence of lines
 * and tables, each with its source position. The tree builder reads only
 * blocks, so every format yields the same tree.
 */

export interface LineBlock {
  kind: 'line';
  text: string;
  line: number;
  column: number;
  /** A blank line (or a block boundary) came before this line. */
  gap: boolean;
  /** List nesting depth, when the format says it (Markdown lists). */
  depth?: number;
}

export interface TableBlock {
  kind: 'table';
  rows: string[][];
  line: number;
  column: number;
}

export type Block = LineBlock | TableBlock;

/** A line of the header or signature block, with the source line it came from. */
export interface SourceLine {
  text: string;
  /** 1-based line in the source document. */
  line?: number;
}
