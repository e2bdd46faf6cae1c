/**
 * Two versions of an agreement (typically the same employer's old and new
 * one) compared article by article: articles are aligned by their words,
 * heading and number — never by position alone — so a renumbered or moved
 * article is found; aligned clauses are compared word by word; measured
 * clauses say how their values and verdicts changed
 * ("nghỉ hằng năm 12 → 14 ngày: bằng luật → có lợi hơn").
 */

import { type Comparison, type ComparisonRow, compareWithFloors, type Verdict } from './compare.ts';
import { listArticles, walkTree } from './tree.ts';
import type { Agreement, ClauseNode, StructureNode } from './types.ts';
import { type DiffSpan, setSimilarity, syllableSet, wordDiff } from './wording.ts';

export type ChangeKind = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

export interface UnitRef {
  id: string;
  /** `khoản 2`, `điểm b`, `bảng 1`. */
  label: string;
  text: string;
}

export interface ClauseChange {
  /** `split`: one clause of the old version became two consecutive ones. */
  kind: Exclude<ChangeKind, 'moved'> | 'split';
  from?: UnitRef;
  to?: UnitRef[];
  spans?: DiffSpan[];
  similarity?: number;
}

export interface MeasureChange {
  subject: string;
  label: string;
  labelEn: string;
  from?: { written: string; value: number; verdict: Verdict };
  to?: { written: string; value: number; verdict: Verdict };
  text: string;
  textEn: string;
}

export interface ArticleRef {
  id: string;
  number: string;
  heading: string;
  /** Its index among the version's articles. */
  index: number;
}

export interface ArticleChange {
  kind: ChangeKind;
  /** Aligned with an article of another number. */
  renumbered: boolean;
  from?: ArticleRef;
  to?: ArticleRef;
  similarity: number;
  headingSpans?: DiffSpan[];
  clauses: ClauseChange[];
  measures: MeasureChange[];
}

export interface VersionComparison {
  on: string;
  from: { id: string; employer?: string; signedOn?: string };
  to: { id: string; employer?: string; signedOn?: string };
  articles: ArticleChange[];
  summary: Record<ChangeKind, number> & { renumbered: number };
}

/** Articles below this similarity of their words are never aligned, whatever their number or heading. */
const MIN_CONTENT = 0.3;

interface Unit {
  node: ClauseNode;
  label: string;
  text: string;
  syllables: Set<string>;
}

const textOf = (node: ClauseNode) =>
  node.type === 'table' ? node.rows.map((r) => r.join(' | ')).join('\n') : node.text;

const labelOf = (node: ClauseNode) => node.path.split(' › ').at(-1) ?? node.id;

/** An article's own text and every clause, point and table under it. */
function articleText(article: StructureNode): string {
  const parts: string[] = [];
  walkTree([article], (node) => {
    parts.push(textOf(node));
  });
  return parts.join('\n');
}

/** The clauses, points, items, paragraphs and tables of an article (its own lead-in first). */
function articleUnits(article: StructureNode): Unit[] {
  const units: Unit[] = [];
  if (article.text)
    units.push({
      node: article,
      label: 'đoạn mở đầu',
      text: article.text,
      syllables: syllableSet(article.text),
    });
  walkTree(article.children, (node) => {
    const text = textOf(node);
    if (text) units.push({ node, label: labelOf(node), text, syllables: syllableSet(text) });
  });
  return units;
}

/**
 * Greedy one-to-one alignment by score, best pairs first.
 * @returns for each index of `a`, the index of `b` it is aligned with
 */
function align(
  count: [number, number],
  score: (i: number, j: number) => number | undefined,
): Map<number, number> {
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < count[0]; i++) {
    for (let j = 0; j < count[1]; j++) {
      const s = score(i, j);
      if (s !== undefined) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const ab = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of pairs) {
    if (ab.has(i) || taken.has(j)) continue;
    ab.set(i, j);
    taken.add(j);
  }
  return ab;
}

/** Indices (of `a`) of aligned pairs that keep their order: the longest increasing run of their partners. */
function inOrder(ab: Map<number, number>): Set<number> {
  const pairs = [...ab].sort((x, y) => x[0] - y[0]);
  const length: number[] = [];
  const back: number[] = [];
  pairs.forEach(([, j], k) => {
    length[k] = 1;
    back[k] = -1;
    for (let p = 0; p < k; p++) {
      if (pairs[p]![1] < j && length[p]! + 1 > length[k]!) {
        length[k] = length[p]! + 1;
        back[k] = p;
      }
    }
  });
  const kept = new Set<number>();
  let k = length.indexOf(Math.max(0, ...length));
  while (k >= 0 && pairs[k]) {
    kept.add(pairs[k]![0]);
    k = back[k]!;
  }
  return kept;
}

const ref = (unit: Unit): UnitRef => ({ id: unit.node.id, label: unit.label, text: unit.text });

/** Clause-level changes inside two aligned articles. */
function compareClauses(a: Unit[], b: Unit[]): ClauseChange[] {
  const number = (u: Unit) => (u.node.type === 'table' ? undefined : u.node.number);
  const ab = align([a.length, b.length], (i, j) => {
    const content = setSimilarity(a[i]!.syllables, b[j]!.syllables);
    const sameNumber = number(a[i]!) !== undefined && number(a[i]!) === number(b[j]!);
    if (content < 0.5 && !(sameNumber && content >= 0.3)) return undefined;
    return content + (sameNumber ? 0.05 : 0);
  });
  const matchedB = new Map([...ab].map(([i, j]) => [j, i]));
  const changes: ClauseChange[] = [];
  const consumed = new Set<number>();
  // A split: an old clause whose words are two consecutive new clauses.
  const splits = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const partner = ab.get(i);
    const alone = partner === undefined ? 0 : wordDiff(a[i]!.text, b[partner]!.text).similarity;
    if (alone >= 0.95) continue;
    for (let j = 0; j + 1 < b.length; j++) {
      const free = (k: number) => !matchedB.has(k) || matchedB.get(k) === i;
      if (!free(j) || !free(j + 1) || splits.has(j) || splits.has(j - 1)) continue;
      const joined = wordDiff(a[i]!.text, `${b[j]!.text} ${b[j + 1]!.text}`).similarity;
      if (joined >= 0.8 && joined > alone + 0.1) {
        splits.set(j, i);
        consumed.add(i);
        break;
      }
    }
  }
  for (let j = 0; j < b.length; j++) {
    const split = splits.get(j);
    if (split !== undefined) {
      const diff = wordDiff(a[split]!.text, `${b[j]!.text} ${b[j + 1]!.text}`);
      changes.push({
        kind: 'split',
        from: ref(a[split]!),
        to: [ref(b[j]!), ref(b[j + 1]!)],
        spans: diff.spans,
        similarity: diff.similarity,
      });
      j++;
      continue;
    }
    const i = matchedB.get(j);
    if (i === undefined || consumed.has(i)) {
      changes.push({ kind: 'added', to: [ref(b[j]!)] });
      continue;
    }
    const diff = wordDiff(a[i]!.text, b[j]!.text);
    const same = diff.spans.every((s) => s.op === 'same');
    changes.push({
      kind: same ? 'unchanged' : 'changed',
      from: ref(a[i]!),
      to: [ref(b[j]!)],
      ...(same ? {} : { spans: diff.spans }),
      similarity: diff.similarity,
    });
  }
  for (let i = 0; i < a.length; i++) {
    if (!ab.has(i) && !consumed.has(i)) {
      // Removed clauses are listed where they stood: after the change of the clause before them.
      const before = changes.findIndex((c) => c.from?.id === a[i - 1]?.node.id);
      changes.splice(before + 1, 0, { kind: 'removed', from: ref(a[i]!) });
    }
  }
  return changes;
}

const VERDICT_WORDS: Record<Verdict, [string, string]> = {
  above: ['có lợi hơn', 'above'],
  equal: ['bằng luật', 'equal'],
  below: ['thấp hơn luật', 'below'],
  no_floor: ['không có mức luật', 'no floor'],
  unclear: ['chưa rõ', 'unclear'],
};

/** A table row's first cell names its case ("Con kết hôn"). */
const rowLabel = (row: ComparisonRow) => row.text.split('|')[0]!.trim().toLowerCase();
/** What a measured clause is about and under which conditions: the key rows are paired by. */
const measureKey = (row: ComparisonRow) =>
  `${row.subject}|${JSON.stringify(Object.entries(row.measure.conditions).sort())}|${row.row !== undefined ? rowLabel(row) : ''}`;

function measureChanges(from: ComparisonRow[], to: ComparisonRow[]): MeasureChange[] {
  const before = new Map(from.map((r) => [measureKey(r), r]));
  const after = new Map(to.map((r) => [measureKey(r), r]));
  const changes: MeasureChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && a.measure.value === b.measure.value && a.verdict === b.verdict) continue;
    const any = (b ?? a)!;
    const label = any.floor?.label ?? any.subject;
    const labelEn = any.floor?.labelEn ?? any.subject;
    const side = (r?: ComparisonRow) =>
      r && { written: r.measure.written, value: r.measure.value, verdict: r.verdict };
    const words = (r: ComparisonRow | undefined, en: 0 | 1) =>
      r ? VERDICT_WORDS[r.verdict][en] : en ? 'none' : 'không có';
    changes.push({
      subject: any.subject,
      label,
      labelEn,
      ...(a ? { from: side(a) } : {}),
      ...(b ? { to: side(b) } : {}),
      text: `${label}: ${a?.measure.written ?? '—'} → ${b?.measure.written ?? '—'}: ${words(a, 0)} → ${words(b, 0)}`,
      textEn: `${labelEn}: ${a?.measure.written ?? '—'} → ${b?.measure.written ?? '—'}: ${words(a, 1)} → ${words(b, 1)}`,
    });
  }
  return changes;
}

const articleRef = (article: StructureNode, index: number): ArticleRef => ({
  id: article.id,
  number: article.number ?? '',
  heading: article.heading ?? '',
  index,
});

/**
 * Compares two versions of an agreement.
 *
 * @param from the older version
 * @param to the newer version
 * @param options.on the date whose legal floors give the verdicts of measured clauses
 * @param options.comparisons both versions already compared with the law on `on` (from a cache), if at hand
 */
export function compareVersions(
  from: Agreement,
  to: Agreement,
  options: { on: string; comparisons?: readonly [Comparison, Comparison] },
): VersionComparison {
  const a = listArticles(from.tree);
  const b = listArticles(to.tree);
  const textA = a.map((x) => syllableSet(articleText(x)));
  const textB = b.map((x) => syllableSet(articleText(x)));
  const headA = a.map((x) => syllableSet(x.heading ?? ''));
  const headB = b.map((x) => syllableSet(x.heading ?? ''));
  const ab = align([a.length, b.length], (i, j) => {
    const content = setSimilarity(textA[i]!, textB[j]!);
    const heading = headA[i]!.size && headB[j]!.size ? setSimilarity(headA[i]!, headB[j]!) : 0;
    if (content < MIN_CONTENT || (content < 0.45 && heading < 0.75)) return undefined;
    return content * 0.7 + heading * 0.2 + (a[i]!.number === b[j]!.number ? 0.1 : 0);
  });
  const kept = inOrder(ab);
  // The caller may pass the comparisons it already holds (they are pure: the same on the same day).
  const rowsA = (options.comparisons?.[0] ?? compareWithFloors(from, { on: options.on })).rows;
  const rowsB = (options.comparisons?.[1] ?? compareWithFloors(to, { on: options.on })).rows;
  const rowsOf = (rows: ComparisonRow[], article: StructureNode) =>
    rows.filter((r) => r.nodeId === article.id || r.nodeId.startsWith(`${article.id}.`));

  const articles: ArticleChange[] = [];
  const partnerOfB = new Map([...ab].map(([i, j]) => [j, i]));
  for (let j = 0; j < b.length; j++) {
    const i = partnerOfB.get(j);
    const article = b[j]!;
    if (i === undefined) {
      articles.push({
        kind: 'added',
        renumbered: false,
        to: articleRef(article, j),
        similarity: 0,
        clauses: articleUnits(article).map((u) => ({ kind: 'added', to: [ref(u)] })),
        measures: measureChanges([], rowsOf(rowsB, article)),
      });
      continue;
    }
    const old = a[i]!;
    const clauses = compareClauses(articleUnits(old), articleUnits(article));
    const headingDiff = wordDiff(old.heading ?? '', article.heading ?? '');
    const unchanged =
      clauses.every((c) => c.kind === 'unchanged') && headingDiff.spans.every((s) => s.op === 'same');
    articles.push({
      kind: !kept.has(i) ? 'moved' : unchanged ? 'unchanged' : 'changed',
      renumbered: old.number !== article.number,
      from: articleRef(old, i),
      to: articleRef(article, j),
      similarity: Math.round(setSimilarity(textA[i]!, textB[j]!) * 1000) / 1000,
      ...(headingDiff.spans.some((s) => s.op !== 'same') ? { headingSpans: headingDiff.spans } : {}),
      clauses,
      measures: measureChanges(rowsOf(rowsA, old), rowsOf(rowsB, article)),
    });
  }
  for (let i = 0; i < a.length; i++) {
    if (ab.has(i)) continue;
    const old = a[i]!;
    // A removed article is listed after the article that followed its predecessor.
    const at = articles.findIndex((c) => c.from?.index === i - 1);
    articles.splice(at + 1, 0, {
      kind: 'removed',
      renumbered: false,
      from: articleRef(old, i),
      similarity: 0,
      clauses: articleUnits(old).map((u) => ({ kind: 'removed', from: ref(u) })),
      measures: measureChanges(rowsOf(rowsA, old), []),
    });
  }
  const summary = { added: 0, removed: 0, moved: 0, changed: 0, unchanged: 0, renumbered: 0 };
  for (const change of articles) {
    summary[change.kind]++;
    if (change.renumbered) summary.renumbered++;
  }
  const side = (x: Agreement) => ({
    id: x.id,
    ...(x.meta.employer ? { employer: x.meta.employer } : {}),
    ...(x.meta.signedOn ? { signedOn: x.meta.signedOn } : {}),
  });
  return { on: options.on, from: side(from), to: side(to), articles, summary };
}
