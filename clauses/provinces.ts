/**
 * Provinces and centrally-run cities, before and after the 2025 reform.
 * Agreements signed before 01/07/2025 name the 63 former provinces; since
 * then there are 34 (Nghị quyết 202/2025/QH15, `data/provinces-2025.json`),
 * each keeping the name of one former unit. A province as stored is the one
 * the text names; {@link currentProvinceOf} gives the one it belongs to now,
 * and {@link provinceFilterNames} the names a filter on a province must match.
 * Minimum-wage regions are a separate concern (they follow the former district).
 */

import { z } from 'zod';
import raw from './data/provinces-2025.json' with { type: 'json' };
import { foldText } from './text.ts';

const ReformSchema = z.object({
  source: z.object({ title: z.string(), adopted: z.string(), inForce: z.string() }).passthrough(),
  provinces: z
    .array(
      z.object({
        name: z.string().min(1),
        kind: z.enum(['city', 'province']),
        former: z.array(z.string().min(1)).min(1),
      }),
    )
    .length(34),
});

const REFORM = ReformSchema.parse(raw);

/** The resolution the mapping comes from, for citations on pages and reports. */
export const PROVINCE_REFORM_SOURCE: Readonly<{ title: string; adopted: string; inForce: string }> =
  REFORM.source;

export interface Province {
  name: string;
  /** Other ways documents write it. */
  aliases: string[];
  /** Part of the 34 units in force since 01/07/2025. */
  current: boolean;
  /** The current province (one of the 34) its territory belongs to now. */
  now: string;
}

const NOW = new Map<string, string>();
for (const unit of REFORM.provinces) for (const former of unit.former) NOW.set(former, unit.name);

// Spellings found in running text (addresses, signing lines, union names).
const ALIASES: Record<string, string[]> = {
  'Hồ Chí Minh': [
    'TP.HCM',
    'TP. HCM',
    'TPHCM',
    'TP HCM',
    'Tp.HCM',
    'HCM',
    'Thành phố Hồ Chí Minh',
    'TP. Hồ Chí Minh',
    'Sài Gòn',
  ],
  'Bà Rịa - Vũng Tàu': ['Bà Rịa – Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Vũng Tàu', 'BR-VT', 'BRVT', 'BR – VT'],
  Huế: ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thừa Thiên – Huế'],
  'Đắk Lắk': ['Đăk Lăk', 'Đắc Lắc', 'Daklak', 'Đắk Lăk'],
  'Đắk Nông': ['Đăk Nông', 'Đắc Nông'],
  'Bắc Kạn': ['Bắc Cạn'],
  'Kon Tum': ['Kontum'],
};
// Short forms a person types in a filter; too short to look for in running text.
const TYPED_FORMS: Record<string, string[]> = {
  'Hà Nội': ['HN', 'TP.HN', 'TPHN', 'Ha Noi'],
  'Hồ Chí Minh': ['SG', 'TP.SG', 'Saigon'],
  'Hải Phòng': ['HP'],
  'Đà Nẵng': ['ĐN', 'Da Nang'],
};

export const PROVINCES: readonly Province[] = [...NOW.keys()]
  .sort((a, b) => a.localeCompare(b, 'vi'))
  .map((name) => ({
    name,
    aliases: ALIASES[name] ?? [],
    current: NOW.get(name) === name,
    now: NOW.get(name)!,
  }));

const BY_NAME = new Map(PROVINCES.map((p) => [p.name, p]));
const LOOKUP = new Map<string, Province>();
for (const province of PROVINCES) {
  for (const spelling of [province.name, ...province.aliases]) LOOKUP.set(foldText(spelling), province);
}
const TYPED = new Map(LOOKUP);
for (const [name, forms] of Object.entries(TYPED_FORMS)) {
  for (const form of forms) TYPED.set(foldText(form), BY_NAME.get(name)!);
}

const PREFIX = /^(?:tinh|thanh pho|tp\.?|t\.p\.?)\s*/;

/**
 * Resolves a province name as written or typed (`TP.HCM`, `tỉnh Bình Dương`, `binh duong`, `HN`).
 *
 * @returns the province the name designates (former or current), or `undefined`
 */
export function resolveProvince(input: string): Province | undefined {
  const folded = foldText(input).trim();
  const bare = folded.replace(PREFIX, '').trim();
  return TYPED.get(bare) ?? TYPED.get(folded) ?? TYPED.get(bare.replace(/[\s.-]+/g, ''));
}

/**
 * The current province (one of the 34) a province named before or after the reform belongs to.
 *
 * @example currentProvinceOf('Bình Dương') // 'Hồ Chí Minh'
 */
export function currentProvinceOf(name: string): string | undefined {
  return resolveProvince(name)?.now;
}

/**
 * The former provinces a current province was made of (itself included), in the resolution's order.
 *
 * @example formerProvincesOf('Hồ Chí Minh') // ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']
 */
export function formerProvincesOf(current: string): string[] {
  const name = resolveProvince(current)?.name;
  return REFORM.provinces.find((p) => p.name === name)?.former ?? [];
}

/**
 * The stored province names a filter typed by a user must match. A current
 * province matches the agreements that name it or any former province it
 * absorbed; a former province that was merged matches only itself.
 *
 * @returns the names, or `undefined` when the input names no province (answer with {@link suggestProvinces})
 * @example provinceFilterNames('HCM') // ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']
 */
export function provinceFilterNames(input: string): string[] | undefined {
  const province = resolveProvince(input);
  if (!province) return undefined;
  return province.current ? formerProvincesOf(province.name) : [province.name];
}

const KIND = new Map(REFORM.provinces.map((p) => [p.name, p.kind]));

/**
 * How a page names a province with the one it belongs to now.
 *
 * @example describeProvince('Bình Dương') // { vi: 'Bình Dương — nay thuộc TP. Hồ Chí Minh', en: 'Bình Dương — now part of TP. Hồ Chí Minh' }
 * @example describeProvince('Hà Tĩnh') // { vi: 'Hà Tĩnh', en: 'Hà Tĩnh' }
 */
export function describeProvince(name: string): { vi: string; en: string } {
  const province = resolveProvince(name);
  if (!province || province.current) return { vi: province?.name ?? name, en: province?.name ?? name };
  const now = KIND.get(province.now) === 'city' ? `TP. ${province.now}` : `tỉnh ${province.now}`;
  return { vi: `${province.name} — nay thuộc ${now}`, en: `${province.name} — now part of ${now}` };
}

/** A place as an agreement writes it, placed on today's map. */
export interface ResolvedPlace {
  /** The words of the text, unchanged (`P. Dĩ An, TX. Dĩ An, tỉnh Bình Dương`). */
  asWritten: string;
  /** The province the text names (one of the 63, or of the 34 after the reform). */
  province: string;
  /** The current province it belongs to. */
  currentProvince: string;
  /** True when the named province was merged into another one on 01/07/2025. */
  merged: boolean;
}

/**
 * Places a written place (an address, a signing place, a union's name) on the
 * current map: the province it names and the current province. An address
 * ends with its province, so when several are named the last one wins.
 *
 * @example resolvePlace('Thủ Dầu Một, tỉnh Bình Dương') // { province: 'Bình Dương', currentProvince: 'Hồ Chí Minh', merged: true, … }
 */
export function resolvePlace(asWritten: string): ResolvedPlace | undefined {
  const named = resolveProvince(asWritten) ?? findProvinces(asWritten).at(-1);
  if (!named) return undefined;
  return { asWritten, province: named.name, currentProvince: named.now, merged: named.now !== named.name };
}

/**
 * Provinces whose names are closest to an unrecognised input, for
 * "không nhận ra '…' — có phải …?". Current provinces come first at equal distance.
 *
 * @param limit how many to return (3 by default)
 */
export function suggestProvinces(input: string, limit = 3): string[] {
  const typed = foldText(input)
    .replace(PREFIX, '')
    .replace(/[^a-z0-9]+/g, '');
  if (!typed) return [];
  const scored = new Map<string, number>();
  for (const [spelling, province] of TYPED) {
    const candidate = spelling.replace(/[^a-z0-9]+/g, '');
    let score = editDistance(typed, candidate);
    if (candidate.startsWith(typed) || (typed.length >= 3 && candidate.includes(typed)))
      score = Math.min(score, 1);
    if (!province.current) score += 0.5;
    const best = scored.get(province.name);
    if (best === undefined || score < best) scored.set(province.name, score);
  }
  const threshold = Math.max(2, Math.ceil(typed.length / 3));
  return [...scored.entries()]
    .filter(([, score]) => score <= threshold)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'vi'))
    .slice(0, limit)
    .map(([name]) => name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

const SPELLINGS = [...LOOKUP.entries()].sort((a, b) => b[0].length - a[0].length);

/**
 * Finds the provinces named in a text, in order of appearance. Matching is
 * on folded text, longest names first, so `Bà Rịa - Vũng Tàu` wins over `Vũng Tàu`.
 */
export function findProvinces(text: string): Province[] {
  const folded = ` ${foldText(text).replace(/[^a-z0-9.]+/g, ' ')} `;
  const hits: Array<{ index: number; province: Province }> = [];
  const taken: Array<[number, number]> = [];
  for (const [spelling, province] of SPELLINGS) {
    const needle = ` ${spelling.replace(/[^a-z0-9.]+/g, ' ').trim()} `;
    let from = 0;
    for (;;) {
      const index = folded.indexOf(needle, from);
      if (index < 0) break;
      from = index + 1;
      const end = index + needle.length;
      if (taken.some(([s, e]) => index < e && end > s)) continue;
      taken.push([index, end]);
      hits.push({ index, province });
    }
  }
  return hits.sort((a, b) => a.index - b.index).map((h) => h.province);
}
