/**
 * A draft as Markdown: the text a draft is saved as, written from its clause
 * tree so that importing it again gives the same tree (headings `#` for parts
 * and chapters, `##` for sections, `###` for articles, `1.` clauses, `a)`
 * points, `-` bullets, GFM tables). Editing a draft clause by clause changes
 * one node's text and writes the Markdown again.
 */

import type { ClauseNode, StructureNode } from './types.ts';

export interface DraftParts {
  preamble: readonly string[];
  tree: readonly ClauseNode[];
  closing: readonly string[];
}

const LABELS: Partial<Record<ClauseNode['type'], [string, string]>> = {
  part: ['#', 'PHẦN'],
  chapter: ['#', 'Chương'],
  section: ['##', 'Mục'],
  article: ['###', 'Điều'],
};

/** A line of text that Markdown would read as something else (`# `, `1. `, `- `, `|`) is escaped. */
function escapeLine(line: string): string {
  return line
    .replace(/^(\s*)([#>|+*-])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(\s)/u, '$1\\$2$3')
    .replace(/([*_`[\]])/gu, (m, ch: string, offset: number, all: string) =>
      ch === '_' && /_{3,}/.test(all.slice(Math.max(0, offset - 2), offset + 3)) ? m : `\\${ch}`,
    );
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function nodeLines(node: ClauseNode, out: string[]): void {
  if (node.type === 'table') {
    const [header, ...rows] = node.rows;
    if (!header) return;
    out.push(`| ${header.map(cell).join(' | ')} |`);
    out.push(`|${header.map(() => ' --- ').join('|')}|`);
    for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
    out.push('');
    return;
  }
  const label = LABELS[node.type];
  const text = node.text.split('\n').map(escapeLine).join('\n');
  if (label) {
    out.push(
      `${label[0]} ${label[1]} ${node.number ?? ''}${node.heading ? `. ${node.heading}` : ''}`.replace(
        /\s+$/u,
        '',
      ),
    );
    out.push('');
    if (node.text) out.push(text, '');
  } else if (node.type === 'paragraph') {
    if (node.text) out.push(text, '');
  } else {
    const number = node.number ?? '';
    const mark =
      number === '-' || number === ''
        ? '-'
        : node.type === 'point'
          ? `${number})`
          : /\./.test(number)
            ? number
            : `${number}.`;
    // A list item's text carries no Markdown mark of its own: only its first characters are escaped away.
    out.push(
      `${mark} ${node.text
        .split('\n')
        .join(' ')
        .replace(/([*_`[\]])/gu, (m, ch: string, offset: number, all: string) =>
          ch === '_' && /_{3,}/.test(all.slice(Math.max(0, offset - 2), offset + 3)) ? m : `\\${ch}`,
        )}`,
      '',
    );
  }
  for (const child of node.children) nodeLines(child, out);
}

/**
 * Writes a draft as Markdown.
 * @example toDraftMarkdown({ preamble: [], tree, closing: [] })
 */
export function toDraftMarkdown(parts: DraftParts): string {
  const out: string[] = [];
  for (const line of parts.preamble) out.push(escapeLine(line), '');
  for (const node of parts.tree) nodeLines(node, out);
  for (const line of parts.closing) out.push(escapeLine(line), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * The tree with one node's text changed (a table's rows are not edited here).
 * @returns the new tree, or undefined when there is no such node
 */
export function withNodeText(
  tree: readonly ClauseNode[],
  nodeId: string,
  text: string,
): ClauseNode[] | undefined {
  let found = false;
  const change = (nodes: readonly ClauseNode[]): ClauseNode[] =>
    nodes.map((node) => {
      if (node.type === 'table') return node;
      const children = change(node.children);
      if (node.id === nodeId) {
        found = true;
        return { ...node, text, children } satisfies StructureNode;
      }
      return { ...node, children };
    });
  const changed = change(tree);
  return found ? changed : undefined;
}
