/**
 * Provinces and centrally-run cities. Agreements signed before the
 * 01/07/2025 merger name the 63 former provinces; the 34 current ones all
 * keep the name of one of them, so one list serves both. Region lists for
 * the minimum wage are a separate concern (the decree's Phụ lục).
 */

import { foldText } from './text.ts';

export interface Province {
  name: string;
  /** Other ways documents write it. */
  aliases: string[];
  /** Part of the 34 units in force since 01/07/2025. */
  current: boolean;
}

const CURRENT = new Set([
  'Hà Nội',
  'Hồ Chí Minh',
  'Hải Phòng',
  'Đà Nẵng',
  'Cần Thơ',
  'Huế',
  'Tuyên Quang',
  'Cao Bằng',
  'Lai Châu',
  'Lào Cai',
  'Thái Nguyên',
  'Điện Biên',
  'Lạng Sơn',
  'Sơn La',
  'Phú Thọ',
  'Bắc Ninh',
  'Quảng Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
]);

const NAMES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bạc Liêu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Dương',
  'Bình Định',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hồ Chí Minh',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lạng Sơn',
  'Lào Cai',
  'Lâm Đồng',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];

const ALIASES: Record<string, string[]> = {
  'Hồ Chí Minh': [
    'TP.HCM',
    'TP. HCM',
    'TPHCM',
    'TP HCM',
    'Thành phố Hồ Chí Minh',
    'TP. Hồ Chí Minh',
    'Sài Gòn',
  ],
  'Bà Rịa - Vũng Tàu': ['Bà Rịa – Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Vũng Tàu'],
  Huế: ['Thừa Thiên Huế', 'Thừa Thiên - Huế'],
};

export const PROVINCES: readonly Province[] = NAMES.map((name) => ({
  name,
  aliases: ALIASES[name] ?? [],
  current: CURRENT.has(name),
}));

const LOOKUP = new Map<string, Province>();
for (const province of PROVINCES) {
  for (const spelling of [province.name, ...province.aliases]) LOOKUP.set(foldText(spelling), province);
}

/**
 * Resolves a province name as written (`TP.HCM`, `tỉnh Bình Dương`, `binh duong`).
 */
export function resolveProvince(input: string): Province | undefined {
  const folded = foldText(input)
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, '')
    .trim();
  return LOOKUP.get(folded) ?? LOOKUP.get(foldText(input));
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
