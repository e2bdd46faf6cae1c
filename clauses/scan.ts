/**
 * How sure the reading of a scanned agreement is, from the OCR confidence
 * its clauses keep: the mean, and the clauses and pages below a threshold.
 * A number read with low confidence is never judged below the law (see
 * compareWithFloors): it is unclear until someone checks it on the page.
 */

import { walkTree } from './tree.ts';
import type { ClauseNode, Message } from './types.ts';

/** Below this confidence (0–100) a clause or a page is listed for checking against the page image. */
export const OCR_LOW_CONFIDENCE = 80;
/** Below this confidence a number read by OCR is not compared with a floor as read. */
export const OCR_NUMBER_CONFIDENCE = 80;

export const SCAN_CAUTION: Message = {
  vi: 'đọc từ bản quét, cần kiểm tra',
  en: 'read from a scan; check it',
};

export interface LowConfidenceNode {
  id: string;
  path: string;
  page?: number;
  confidence: number;
}

export interface ScanSummary {
  /** Clauses read by OCR; 0 for a typed document. */
  nodes: number;
  /** Mean confidence over those clauses, 0–100, one decimal. */
  meanConfidence: number;
  /** Pages whose clauses' mean confidence is below the threshold, in order. */
  lowPages: number[];
  /** Clauses below the threshold (their text or their numbers), in document order. */
  lowNodes: LowConfidenceNode[];
}

/**
 * Sums up the OCR confidence a tree's clauses keep.
 * @returns undefined for a tree with no clause read by OCR (a typed document)
 * @example scanSummary(agreement.tree)?.meanConfidence // 93.4
 */
export function scanSummary(
  tree: readonly ClauseNode[],
  threshold = OCR_LOW_CONFIDENCE,
): ScanSummary | undefined {
  let count = 0;
  let sum = 0;
  const pages = new Map<number, { sum: number; count: number }>();
  const lowNodes: LowConfidenceNode[] = [];
  walkTree(tree, (node) => {
    if (!node.ocr) return;
    count++;
    sum += node.ocr.confidence;
    const page = node.position?.start.page;
    if (page !== undefined) {
      const seen = pages.get(page) ?? { sum: 0, count: 0 };
      pages.set(page, { sum: seen.sum + node.ocr.confidence, count: seen.count + 1 });
    }
    const lowest = Math.min(node.ocr.confidence, node.ocr.numberConfidence ?? Number.POSITIVE_INFINITY);
    if (lowest < threshold)
      lowNodes.push({
        id: node.id,
        path: node.path,
        ...(page !== undefined ? { page } : {}),
        confidence: lowest,
      });
  });
  if (count === 0) return undefined;
  return {
    nodes: count,
    meanConfidence: Math.round((sum / count) * 10) / 10,
    lowPages: [...pages]
      .filter(([, p]) => p.sum / p.count < threshold)
      .map(([page]) => page)
      .sort((a, b) => a - b),
    lowNodes,
  };
}

/** Whether a node's numbers were read by OCR with too little confidence to be compared as read. */
export function hasUnsureNumbers(node: Pick<ClauseNode, 'ocr'> | undefined): boolean {
  return node?.ocr?.numberConfidence !== undefined && node.ocr.numberConfidence < OCR_NUMBER_CONFIDENCE;
}
