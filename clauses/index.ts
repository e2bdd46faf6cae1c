/**
 * The domain of collective labour agreements (thỏa ước lao động tập thể):
 * types of an agreement and its clause tree, Vietnamese text normalisation,
 * numbers and dates as the documents write them, the industry taxonomy and
 * the provinces; clause topics, quantities and measures, legal floors as
 * dated data, the comparison of an agreement with the law, and expiry
 * tracking (Điều 77, 78, 83).
 * Pure functions, no I/O, no clock.
 *
 * Entry points: `normalizeText`, `foldText`, `walkTree`, `countTree`,
 * `findNode`, `detectIndustry`, `resolveIndustry`, `resolveProvince`, `termEnd`,
 * `classifyText`, `extractQuantities`, `readMeasures`, `readNumbers`, `floorsInForce`,
 * `lawExcerpt`, `compareWithFloors`, `expiryStatus`, `expiryReport`,
 * `gradeAgreement`, `parseSearchQuery`, `readBlanks` (a model's blanks).
 */

export {
  type BenchmarkCell,
  type BenchmarkColumn,
  type BenchmarkEntry,
  type BenchmarkRow,
  type BenchmarkTable,
  benchmarkTable,
  MEALS_PER_MONTH,
  median,
  percentileRank,
} from './benchmarks.ts';
export { type BlankOptions, type BlankSpan, findBlankSpans, readBlanks } from './blanks.ts';
export { type CheckSummary, describeCheck } from './check-summary.ts';
export {
  type Comparison,
  type ComparisonOptions,
  type ComparisonRow,
  type Coverage,
  compareWithFloors,
  type Difference,
  type FloorReference,
  formatNumber,
  formatValue,
  type Message,
  VERDICTS,
  type Verdict,
  type VerdictCounts,
} from './compare.ts';
export {
  type AnswerKeyEntry,
  applyCorrections,
  articleOfPath,
  CORRECTED,
  type CorrectedComparison,
  type Correction,
  type CorrectionInput,
  type CorrectionKind,
  type CorrectionTarget,
  type DismissedRow,
  needleOf,
  type RowCorrection,
  targetOf,
  toAnswerKey,
} from './corrections.ts';
export {
  addDays,
  addMonths,
  type DateMatch,
  dateInVietnam,
  daysBetween,
  findDates,
  isIsoDate,
  termEnd,
  toIsoDate,
  wholeMonthsBetween,
} from './dates.ts';
export { type DraftParts, toDraftMarkdown, withNodeText } from './draft-markdown.ts';
export {
  isNotEntitlement,
  SKIP_REASONS,
  type SkipReason,
} from './entitlements.ts';
export * from './errors.ts';
export {
  EXPIRY_STATUS_LABELS,
  EXPIRY_STATUSES,
  type ExpiryFlag,
  type ExpiryHolds,
  type ExpiryInfo,
  type ExpiryItem,
  type ExpiryOptions,
  type ExpiryReport,
  type ExpiryReportOptions,
  type ExpiryStatus,
  expiryHolds,
  expiryReport,
  expiryStatus,
  findSuccessors,
  holdsOn,
  PROCEDURE,
  sameExpiryOn,
  statusOnDate,
} from './expiry.ts';
export {
  EXPIRY_BANDS,
  EXPIRY_RULE,
  type ExpiryCondition,
  type ExpiryRuleRow,
  expiryDateRange,
} from './expiry-rule.ts';
export {
  type Citation,
  type Floor,
  type FloorConditions,
  type FloorRule,
  type FloorsFile,
  floorsInForce,
  inForce,
  LEGAL_FLOORS,
  type NoFloorRule,
  type PlainRule,
  parseFloorsFile,
} from './floors.ts';
export {
  type AssessmentAnswer,
  type Criterion,
  type CriterionScore,
  GRADES,
  type Grade,
  type GradeInput,
  type GradeReport,
  type GradeResult,
  gradeAgreement,
  type Improvement,
  parseRubric,
  RUBRIC,
  type Rubric,
} from './grading.ts';
export { detectIndustry, getIndustry, INDUSTRIES, type Industry, resolveIndustry } from './industries.ts';
export {
  LAW_DOCUMENTS,
  type LawArticle,
  type LawDocument,
  type LawExcerpt,
  lawArticle,
  lawExcerpt,
} from './law.ts';
export {
  compareWithLawWording,
  type LawWording,
  type LawWordingRow,
  RESTATES_SIMILARITY,
  restatesLawAt,
} from './law-wording.ts';
export {
  type Measure,
  type MeasureOptions,
  type NumberReading,
  readMeasures,
  readNumbers,
  type SkippedNumber,
} from './measures.ts';
export { parseNumberWords, parseOrdinal, parseVietnameseNumber } from './numbers.ts';
export { hasDiacritics, type PhraseMatcher, phraseMatcher } from './phrases.ts';
export {
  currentProvinceOf,
  describeProvince,
  findProvinces,
  formerProvincesOf,
  PROVINCE_REFORM_SOURCE,
  PROVINCES,
  type Province,
  provinceFilterNames,
  type ResolvedPlace,
  resolvePlace,
  resolveProvince,
  suggestProvinces,
} from './provinces.ts';
export {
  extractQuantities,
  type PerUnit,
  type Quantity,
  type QuantityFlag,
  type QuantityUnit,
} from './quantities.ts';
export {
  hasUnsureNumbers,
  type LowConfidenceNode,
  OCR_LOW_CONFIDENCE,
  OCR_NUMBER_CONFIDENCE,
  SCAN_CAUTION,
  type ScanSummary,
  scanSummary,
} from './scan.ts';
export {
  highlightSpans,
  type MatchSpan,
  type ParsedQuery,
  parseSearchQuery,
  type QueryTerm,
  toTelex,
} from './search-text.ts';
export { convertUnit, MEASURE_SUBJECTS, type MeasureSubject, SUBJECT_UNITS } from './subjects.ts';
export {
  bestClauses,
  type CohortStats,
  cohortStats,
  describeCohort,
  type LibraryValue,
  libraryValues,
  MIN_AGREEMENTS,
  measureKeyOf,
  percentile,
  type Suggestion,
  type SuggestionTarget,
  suggestFor,
  writeAtLeast,
} from './suggestions.ts';
export { foldText, lowerText, normalizeText, squashSpaces, toSlug } from './text.ts';
export {
  type Alternative,
  CORE_WEIGHT,
  EXPANSION_WEIGHTS,
  expandQuery,
  foldedSynonyms,
  parseThesaurus,
  planQuery,
  type QueryPlan,
  THESAURUS,
  type Thesaurus,
  type ThesaurusGroup,
  topicsOfQuery,
  withoutQuestionWords,
} from './thesaurus.ts';
export {
  classifyNode,
  classifyText,
  getTopic,
  nodeText,
  TOPICS,
  type Topic,
  type TopicMatch,
} from './topics.ts';
export { countTree, findNode, joinPath, listArticles, nodeLabel, walkTree } from './tree.ts';
export * from './types.ts';
export { oneEditAway } from './typos.ts';
export {
  type ArticleChange,
  type ChangeKind,
  type ClauseChange,
  compareVersions,
  type MeasureChange,
  type VersionComparison,
} from './versions.ts';
export {
  type DiffSpan,
  markedText,
  setSimilarity,
  syllableSet,
  tokenize,
  type WordDiff,
  wordDiff,
} from './wording.ts';
