/** Plain-text form of a search result, for the terminal: matched words in [brackets]. */

import type { MatchSpan } from '../clauses/search-text.ts';
import type { SearchResult } from '../library/search-types.ts';

/**
 * A snippet as plain text, each matched word in brackets.
 *
 * @example formatSpans([{ text: 'tiền', match: true }, { text: ' ăn', match: false }]) // '[tiền] ăn'
 */
export function formatSpans(spans: readonly MatchSpan[]): string {
  return spans.map((span) => (span.match ? `[${span.text}]` : span.text)).join('');
}

/** The lines `cba search` prints: each hit (where, then its snippet), then the count and timing. */
export function formatSearchResult(result: SearchResult): string[] {
  return [
    ...result.hits.map(
      (hit) =>
        `${hit.employer ?? ''} — ${hit.path}${hit.agreementId ? ` (${hit.agreementId})` : ''}\n    ${formatSpans(hit.highlight)}`,
    ),
    `${result.hits.length}/${result.total} kết quả / hits (${result.backend}, ${result.tookMs} ms)`,
  ];
}
