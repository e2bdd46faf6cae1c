/**
 * Reading a clause tree: walking it, counting it, finding a node, and the
 * human labels of its numbering (`Chương III › Điều 10 › khoản 1 › điểm b`).
 */

import type { ClauseNode, NodeKind, StructureNode, TreeStats } from './types.ts';

/** Depth-first, document order. Return `false` from `visit` to skip a node's children. */
export function walkTree(
  nodes: readonly ClauseNode[],
  visit: (node: ClauseNode, ancestors: readonly ClauseNode[]) => unknown,
): void {
  // An explicit stack: trees from hostile documents may be deep.
  const stack: Array<{ node: ClauseNode; ancestors: readonly ClauseNode[] }> = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, ancestors: [] });
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (visit(node, ancestors) === false) continue;
    const next = [...ancestors, node];
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, ancestors: next });
  }
}

/** Counts articles, numbered clauses (khoản and decimal items) and all nodes. */
export function countTree(nodes: readonly ClauseNode[]): TreeStats {
  const stats: TreeStats = { articles: 0, clauses: 0, nodes: 0 };
  walkTree(nodes, (node) => {
    stats.nodes++;
    if (node.type === 'article') stats.articles++;
    if (node.type === 'clause') stats.clauses++;
  });
  return stats;
}

/** Finds a node by its id. */
export function findNode(nodes: readonly ClauseNode[], id: string): ClauseNode | undefined {
  let found: ClauseNode | undefined;
  walkTree(nodes, (node) => {
    if (found) return false;
    if (node.id === id) found = node;
    return undefined;
  });
  return found;
}

/** All articles in document order. */
export function listArticles(nodes: readonly ClauseNode[]): StructureNode[] {
  const articles: StructureNode[] = [];
  walkTree(nodes, (node) => {
    if (node.type === 'article') {
      articles.push(node);
      return false;
    }
    return undefined;
  });
  return articles;
}

const LABELS: Record<NodeKind, { vi: string; id: string }> = {
  part: { vi: 'Phần', id: 'phan' },
  chapter: { vi: 'Chương', id: 'chuong' },
  section: { vi: 'Mục', id: 'muc' },
  article: { vi: 'Điều', id: 'dieu' },
  clause: { vi: 'khoản', id: 'khoan' },
  point: { vi: 'điểm', id: 'diem' },
  item: { vi: 'ý', id: 'y' },
  paragraph: { vi: 'đoạn', id: 'doan' },
  table: { vi: 'bảng', id: 'bang' },
};

/**
 * The human label of a node: `Điều 10`, `khoản 1`, `điểm đ`, `3.1`, `ý 2`.
 * @param kind the node kind
 * @param number the number as written, or the node's ordinal among unnumbered siblings
 */
export function nodeLabel(kind: NodeKind, number: string): string {
  if (kind === 'item' && /^\d+\.\d/.test(number)) return number;
  return `${LABELS[kind].vi} ${number}`;
}

/** The id segment of a node: `dieu-10`, `diem-dd`, `y-3-1`. */
export function nodeIdSegment(kind: NodeKind, number: string): string {
  const safe = number
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'dd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${LABELS[kind].id}-${safe || 'x'}`;
}

/** Joins labels into a human path. */
export function joinPath(labels: readonly string[]): string {
  return labels.join(' › ');
}
