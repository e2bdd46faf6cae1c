/**
 * Industry taxonomy: the union sectors agreements are grouped by, each
 * mapped to VSIC 2018 divisions (Quyết định 27/2018/QĐ-TTg) and to the words
 * that name it in an employer's name or an agreement's title.
 */

import { foldText, lowerText } from './text.ts';

export interface Industry {
  id: string;
  name: string;
  nameEn: string;
  /** VSIC 2018 division (2-digit) or group codes. */
  vsic: string[];
  /** Lower-case Vietnamese words with diacritics that name the sector. */
  keywords: string[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    id: 'det-may',
    name: 'Dệt may',
    nameEn: 'Textiles and garments',
    vsic: ['13', '14'],
    keywords: [
      'dệt may',
      'may mặc',
      'công ty may',
      'tổng công ty may',
      'tnhh may',
      'cổ phần may',
      'sợi',
      'dệt',
      'hàng may',
    ],
  },
  {
    id: 'da-giay',
    name: 'Da giày',
    nameEn: 'Leather and footwear',
    vsic: ['15'],
    keywords: ['da giày', 'giày dép', 'giày', 'túi xách', 'thuộc da'],
  },
  {
    id: 'dien-tu',
    name: 'Điện tử',
    nameEn: 'Electronics',
    vsic: ['26', '27'],
    keywords: ['điện tử', 'linh kiện', 'bán dẫn', 'thiết bị điện'],
  },
  {
    id: 'dien-luc',
    name: 'Điện lực',
    nameEn: 'Electric power',
    vsic: ['35'],
    keywords: ['điện lực', 'truyền tải điện', 'nhiệt điện', 'thủy điện', 'phát điện', 'evn'],
  },
  {
    id: 'xay-dung',
    name: 'Xây dựng',
    nameEn: 'Construction',
    vsic: ['41', '42', '43'],
    keywords: ['xây dựng', 'xây lắp', 'công trình'],
  },
  {
    id: 'giao-duc',
    name: 'Giáo dục',
    nameEn: 'Education',
    vsic: ['85'],
    keywords: ['giáo dục', 'trường', 'mầm non', 'đại học'],
  },
  {
    id: 'y-te',
    name: 'Y tế',
    nameEn: 'Health care',
    vsic: ['86', '87', '88'],
    keywords: ['bệnh viện', 'y tế', 'phòng khám', 'y khoa'],
  },
  {
    id: 'thuy-san',
    name: 'Thủy sản',
    nameEn: 'Fisheries and seafood',
    vsic: ['03', '102'],
    keywords: ['thủy sản', 'hải sản', 'cá tra', 'tôm', 'đông lạnh'],
  },
  {
    id: 'che-bien-go',
    name: 'Chế biến gỗ',
    nameEn: 'Wood processing and furniture',
    vsic: ['16', '31'],
    keywords: ['chế biến gỗ', 'gỗ', 'nội thất', 'lâm sản'],
  },
  { id: 'cao-su', name: 'Cao su', nameEn: 'Rubber', vsic: ['0125', '221'], keywords: ['cao su', 'săm lốp'] },
  {
    id: 'dau-khi',
    name: 'Dầu khí',
    nameEn: 'Oil and gas',
    vsic: ['06', '09', '19'],
    keywords: ['dầu khí', 'lọc dầu', 'lọc hóa dầu', 'khí', 'xăng dầu', 'petro'],
  },
  {
    id: 'vien-thong',
    name: 'Viễn thông',
    nameEn: 'Telecommunications',
    vsic: ['61'],
    keywords: ['viễn thông', 'bưu chính viễn thông', 'telecom'],
  },
  {
    id: 'ngan-hang',
    name: 'Ngân hàng, tài chính',
    nameEn: 'Banking and finance',
    vsic: ['64', '65', '66'],
    keywords: ['ngân hàng', 'tài chính', 'chứng khoán'],
  },
  {
    id: 'ban-le',
    name: 'Thương mại, bán lẻ',
    nameEn: 'Trade and retail',
    vsic: ['45', '46', '47'],
    keywords: ['bán lẻ', 'siêu thị', 'thương mại', 'phân phối'],
  },
  {
    id: 'van-tai',
    name: 'Giao thông vận tải',
    nameEn: 'Transport and logistics',
    vsic: ['49', '50', '51', '52', '53'],
    keywords: ['vận tải', 'logistics', 'cảng', 'xe buýt', 'đường sắt', 'hàng không', 'taxi'],
  },
  {
    id: 'co-khi',
    name: 'Cơ khí, luyện kim',
    nameEn: 'Engineering and metals',
    vsic: ['24', '25', '28', '29', '30', '33'],
    keywords: ['cơ khí', 'luyện kim', 'thép', 'ô tô', 'đóng tàu', 'chế tạo máy'],
  },
  {
    id: 'hoa-chat',
    name: 'Hóa chất',
    nameEn: 'Chemicals',
    vsic: ['20', '21'],
    keywords: ['hóa chất', 'phân bón', 'dược phẩm', 'sơn'],
  },
  {
    id: 'du-lich',
    name: 'Du lịch, khách sạn',
    nameEn: 'Tourism and hospitality',
    vsic: ['55', '56', '79'],
    keywords: ['du lịch', 'khách sạn', 'nhà hàng', 'resort', 'lữ hành'],
  },
  {
    id: 'thuc-pham',
    name: 'Thực phẩm, đồ uống',
    nameEn: 'Food and beverages',
    vsic: ['10', '11'],
    keywords: ['thực phẩm', 'sữa', 'bia', 'nước giải khát', 'bánh kẹo', 'chế biến thực phẩm'],
  },
  {
    id: 'khai-khoang',
    name: 'Than, khoáng sản',
    nameEn: 'Coal and mining',
    vsic: ['05', '07', '08'],
    keywords: ['than', 'khoáng sản', 'khai thác mỏ', 'mỏ'],
  },
  {
    id: 'nong-nghiep',
    name: 'Nông, lâm nghiệp',
    nameEn: 'Agriculture and forestry',
    vsic: ['01', '02'],
    keywords: ['nông nghiệp', 'nông lâm', 'lâm nghiệp', 'chè', 'cà phê'],
  },
  {
    id: 'cong-nghe-thong-tin',
    name: 'Công nghệ thông tin',
    nameEn: 'Information technology',
    vsic: ['62', '63'],
    keywords: ['phần mềm', 'công nghệ thông tin'],
  },
];

const BY_ID = new Map(INDUSTRIES.map((i) => [i.id, i]));

/** The industry with this id. */
export function getIndustry(id: string): Industry | undefined {
  return BY_ID.get(id);
}

/**
 * Resolves what a user typed (`dệt may`, `det may`, `det-may`, `Textiles and garments`, VSIC `14`) to an industry.
 */
export function resolveIndustry(input: string): Industry | undefined {
  const folded = foldText(input);
  return INDUSTRIES.find(
    (i) =>
      i.id === folded.replace(/\s+/g, '-') ||
      foldText(i.name) === folded ||
      foldText(i.nameEn) === folded ||
      i.vsic.includes(folded),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KEYWORD_PATTERNS = INDUSTRIES.map((industry) => ({
  industry,
  patterns: industry.keywords.map(
    (k) => new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(k)}(?![\\p{L}\\p{M}])`, 'gu'),
  ),
}));

/**
 * Guesses the industry from the words of an employer's name and title. Matches
 * keep their diacritics (`máy` is not `may`). Longer keywords weigh more.
 *
 * @returns the best-scoring industry, or `undefined` when nothing names one
 */
export function detectIndustry(texts: readonly string[]): Industry | undefined {
  const haystack = texts.map(lowerText).join(' \n ');
  let best: { industry: Industry; score: number } | undefined;
  for (const { industry, patterns } of KEYWORD_PATTERNS) {
    let score = 0;
    patterns.forEach((pattern, i) => {
      const hits = haystack.match(pattern)?.length ?? 0;
      score += hits * industry.keywords[i]!.split(' ').length;
    });
    if (score > 0 && (!best || score > best.score)) best = { industry, score };
  }
  return best?.industry;
}

/** Industries whose names are closest to an unrecognised input. */
export function suggestIndustries(input: string, limit = 3): string[] {
  const words = foldText(input)
    .split(/[\s-]+/)
    .filter((w) => w.length >= 2);
  return INDUSTRIES.filter((i) => {
    const names = foldText(`${i.id} ${i.name} ${i.nameEn} ${i.keywords.join(' ')}`);
    return words.some((w) => names.includes(w));
  })
    .slice(0, limit)
    .map((i) => i.name);
}
