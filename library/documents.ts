/**
 * Turning agreements and the law into search documents: one per article,
 * clause, point, item and table, carrying the agreement's metadata for
 * filters and facets and the topics of the clause (its own words and its
 * article's heading).
 */

import { expiryStatus } from '../clauses/expiry.ts';
import { LAW_DOCUMENTS } from '../clauses/law.ts';
import { classifyText, nodeText } from '../clauses/topics.ts';
import { walkTree } from '../clauses/tree.ts';
import type { Agreement, AgreementEvent, StructureNode } from '../clauses/types.ts';
import type { SearchDocument } from './search-types.ts';

const INDEXED_KINDS = new Set(['article', 'clause', 'point', 'item', 'table', 'paragraph']);

/** Separator in document ids: not a character of agreement ids or node ids. */
export const ID_SEPARATOR = '~';

/**
 * The search documents of an agreement, in document order.
 * @param events recorded events: an extension moves the expiry date the status facet uses
 */
export function agreementDocuments(
  agreement: Agreement,
  events: readonly AgreementEvent[] = [],
): SearchDocument[] {
  const { meta } = agreement;
  // Judged on the day of the latest extension so every extension counts, whenever the search runs.
  const latest =
    events
      .map((e) => e.date)
      .sort()
      .at(-1) ?? '0000-01-01';
  const expiry = expiryStatus(agreement, latest, { events });
  const documents: SearchDocument[] = [];
  walkTree(agreement.tree, (node, ancestors) => {
    if (!INDEXED_KINDS.has(node.type)) return undefined;
    const text = node.type === 'table' ? node.rows.map((row) => row.join(' | ')).join('\n') : node.text;
    const heading = node.type === 'table' ? undefined : node.heading;
    if (!text && !heading) return undefined;
    const article = [...ancestors].reverse().find((a): a is StructureNode => a.type === 'article');
    const topics = new Set(classifyText(nodeText(node)).map((m) => m.topic));
    if (article && article !== node) for (const m of classifyText(article.heading ?? '')) topics.add(m.topic);
    const doc: SearchDocument = {
      id: `${agreement.id}${ID_SEPARATOR}${node.id}`,
      source: 'agreement',
      agreementId: agreement.id,
      clauseId: node.id,
      kind: node.type,
      path: node.path,
      text,
      level: meta.level,
      topics: [...topics],
      order: documents.length,
    };
    if (heading) doc.heading = heading;
    for (const key of [
      'employer',
      'industry',
      'province',
      'district',
      'superiorUnion',
      'signedOn',
    ] as const) {
      const value = meta[key];
      if (value !== undefined) doc[key] = value;
    }
    if (agreement.grade) doc.grade = agreement.grade;
    if (expiry.effectiveOn) doc.effectiveOn = expiry.effectiveOn;
    if (expiry.expiresOn) doc.expiresOn = expiry.expiresOn;
    documents.push(doc);
    return undefined;
  });
  return documents;
}

/** The Labour Code and Decree 145 as search documents: one per article lead-in and one per clause. */
export function lawDocuments(): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const [law, document] of LAW_DOCUMENTS) {
    const slug = law === 'BLLĐ 2019' ? 'blld-2019' : 'nd-145-2020';
    for (const article of document.articles) {
      const base = `dieu-${article.number}`;
      const title = `Điều ${article.number} ${law}`;
      const parts: Array<{ clauseId: string; path: string; text: string }> = [];
      if (article.intro || article.clauses.length === 0)
        parts.push({ clauseId: base, path: title, text: article.intro });
      for (const clause of article.clauses) {
        parts.push({
          clauseId: `${base}.khoan-${clause.number}`,
          path: `${title} › khoản ${clause.number}`,
          text: [clause.text, ...clause.points.map((p) => `${p.letter}) ${p.text}`)].join('\n'),
        });
      }
      for (const part of parts) {
        documents.push({
          id: `law${ID_SEPARATOR}${slug}${ID_SEPARATOR}${part.clauseId}`,
          source: 'law',
          clauseId: part.clauseId,
          kind: 'law',
          path: part.path,
          heading: article.heading,
          text: part.text,
          employer: document.title,
          topics: classifyText(`${article.heading}. ${part.text}`).map((m) => m.topic),
          order: documents.length,
        });
      }
    }
  }
  return documents;
}
