/**
 * The web interface: server-rendered pages (hono/jsx) in Vietnamese with an
 * English switch, one message catalogue per language, a stylesheet and a
 * little script for upload progress, and PDF reports (pdf-lib, a subset
 * Unicode font). Pages and reports take plain data and
 * never read the library; `server/routes/pages.tsx` gathers it.
 */

export { href, Layout, otherLanguageUrl, type PageContext } from './layout.tsx';
export { type Language, type MessageKey, type Translate, translator } from './messages.ts';
export { AccountPage, type AccountView, AuditPage, type AuditRowView, LoginPage } from './pages/account.tsx';
export { RubricPage, type RubricView, type UserRowView, UsersPage } from './pages/admin-users.tsx';
export { AgreementPage, type AgreementPageProps } from './pages/agreement.tsx';
export type { RefusedMetaEdit } from './pages/agreement-meta.tsx';
export { BenchmarksPage, type BenchmarksPageProps } from './pages/benchmarks.tsx';
export { CheckPage, type CheckPageProps, ComparePage, type ComparePageProps } from './pages/compare.tsx';
export { DraftNewPage, type DraftNewPageProps, DraftPage, type DraftPageProps } from './pages/draft.tsx';
export {
  BelowFloorPage,
  type BelowFloorPageProps,
  ExpiryPage,
  type ExpiryPageProps,
} from './pages/expiry.tsx';
export { GradePage, type GradePageProps, GradesPage, type GradesPageProps } from './pages/grade.tsx';
export { ErrorPage, type ImportOutcome, ImportPage, type ImportPageProps } from './pages/import.tsx';
export {
  INCLUDE_EXPIRED_PARAM,
  type SearchHitView,
  SearchPage,
  type SearchPageProps,
} from './pages/search.tsx';
export { VersionsPage, type VersionsPageProps } from './pages/versions.tsx';
export { type DraftDocument, draftToDocx } from './reports/draft-docx.ts';
export type { Cell, Colour, Column, ReportFonts } from './reports/pdf-writer.ts';
export {
  type AgreementReportData,
  agreementReportPdf,
  benchmarkReportPdf,
  checkReportPdf,
  expiryReportPdf,
  versionReportPdf,
} from './reports/reports.ts';
export { reviewNotes, suggestedValue } from './reports/review-notes.ts';
export { safeCell, toSpreadsheet } from './reports/spreadsheet.ts';
export {
  REVIEW_AUTHOR,
  type ReviewNote,
  type ReviewOptions,
  type ReviewResult,
  reviewWordDocument,
} from './reports/word-review.ts';
