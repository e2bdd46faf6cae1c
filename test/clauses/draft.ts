import type { Agreement, AgreementMeta, ClauseNode } from '../../clauses/index.ts';

/** A one-article agreement around `text`, for comparison tests. */
export function draftWith(text: string, meta: Partial<AgreementMeta> = {}): Pick<Agreement, 'tree' | 'meta'> {
  const tree: ClauseNode[] = [
    { type: 'article', id: 'dieu-1', path: 'Điều 1', number: '1', heading: 'Quy định', text, children: [] },
  ];
  return { tree, meta: { signatories: [], level: 'enterprise', ...meta } };
}

/** A one-article agreement with one numbered clause per line, as real agreements are written. */
export function draftOfLines(
  text: string,
  meta: Partial<AgreementMeta> = {},
): Pick<Agreement, 'tree' | 'meta'> {
  const clauses: ClauseNode[] = text.split('\n').map((line, i) => ({
    type: 'clause',
    id: `dieu-1.khoan-${i + 1}`,
    path: `Điều 1 › khoản ${i + 1}`,
    number: String(i + 1),
    text: line,
    children: [],
  }));
  const tree: ClauseNode[] = [
    {
      type: 'article',
      id: 'dieu-1',
      path: 'Điều 1',
      number: '1',
      heading: 'Quy định',
      text: '',
      children: clauses,
    },
  ];
  return { tree, meta: { signatories: [], level: 'enterprise', ...meta } };
}
