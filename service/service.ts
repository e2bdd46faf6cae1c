/**
 * `createService(deps)`: the operations of the library, each written once,
 * for the server's API and pages and for the command line.
 */

import { dateInVietnam } from '../clauses/dates.ts';
import { RUBRIC, type Rubric } from '../clauses/grading.ts';
import { DEFAULT_MAX_BYTES, renderPdfPagePng } from '../importer/index.ts';
import {
  type AgreementFilter,
  eachAgreementWithEvents,
  eachSummary,
  type Library,
  type PageRequest,
  type SearchIndex,
} from '../library/index.ts';
import { createComparisonCache } from './comparisons.ts';
import { compareCorrected, comparisonOf, eventsOf, loadAgreement, type ServiceContext } from './context.ts';
import * as corrections from './corrections.ts';
import { checklistOf, gradesDashboard } from './grades.ts';
import * as questions from './questions.ts';
import * as writes from './writes.ts';

export interface ServiceDeps {
  library: Library;
  /** The search index; the library's embedded one by default. */
  search?: SearchIndex | undefined;
  /** The grading rubric; the bundled provisional one by default. */
  rubric?: Rubric | undefined;
  /** Today's date (`YYYY-MM-DD`); Vietnam's calendar day by default. */
  clock?: (() => string) | undefined;
  /** Largest document accepted by an import or a check (10 MB by default). */
  maxUploadBytes?: number | undefined;
}

/** Runs `check` before each method: a change made by another process is noticed at the next call. */
function checkedFirst<T extends Record<string, (...args: never[]) => unknown>>(
  check: () => void,
  methods: T,
): T {
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [
      name,
      (...args: never[]) => {
        check();
        return method(...args);
      },
    ]),
  ) as T;
}

/**
 * The service over a library: every write (import, remove, record an event, save answers, regrade),
 * done once, in one transaction, indexed once; the library-wide questions; the caches.
 * @example
 * const service = createService({ library: openLibrary('./data') });
 * const { agreement } = await service.importDocument(bytes, { filename: 'thoa-uoc.md' });
 */
export function createService({ library, search, rubric = RUBRIC, clock, maxUploadBytes }: ServiceDeps) {
  const index = search ?? library.search;
  const ctx: ServiceContext = {
    library,
    search: index,
    external: index !== undefined && index !== library.search ? index : undefined,
    rubric,
    today: clock ?? (() => dateInVietnam(new Date())),
    maxBytes: maxUploadBytes ?? DEFAULT_MAX_BYTES,
    cache: createComparisonCache((agreement, options) => compareCorrected(library, agreement, options)),
  };
  // Another process (the CLI beside a running server) wrote: what is remembered may be gone or changed.
  const noticeChanges = () => {
    if (library.changedElsewhere()) ctx.cache.clear();
  };

  return checkedFirst(noticeChanges, {
    /** Today (`YYYY-MM-DD`), the default day of every question. */
    today: () => ctx.today(),
    // Reading the library of record.
    list: (filter: AgreementFilter, page: PageRequest) => library.list(filter, page),
    /** @throws NotFoundError */
    agreement: (id: string) => loadAgreement(ctx, id),
    find: (id: string) => library.get(id),
    source: (id: string) => library.source(id),
    /**
     * Page `n` of a PDF or photo agreement as a PNG, drawn from the stored document, for checking a scan's text.
     * @returns undefined when the agreement has no such page (or is not a PDF or an image)
     */
    pageImage: async (id: string, n: number): Promise<Uint8Array | undefined> => {
      const source = library.source(id);
      if (!source) return undefined;
      if (source.mediaType.startsWith('image/'))
        return n === 1 && source.mediaType === 'image/png' ? source.bytes : undefined;
      return source.mediaType === 'application/pdf' ? renderPdfPagePng(source.bytes, n) : undefined;
    },
    findBySha256: (sha256: string) => library.findBySha256(sha256),
    /** Every agreement's summary matching a filter. */
    summaries: (filter: AgreementFilter = {}) => [...eachSummary(library, filter)],
    events: (id: string) => eventsOf(ctx, id),
    counts: () => library.counts(),
    checklist: (id: string) => checklistOf(ctx, loadAgreement(ctx, id).id),

    // Questions.
    comparison: (id: string, day?: questions.DayOptions) => questions.comparison(ctx, id, day),
    lawWording: (id: string, day?: questions.DayOptions) => questions.lawWording(ctx, id, day),
    agreementEvents: (id: string, on?: string) => questions.agreementEvents(ctx, id, on),
    agreementView: (id: string, day?: questions.DayOptions) => questions.agreementView(ctx, id, day),
    grade: (id: string, on?: string) => questions.grade(ctx, id, on),
    grades: (query: Parameters<typeof gradesDashboard>[1]) => gradesDashboard(ctx, query),
    belowFloor: (filter: AgreementFilter, day?: questions.DayOptions) =>
      questions.belowFloor(ctx, filter, day),
    expiry: (query: questions.ExpiryQuery) => questions.expiry(ctx, query),
    compareAgreements: (choice: Parameters<typeof questions.compareAgreements>[1]) =>
      questions.compareAgreements(ctx, choice),
    benchmarks: (query: Parameters<typeof questions.benchmarks>[1]) => questions.benchmarks(ctx, query),
    versions: (fromId: string, toId: string, on?: string) => questions.versions(ctx, fromId, toId, on),
    search: (query: Parameters<typeof questions.search>[1]) => questions.search(ctx, query),
    checkDraft: (bytes: Uint8Array, request: writes.ImportRequest & questions.DayOptions) =>
      questions.checkDraft(ctx, bytes, request),
    readDraft: (bytes: Uint8Array, request: writes.ImportRequest) => writes.readDraft(ctx, bytes, request),

    // Writes: one method each, one transaction each, indexed once.
    importDocument: (bytes: Uint8Array, request: writes.ImportRequest) =>
      writes.importDocument(ctx, bytes, request),
    storeDraft: (...args: Parameters<typeof writes.storeDraft> extends [unknown, ...infer R] ? R : never) =>
      writes.storeDraft(ctx, ...args),
    remove: (id: string) => writes.removeAgreement(ctx, id),
    recordEvent: (id: string, event: Parameters<typeof writes.recordEvent>[2]) =>
      writes.recordEvent(ctx, id, event),
    saveAnswers: (id: string, request: writes.AnswersRequest) => writes.saveAnswers(ctx, id, request),
    regrade: (id: string) => writes.regrade(ctx, id),
    /** An officer corrects a row of the comparison (verdict, subject, value), dismisses it, or adds a missed number. */
    correct: (id: string, request: corrections.CorrectionRequest) => corrections.correct(ctx, id, request),
    withdrawCorrection: (id: string, correctionId: string) =>
      corrections.withdrawCorrection(ctx, id, correctionId),
    corrections: (id: string, on?: string) => corrections.correctionsOf(ctx, id, on),
    /** The search index's name (`sqlite-fts5`, `meilisearch`). */
    searchBackend: () => ctx.search?.backend ?? 'none',
    /** Rebuilds the search index from the library of record. */
    reindex: (onProgress?: (done: number) => void) => {
      if (!ctx.search) throw new Error('no search index');
      return ctx.search.rebuild(eachAgreementWithEvents(library), onProgress);
    },

    // Health and caches.
    health: async () => ({
      backend: library.backend,
      counts: library.counts(),
      search: ctx.search
        ? { backend: ctx.search.backend, ...(await ctx.search.health()) }
        : { backend: 'none', ok: false },
      comparisons: ctx.cache.size(),
    }),
    rememberedComparisons: () => ctx.cache.size(),
    /** Forgets remembered comparisons (benchmarks measure first requests with it). */
    clearCaches: () => ctx.cache.clear(),
    /**
     * Compares the library's agreements on a day before anyone asks, one per turn of the event loop
     * (requests are answered meanwhile); stops at the cache's size, or when `signal` aborts.
     * @returns how many agreements were compared
     */
    warmComparisons: async (on: string, signal?: AbortSignal) => {
      let compared = 0;
      for (const summary of eachSummary(library)) {
        if (signal?.aborted || compared >= ctx.cache.size().capacity) break;
        await new Promise((resolve) => setImmediate(resolve));
        if (signal?.aborted) break;
        if (comparisonOf(ctx, summary, { on })) compared++;
      }
      return compared;
    },
  });
}

/** The operations of the library, as the server and the command line use them. */
export type Service = ReturnType<typeof createService>;
