/**
 * A Word file of a draft built in the browser (or uploaded as text): its
 * preamble, its articles as headings and its clauses as paragraphs with their
 * numbers written out, tables as tables — written with the `docx` package.
 */

import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { ClauseNode } from '../../clauses/types.ts';

export interface DraftDocument {
  title: string;
  preamble?: readonly string[];
  tree: readonly ClauseNode[];
  closing?: readonly string[];
}

const HEADINGS = {
  part: HeadingLevel.HEADING_1,
  chapter: HeadingLevel.HEADING_1,
  section: HeadingLevel.HEADING_2,
};
const LABELS: Partial<Record<ClauseNode['type'], string>> = {
  part: 'Phần',
  chapter: 'Chương',
  section: 'Mục',
  article: 'Điều',
};

function nodeBlocks(node: ClauseNode): Array<Paragraph | Table> {
  if (node.type === 'table')
    return [
      new Table({
        rows: node.rows.map(
          (cells) =>
            new TableRow({
              children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
            }),
        ),
      }),
    ];
  const blocks: Array<Paragraph | Table> = [];
  const label = LABELS[node.type];
  if (label) {
    const heading = `${label} ${node.number ?? ''}${node.heading ? `. ${node.heading}` : ''}`.trim();
    blocks.push(
      new Paragraph({
        heading:
          node.type === 'article'
            ? HeadingLevel.HEADING_3
            : (HEADINGS[node.type as keyof typeof HEADINGS] ?? HeadingLevel.HEADING_2),
        children: [new TextRun(heading)],
      }),
    );
    if (node.text) blocks.push(new Paragraph(node.text));
  } else {
    const number =
      node.number && node.number !== '-'
        ? node.type === 'point'
          ? `${node.number}) `
          : `${node.number}. `
        : node.number === '-'
          ? '- '
          : '';
    if (node.text) blocks.push(new Paragraph(`${number}${node.text}`));
  }
  for (const child of node.children) blocks.push(...nodeBlocks(child));
  return blocks;
}

/**
 * Writes a draft as a Word document.
 * @returns the .docx bytes
 */
export async function draftToDocx(draft: DraftDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    ...(draft.preamble ?? []).map((line) => new Paragraph(line)),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(draft.title)],
    }),
    ...draft.tree.flatMap(nodeBlocks),
    ...(draft.closing ?? []).map((line) => new Paragraph(line)),
  ];
  const doc = new Document({ creator: 'Thư viện Thỏa ước', title: draft.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
