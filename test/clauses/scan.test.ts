import { describe, expect, it } from 'vitest';
import { compareWithFloors, OCR_NUMBER_CONFIDENCE, scanSummary, walkTree } from '../../clauses/index.ts';
import type { OcrConfidence } from '../../clauses/types.ts';
import { draftWith } from './draft.ts';

const ON = '2026-11-23';
const BELOW = 'Làm thêm giờ vào ngày nghỉ hằng tuần được trả ít nhất bằng 180% tiền lương.';
const ABOVE = 'Người lao động được nghỉ hằng năm 14 ngày làm việc.';

/** A one-clause draft as if read from page 3 of a scan with these confidences. */
function scanned(text: string, ocr: OcrConfidence) {
  const draft = draftWith(text);
  walkTree(draft.tree, (node) => {
    node.ocr = { ...ocr };
    node.position = { start: { line: node.position?.start.line ?? 1, column: 1, page: 3 } };
  });
  return draft;
}

describe('numbers read from a scan', () => {
  it.each([
    [
      'a number read with low confidence is unclear, never below',
      BELOW,
      OCR_NUMBER_CONFIDENCE - 20,
      'unclear',
    ],
    ['a number read surely keeps its below verdict', BELOW, 96, 'below'],
    ['a low-confidence number above the floor stays above', ABOVE, 50, 'above'],
  ])('%s', (_, text, numberConfidence, verdict) => {
    const [row] = compareWithFloors(scanned(text, { confidence: 90, numberConfidence }), { on: ON }).rows;
    expect(row?.verdict).toBe(verdict);
    if (verdict === 'unclear') {
      expect(row?.reason?.vi).toBe('đọc từ bản quét, cần kiểm tra');
      expect(row?.difference).toBeUndefined();
    }
  });

  it('gives a typed clause its verdict as before', () => {
    expect(compareWithFloors(draftWith(BELOW), { on: ON }).rows[0]?.verdict).toBe('below');
  });
});

describe('scanSummary', () => {
  it('says nothing for a typed document', () => {
    expect(scanSummary(draftWith(ABOVE).tree)).toBeUndefined();
  });

  it('gives the mean confidence and the pages and clauses below the threshold', () => {
    const summary = scanSummary(scanned(ABOVE, { confidence: 72, numberConfidence: 60 }).tree);
    expect(summary?.meanConfidence).toBe(72);
    expect(summary?.lowPages).toEqual([3]);
    expect(summary?.lowNodes.map((n) => [n.page, n.confidence])).toEqual(
      summary?.lowNodes.map(() => [3, 60]),
    );
    expect(summary?.lowNodes.length).toBeGreaterThan(0);
  });
});
