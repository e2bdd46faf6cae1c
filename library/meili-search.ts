/**
 * The Meilisearch adapter: the same documents in an index `clauses`, through
 * the official client. Meilisearch folds accents itself, so every document
 * also carries `exact`, its words spelled in Telex (`lương` → `luwowng`,
 * `lượng` → `luwowngj`): a query typed with diacritics is run twice — with
 * the Telex words required, then folded — and the exact hits come first.
 * Every task is awaited and a failed task becomes a SearchUnavailableError.
 */

import { type Filter, Meilisearch, type RecordAny, type Task } from 'meilisearch';
import { SearchUnavailableError } from '../clauses/errors.ts';
import { EXPIRY_RULE, type ExpiryStatus, expiryDateRange, statusOnDate } from '../clauses/expiry.ts';
import { highlightSpans, type ParsedQuery, parseSearchQuery, toTelex } from '../clauses/search-text.ts';
import { foldText } from '../clauses/text.ts';
import { foldedSynonyms } from '../clauses/thesaurus.ts';
import type { Agreement, AgreementEvent } from '../clauses/types.ts';
import { agreementDocuments, lawDocuments } from './documents.ts';
import { NEAR_THRESHOLD } from './search-candidates.ts';
import {
  applyValidity,
  FACETS,
  type Facet,
  type ReindexReport,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from './search-types.ts';

export interface MeiliOptions {
  url: string;
  apiKey?: string;
  /** Index name; `clauses` by default (tests use their own). */
  index?: string;
}

export interface MeiliDocument extends RecordAny {
  id: string;
  docId: string;
  source: 'agreement' | 'law';
  agreementId: string | null;
  clauseId: string;
  kind: string;
  path: string;
  heading: string | null;
  text: string;
  employer: string | null;
  industry: string | null;
  province: string | null;
  districtWords: string[];
  superiorUnion: string | null;
  level: string | null;
  topics: string[];
  grade: string | null;
  signedOnNum: number | null;
  effectiveOnNum: number | null;
  expiresOnNum: number | null;
  /** `effective_expires` as yyyymmdd numbers, faceted to count statuses on any day. */
  datesKey: string;
  order: number;
  exact: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LAW_DATES = 'law';
const BATCH = 5_000;

const dateNumber = (iso: string | undefined) => (iso ? Number(iso.replaceAll('-', '')) : null);
const fromDateNumber = (n: string) =>
  n === 'null' ? undefined : `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}`;

/** Meilisearch ids allow letters, digits, `-` and `_`: other characters are spelled out. */
function meiliId(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`);
}

/** A search document as the Meilisearch index stores it. */
export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const words = [...`${doc.heading ?? ''} ${doc.text}`.matchAll(WORD)].map((m) => m[0]);
  const effective = dateNumber(doc.effectiveOn);
  const expires = dateNumber(doc.expiresOn);
  return {
    id: meiliId(doc.id),
    docId: doc.id,
    source: doc.source,
    agreementId: doc.agreementId ?? null,
    clauseId: doc.clauseId,
    kind: doc.kind,
    path: doc.path,
    heading: doc.heading ?? null,
    text: doc.text,
    employer: doc.employer ?? null,
    industry: doc.industry ?? null,
    province: doc.province ?? null,
    districtWords: doc.district ? foldText(doc.district).split(' ') : [],
    superiorUnion: doc.superiorUnion ?? null,
    level: doc.level ?? null,
    topics: doc.topics,
    grade: doc.grade ?? null,
    signedOnNum: dateNumber(doc.signedOn),
    effectiveOnNum: effective,
    expiresOnNum: expires,
    datesKey: doc.source === 'law' ? LAW_DATES : `${effective}_${expires}`,
    order: doc.order,
    exact: [...new Set(words.map(toTelex))].join(' '),
  };
}

const quote = (value: string) => JSON.stringify(value);

/**
 * The Meilisearch filter of one expiry status on a day, translated from the
 * rule's table (clauses/expiry-rule.ts), on yyyymmdd numbers; the law has no
 * expiry status.
 */
function statusFilter(status: ExpiryStatus, on: string): string {
  const row = EXPIRY_RULE.find((r) => r.status === status);
  if (!row) return 'source = "none"';
  const day = dateNumber(on);
  const { condition } = row;
  let test: string;
  switch (condition.kind) {
    case 'not_started':
      test = `effectiveOnNum > ${day}`;
      break;
    case 'dates_missing':
      test = `(effectiveOnNum IS NULL OR (effectiveOnNum <= ${day} AND expiresOnNum IS NULL))`;
      break;
    case 'expires_within': {
      const { from, to } = expiryDateRange(condition, on);
      test = [
        `effectiveOnNum <= ${day}`,
        from || to ? '' : 'expiresOnNum IS NOT NULL',
        from ? `expiresOnNum >= ${dateNumber(from)}` : '',
        to ? `expiresOnNum <= ${dateNumber(to)}` : '',
      ]
        .filter(Boolean)
        .join(' AND ');
      break;
    }
  }
  return `(source = "agreement" AND ${test})`;
}

/** The filter of a query, as expressions Meilisearch joins with AND. */
export function toMeiliFilter(query: SearchQuery): string[] {
  const filter: string[] = [];
  const list = (attribute: string, values: readonly string[] | undefined) => {
    if (values?.length) filter.push(`${attribute} IN [${values.map(quote).join(', ')}]`);
  };
  if (query.source === 'agreements') filter.push('source = "agreement"');
  if (query.source === 'law') filter.push('source = "law"');
  const { filters } = query;
  list('industry', filters.industry);
  list('province', filters.province);
  list('topics', filters.topic);
  list('level', filters.level);
  list('grade', filters.grade);
  list('agreementId', filters.agreement);
  if (filters.hidden?.length) filter.push(`agreementId NOT IN [${filters.hidden.map(quote).join(', ')}]`);
  if (filters.district?.length) {
    const each = filters.district.map((d) =>
      foldText(d)
        .split(' ')
        .filter(Boolean)
        .map((w) => `districtWords = ${quote(w)}`)
        .join(' AND '),
    );
    filter.push(`(${each.map((e) => `(${e})`).join(' OR ')})`);
  }
  if (filters.status?.length)
    filter.push(`(${filters.status.map((s) => statusFilter(s, query.on)).join(' OR ')})`);
  return filter;
}

/** The query as Meilisearch reads it: folded words, phrases in quotes. */
function foldedQuery(parsed: ParsedQuery): string {
  return parsed.terms.map((t) => (t.phrase ? `"${t.folded.join(' ')}"` : t.folded.join(' '))).join(' ');
}

const SORTS: Record<string, string[]> = {
  newest: ['effectiveOnNum:desc', 'order:asc'],
  oldest: ['effectiveOnNum:asc', 'order:asc'],
  expires: ['expiresOnNum:asc', 'order:asc'],
  browse: ['signedOnNum:desc', 'agreementId:asc', 'order:asc'],
};

export class MeiliSearchIndex implements SearchIndex {
  readonly backend = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly uid: string;
  private ready: Promise<void> | undefined;

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({
      host: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    });
    this.uid = options.index ?? 'clauses';
  }

  private get index() {
    return this.client.index<MeiliDocument>(this.uid);
  }

  /** Waits for a task and turns a failure into an error that says what failed. */
  private async wait(
    what: string,
    enqueue: () => Promise<unknown> & { waitTask: () => Promise<Task> },
  ): Promise<Task> {
    let task: Task;
    try {
      task = await enqueue().waitTask();
    } catch (cause) {
      throw unavailable(what, cause);
    }
    if (task.status !== 'succeeded') {
      const reason = task.error?.message ?? task.status;
      throw new SearchUnavailableError(
        'search_task_failed',
        `Meilisearch không thực hiện được "${what}": ${reason}`,
        `Meilisearch could not ${what}: ${reason}`,
        { cause: task.error },
      );
    }
    return task;
  }

  /** Creates the index and applies its settings once per process. */
  private setup(): Promise<void> {
    this.ready ??= this.wait('update the index settings', () =>
      this.index.updateSettings({
        searchableAttributes: ['heading', 'text', 'employer', 'exact'],
        displayedAttributes: ['*'],
        filterableAttributes: [
          'source',
          'agreementId',
          'industry',
          'province',
          'districtWords',
          'topics',
          'level',
          'grade',
          'signedOnNum',
          'effectiveOnNum',
          'expiresOnNum',
          'datesKey',
        ],
        sortableAttributes: ['signedOnNum', 'effectiveOnNum', 'expiresOnNum', 'order', 'agreementId'],
        typoTolerance: {
          // Folded Vietnamese syllables are short and close to each other: typos only on long words, never on numbers
          // or on the Telex spellings that carry the exact diacritics.
          disableOnNumbers: true,
          disableOnAttributes: ['exact'],
          minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
        },
        // The same thesaurus as the embedded index, folded as Meilisearch folds: `tang ca` is also `lam them gio`.
        synonyms: foldedSynonyms(),
        faceting: { maxValuesPerFacet: 10_000 },
        pagination: { maxTotalHits: 100_000 },
      }),
    ).then(() => undefined);
    return this.ready;
  }

  async search(asked: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    await this.setup();
    const query = applyValidity(asked);
    const parsed = parseSearchQuery(query.q);
    const text = foldedQuery(parsed);
    const filter: Filter = toMeiliFilter(query);
    const sort = query.sort === 'relevance' ? (text ? undefined : SORTS.browse) : SORTS[query.sort];
    const base = {
      filter,
      ...(sort ? { sort } : {}),
      showRankingScore: true,
      matchingStrategy: 'all' as const,
    };
    const accented = parsed.terms.filter((t) => t.accented);
    const exactFirst = accented.length > 0 && query.sort === 'relevance' && text !== '';
    try {
      // With exact-first ranking, both searches read from the top and are merged before paging.
      const all = await this.index.search(text, {
        ...base,
        facets: ['industry', 'province', 'topics', 'grade', 'datesKey'],
        offset: exactFirst ? 0 : query.offset,
        limit: exactFirst ? query.offset + query.limit : query.limit,
      });
      let hits = all.hits;
      if (exactFirst) {
        // The same query with each accented word's Telex spelling required in `exact`.
        const telex = accented.flatMap((t) => t.words.map(toTelex)).join(' ');
        const exact = await this.index.search(`${text} ${telex}`, {
          ...base,
          offset: 0,
          limit: query.offset + query.limit,
        });
        const seen = new Set<string>();
        hits = [...exact.hits, ...all.hits]
          .filter((hit) => !seen.has(hit.id) && seen.add(hit.id))
          .slice(query.offset, query.offset + query.limit);
      }
      const distribution = all.facetDistribution ?? {};
      const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as Record<Facet, Record<string, number>>;
      facets.industry = { ...(distribution.industry ?? {}) };
      facets.province = { ...(distribution.province ?? {}) };
      facets.topic = { ...(distribution.topics ?? {}) };
      facets.grade = { ...(distribution.grade ?? {}) };
      for (const [key, count] of Object.entries(distribution.datesKey ?? {})) {
        if (key === LAW_DATES) continue; // the law has no expiry status
        const [effective = 'null', expires = 'null'] = key.split('_');
        const status = statusOnDate(fromDateNumber(effective), fromDateNumber(expires), query.on);
        facets.status[status] = (facets.status[status] ?? 0) + count;
      }
      const total = all.estimatedTotalHits ?? hits.length;
      // The same near-match fallback as the embedded index: fewer than a handful with every word, and the
      // page is filled with hits that drop words from the end (Meilisearch's `last` strategy), not counted.
      let approximate = false;
      if (
        !query.literal &&
        text &&
        total < NEAR_THRESHOLD &&
        parsed.terms.length >= 2 &&
        hits.length < query.limit
      ) {
        const near = await this.index.search(text, {
          ...base,
          matchingStrategy: 'last',
          offset: 0,
          limit: query.limit - hits.length + total,
        });
        const seen = new Set(hits.map((hit) => hit.id));
        const extra = near.hits.filter((hit) => !seen.has(hit.id)).slice(0, query.limit - hits.length);
        approximate = extra.length > 0;
        hits = [...hits, ...extra];
      }
      return {
        total,
        hits: hits.map((hit) => toHit(hit, parsed, query.on)),
        ...(approximate ? { approximate } : {}),
        facets,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        backend: this.backend,
      };
    } catch (cause) {
      if (cause instanceof SearchUnavailableError) throw cause;
      throw unavailable('search', cause);
    }
  }

  async indexAgreement(agreement: Agreement, events: readonly AgreementEvent[] = []): Promise<void> {
    await this.setup();
    await this.wait('remove the old clauses', () =>
      this.index.deleteDocuments({ filter: `agreementId = ${quote(agreement.id)}` }),
    );
    await this.wait('add the clauses', () =>
      this.index.addDocuments(agreementDocuments(agreement, events).map(toMeiliDocument)),
    );
  }

  async removeAgreement(id: string): Promise<void> {
    await this.setup();
    await this.wait('remove the clauses', () =>
      this.index.deleteDocuments({ filter: `agreementId = ${quote(id)}` }),
    );
  }

  async rebuild(
    agreements: Iterable<{ agreement: Agreement; events: readonly AgreementEvent[] }>,
    onProgress?: (done: number) => void,
  ): Promise<ReindexReport> {
    await this.setup();
    await this.wait('clear the index', () => this.index.deleteAllDocuments());
    let batch: MeiliDocument[] = lawDocuments().map(toMeiliDocument);
    let done = 0;
    let documents = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const chunk = batch;
      batch = [];
      await this.wait('add the clauses', () => this.index.addDocuments(chunk));
    };
    for (const { agreement, events } of agreements) {
      const docs = agreementDocuments(agreement, events).map(toMeiliDocument);
      documents += docs.length;
      batch.push(...docs);
      if (batch.length >= BATCH) await flush();
      done++;
      onProgress?.(done);
    }
    await flush();
    return { agreements: done, documents };
  }

  async health(): Promise<{ ok: boolean; documents?: number; error?: string }> {
    try {
      await this.client.health();
      const stats = await this.index.getStats().catch(() => undefined);
      return stats ? { ok: true, documents: stats.numberOfDocuments } : { ok: true };
    } catch (cause) {
      return { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
    }
  }
}

function unavailable(what: string, cause: unknown): SearchUnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SearchUnavailableError(
    'search_unavailable',
    `Không kết nối được Meilisearch để ${what === 'search' ? 'tìm kiếm' : 'cập nhật chỉ mục'}: ${reason}`,
    `Meilisearch is unavailable (${what}): ${reason}`,
    { cause },
  );
}

function toHit(doc: MeiliDocument & { _rankingScore?: number }, parsed: ParsedQuery, on: string): SearchHit {
  const hit: SearchHit = {
    source: doc.source,
    clauseId: doc.clauseId,
    kind: doc.kind,
    path: doc.path,
    text: doc.text,
    highlight: highlightSpans(doc.text || (doc.heading ?? ''), parsed),
    topics: doc.topics,
    score: Math.round((doc._rankingScore ?? 0) * 1e6) / 1e6,
  };
  if (doc.agreementId) hit.agreementId = doc.agreementId;
  if (doc.heading) hit.heading = doc.heading;
  if (doc.employer) hit.employer = doc.employer;
  if (doc.industry) hit.industry = doc.industry;
  if (doc.province) hit.province = doc.province;
  if (doc.source === 'agreement') {
    const year = doc.signedOnNum ?? doc.effectiveOnNum;
    if (year) hit.year = Math.floor(year / 10_000);
    hit.status = statusOnDate(
      fromDateNumber(String(doc.effectiveOnNum)),
      fromDateNumber(String(doc.expiresOnNum)),
      on,
    );
  }
  return hit;
}
