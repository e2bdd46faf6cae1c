/**
 * The domain of collective labour agreements (thỏa ước lao động tập thể):
 * types of an agreement and its clause tree, Vietnamese text normalisation,
 * numbers and dates as the documents write them, the industry taxonomy and
 * the provinces. Pure functions, no I/O, no clock.
 *
 * Entry points: `normalizeText`, `foldText`, `walkTree`, `countTree`,
 * `findNode`, `detectIndustry`, `resolveIndustry`, `resolveProvince`, `termEnd`.
 */

export {
  addDays,
  addMonths,
  type DateMatch,
  daysBetween,
  findDates,
  isIsoDate,
  termEnd,
  toIsoDate,
  wholeMonthsBetween,
} from './dates.ts';
export * from './errors.ts';
export { detectIndustry, getIndustry, INDUSTRIES, type Industry, resolveIndustry } from './industries.ts';
export { parseNumberWords, parseOrdinal, parseVietnameseNumber } from './numbers.ts';
export { findProvinces, PROVINCES, type Province, resolveProvince } from './provinces.ts';
export { foldText, lowerText, normalizeText, squashSpaces, toSlug } from './text.ts';
export { countTree, findNode, joinPath, listArticles, nodeLabel, walkTree } from './tree.ts';
export * from './types.ts';
