/**
 * Provinces as the pages show them: a former province with the one it belongs to since 01/07/2025
 * ("Bình Dương — nay thuộc TP. Hồ Chí Minh", Nghị quyết 202/2025/QH15), a current one as it is.
 */

import { describeProvince } from '../../clauses/provinces.ts';
import type { Language } from '../../ui/index.ts';

/** One province's label in the page's language. */
export function provinceLabel(lang: Language, province: string): string {
  const described = describeProvince(province);
  return lang === 'vi' ? described.vi : described.en;
}

/**
 * The labels of the provinces a page lists, by the name stored.
 * @example provinceLabels('vi', ['Bình Dương'])['Bình Dương'] // 'Bình Dương — nay thuộc TP. Hồ Chí Minh'
 */
export function provinceLabels(
  lang: Language,
  provinces: Iterable<string | undefined>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const province of provinces)
    if (province && !labels[province]) labels[province] = provinceLabel(lang, province);
  return labels;
}
