/**
 * Clause against the law's own words: for every clause that follows an
 * article of the Labour Code or Decree 145 — because the comparison cites it,
 * because the clause cites it, or because its words are close to it — the
 * word-level difference with the law's text, a similarity score, and
 * `restatesLaw` when the clause is essentially the law's text with nothing
 * more favourable. The federation does not rank agreements that only
 * restate the law (shared/domain/vn-labour-law.md §3).
 */

import type { Comparison } from './compare.ts';
import type { Citation } from './floors.ts';
import { LAW_DOCUMENTS } from './law.ts';
import { walkTree } from './tree.ts';
import type { ClauseNode } from './types.ts';
import { type DiffSpan, syllableSet, wordDiff } from './wording.ts';

/** A clause, point or lead-in of the law: the unit a clause is compared with. */
interface LawUnit {
  citation: Citation;
  title: string;
  text: string;
  syllables: Set<string>;
}

export interface LawWordingRow {
  nodeId: string;
  path: string;
  text: string;
  /** How the law's text was found. */
  source: 'floor' | 'citation' | 'similar';
  law: { citation: Citation; title: string; text: string };
  similarity: number;
  /** From the law's text to the clause. */
  spans: DiffSpan[];
  changedNumbers: { removed: string[]; added: string[] };
  /** Essentially the law's words, and nothing more favourable. */
  restatesLaw: boolean;
}

export interface LawWording {
  rows: LawWordingRow[];
  /** Clauses that restate the law. */
  restating: number;
  /** Clauses compared with the law. */
  compared: number;
}

/** Above this similarity a clause counts as the law's words. */
export const RESTATES_SIMILARITY = 0.8;
/** Below this similarity a clause found by search alone is not said to follow the law. */
const FOLLOWS_SIMILARITY = 0.6;
/** A clause whose floor or own citation points at the law is shown beside it from this similarity on. */
const CITED_SIMILARITY = 0.25;
/** Clauses shorter than this (in syllables) are headings or fragments, not restatements. */
const MIN_SYLLABLES = 8;

let units: LawUnit[] | undefined;
/** Syllable → the units that have it: candidates are found by shared syllables, not by scanning every unit. */
let postings: Map<string, number[]> | undefined;

/** The units whose syllables are at least `threshold` (Dice) alike with a text's. */
function similarUnits(own: ReadonlySet<string>, threshold: number): Array<{ unit: LawUnit; score: number }> {
  const all = lawUnits();
  if (!postings) {
    postings = new Map();
    all.forEach((unit, i) => {
      for (const syllable of unit.syllables) {
        const list = postings!.get(syllable);
        if (list) list.push(i);
        else postings!.set(syllable, [i]);
      }
    });
  }
  // Shared syllables per unit, counted in an array: common syllables reach most units, and a Map
  // of counts cost more than the diffs.
  const shared = new Uint32Array(all.length);
  const touched: number[] = [];
  for (const syllable of own)
    for (const i of postings.get(syllable) ?? []) if (shared[i]!++ === 0) touched.push(i);
  const out: Array<{ unit: LawUnit; score: number }> = [];
  for (const i of touched) {
    const unit = all[i]!;
    const score = (2 * shared[i]!) / (own.size + unit.syllables.size);
    if (score >= threshold) out.push({ unit, score });
  }
  return out.sort((x, y) => y.score - x.score);
}

/** Every clause and point of the laws we hold, as comparable units (built once). */
function lawUnits(): LawUnit[] {
  if (units) return units;
  units = [];
  for (const document of LAW_DOCUMENTS.values()) {
    for (const article of document.articles) {
      const title = `Điều ${article.number}. ${article.heading}`;
      const unit = (text: string, clause?: number, point?: string) => {
        const where = [`Điều ${article.number}`, clause && `khoản ${clause}`, point && `điểm ${point}`];
        const citation: Citation = {
          text: `${where.filter(Boolean).join(' ')} ${document.law}`,
          law: document.law,
          article: article.number,
          ...(clause ? { clause } : {}),
          ...(point ? { point } : {}),
        };
        units!.push({ citation, title, text, syllables: syllableSet(text) });
      };
      if (article.intro) unit(article.intro);
      for (const clause of article.clauses) {
        unit(clause.text, clause.number);
        for (const point of clause.points) {
          unit(point.text, clause.number, point.letter);
          unit(`${clause.text} ${point.text}`, clause.number, point.letter);
        }
        if (clause.points.length)
          unit(
            `${clause.text} ${clause.points.map((p) => `${p.letter}) ${p.text}`).join(' ')}`,
            clause.number,
          );
      }
    }
  }
  return units;
}

const CITED =
  /Điều\s+(\d{1,3})(?:\s+(?:khoản|Khoản)\s+(\d{1,2}))?[^.;\n]{0,40}?(Bộ luật Lao động|BLLĐ|Nghị định(?: số)? 145)/gu;

/** Units of the articles a clause cites in its own words (`theo Điều 112 Bộ luật Lao động`). */
function citedUnits(text: string): LawUnit[] {
  const out: LawUnit[] = [];
  for (const m of text.matchAll(CITED)) {
    const law = m[3]!.includes('145') ? 'NĐ 145/2020' : 'BLLĐ 2019';
    const article = Number(m[1]);
    const clause = m[2] ? Number(m[2]) : undefined;
    out.push(
      ...lawUnits().filter(
        (u) =>
          u.citation.law === law &&
          u.citation.article === article &&
          (clause === undefined || u.citation.clause === clause),
      ),
    );
  }
  return out;
}

/**
 * The law a clause restates word for word, if any: its words are at least
 * `RESTATES_SIMILARITY` alike with a clause or point of the law and it adds no number.
 *
 * @param text a clause's own text
 * @returns the citation of the law it restates, or `undefined`
 */
export function restatesLawAt(text: string): Citation | undefined {
  const own = syllableSet(text);
  if (own.size < MIN_SYLLABLES) return undefined;
  for (const { unit } of similarUnits(own, RESTATES_SIMILARITY * 0.9).slice(0, 3)) {
    const diff = wordDiff(unit.text, text);
    if (diff.similarity >= RESTATES_SIMILARITY && diff.changedNumbers.added.length === 0)
      return unit.citation;
  }
  return undefined;
}

/**
 * Compares every clause of an agreement with the law's text.
 *
 * @param tree the agreement's clauses
 * @param comparison its comparison with the floors: its citations point at the law's text, and a clause
 *   with a verdict `above` or an extra benefit (`no_floor`) is more favourable, never a restatement
 */
export function compareWithLawWording(tree: readonly ClauseNode[], comparison?: Comparison): LawWording {
  // A clause more favourable than the law, or below it, is not the law's words.
  const favourable = new Set(
    comparison?.rows
      .filter((r) => r.verdict === 'above' || r.verdict === 'no_floor' || r.verdict === 'below')
      .map((r) => r.nodeId),
  );
  const floorCitations = new Map<string, Citation[]>();
  for (const row of comparison?.rows ?? []) {
    // An extra benefit cites the article that allows it (Điều 67), not words it follows.
    if (row.floor && row.verdict !== 'no_floor')
      floorCitations.set(row.nodeId, [...(floorCitations.get(row.nodeId) ?? []), row.floor.citation]);
  }
  const rows: LawWordingRow[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'table' || !node.text) return;
    const own = syllableSet(node.text);
    if (own.size < MIN_SYLLABLES) return;
    const candidates = new Map<LawUnit, LawWordingRow['source']>();
    for (const citation of floorCitations.get(node.id) ?? []) {
      for (const unit of lawUnits()) {
        if (
          unit.citation.law === citation.law &&
          unit.citation.article === citation.article &&
          (!citation.clause || unit.citation.clause === citation.clause)
        )
          candidates.set(unit, 'floor');
      }
    }
    for (const unit of citedUnits(node.text)) if (!candidates.has(unit)) candidates.set(unit, 'citation');
    const nearest = similarUnits(own, FOLLOWS_SIMILARITY * 0.8).slice(0, 3);
    for (const { unit } of nearest) if (!candidates.has(unit)) candidates.set(unit, 'similar');
    let best: LawWordingRow | undefined;
    for (const [unit, source] of candidates) {
      const diff = wordDiff(unit.text, node.text);
      if (diff.similarity < (source === 'similar' ? FOLLOWS_SIMILARITY : CITED_SIMILARITY)) continue;
      if (best && diff.similarity <= best.similarity) continue;
      best = {
        nodeId: node.id,
        path: node.path,
        text: node.text,
        source,
        law: { citation: unit.citation, title: unit.title, text: unit.text },
        similarity: Math.round(diff.similarity * 1000) / 1000,
        spans: diff.spans,
        changedNumbers: diff.changedNumbers,
        restatesLaw:
          diff.similarity >= RESTATES_SIMILARITY &&
          !favourable.has(node.id) &&
          diff.changedNumbers.added.length === 0,
      };
    }
    if (best) rows.push(best);
  });
  return { rows, restating: rows.filter((r) => r.restatesLaw).length, compared: rows.length };
}
