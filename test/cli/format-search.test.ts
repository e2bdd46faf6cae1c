import { describe, expect, it } from 'vitest';
import { formatSearchResult, formatSpans } from '../../cli/format-search.ts';
import type { SearchResult } from '../../library/index.ts';

describe('cba search output', () => {
  it('brackets the matched words and keeps every other character as written', () => {
    expect(
      formatSpans([
        { text: 'Tiền', match: true },
        { text: ' ăn <b>&amp;</b> "ca" ', match: false },
        { text: 'ăn', match: true },
      ]),
    ).toBe('[Tiền] ăn <b>&amp;</b> "ca" [ăn]');
  });

  it('prints each hit with its place and snippet, then the count', () => {
    const result: SearchResult = {
      total: 7,
      hits: [
        {
          source: 'agreement',
          agreementId: 'det-may-a-2025',
          clauseId: 'dieu-10',
          kind: 'article',
          path: 'Điều 10',
          text: 'Tiền ăn giữa ca',
          employer: 'Công ty A',
          topics: ['meal'],
          highlight: [
            { text: 'Tiền', match: true },
            { text: ' ăn giữa ca', match: false },
          ],
          score: 1,
        },
      ],
      facets: { industry: {}, province: {}, topic: {}, status: {}, grade: {} },
      tookMs: 1.5,
      backend: 'sqlite-fts5',
    };
    expect(formatSearchResult(result)).toEqual([
      'Công ty A — Điều 10 (det-may-a-2025)\n    [Tiền] ăn giữa ca',
      '1/7 kết quả / hits (sqlite-fts5, 1.5 ms)',
    ]);
  });
});
