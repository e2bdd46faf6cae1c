/**
 * The words of the law a clause is compared with: articles of the Labour
 * Code 2019, Decree 145/2020 and the OSH Law 2015 (public legal texts, `data/law-*.json`,
 * built by `scripts/build-law-data.ts`), looked up by citation.
 */

import { z } from 'zod';
import bllđ from './data/law-bo-luat-lao-dong-2019.json' with { type: 'json' };
import atvsld from './data/law-luat-an-toan-ve-sinh-lao-dong-2015.json' with { type: 'json' };
import nd145 from './data/law-nghi-dinh-145-2020.json' with { type: 'json' };
import type { Citation } from './floors.ts';

const LawDocumentSchema = z.object({
  law: z.string(),
  title: z.string(),
  articles: z.array(
    z.object({
      number: z.number().int().positive(),
      heading: z.string(),
      chapter: z.string().optional(),
      intro: z.string(),
      clauses: z.array(
        z.object({
          number: z.number().int().positive(),
          text: z.string(),
          points: z.array(z.object({ letter: z.string(), text: z.string() })),
        }),
      ),
    }),
  ),
});

export type LawDocument = z.infer<typeof LawDocumentSchema>;
export type LawArticle = LawDocument['articles'][number];

function byName(data: readonly unknown[]): Map<string, LawDocument> {
  return new Map(
    data.map((raw) => {
      const document = LawDocumentSchema.parse(raw);
      return [document.law, document] as const;
    }),
  );
}

/** The labour law texts we hold, by their short name (`BLLĐ 2019`, `NĐ 145/2020`): searched and compared word for word. */
export const LAW_DOCUMENTS: ReadonlyMap<string, LawDocument> = byName([bllđ, nd145]);

/** Every law text a floor may cite, for its words beside a row: the labour texts and the OSH Law 2015. */
const CITED_DOCUMENTS: ReadonlyMap<string, LawDocument> = new Map([...LAW_DOCUMENTS, ...byName([atvsld])]);

/** The words of the law at a citation. */
export interface LawExcerpt {
  /** `Điều 98. Tiền lương làm thêm giờ, làm việc vào ban đêm` */
  title: string;
  /** The cited clause or point, with the clause's lead-in when a point is cited. */
  text: string;
  source: string;
}

/** Finds an article of a law we hold. */
export function lawArticle(law: string, article: number): LawArticle | undefined {
  return CITED_DOCUMENTS.get(law)?.articles.find((a) => a.number === article);
}

/**
 * The text a citation points at, or `undefined` when we do not hold that law.
 * @example lawExcerpt({ text: '…', law: 'BLLĐ 2019', article: 98, clause: 1, point: 'b' })?.text
 *   // 'Người lao động làm thêm giờ … như sau:\nb) Vào ngày nghỉ hằng tuần, ít nhất bằng 200%;'
 */
export function lawExcerpt(citation: Citation): LawExcerpt | undefined {
  const document = CITED_DOCUMENTS.get(citation.law);
  const article = lawArticle(citation.law, citation.article);
  if (!document || !article) return undefined;
  const title = `Điều ${article.number}. ${article.heading}`;
  const whole = () =>
    [
      article.intro,
      ...article.clauses.map(
        (c) => `${c.number}. ${c.text}${c.points.map((p) => `\n${p.letter}) ${p.text}`).join('')}`,
      ),
    ]
      .filter(Boolean)
      .join('\n');
  const clause = citation.clause ? article.clauses.find((c) => c.number === citation.clause) : undefined;
  if (!clause) return { title, text: whole(), source: document.title };
  const point = citation.point ? clause.points.find((p) => p.letter === citation.point?.[0]) : undefined;
  const text = point
    ? `${clause.number}. ${clause.text}\n${point.letter}) ${point.text}`
    : `${clause.number}. ${clause.text}${clause.points.map((p) => `\n${p.letter}) ${p.text}`).join('')}`;
  return { title, text, source: document.title };
}
