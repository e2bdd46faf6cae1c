/**
 * HTML to the lines a reader sees: headings and paragraphs as they are, list
 * items numbered the way Word numbers them (`1.`, `a)`, `-`), tables as `|`
 * rows. Mammoth's HTML for a Word file and a web page of the same agreement
 * give the same lines, so the text front end and the one tree builder give
 * the same tree.
 */

import type { Element, ElementContent, Root, RootContent } from 'hast';

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

export interface HtmlToTextOptions {
  /**
   * A web page: white space in the source (line breaks of the markup) is one space, as a browser
   * shows it, and block containers (`div`, `section` …) are entered. Mammoth's HTML has neither.
   */
  web?: boolean;
}

let collapse = false;

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return collapse ? node.value.replace(/\s+/g, ' ') : node.value;
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  if (node.type === 'element' && SKIPPED.has(node.tagName)) return '';
  if (node.type === 'element' || node.type === 'root')
    return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** Elements a reader never sees as text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'iframe',
]);
/** Elements that hold blocks rather than a line of text. */
const BLOCKS = new Set([
  'html',
  'body',
  'main',
  'article',
  'section',
  'header',
  'footer',
  'aside',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ol',
  'ul',
  'li',
  'blockquote',
  'figure',
  'form',
  'dl',
  'dt',
  'dd',
  'pre',
  'center',
  'nav',
]);

/** A chapter, section or article title typed as a plain (often bold) paragraph. */
const ARTICLE_TITLE = /^(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|ĐIỀU|Điều)\s+[\dIVXLC]+/u;
const isElement = (node: ElementContent): node is Element => node.type === 'element';
const clean = (text: string) => text.replace(/[ \t\u00a0]+/g, ' ').trim();

/**
 * The lines of a document: headings and paragraphs as they are, list items numbered, tables as `|` rows.
 *
 * @param root a hast tree (`fromHtml`), from mammoth or from a web page
 */
export function htmlToText(root: Root, options: HtmlToTextOptions = {}): string {
  collapse = options.web === true;
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
  const paragraph = (node: Root | RootContent) => {
    for (const line of textOf(node).split('\n')) {
      const text = clean(line);
      if (text) lines.push(text);
    }
  };
  const block = (node: Element) => {
    if (SKIPPED.has(node.tagName)) return;
    if (node.tagName === 'ol' || node.tagName === 'ul') list(node, 0);
    else if (node.tagName === 'table') table(node);
    else if (options.web && node.children.some((c) => isElement(c) && BLOCKS.has(c.tagName))) {
      // A container: its blocks one by one, and the loose text between them as lines of their own.
      let inline: RootContent[] = [];
      const flush = () => {
        paragraph({ type: 'root', children: inline } as Root);
        inline = [];
      };
      for (const child of node.children) {
        if (isElement(child) && BLOCKS.has(child.tagName)) {
          flush();
          block(child);
        } else inline.push(child);
      }
      flush();
    } else {
      if (/^h[1-6]$/.test(node.tagName) || ARTICLE_TITLE.test(clean(textOf(node)))) clauses = 0;
      paragraph(node);
      if (/^h[1-6]$/.test(node.tagName)) lines.push('');
    }
  };
  for (const node of root.children) if (node.type === 'element') block(node);
  collapse = false;
  return lines.join('\n');
}
