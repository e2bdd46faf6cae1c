/**
 * Markdown front end: unified + remark-parse (with GFM tables and YAML
 * front matter) to mdast, then mdast to blocks. Of GFM only tables are
 * enabled: agreements have no task lists, footnotes or autolinks, and the
 * full remark-gfm halves the parser's speed (bench/README.md). Paragraph lines are split so
 * that `a)`, `b)` written on consecutive lines are separate points, and list
 * markers are kept so `1.` stays khoản 1.
 */

import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { squashSpaces } from '../clauses/text.ts';
import type { Block } from './blocks.ts';

/** Deepest container nesting we hand to remark: its parser is recursive and slows down sharply with depth. */
export const MAX_MARKDOWN_DEPTH = 24;

/** GFM tables only, as a unified plugin (what remark-gfm does for all of GFM). */
function remarkTables(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()];
}

const parser = unified().use(remarkParse).use(remarkTables);
// Front matter support costs a check at every line start; only documents that open with "---" need it.
const parserWithFrontMatter = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ['yaml']);

export interface MarkdownRead {
  blocks: Block[];
  /** Raw YAML front matter, if any. */
  frontMatter?: string;
}

/**
 * The deepest nesting of block containers (lists, quotes, indentation) on any line.
 * Linear in the text, so it can guard the parser against hostile input.
 */
export function markdownNestingDepth(text: string): number {
  let max = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let depth = 0;
    let i = start;
    let indent = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else if (c === 62 /* > */) depth++;
      else if ((c === 45 || c === 43 || c === 42) && (text.charCodeAt(i + 1) === 32 || i + 1 === end))
        depth++;
      else break;
      i++;
    }
    depth += Math.floor(indent / 2);
    if (depth > max) max = depth;
    start = end + 1;
  }
  return max;
}

/**
 * Parses Markdown into blocks.
 * @param text normalised document text; callers check {@link markdownNestingDepth} first
 */
export function markdownToBlocks(source: string): MarkdownRead {
  const { text, lineOf } = tameMarkdown(source);
  const root = (text.startsWith('---') ? parserWithFrontMatter : parser).parse(text) as Root;
  const blocks: Block[] = [];
  let frontMatter: string | undefined;

  // Explicit stack of [node, list depth, prefix for the first line]: no recursion on block containers.
  const stack: Array<{ node: RootContent; depth: number; prefix: string }> = [];
  const pushChildren = (parent: Parent, depth: number, firstPrefix = '') => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      stack.push({ node: parent.children[i] as RootContent, depth, prefix: i === 0 ? firstPrefix : '' });
    }
  };
  pushChildren(root, 0);

  while (stack.length > 0) {
    const { node, depth, prefix } = stack.pop()!;
    const line = lineOf(node.position?.start.line ?? 0);
    const column = node.position?.start.column ?? 1;
    switch (node.type) {
      case 'yaml':
        frontMatter = node.value;
        break;
      case 'heading':
      case 'paragraph': {
        const lines = inlineText(node.children).split('\n');
        lines.forEach((textLine, i) => {
          const text = squashSpaces(i === 0 ? prefix + textLine : textLine);
          if (text)
            blocks.push({
              kind: 'line',
              text,
              line: line + i,
              column,
              gap: i === 0,
              depth: depth || undefined,
            });
        });
        break;
      }
      case 'list':
        for (let i = node.children.length - 1; i >= 0; i--) {
          const item = node.children[i]!;
          stack.push({ node: item, depth: depth + 1, prefix: listMarker(text, item, node.ordered === true) });
        }
        break;
      case 'listItem':
        if (node.children.length === 0) {
          blocks.push({ kind: 'line', text: prefix.trim(), line, column, gap: true, depth });
        } else {
          pushChildren(node, depth, prefix);
        }
        break;
      case 'blockquote':
        pushChildren(node, depth, prefix);
        break;
      case 'table':
        blocks.push({
          kind: 'table',
          rows: node.children.map((row) =>
            row.children.map((cell) => squashSpaces(inlineText(cell.children))),
          ),
          line,
          column,
        });
        break;
      case 'code':
      case 'html': {
        const value = node.type === 'html' ? node.value.replace(/<[^>]*>/g, ' ') : node.value;
        value.split('\n').forEach((textLine, i) => {
          const t = squashSpaces(textLine);
          if (t)
            blocks.push({
              kind: 'line',
              text: t,
              line: lineOf((node.position?.start.line ?? 0) + i),
              column,
              gap: i === 0,
            });
        });
        break;
      }
      default:
        // thematicBreak, definition, footnoteDefinition: nothing a reader sees as text.
        break;
    }
  }
  return { blocks, frontMatter };
}

/** Runs of emphasis markers longer than any real document writes (`*_*_*_…`), which the parser resolves in quadratic time. */
const MARKER_RUN = /[*_]{4,}/g;
/** A line that is only one marker repeated is a thematic break, which costs nothing: left alone. */
const THEMATIC_BREAK = /^ {0,3}([*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The text handed to remark, made cheap to parse without changing what a reader sees: runs of blank
 * lines become one (Markdown reads them as one; the parser pays for each), and long runs of `*`/`_`
 * are escaped (they stay as written: underscores are often a blank to fill in).
 * @returns the text and a map from its line numbers back to the original's
 */
export function tameMarkdown(source: string): { text: string; lineOf: (line: number) => number } {
  const hasBlankRun = /\n[ \t]*\n[ \t]*\n/.test(source);
  const hasMarkerRun = /[*_]{4,}/.test(source);
  if (!hasBlankRun && !hasMarkerRun) return { text: source, lineOf: (line) => line };
  const lines = source.split('\n');
  const kept: string[] = [];
  // origin[i] = original 1-based line number of kept line i + 1.
  const origin: number[] = [];
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const isBlank = line.trim() === '';
    if (isBlank && blank) continue;
    blank = isBlank;
    if (hasMarkerRun && !THEMATIC_BREAK.test(line))
      line = line.replace(MARKER_RUN, (run) => run.replace(/[*_]/g, '\\$&'));
    kept.push(line);
    origin.push(i + 1);
  }
  return { text: kept.join('\n'), lineOf: (line) => origin[line - 1] ?? line };
}

/** The list marker as written in the source (`1.`, `2)`, `-`, `+`), with a trailing space. */
function listMarker(source: string, item: Nodes, ordered: boolean): string {
  const offset = item.position?.start.offset;
  if (offset === undefined) return ordered ? '1. ' : '- ';
  const m = /^[ \t]*(\d{1,9}[.)]|[-+*])/.exec(source.slice(offset, offset + 16));
  return m ? `${m[1]} ` : '';
}

/** Flattens inline content to text, keeping soft and hard line breaks as `\n` (an explicit stack: emphasis may nest deep). */
function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  const stack: PhrasingContent[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += node.value.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      default:
        if ('children' in node) {
          const children = node.children as PhrasingContent[];
          for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
        }
    }
  }
  return out;
}
