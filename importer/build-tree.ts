/**
 * One tree builder for every front end: reads blocks, recognises numbering,
 * nests nodes by rank (Phần › Chương › Mục › Điều › khoản › điểm › ý), and
 * separates the header block before the first heading and the signature
 * block after the last article. What it cannot place becomes a warning.
 */

import { foldText } from '../clauses/text.ts';
import { joinPath, nodeIdSegment, nodeLabel, walkTree } from '../clauses/tree.ts';
import type {
  ClauseNode,
  ImportWarning,
  StructureKind,
  StructureNode,
  TableNode,
  WarningCode,
} from '../clauses/types.ts';
import type { Block, LineBlock } from './blocks.ts';
import { classifyLine, isClosingLine, type Marker } from './lines.ts';

export interface BuiltTree {
  tree: ClauseNode[];
  preamble: string[];
  closing: string[];
  /** The source line of each preamble line (a table's rows share its line). */
  preambleAt: number[];
  /** The source line of each closing line. */
  closingAt: number[];
  warnings: ImportWarning[];
}

export interface BuildTreeOptions {
  /** Heading for the single article made when the document has no recognisable structure. */
  fallbackHeading?: string;
}

const RANK: Record<'part' | 'chapter' | 'section' | 'article' | 'clause' | 'point', number> = {
  part: 10,
  chapter: 20,
  section: 30,
  article: 40,
  clause: 50,
  point: 60,
};
const BULLET_RANK = 70;
const BULLET_SYMBOL_DEPTH: Record<string, number> = { '+': 1, '*': 2, '◦': 1, '○': 1, '▪': 2 };

interface Frame {
  node: StructureNode;
  rank: number;
  /** Parts, chapters and sections written as "CHƯƠNG I" take their title from the next line. */
  awaitingHeading: boolean;
}

// Lines a header block is made of: quốc hiệu, company, number, place and date,
// title, căn cứ, the parties and their representatives.
const HEADER_LINE =
  /^(cong hoa|doc lap|so[:\s]|thoa uoc|tuldtt|can cu|hom nay|tai |chung toi|dai dien|ben |ong[:\s/]|ba[:\s]|ong\/ba|chuc vu|chuc danh|dia chi|dien thoai|fax|email|ma so|so tai khoan|tai khoan|cung nhau|cung thoa thuan|gom|gom cac|sau day|cong ty|tong cong ty|cong doan|lien doan|ngan hang|benh vien|truong|tap doan|chi nhanh|doanh nghiep|nganh|nam 20|giai doan|ty le|tong so|so lao dong|nguoi lao dong|nguoi su dung lao dong|ket qua|bien ban|nhiem ky|ha noi|tp|thanh pho|tinh|quan|huyen|khu cong nghiep|kcn|nhu sau|de bao dam|nham|tren co so|hai ben|cac doanh nghiep|[-=_*.]+$)/;

/** A missing article number, a repeated number, stray text before the first heading become warnings. */
export function buildTree(blocks: readonly Block[], options: BuildTreeOptions = {}): BuiltTree {
  const warnings: ImportWarning[] = [];
  const warn = (code: WarningCode, message: string, messageEn: string, line?: number) =>
    warnings.push({ code, message, messageEn, line });

  const firstHeading = blocks.findIndex((b) => b.kind === 'line' && isHeading(classifyLine(b.text)));
  const preamble: string[] = [];
  const closing: string[] = [];
  const preambleAt: number[] = [];
  const closingAt: number[] = [];
  const roots: ClauseNode[] = [];
  const stack: Frame[] = [];

  let bodyStart = firstHeading;
  if (firstHeading < 0) {
    // No Phần/Chương/Mục/Điều at all: keep the header block, read the rest as one article.
    bodyStart = blocks.findIndex((b) => b.kind !== 'line' || !isStrongHeaderLine(b.text));
    if (bodyStart < 0) bodyStart = blocks.length;
    const firstBody = blocks[bodyStart];
    warn(
      'no_structure',
      'Không nhận ra cấu trúc Chương/Điều: toàn bộ nội dung được đọc thành một điều.',
      'No chapter or article structure found: the whole text was read as one article.',
      firstBody?.line,
    );
    const article: StructureNode = {
      type: 'article',
      id: '',
      path: '',
      heading: options.fallbackHeading ?? 'Toàn văn',
      text: '',
      children: [],
      position: firstBody ? { start: { line: firstBody.line, column: firstBody.column } } : undefined,
    };
    roots.push(article);
    stack.push({ node: article, rank: RANK.article, awaitingHeading: false });
  }

  // The header block.
  let strayLines = 0;
  let sawLegalBasis = false;
  for (const block of blocks.slice(0, bodyStart)) {
    if (block.kind === 'table') {
      block.rows.forEach((row, i) => {
        preamble.push(row.join(' | '));
        preambleAt.push(block.line + i);
      });
      continue;
    }
    preamble.push(block.text);
    preambleAt.push(block.line);
    if (/^(?:[-+*•]\s*)?can cu/.test(foldText(block.text))) sawLegalBasis = true;
    const marker = classifyLine(block.text);
    const inList = sawLegalBasis && marker !== undefined && marker.kind !== 'part';
    if (!isHeaderLine(block.text) && !inList) {
      strayLines++;
      if (strayLines <= 3) {
        warn(
          'text_before_first_heading',
          `Dòng ${block.line} đứng trước chương/điều đầu tiên và không thuộc phần mở đầu: "${truncate(block.text)}".`,
          `Line ${block.line} comes before the first chapter or article and is not part of the header: "${truncate(block.text)}".`,
          block.line,
        );
      }
    }
  }
  if (strayLines > 3) {
    warn(
      'text_before_first_heading',
      `Còn ${strayLines - 3} dòng khác đứng trước chương/điều đầu tiên.`,
      `${strayLines - 3} more lines come before the first chapter or article.`,
    );
  }

  let articleCount = 0;
  let lastArticleNumber: number | undefined;
  let inClosing = false;
  let previousWasContinuable = false;

  const top = () => stack[stack.length - 1];
  const appendChild = (child: ClauseNode) => {
    const parent = top();
    if (parent) parent.node.children.push(child);
    else roots.push(child);
  };
  const openNode = (node: StructureNode, rank: number, awaitingHeading: boolean) => {
    while (stack.length > 0 && top()!.rank >= rank) stack.pop();
    const siblings = top()?.node.children ?? roots;
    if (
      node.number !== undefined &&
      siblings.some((s) => s.type === node.type && 'number' in s && s.number === node.number)
    ) {
      const label = nodeLabel(node.type, node.number);
      warn(
        'repeated_number',
        `Dòng ${node.position?.start.line}: số "${label}" lặp lại trong cùng một cấp.`,
        `Line ${node.position?.start.line}: "${label}" is repeated at the same level.`,
        node.position?.start.line,
      );
    }
    siblings.push(node);
    stack.push({ node, rank, awaitingHeading });
  };

  for (const block of blocks.slice(bodyStart)) {
    const position = { start: { line: block.line, column: block.column } };
    const addClosing = (text: string, line: number) => {
      closing.push(text);
      closingAt.push(line);
    };
    if (inClosing) {
      if (block.kind === 'table')
        for (const [i, row] of block.rows.entries()) addClosing(row.join(' | '), block.line + i);
      else addClosing(block.text, block.line);
      continue;
    }
    if (block.kind === 'table') {
      if (articleCount > 0 && block.rows[0]?.some((cell) => isClosingLine(cell))) {
        inClosing = true;
        for (const [i, row] of block.rows.entries()) addClosing(row.join(' | '), block.line + i);
        continue;
      }
      const table: TableNode = { type: 'table', id: '', path: '', rows: block.rows, children: [], position };
      appendChild(table);
      previousWasContinuable = false;
      continue;
    }
    if (articleCount > 0 && isClosingLine(block.text)) {
      inClosing = true;
      addClosing(block.text, block.line);
      continue;
    }

    const marker = classifyLine(block.text);
    if (marker && isHeading(marker)) {
      const node: StructureNode = {
        type: marker.kind,
        id: '',
        path: '',
        number: marker.number,
        heading: stripTrailingPunctuation(marker.heading),
        text: '',
        children: [],
        position,
      };
      if (marker.kind === 'article') {
        articleCount++;
        checkArticleNumber(marker.number, block.line);
      }
      openNode(node, RANK[marker.kind], marker.heading === '');
      previousWasContinuable = marker.kind === 'article' && marker.heading !== '';
      continue;
    }
    if (marker) {
      const node: StructureNode = {
        type: marker.kind === 'decimal' || marker.kind === 'bullet' ? 'item' : marker.kind,
        id: '',
        path: '',
        number: marker.kind === 'bullet' ? undefined : marker.number,
        text: marker.text,
        children: [],
        position,
      };
      openNode(node, rankOf(marker, block), false);
      previousWasContinuable = true;
      continue;
    }

    // Running text.
    const frame = top();
    if (frame?.awaitingHeading && frame.node.heading === '' && looksLikeTitle(block.text)) {
      frame.node.heading = stripTrailingPunctuation(block.text);
      frame.awaitingHeading = false;
      continue;
    }
    if (frame) frame.awaitingHeading = false;
    const parent = frame?.node;
    const lastChild = parent?.children[parent.children.length - 1];
    if (!block.gap && previousWasContinuable && lastChild?.type === 'paragraph') {
      lastChild.text = `${lastChild.text} ${block.text}`;
    } else if (!block.gap && previousWasContinuable && parent && parent.children.length === 0) {
      parent.text = parent.text ? `${parent.text} ${block.text}` : block.text;
    } else if (
      parent &&
      parent.text === '' &&
      parent.children.length === 0 &&
      parent.type !== 'part' &&
      parent.type !== 'chapter' &&
      parent.type !== 'section'
    ) {
      parent.text = block.text;
    } else {
      appendChild({ type: 'paragraph', id: '', path: '', text: block.text, children: [], position });
    }
    previousWasContinuable = true;
  }

  walkTree(roots, (node) => {
    if ((node.type === 'part' || node.type === 'chapter' || node.type === 'section') && !node.heading) {
      const label = nodeLabel(node.type, node.number ?? '');
      const line = node.position?.start.line;
      warn(
        'empty_heading',
        `Dòng ${line}: ${label} không có tiêu đề.`,
        `Line ${line}: ${label} has no title.`,
        line,
      );
    }
    return node.type === 'article' ? false : undefined;
  });

  assignIdsAndPaths(roots);
  return { tree: roots, preamble, closing, preambleAt, closingAt, warnings };

  function checkArticleNumber(number: string | undefined, line: number) {
    if (number === undefined) {
      warn(
        'missing_article_number',
        `Dòng ${line}: điều không có số.`,
        `Line ${line}: an article has no number.`,
        line,
      );
      return;
    }
    const n = Number.parseInt(number, 10);
    if (lastArticleNumber !== undefined && n !== lastArticleNumber + 1 && n !== lastArticleNumber) {
      warn(
        'article_number_sequence',
        `Dòng ${line}: Điều ${number} đứng sau Điều ${lastArticleNumber} (số điều không liên tục).`,
        `Line ${line}: Điều ${number} follows Điều ${lastArticleNumber} (numbering is not continuous).`,
        line,
      );
    }
    lastArticleNumber = n;
  }
}

function isHeading(
  marker: Marker | undefined,
): marker is Extract<Marker, { kind: 'part' | 'chapter' | 'section' | 'article' }> {
  return (
    marker !== undefined &&
    (marker.kind === 'part' ||
      marker.kind === 'chapter' ||
      marker.kind === 'section' ||
      marker.kind === 'article')
  );
}

/** Folded text without a leading bullet or number, for matching header lines. */
function foldHeaderLine(text: string): string {
  return foldText(text).replace(/^(?:[-+*•]|\d{1,2}[.)])\s*/, '');
}

const PLACE_DATE_LINE = /ngay \d{1,2} thang \d{1,2} nam \d{4}/;

function isHeaderLine(text: string): boolean {
  const folded = foldHeaderLine(text);
  return HEADER_LINE.test(folded) || PLACE_DATE_LINE.test(folded);
}

const STRONG_HEADER_LINE = /^(cong hoa|doc lap|so[:\s]|thoa uoc|can cu|[-=_*.]+$)/;

/** Without any headings, only unmistakable header lines (quốc hiệu, number, title, date, capitals) stay out of the body. */
function isStrongHeaderLine(text: string): boolean {
  const folded = foldHeaderLine(text);
  const capitals = /\p{L}/u.test(text) && text === text.toUpperCase();
  return capitals || STRONG_HEADER_LINE.test(folded) || PLACE_DATE_LINE.test(folded);
}

function rankOf(
  marker: Exclude<Marker, { kind: 'part' | 'chapter' | 'section' | 'article' }>,
  block: LineBlock,
): number {
  switch (marker.kind) {
    case 'clause':
      return RANK.clause;
    case 'point':
      return RANK.point + (marker.number.length > 1 ? 2 : 0);
    case 'decimal':
      // 3.1 sits under khoản 3 if there is one, 3.1.2 under 3.1, "8.1 a)" under 8.1.
      return RANK.clause + 1 + 2 * (marker.segments - 2) + (marker.lettered ? 1 : 0);
    case 'bullet':
      return (
        BULLET_RANK +
        (block.depth !== undefined ? block.depth - 1 : (BULLET_SYMBOL_DEPTH[marker.symbol] ?? 0))
      );
  }
}

/** A short line without a final full stop reads as a title. */
function looksLikeTitle(text: string): boolean {
  return text.length <= 160 && !/[.;:,]$/.test(text.trim());
}

function stripTrailingPunctuation(text: string): string {
  return text.replace(/\s*[.:;]\s*$/, '').trim();
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const HEADINGS = new Set<StructureKind | 'paragraph' | 'table'>(['part', 'chapter', 'section', 'article']);

/**
 * Ids are built from numbers, from the article down (articles are numbered
 * through the whole text), so they survive edits elsewhere in the document.
 */
function assignIdsAndPaths(roots: ClauseNode[]): void {
  const used = new Set<string>();
  // The next suffix to try for each base id, so that 10,000 repeated numbers do not cost 10,000² probes.
  const nextSuffix = new Map<string, number>();
  const stack: Array<{ nodes: ClauseNode[]; idPrefix: string; labels: string[] }> = [
    { nodes: roots, idPrefix: '', labels: [] },
  ];
  while (stack.length > 0) {
    const { nodes, idPrefix, labels } = stack.pop()!;
    const ordinals = new Map<string, number>();
    for (const node of nodes) {
      const key = node.type === 'item' && node.number === undefined ? 'bullet' : node.type;
      const ordinal = (ordinals.get(key) ?? 0) + 1;
      ordinals.set(key, ordinal);
      const number =
        'number' in node && node.number !== undefined ? node.number.replace(/\)$/, '') : undefined;
      const unnumberedHeading = number === undefined && HEADINGS.has(node.type);
      const label = unnumberedHeading
        ? `${nodeLabel(node.type, '').trim()} (không số)`
        : nodeLabel(node.type, number ?? String(ordinal));
      const segment = nodeIdSegment(node.type, number ?? `${unnumberedHeading ? 'x' : ''}${ordinal}`);
      // Articles are numbered through the whole text, so their number alone identifies them.
      const base =
        node.type === 'article' && number !== undefined
          ? segment
          : idPrefix
            ? `${idPrefix}.${segment}`
            : segment;
      let id = base;
      if (used.has(id)) {
        let n = nextSuffix.get(base) ?? 2;
        while (used.has(`${base}~${n}`)) n++;
        id = `${base}~${n}`;
        nextSuffix.set(base, n + 1);
      }
      used.add(id);
      node.id = id;
      node.path = joinPath([...labels, label]);
      if (node.children.length > 0)
        stack.push({ nodes: node.children, idPrefix: id, labels: [...labels, label] });
    }
  }
}
