/**
 * The operations of the library, between the faces (server pages and API,
 * the command line) and the library of record: `createService(deps)` gives
 * every write — import, remove, record an event, save the officer's answers,
 * regrade — done once, in one transaction, indexed once; the library-wide
 * questions (below the floor, grades, expiry, the N-way table, benchmarks,
 * versions, search); and the caches of comparisons with the law. A change
 * another process makes to the same library is noticed at the next call.
 */

export {
  type AccessTarget,
  type Action,
  actorOf,
  authorize,
  can,
  type Principal,
  TOKEN_ACTOR,
  textVisible,
  visibleTo,
} from './access.ts';
export { type Actor, AUDIT_COLUMNS, auditRow, CLI_ACTOR } from './audit.ts';
export { type CheckRequest, type CheckResult, checkDocument } from './check.ts';
export { COMPARISON_CACHE_SIZE, type ComparisonCache, createComparisonCache } from './comparisons.ts';
export { type Config, readConfig } from './config.ts';
export type { Corrected, CorrectionRequest } from './corrections.ts';
export { asReadFailure, type DocumentReader, inProcessReader } from './documents.ts';
export type { DraftAccess, DraftService, DraftView } from './drafts.ts';
export type { GradesDashboard, GradesQuery } from './grades.ts';
export type {
  AgreementView,
  BelowFloor,
  DayOptions,
  EntryChoice,
  ExpiryQuery,
} from './questions.ts';
export { createService, type Service, type ServiceDeps } from './service.ts';
export {
  FAILED_SIGN_IN,
  type FailedSignInEntry,
  hashPassword,
  type NewUserRequest,
  type Session,
  secretsMatch,
  type UserChanges,
  verifyPassword,
} from './users.ts';
export type { AnswerInput, AnswersRequest, Imported, ImportRequest, RecordedEvent } from './writes.ts';
