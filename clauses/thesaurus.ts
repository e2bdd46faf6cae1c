/**
 * The thesaurus of labour-agreement Vietnamese, read from
 * `data/thesaurus.json`: groups of words and phrases for the same thing (the
 * law's wording and what people type), abbreviations, syllables spelled two
 * ways, and words that fold alike but must never be merged. `expandQuery`
 * turns a query into its alternative phrasings, each with a weight.
 */

import { z } from 'zod';
import raw from './data/thesaurus.json' with { type: 'json' };
import { type ParsedQuery, parseSearchQuery, type QueryTerm } from './search-text.ts';
import { foldText, lowerText } from './text.ts';
import { classifyText, getTopic } from './topics.ts';

const Phrase = z
  .string()
  .min(1)
  .refine((s) => s === lowerText(s), 'must be lower case, single spaces, canonical tone marks');

const GroupSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  /** The clause topic the group speaks of, when there is one. */
  topic: z.string().optional(),
  sources: z.array(z.string()).min(1),
  /** The article of the law that uses the formal wording. */
  cite: z.string().optional(),
  /** The formal wording first, then what people write. */
  terms: z.array(Phrase).min(2),
  /** Lead to the group from a query; never searched for in place of its terms. */
  oneWay: z.array(Phrase).optional(),
});

const AbbreviationSchema = z.object({
  forms: z.array(z.string().min(1)).min(1),
  long: Phrase,
});

const ThesaurusFileSchema = z.object({
  version: z.string(),
  note: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string() })).min(1),
  groups: z.array(GroupSchema).min(1),
  abbreviations: z.array(AbbreviationSchema),
  /** Words people add to a question that agreements do not write (`bao nhiêu`, `mấy`, `được không`). */
  questionWords: z.array(Phrase),
  spellings: z.array(z.tuple([Phrase, Phrase])),
  distinct: z.array(z.tuple([Phrase, Phrase])),
});

export type ThesaurusGroup = z.infer<typeof GroupSchema>;
export type Thesaurus = z.infer<typeof ThesaurusFileSchema>;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const wordsOf = (text: string) => [...lowerText(text).matchAll(WORD)].map((m) => m[0]);

/**
 * Validates a thesaurus file: its shape, then that groups name known topics
 * and sources, and that no group merges the two words of a `distinct` pair.
 *
 * @throws Error saying which entry is wrong and why
 */
export function parseThesaurus(data: unknown): Thesaurus {
  const thesaurus = ThesaurusFileSchema.parse(data);
  const sources = new Set(thesaurus.sources.map((s) => s.id));
  for (const group of thesaurus.groups) {
    if (group.topic && !getTopic(group.topic))
      throw new Error(`Thesaurus group "${group.id}": unknown topic "${group.topic}"`);
    for (const source of group.sources)
      if (!sources.has(source)) throw new Error(`Thesaurus group "${group.id}": unknown source "${source}"`);
    const terms = [...group.terms, ...(group.oneWay ?? [])];
    for (const [a, b] of thesaurus.distinct) {
      const swapped = terms.flatMap((term) =>
        wordsOf(term).includes(a)
          ? [
              wordsOf(term)
                .map((w) => (w === a ? b : w))
                .join(' '),
            ]
          : [],
      );
      const clash = swapped.find((s) => terms.some((t) => wordsOf(t).join(' ') === s));
      if (clash)
        throw new Error(
          `Thesaurus group "${group.id}" merges "${a}" and "${b}" (in "${clash}"), which must stay apart`,
        );
    }
    const folded = new Map<string, string>();
    for (const term of terms) {
      const key = wordsOf(term).map(foldText).join(' ');
      const twin = folded.get(key);
      if (twin)
        throw new Error(
          `Thesaurus group "${group.id}": "${term}" and "${twin}" are the same words once folded`,
        );
      folded.set(key, term);
    }
  }
  for (const [a, b] of thesaurus.spellings)
    if (foldText(a) === foldText(b))
      throw new Error(
        `Thesaurus: spellings "${a}" and "${b}" fold alike, so the folded index already merges them`,
      );
  for (const [a, b] of thesaurus.distinct)
    if (foldText(a) !== foldText(b))
      throw new Error(`Thesaurus: distinct words "${a}" and "${b}" do not fold alike, so need no guard`);
  return thesaurus;
}

/** The bundled thesaurus, validated when first imported. */
export const THESAURUS: Thesaurus = parseThesaurus(raw);

/** Weights of the ways one phrasing leads to another. */
export const EXPANSION_WEIGHTS = {
  abbreviation: 0.95,
  spelling: 0.9,
  synonym: 0.8,
  oneWay: 0.7,
} as const;

interface Replacement {
  words: string[];
  weight: number;
  entry: string;
}

interface LexiconPhrase {
  words: string[];
  folded: string[];
  replacements: Replacement[];
  topic?: string;
}

/** Phrases by their first folded word, longest first. */
function buildLexicon(thesaurus: Thesaurus): Map<string, LexiconPhrase[]> {
  const byKey = new Map<string, LexiconPhrase>();
  const add = (phrase: string, to: string, weight: number, entry: string, topic?: string) => {
    const words = wordsOf(phrase);
    const target = wordsOf(to);
    if (words.length === 0 || target.join(' ') === words.join(' ')) return;
    const key = words.join(' ');
    let found = byKey.get(key);
    if (!found) {
      found = { words, folded: words.map(foldText), replacements: [] };
      byKey.set(key, found);
    }
    if (topic && !found.topic) found.topic = topic;
    const same = found.replacements.find((r) => r.words.join(' ') === target.join(' '));
    if (same) same.weight = Math.max(same.weight, weight);
    else found.replacements.push({ words: target, weight, entry });
  };
  for (const group of thesaurus.groups) {
    for (const term of group.terms)
      for (const other of group.terms) add(term, other, EXPANSION_WEIGHTS.synonym, group.id, group.topic);
    for (const term of group.oneWay ?? [])
      for (const other of group.terms) add(term, other, EXPANSION_WEIGHTS.oneWay, group.id, group.topic);
  }
  for (const { forms, long } of thesaurus.abbreviations) {
    for (const form of forms) {
      add(form, long, EXPANSION_WEIGHTS.abbreviation, `abbr:${forms[0]}`);
      add(long, form, EXPANSION_WEIGHTS.abbreviation, `abbr:${forms[0]}`);
    }
  }
  for (const [a, b] of thesaurus.spellings) {
    add(a, b, EXPANSION_WEIGHTS.spelling, `spelling:${a}`);
    add(b, a, EXPANSION_WEIGHTS.spelling, `spelling:${a}`);
  }
  const lexicon = new Map<string, LexiconPhrase[]>();
  for (const phrase of byKey.values()) {
    phrase.replacements.sort((x, y) => y.weight - x.weight);
    const first = phrase.folded[0]!;
    lexicon.set(first, [...(lexicon.get(first) ?? []), phrase]);
  }
  for (const list of lexicon.values()) list.sort((a, b) => b.words.length - a.words.length);
  return lexicon;
}

const LEXICON = buildLexicon(THESAURUS);

/** An alternative phrasing of a query. */
export interface Alternative {
  /** The query with some words replaced, as words separated by spaces. */
  text: string;
  /** Its terms, ready for an index: replaced phrases are phrases (adjacent words). */
  terms: QueryTerm[];
  /** 0–1: how close it is to what was typed (the product of its replacements). */
  weight: number;
  /** What was replaced, and by which thesaurus entry. */
  replaced: Array<{ from: string; to: string; entry: string }>;
}

interface Token {
  word: string;
  folded: string;
  accented: boolean;
  term: number;
}

interface Match {
  start: number;
  end: number;
  phrase: LexiconPhrase;
}

function tokensOf(parsed: ParsedQuery): Token[] {
  return parsed.terms.flatMap((term, index) =>
    term.words.map((word, k) => ({
      word,
      folded: term.folded[k]!,
      accented: word !== term.folded[k],
      term: index,
    })),
  );
}

/** Whether a span of tokens may be replaced: it must not cut a phrase term in two. */
function alignedToTerms(tokens: Token[], parsed: ParsedQuery, start: number, end: number): boolean {
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  const startsTerm = start === 0 || tokens[start - 1]!.term !== first.term;
  const endsTerm = end === tokens.length || tokens[end]!.term !== last.term;
  if (parsed.terms[first.term]!.phrase && !startsTerm) return false;
  if (parsed.terms[last.term]!.phrase && !endsTerm) return false;
  return true;
}

function findMatches(tokens: Token[], parsed: ParsedQuery): Match[] {
  const matches: Match[] = [];
  tokens.forEach((token, start) => {
    for (const phrase of LEXICON.get(token.folded) ?? []) {
      const end = start + phrase.words.length;
      if (end > tokens.length) continue;
      // A word typed with diacritics must match them (`lượng` is not `lương`); one typed without matches folded.
      const same = phrase.words.every((w, k) => {
        const t = tokens[start + k]!;
        return t.accented ? t.word === w : t.folded === phrase.folded[k];
      });
      if (same && alignedToTerms(tokens, parsed, start, end)) matches.push({ start, end, phrase });
    }
  });
  // Keep the longest phrases: `tiền ăn giữa ca` rather than `ăn giữa ca` inside it (spellings of one word stay).
  const spelling = (m: Match) => m.phrase.replacements.every((r) => r.entry.startsWith('spelling:'));
  return matches.filter(
    (m) =>
      spelling(m) ||
      !matches.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
}

/**
 * The alternative phrasings of a query, best first: formal ↔ everyday words,
 * abbreviations both ways, y/i spellings, combined when a query holds several.
 * The query itself is not among them. Words typed with diacritics only match
 * an entry with the same diacritics, so `lượng` never leads to `lương`.
 *
 * @param query what was typed, or its parse
 * @param options `max`: at most this many alternatives (default 16)
 * @example expandQuery('tien an giua ca')[0]?.text // 'bữa ăn giữa ca'
 */
export function expandQuery(query: string | ParsedQuery, options: { max?: number } = {}): Alternative[] {
  const max = options.max ?? 16;
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  const tokens = tokensOf(parsed);
  const matches = findMatches(tokens, parsed);
  if (matches.length === 0) return [];

  type Partial = { at: number; terms: QueryTerm[]; weight: number; replaced: Alternative['replaced'] };
  const keepTerms = (from: number, to: number): QueryTerm[] => {
    // Whole terms between two token positions (spans are aligned to phrase terms).
    const out: QueryTerm[] = [];
    for (let k = from; k < to; k++) {
      const token = tokens[k]!;
      const term = parsed.terms[token.term]!;
      if (term.phrase) {
        if (k === 0 || tokens[k - 1]!.term !== token.term) out.push(term);
      } else out.push(term);
    }
    return out;
  };
  const byStart = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  let beam: Partial[] = [{ at: 0, terms: [], weight: 1, replaced: [] }];
  const done: Partial[] = [];
  const width = max * 4;
  while (beam.length) {
    const next: Partial[] = [];
    for (const partial of beam) {
      const ahead = byStart.filter((m) => m.start >= partial.at);
      if (ahead.length === 0) {
        done.push({ ...partial, terms: [...partial.terms, ...keepTerms(partial.at, tokens.length)] });
        continue;
      }
      // Either skip to the end, keeping the words, or replace the next match.
      done.push({ ...partial, terms: [...partial.terms, ...keepTerms(partial.at, tokens.length)] });
      for (const match of ahead) {
        const span = tokens.slice(match.start, match.end);
        const accented = span.some((t) => t.accented);
        for (const replacement of match.phrase.replacements) {
          const term: QueryTerm = {
            words: replacement.words,
            folded: replacement.words.map(foldText),
            phrase: replacement.words.length > 1,
            prefix: false,
            accented,
          };
          next.push({
            at: match.end,
            terms: [...partial.terms, ...keepTerms(partial.at, match.start), term],
            weight: partial.weight * replacement.weight,
            replaced: [
              ...partial.replaced,
              {
                from: span.map((t) => t.word).join(' '),
                to: replacement.words.join(' '),
                entry: replacement.entry,
              },
            ],
          });
        }
      }
    }
    next.sort((a, b) => b.weight - a.weight || a.replaced.length - b.replaced.length);
    beam = next.slice(0, width);
  }
  const original = parsed.terms.flatMap((t) => t.folded).join(' ');
  const seen = new Set([original]);
  const alternatives: Alternative[] = [];
  done.sort((a, b) => b.weight - a.weight || a.replaced.length - b.replaced.length);
  for (const { terms, weight, replaced } of done) {
    if (replaced.length === 0) continue;
    const folded = terms.flatMap((t) => t.folded).join(' ');
    if (seen.has(folded)) continue;
    seen.add(folded);
    alternatives.push({
      text: terms.flatMap((t) => t.words).join(' '),
      terms,
      weight: Math.round(weight * 1e4) / 1e4,
      replaced,
    });
    if (alternatives.length >= max) break;
  }
  return alternatives;
}

/**
 * The topics a query names: the topics whose keywords it (or one of its
 * alternatives) contains, and those of the thesaurus entries it matched, in
 * the order of the query's words.
 *
 * @example topicsOfQuery('tien com ca') // ['meal']
 */
export function topicsOfQuery(query: string | ParsedQuery, alternatives?: readonly Alternative[]): string[] {
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  const tokens = tokensOf(parsed);
  const topics: string[] = [];
  const add = (topic: string | undefined) => {
    if (topic && !topics.includes(topic)) topics.push(topic);
  };
  for (const match of findMatches(tokens, parsed)) add(match.phrase.topic);
  const texts = [
    parsed.terms.flatMap((t) => t.words).join(' '),
    ...(alternatives ?? expandQuery(parsed)).slice(0, 4).map((a) => a.text),
  ];
  for (const text of texts) for (const { topic } of classifyText(text)) add(topic);
  return topics;
}

const QUESTION_WORDS = THESAURUS.questionWords.map((phrase) => {
  const words = wordsOf(phrase);
  return { words, folded: words.map(foldText) };
});

/**
 * The query without the words people add to a question (`bao nhiêu`, `mấy`,
 * `được không`): the words an agreement would write. Phrases in quotes stay.
 *
 * @example withoutQuestionWords(parseSearchQuery('nghi phep bao nhieu ngay')).terms.map((t) => t.folded[0]) // ['nghi', 'phep', 'ngay']
 */
export function withoutQuestionWords(parsed: ParsedQuery): ParsedQuery {
  const tokens = tokensOf(parsed);
  const drop = new Set<number>();
  // A question word inside a longer thesaurus phrase is a word of that phrase: `toi` of `tang ca toi da`
  // is `tối` (at most), not `tôi` (I).
  const phrases = findMatches(tokens, parsed).filter((m) => m.end - m.start > 1);
  const inPhrase = (start: number, end: number) =>
    phrases.some((m) => m.start <= start && m.end >= end && m.end - m.start > end - start);
  tokens.forEach((_, start) => {
    for (const q of QUESTION_WORDS) {
      const end = start + q.words.length;
      if (end > tokens.length) continue;
      const same = q.words.every((w, k) => {
        const t = tokens[start + k]!;
        return !parsed.terms[t.term]!.phrase && (t.accented ? t.word === w : t.folded === q.folded[k]);
      });
      if (same && !inPhrase(start, end)) for (let k = start; k < end; k++) drop.add(tokens[k]!.term);
    }
  });
  if (drop.size === 0 || drop.size === parsed.terms.length) return parsed;
  const terms = parsed.terms.filter((_, i) => !drop.has(i));
  return { terms, foldedWords: terms.flatMap((t) => t.folded) };
}

/** What an index searches for a query besides its words. */
export interface QueryPlan {
  parsed: ParsedQuery;
  /** Alternative phrasings, best first; the query without its question words is one of them. */
  alternatives: Alternative[];
  /** Topics the query names. */
  topics: string[];
  /** Whether the query is mostly the words of those topics (`bữa ăn`, `tien tang ca ngay le`), not a sentence that mentions one. */
  aboutTopics: boolean;
  /** The terms a near match counts: the query's, without question words. */
  coreTerms: QueryTerm[];
}

/** Weight of the query read without its question words. */
export const CORE_WEIGHT = 0.85;

/**
 * Plans a search: the query's alternative phrasings (from the thesaurus, and
 * without question words), the topics it names, and the words a near match counts.
 *
 * @example planQuery('tang ca toi da bao nhieu gio').alternatives[0]?.text // 'tang ca toi da gio'
 */
export function planQuery(query: string | ParsedQuery, options: { max?: number } = {}): QueryPlan {
  const max = options.max ?? 16;
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  const core = withoutQuestionWords(parsed);
  const alternatives = expandQuery(parsed, { max });
  if (core !== parsed) {
    const seen = new Set([
      parsed.foldedWords.join(' '),
      ...alternatives.map((a) => a.terms.flatMap((t) => t.folded).join(' ')),
    ]);
    const own: Alternative = {
      text: core.terms.flatMap((t) => t.words).join(' '),
      terms: core.terms,
      weight: CORE_WEIGHT,
      replaced: [],
    };
    for (const alternative of [
      own,
      ...expandQuery(core, { max }).map((a) => ({ ...a, weight: a.weight * CORE_WEIGHT })),
    ]) {
      const key = alternative.terms.flatMap((t) => t.folded).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      alternatives.push(alternative);
    }
    alternatives.sort((a, b) => b.weight - a.weight);
    alternatives.splice(max);
  }
  const topics = topicsOfQuery(parsed, alternatives);
  return {
    parsed,
    alternatives,
    topics,
    aboutTopics: topics.length > 0 && topicShare(core) >= TOPIC_SHARE,
    coreTerms: core.terms,
  };
}

/** A query is about its topics when their words make up this share of its words, or more. */
const TOPIC_SHARE = 0.4;

/** The share of a query's words that belong to a phrase naming a topic. */
function topicShare(parsed: ParsedQuery): number {
  const tokens = tokensOf(parsed);
  if (tokens.length === 0) return 0;
  const covered = new Set<number>();
  for (const match of findMatches(tokens, parsed))
    if (match.phrase.topic) for (let k = match.start; k < match.end; k++) covered.add(k);
  const keywordWords = new Set(
    classifyText(tokens.map((t) => t.word).join(' ')).flatMap((m) =>
      m.words.flatMap((w) => wordsOf(w).map(foldText)),
    ),
  );
  tokens.forEach((t, k) => {
    if (keywordWords.has(t.folded)) covered.add(k);
  });
  return covered.size / tokens.length;
}

/**
 * The thesaurus as a synonym table for an engine that folds accents itself
 * (Meilisearch): each folded phrase → the folded phrases it may be searched as.
 * One-way words lead to their group and never back; look-alike words are
 * never merged, because folded keys keep their own words.
 */
export function foldedSynonyms(thesaurus: Thesaurus = THESAURUS): Record<string, string[]> {
  const table = new Map<string, Set<string>>();
  const lexicon = thesaurus === THESAURUS ? LEXICON : buildLexicon(thesaurus);
  for (const phrases of lexicon.values()) {
    for (const phrase of phrases) {
      const key = phrase.folded.join(' ');
      const targets = table.get(key) ?? new Set<string>();
      for (const r of phrase.replacements) {
        const target = r.words.map(foldText).join(' ');
        if (target !== key) targets.add(target);
      }
      if (targets.size) table.set(key, targets);
    }
  }
  return Object.fromEntries([...table].map(([key, targets]) => [key, [...targets].sort()]));
}

/**
 * The folded phrases of two words or more that a query's alternatives can
 * search for in place of what was typed (`bua an giua ca`), as words separated
 * by spaces: an index can note at import which of them each document holds,
 * and answer an alternative from that note instead of matching the phrase.
 */
export function searchedPhrases(): string[] {
  const phrases = new Set<string>();
  for (const list of LEXICON.values())
    for (const phrase of list)
      for (const { words } of phrase.replacements)
        if (words.length > 1) phrases.add(words.map(foldText).join(' '));
  return [...phrases].sort();
}
