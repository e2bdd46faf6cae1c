/**
 * The library of record, as the rest of the program sees it. One interface,
 * so the server and the CLI do not care how agreements are stored.
 */

import type { Correction } from '../clauses/corrections.ts';
import type { AssessmentAnswer } from '../clauses/grading.ts';
import type { EditableMetaField, MetaEdit } from '../clauses/meta-edits.ts';
import type {
  Agreement,
  AgreementDraft,
  AgreementEvent,
  AgreementMeta,
  AgreementSummary,
  SourceInfo,
  StoredGrade,
} from '../clauses/types.ts';
import type { AccountStore, AgreementAccess, Visibility } from './account-types.ts';
import type { SearchIndex } from './search-types.ts';
import type { VerdictStore } from './verdict-store.ts';

export interface AgreementFilter {
  /** Industry id (`det-may`). */
  industry?: string;
  /** Province name; matched without diacritics. */
  province?: string;
  /** District or area; matched as a part of the name, without diacritics. */
  district?: string;
  /** Words in the employer or title, without diacritics. */
  q?: string;
  /** The stored grade: `A`–`D` or `unranked`. */
  grade?: string;
  /** Only agreements with one of these visibilities (all when omitted). */
  visibility?: readonly Visibility[];
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface PageResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StoredSource {
  bytes: Uint8Array;
  filename: string;
  mediaType: string;
  sha256: string;
}

/** One of an agreement's source files (a Word file, its signed PDF…), without its bytes. */
export interface SourceFile extends SourceInfo {
  /** When it was added to the library (ISO timestamp). */
  addedAt: string;
  /** Whether it is the file the agreement was read from (the others share its text). */
  primary: boolean;
}

export interface LibraryCounts {
  agreements: number;
  articles: number;
  clauses: number;
}

export interface AddOptions {
  /** Clock for `importedAt`; the library asks for it rather than reading it. */
  now?: Date;
  /** The grade computed before storing, written with the agreement (and its search documents). */
  grade?: StoredGrade;
  /** Visibility and owner (public, no owner by default). */
  access?: AgreementAccess;
}

/** An officer's answer to save; `value: null` withdraws it. */
export type AssessmentChange = Omit<AssessmentAnswer, 'value'> & { value: boolean | number | null };

/** An event as recorded by a user: the library adds its id, agreement and time. */
export type NewAgreementEvent = Omit<AgreementEvent, 'id' | 'agreementId' | 'recordedAt'>;

export interface Library {
  /** Name of the storage, for health reports. */
  readonly backend: string;
  /**
   * The search index the library writes itself, in the same transactions as the agreements
   * (SQLite's embedded FTS5 index); an external index is kept in step by the service instead.
   */
  readonly search?: SearchIndex;
  /**
   * Runs `write` in one transaction: every write inside it is kept, or none (nested calls join it).
   * @returns what `write` returns
   */
  transaction<T>(write: () => T): T;
  /**
   * Whether another connection (another process, such as the CLI beside a running server) has
   * written to the library since the last call; the embedded search index is told to read again.
   */
  changedElsewhere(): boolean;
  /**
   * Stores an agreement and its original bytes in one transaction.
   * @throws DuplicateError when a document with the same sha256 is already there
   */
  add(draft: AgreementDraft, bytes: Uint8Array, options?: AddOptions): Agreement;
  get(id: string): Agreement | undefined;
  /** The file the agreement was read from. */
  source(id: string): StoredSource | undefined;
  /** The agreement holding a file with these exact bytes (the one it was read from, or another source). */
  findBySha256(sha256: string): AgreementSummary | undefined;
  /** The agreement whose clause tree has this content key (see `contentKey`); never for an empty key. */
  findByContentKey(key: string): AgreementSummary | undefined;
  /**
   * The agreements linked by the agreement it replaces: signed on a day (`signedOn`), naming the signing
   * day of the one they replace (`replacesSignedOn`), or linked to it (`predecessorId`); by id.
   */
  findByLink(field: 'signedOn' | 'replacesSignedOn' | 'predecessorId', value: string): AgreementSummary[];
  /**
   * Adds another file of the same agreement (its signed PDF beside the Word file).
   * @throws DuplicateError when a file with the same sha256 is already there
   * @throws NotFoundError when the agreement is not in the library
   */
  addSource(agreementId: string, source: SourceInfo, bytes: Uint8Array, options?: AddOptions): SourceFile;
  /** An agreement's source files, the one it was read from first, then by the day they were added. */
  sources(agreementId: string): SourceFile[];
  /** One of an agreement's source files, with its bytes. */
  sourceFile(agreementId: string, sha256: string): StoredSource | undefined;
  list(filter: AgreementFilter, page: PageRequest): PageResult<AgreementSummary>;
  /** The ids of every agreement matching a filter, in the order of `list`. */
  listIds(filter: AgreementFilter): string[];
  /** The summaries of some agreements (those still in the library), in no particular order. */
  summaries(ids: readonly string[]): AgreementSummary[];
  /** @returns false when there was no such agreement */
  remove(id: string): boolean;
  counts(): LibraryCounts;
  /**
   * Records an event (filed, negotiation started, replaced, extended); earlier events are kept.
   * @throws NotFoundError when the agreement (or the replacing agreement) is not in the library
   */
  addEvent(agreementId: string, event: NewAgreementEvent, options?: AddOptions): AgreementEvent;
  /** Events of the given agreements (all when omitted), oldest first, by agreement id. */
  events(agreementIds?: readonly string[]): Map<string, AgreementEvent[]>;
  /** The officer's answers to the grading checklist. */
  assessment(agreementId: string): AssessmentAnswer[];
  /**
   * Saves answers (replacing earlier ones for the same criteria) in one transaction.
   * @throws NotFoundError when the agreement is not in the library
   */
  saveAssessment(agreementId: string, answers: ReadonlyArray<AssessmentChange>): void;
  /** The officers' corrections of a document's comparison, oldest first (by its sha256: kept across re-imports). */
  corrections(sha256: string): Correction[];
  /**
   * Stores a correction.
   * @throws NotFoundError when the agreement is not in the library
   */
  addCorrection(agreementId: string, correction: Correction): void;
  /** Withdraws a correction; @returns false when the agreement has no such correction */
  removeCorrection(agreementId: string, correctionId: string): boolean;
  /** The officers' edits of a document's metadata, oldest first (by its sha256: kept across re-imports). */
  metaEdits(sha256: string): MetaEdit[];
  /**
   * Stores an edit of one field (replacing an earlier edit of it, whose previous value is kept).
   * @throws NotFoundError when the agreement is not in the library
   */
  saveMetaEdit(agreementId: string, edit: MetaEdit): void;
  /** Withdraws the edit of a field; @returns it, or undefined when there was none */
  removeMetaEdit(agreementId: string, field: EditableMetaField): MetaEdit | undefined;
  /**
   * Replaces an agreement's metadata: its filter columns and search documents follow in the same transaction.
   * @throws NotFoundError when the agreement is not in the library
   */
  setMeta(agreementId: string, meta: AgreementMeta): void;
  /** Stores the grade last computed, for listing and search facets. */
  setGrade(agreementId: string, grade: StoredGrade | undefined): void;
  /** Each agreement's stored measures and verdicts by floor period (written by the service, in its transactions). */
  readonly verdicts: VerdictStore;
  /** The officer's answers of the given agreements (all when omitted), by agreement id. */
  assessments(agreementIds?: readonly string[]): Map<string, AssessmentAnswer[]>;
  /** Users, sessions, API keys and the audit log, in the same transactions as the agreements. */
  readonly accounts: AccountStore;
  /** Visibility and owner of the given agreements (all when omitted). */
  access(agreementIds?: readonly string[]): Map<string, AgreementAccess>;
  /** Changes an agreement's visibility or owner; @returns false when there is no such agreement */
  setAccess(agreementId: string, access: Partial<AgreementAccess>): boolean;
  close(): void;
}
