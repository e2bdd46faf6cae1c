import type { Agreement, AgreementMeta, ClauseNode } from '../../clauses/index.ts';

/** A one-article agreement around `text`, for comparison tests. */
export function draftWith(text: string, meta: Partial<AgreementMeta> = {}): Pick<Agreement, 'tree' | 'meta'> {
  const tree: ClauseNode[] = [
    { type: 'article', id: 'dieu-1', path: 'Điều 1', number: '1', heading: 'Quy định', text, children: [] },
  ];
  return { tree, meta: { signatories: [], level: 'enterprise', ...meta } };
}
