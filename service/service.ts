/**
 * `createService(deps)`: the operations of the library, each written once,
 * for the server's API and pages and for the command line.
 */

import { dateInVietnam } from '../clauses/dates.ts';
import { agreementNotFound } from '../clauses/errors.ts';
import { RUBRIC, type Rubric } from '../clauses/grading.ts';
import { DEFAULT_MAX_BYTES, type DocumentLimits, renderPdfPagePng } from '../importer/index.ts';
import {
  type AgreementFilter,
  eachAgreementWithEvents,
  eachSummary,
  type Library,
  type PageRequest,
  type SearchIndex,
  type Visibility,
} from '../library/index.ts';
import { type AccessTarget, type Action, authorize, type Principal, textVisible } from './access.ts';
import { type Actor, auditLog } from './audit.ts';
import { createComparisonCache } from './comparisons.ts';
import { compareCorrected, eventsOf, loadAgreement, type ServiceContext } from './context.ts';
import * as corrections from './corrections.ts';
import { type DocumentReader, inProcessReader } from './documents.ts';
import { createDraftService, type DraftService } from './drafts.ts';
import { checklistOf, gradesDashboard } from './grades.ts';
import { belowFloorPieces, gradePieces } from './list-json.ts';
import * as metadata from './metadata.ts';
import { successorsOf } from './predecessors.ts';
import * as questions from './questions.ts';
import * as suggestions from './suggestions.ts';
import * as users from './users.ts';
import { VerdictMemory } from './verdict-memory.ts';
import { createVerdictRefresh, dataFingerprint, verdictKey } from './verdicts.ts';
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
  /** The moment of a change (ISO timestamp), for a draft's history; the system clock by default. */
  now?: (() => string) | undefined;
  /** The visibility of new agreements (`CBA_DEFAULT_VISIBILITY`); public by default. */
  defaultVisibility?: Visibility | undefined;
  /** Reads documents; in this process by default (the server passes its worker pool). */
  reader?: DocumentReader | undefined;
  /** Page and paragraph caps for PDF and Word documents (the importer's defaults otherwise). */
  documentLimits?: DocumentLimits | undefined;
  /**
   * Whether library-wide questions read the stored verdicts (true by default); false compares every
   * agreement on each question, as before them (benchmarks and tests compare the two).
   */
  storedVerdicts?: boolean | undefined;
  /**
   * Whether the benchmark and N-way tables are put together from each agreement's kept cells (true by
   * default); false builds each from every agreement's rows, as before them (the benchmark compares the two).
   */
  keptTables?: boolean | undefined;
  /** The data fingerprint of stored verdicts; that of the bundled data files and code by default (tests change it). */
  verdictData?: string | undefined;
  /**
   * A floor change due within this many days has its period's verdicts stored ahead by the background
   * refresh, so the first question of the change day reads them (31 by default; 0: never ahead).
   */
  verdictsAheadDays?: number | undefined;
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
export function createService({
  library,
  search,
  rubric = RUBRIC,
  clock,
  maxUploadBytes,
  now,
  defaultVisibility,
  reader = inProcessReader,
  documentLimits = {},
  storedVerdicts = true,
  keptTables = true,
  verdictData,
  verdictsAheadDays,
}: ServiceDeps) {
  const index = search ?? library.search;
  const today = clock ?? (() => dateInVietnam(new Date()));
  const cache = createComparisonCache((agreement, options) => compareCorrected(library, agreement, options));
  let hidden: { every: ReturnType<Library['access']>; ids: string[] } | undefined;
  const ctx: ServiceContext = {
    library,
    search: index,
    external: index !== undefined && index !== library.search ? index : undefined,
    rubric,
    today,
    maxBytes: maxUploadBytes ?? DEFAULT_MAX_BYTES,
    limits: documentLimits,
    reader,
    cache,
    verdicts: createVerdictRefresh({
      library,
      today,
      enabled: storedVerdicts,
      data: verdictData ?? dataFingerprint(),
      aheadDays: verdictsAheadDays,
      compared: (agreement, on, comparison) => cache.remember(agreement, { on }, comparison),
    }),
    memory: new VerdictMemory(library),
    keptTables,
    defaultVisibility,
  };
  const refreshVerdicts = (signal?: AbortSignal): Promise<number> => {
    if (signal?.aborted) return Promise.resolve(0);
    signal?.addEventListener('abort', () => ctx.verdicts.stop(), { once: true });
    return ctx.verdicts.refresh();
  };
  /** The agreement a write is about, as the authorisation needs it; undefined when there is none. */
  const targetOf = (id: string): AccessTarget | undefined => {
    const summary = library.get(id);
    return summary ? { id, meta: summary.meta, access: library.access([id]).get(id) } : undefined;
  };
  const drafts = createDraftService(ctx, now ?? (() => new Date().toISOString()));
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
    /** @throws NotFoundError */
    sources: (id: string) => library.sources(loadAgreement(ctx, id).id),
    /**
     * The agreements that replace this one ("thay thế cho …", linked to it as their predecessor).
     * @throws NotFoundError
     */
    successors: (id: string) => successorsOf(ctx, loadAgreement(ctx, id)),
    sourceFile: (id: string, sha256: string) => library.sourceFile(id, sha256),
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
    /** The areas the agreements name (districts and zones, follow-up unions), for the area filter. */
    areas: () => {
      const district = new Set<string>();
      const superiorUnion = new Set<string>();
      for (const { meta } of eachSummary(library)) {
        if (meta.district) district.add(meta.district);
        if (meta.superiorUnion) superiorUnion.add(meta.superiorUnion);
      }
      return { district: [...district].sort(), superiorUnion: [...superiorUnion].sort() };
    },
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
    /** The JSON of below-floor items on a day (each line encoded once, kept beside it), to be joined. */
    belowFloorPieces,
    /** The JSON of grade items (each encoded once, kept beside it), to be joined. */
    gradePieces,
    expiry: (query: questions.ExpiryQuery) => questions.expiry(ctx, query),
    compareAgreements: (choice: Parameters<typeof questions.compareAgreements>[1]) =>
      questions.compareAgreements(ctx, choice),
    benchmarks: (query: Parameters<typeof questions.benchmarks>[1]) => questions.benchmarks(ctx, query),
    versions: (fromId: string, toId: string, on?: string) => questions.versions(ctx, fromId, toId, on),
    search: (query: Parameters<typeof questions.search>[1]) => questions.search(ctx, query),
    checkDraft: (bytes: Uint8Array, request: writes.ImportRequest & questions.DayOptions) =>
      questions.checkDraft(ctx, bytes, request),
    readDraft: (bytes: Uint8Array, request: writes.ImportRequest) => writes.readDraft(ctx, bytes, request),
    /** A draft checked, with a suggestion for each blank and each clause equal to or below the law. */
    suggestDraft: (bytes: Uint8Array, request: Parameters<typeof suggestions.suggestDraft>[2]) =>
      suggestions.suggestDraft(ctx, bytes, request),
    /** Saved drafts: create, view, edit a clause, upload again, sign (see `service/drafts.ts`). */
    createDraft: (...args: Parameters<DraftService['create']>) => drafts.create(...args),
    draft: (...args: Parameters<DraftService['view']>) => drafts.view(...args),
    editDraftClause: (...args: Parameters<DraftService['editClause']>) => drafts.editClause(...args),
    uploadDraft: (...args: Parameters<DraftService['upload']>) => drafts.upload(...args),
    signDraft: (...args: Parameters<DraftService['sign']>) => drafts.sign(...args),
    draftMarkdown: (...args: Parameters<DraftService['markdown']>) => drafts.markdown(...args),

    // Writes: one method each, one transaction each, indexed once.
    importDocument: (bytes: Uint8Array, request: writes.ImportRequest) =>
      writes.importDocument(ctx, bytes, request),
    storeDraft: (...args: Parameters<typeof writes.storeDraft> extends [unknown, ...infer R] ? R : never) =>
      writes.storeDraft(ctx, ...args),
    remove: (id: string, actor?: Actor) => writes.removeAgreement(ctx, id, actor),
    recordEvent: (id: string, event: Parameters<typeof writes.recordEvent>[2], actor?: Actor) =>
      writes.recordEvent(ctx, id, event, actor),
    setVisibility: (id: string, visibility: Visibility, actor?: Actor) =>
      writes.setVisibility(ctx, id, visibility, actor),
    saveAnswers: (id: string, request: writes.AnswersRequest) => writes.saveAnswers(ctx, id, request),
    regrade: (id: string) => writes.regrade(ctx, id),
    /** An officer corrects a row of the comparison (verdict, subject, value), dismisses it, or adds a missed number. */
    correct: (id: string, request: corrections.CorrectionRequest, actor?: Actor) =>
      corrections.correct(ctx, id, request, actor),
    withdrawCorrection: (id: string, correctionId: string, actor?: Actor) =>
      corrections.withdrawCorrection(ctx, id, correctionId, actor),
    corrections: (id: string, on?: string) => corrections.correctionsOf(ctx, id, on),
    /** An officer sets metadata fields by hand (the employer, dates, province…); every list follows. */
    editMetadata: (id: string, request: metadata.MetadataEditRequest, actor?: Actor) =>
      metadata.editMetadata(ctx, id, request, actor),
    withdrawMetadataEdit: (id: string, field: string, actor?: Actor) =>
      metadata.withdrawMetadataEdit(ctx, id, field, actor),
    metadataEdits: (id: string) => metadata.metadataEditsOf(ctx, id),
    /** The search index's name (`sqlite-fts5`, `meilisearch`). */
    searchBackend: () => ctx.search?.backend ?? 'none',
    /** Rebuilds the search index from the library of record. */
    reindex: (onProgress?: (done: number) => void) => {
      if (!ctx.search) throw new Error('no search index');
      return ctx.search.rebuild(eachAgreementWithEvents(library), onProgress);
    },

    // Access: who may do what, who sees what, accounts and the audit log.
    /**
     * Refuses a write the principal's role does not allow (on the agreement `id` names).
     * @throws UnauthenticatedError, ForbiddenError; NotFoundError when `id` names no agreement
     */
    authorize: (principal: Principal | undefined, action: Action, id?: string) => {
      if (id === undefined) return authorize(principal, action);
      const target = targetOf(id);
      if (!target) throw agreementNotFound(id);
      authorize(principal, action, target);
    },
    /** Visibility and owner of an agreement. */
    accessOf: (id: string) => library.access([id]).get(id),
    /** The agreements whose text a reader may not see (left out of clause search). */
    hiddenFrom: (principal: Principal | undefined): string[] => {
      if (principal) return [];
      // The library hands back the same map until a write: the list is made again only then.
      const every = library.access();
      if (hidden?.every !== every)
        hidden = {
          every,
          ids: [...every].filter(([, a]) => !textVisible(principal, a.visibility)).map(([id]) => id),
        };
      return hidden.ids;
    },
    addUser: (request: users.NewUserRequest, actor: Actor) => users.addUser(ctx, request, actor),
    setUserDisabled: (username: string, disabled: boolean, actor: Actor) =>
      users.setDisabled(ctx, username, disabled, actor),
    createApiKey: (username: string, label: string, actor: Actor) =>
      users.createApiKey(ctx, username, label, actor),
    /** An administrator changes a user's role, name, provinces, unions or agreements (audited). */
    updateUser: (username: string, changes: users.UserChanges, actor: Actor) =>
      users.updateUser(ctx, username, changes, actor),
    revokeApiKey: (username: string, keyId: string, actor: Actor) =>
      users.revokeApiKey(ctx, username, keyId, actor),
    users: () => users.listUsers(ctx),
    apiKeysOf: (userId: string) => users.apiKeysOf(ctx, userId),
    signIn: (username: string, password: string) => users.signIn(ctx, username, password),
    signOut: (sessionId: string) => users.signOut(ctx, sessionId),
    sessionPrincipal: (sessionId: string) => users.sessionPrincipal(ctx, sessionId),
    keyPrincipal: (key: string) => users.keyPrincipal(ctx, key),
    auditLog: (query: Parameters<typeof auditLog>[1]) => auditLog(ctx, query),
    /** Appends failed sign-ins (the name typed, the client, how many) to the audit log. */
    recordFailedSignIn: (entry: users.FailedSignInEntry) => users.recordFailedSignIn(ctx, entry),

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
    /** Forgets remembered comparisons (benchmarks measure first requests with it); stored verdicts stay. */
    clearCaches: () => ctx.cache.clear(),
    /** What the library-wide questions hold in memory (agreements, rows, shared strings, loads, patches). */
    verdictMemory: () => ctx.memory.size(),
    /** How many agreements have fresh stored verdicts for a day's floor period (today by default), of how many. */
    storedVerdicts: (on?: string) => library.verdicts.counts(verdictKey(ctx, on ?? ctx.today())),
    /**
     * Computes and stores today's missing or stale verdicts (after an import of old rows, a change of the
     * data files, a day in a new floor period), a few agreements per turn of the event loop, so requests
     * are answered meanwhile; stops when `signal` aborts.
     * @returns how many agreements were compared
     */
    refreshVerdicts: (signal?: AbortSignal) => refreshVerdicts(signal),
    /**
     * Before anyone asks: today's stored verdicts refreshed (see `refreshVerdicts`), today's comparisons
     * remembered on the way for the agreements' pages, then the memory of the library-wide questions
     * loaded; `on` is kept for the server's call, the refresh follows the clock.
     * @returns how many agreements were compared
     */
    warmComparisons: async (_on: string, signal?: AbortSignal) => {
      const count = await refreshVerdicts(signal);
      // The memory the library-wide questions read, loaded now rather than by the first question.
      if (storedVerdicts && !signal?.aborted) await ctx.memory.preload(verdictKey(ctx, ctx.today()), signal);
      return count;
    },
  });
}

/** The operations of the library, as the server and the command line use them. */
export type Service = ReturnType<typeof createService>;
