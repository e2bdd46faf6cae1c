/**
 * Makes N synthetic agreements for scale tests: Markdown in the layout of the
 * sample library (header block, parties, Chương/Điều, khoản, điểm, bullets,
 * a leave table), with a seeded generator so the same N gives the same files.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDUSTRIES } from '../clauses/industries.ts';

/** Mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = [
  'Hà Nội',
  'TP. Hồ Chí Minh',
  'Bình Dương',
  'Đồng Nai',
  'Bắc Ninh',
  'Hải Phòng',
  'Đà Nẵng',
  'Long An',
];
const NAMES = [
  'An Phát',
  'Hưng Thịnh',
  'Minh Long',
  'Thành Công',
  'Việt Tiến',
  'Phú Quý',
  'Sao Mai',
  'Đông Á',
  'Hòa Bình',
  'Tân Tiến',
];
const PEOPLE = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Quốc Cường',
  'Phạm Thu Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Hạnh',
];

const CHAPTERS: Array<{ title: string; articles: Array<{ heading: string; clauses: string[] }> }> = [
  {
    title: 'QUY ĐỊNH CHUNG',
    articles: [
      { heading: 'Phạm vi áp dụng', clauses: ['Thỏa ước áp dụng cho Công ty và toàn thể người lao động.'] },
      {
        heading: 'Thời hạn',
        clauses: [
          'Thỏa ước có thời hạn {term} năm, có hiệu lực kể từ ngày {effective}.',
          'Sau 06 tháng, hai bên có thể sửa đổi, bổ sung Thỏa ước.',
        ],
      },
    ],
  },
  {
    title: 'VIỆC LÀM',
    articles: [
      {
        heading: 'Hợp đồng lao động',
        clauses: [
          'Công ty giao kết hợp đồng lao động bằng văn bản.',
          'Người lao động làm đủ {n24} tháng được ký hợp đồng không xác định thời hạn.',
        ],
      },
      {
        heading: 'Thử việc',
        clauses: [
          'Thời gian thử việc không quá {probation} ngày làm việc.',
          'Tiền lương thử việc bằng {probationPay}% mức lương của công việc.',
        ],
      },
      { heading: 'Bảo đảm việc làm', clauses: ['Công ty bảo đảm việc làm tối thiểu {days} ngày/tháng.'] },
    ],
  },
  {
    title: 'THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI',
    articles: [
      {
        heading: 'Thời giờ làm việc',
        clauses: [
          'Thời giờ làm việc không quá 08 giờ/ngày và {week} giờ/tuần.',
          'Nghỉ giữa ca {break} phút, tính vào giờ làm việc.',
        ],
      },
      {
        heading: 'Làm thêm giờ',
        clauses: [
          'Số giờ làm thêm không quá {otMonth} giờ/tháng và {otYear} giờ/năm.',
          'Tiền lương làm thêm giờ:\n   a) Ngày thường: {ot1}%;\n   b) Ngày nghỉ hằng tuần: {ot2}%;\n   c) Ngày lễ, tết: {ot3}%.',
        ],
      },
      {
        heading: 'Nghỉ hằng năm',
        clauses: ['Người lao động được nghỉ hằng năm {leave} ngày làm việc, hưởng nguyên lương.'],
      },
      { heading: 'Nghỉ việc riêng', clauses: ['TABLE'] },
    ],
  },
  {
    title: 'TIỀN LƯƠNG, PHỤ CẤP, THƯỞNG',
    articles: [
      {
        heading: 'Tiền lương',
        clauses: [
          'Công ty thuộc địa bàn vùng {region}; mức lương thấp nhất là {wage} đồng/tháng.',
          'Tiền lương được trả vào ngày {payday} hằng tháng.',
        ],
      },
      {
        heading: 'Phụ cấp',
        clauses: [
          'Phụ cấp chuyên cần: {allowance} đồng/tháng.',
          'Phụ cấp nhà ở: {housing} đồng/tháng.',
          'Phụ cấp đi lại: {transport} đồng/tháng.',
        ],
      },
      { heading: 'Thưởng', clauses: ['Thưởng tháng lương thứ 13 cho người lao động làm đủ 12 tháng.'] },
      { heading: 'Bữa ăn giữa ca', clauses: ['Giá trị bữa ăn giữa ca {meal} đồng/suất.'] },
      { heading: 'Phúc lợi', clauses: ['BULLETS'] },
    ],
  },
  {
    title: 'AN TOÀN, VỆ SINH LAO ĐỘNG',
    articles: [
      {
        heading: 'Bảo hộ lao động',
        clauses: ['Công ty trang bị phương tiện bảo vệ cá nhân phù hợp với công việc.'],
      },
      {
        heading: 'Khám sức khỏe',
        clauses: ['Khám sức khỏe định kỳ {checks} lần/năm.', 'Lao động nữ được khám chuyên khoa phụ sản.'],
      },
      {
        heading: 'Lao động nữ',
        clauses: [
          'Lao động nữ trong thời gian hành kinh được nghỉ 30 phút mỗi ngày.',
          'Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ 60 phút mỗi ngày.',
        ],
      },
    ],
  },
  {
    title: 'ĐIỀU KHOẢN THI HÀNH',
    articles: [
      {
        heading: 'Thi hành',
        clauses: ['Thỏa ước được gửi cơ quan quản lý lao động cấp tỉnh trong 10 ngày kể từ ngày ký.'],
      },
    ],
  },
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function money(rand: () => number, min: number, max: number): string {
  const value = Math.round((min + rand() * (max - min)) / 10_000) * 10_000;
  return value.toLocaleString('de-DE');
}

/** One synthetic agreement as Markdown. */
export function generateAgreement(index: number): string {
  const rand = random(index + 1);
  const industry = pick(rand, INDUSTRIES);
  const name = `${pick(rand, NAMES)} ${index + 1}`;
  const employer = `Công ty TNHH ${industry.name.split(',')[0]} ${name}`;
  const province = pick(rand, PROVINCES);
  const year = 2022 + Math.floor(rand() * 5);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const values: Record<string, string> = {
    term: String(1 + Math.floor(rand() * 3)).padStart(2, '0'),
    effective: `${day}/${month}/${year}`,
    n24: pick(rand, ['12', '24', '36']),
    probation: pick(rand, ['06', '30', '60']),
    probationPay: pick(rand, ['85', '90', '100']),
    days: pick(rand, ['22', '24', '26']),
    week: pick(rand, ['40', '44', '48']),
    break: pick(rand, ['30', '45', '60']),
    otMonth: pick(rand, ['30', '40']),
    otYear: pick(rand, ['200', '250', '300']),
    ot1: pick(rand, ['150', '170', '200']),
    ot2: pick(rand, ['180', '200', '250']),
    ot3: pick(rand, ['300', '350', '400']),
    leave: pick(rand, ['12', '13', '14', '15']),
    region: pick(rand, ['I', 'II', 'III', 'IV']),
    wage: money(rand, 3_700_000, 9_000_000),
    payday: pick(rand, ['05', '10', '15']),
    allowance: money(rand, 100_000, 600_000),
    housing: money(rand, 200_000, 800_000),
    transport: money(rand, 100_000, 500_000),
    meal: money(rand, 20_000, 50_000),
    checks: pick(rand, ['01', '02']),
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? k);

  const lines: string[] = [
    employer.toUpperCase(),
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `${province}, ngày ${day} tháng ${month} năm ${year}`,
    '',
    '# THỎA ƯỚC LAO ĐỘNG TẬP THỂ',
    '',
    'Căn cứ Bộ luật Lao động năm 2019;',
    '',
    `Tổng số lao động: ${(100 + Math.floor(rand() * 5000)).toLocaleString('de-DE')} người.`,
    '',
    `Đại diện người sử dụng lao động: ${employer}`,
    '',
    `- Ông: ${pick(rand, PEOPLE)} — Chức vụ: Giám đốc`,
    `- Địa chỉ: Khu công nghiệp ${pick(rand, NAMES)}, tỉnh ${province}`,
    '',
    `Đại diện tập thể người lao động: Công đoàn cơ sở ${employer}`,
    '',
    `- Bà: ${pick(rand, PEOPLE)} — Chức vụ: Chủ tịch Công đoàn cơ sở`,
    '',
  ];
  let article = 0;
  CHAPTERS.forEach((chapter, c) => {
    lines.push(`## Chương ${['I', 'II', 'III', 'IV', 'V', 'VI'][c]}. ${chapter.title}`, '');
    for (const a of chapter.articles) {
      article++;
      lines.push(`### Điều ${article}. ${a.heading}`, '');
      if (a.clauses[0] === 'TABLE') {
        lines.push('| Trường hợp | Theo BLLĐ | Theo Thỏa ước |', '|---|---|---|');
        lines.push(`| Bản thân kết hôn | 03 ngày | ${pick(rand, ['03', '04', '05'])} ngày |`);
        lines.push(`| Con kết hôn | 01 ngày | ${pick(rand, ['01', '02'])} ngày |`, '');
      } else if (a.clauses[0] === 'BULLETS') {
        lines.push(`- Mừng người lao động kết hôn: ${money(rand, 500_000, 2_000_000)} đồng;`);
        lines.push(`- Quà Tết: ${money(rand, 300_000, 1_500_000)} đồng;`);
        lines.push('  - thêm cho người có con nhỏ;', '');
      } else if (a.clauses.length === 1) {
        lines.push(fill(a.clauses[0]!), '');
      } else {
        a.clauses.forEach((clause, i) => {
          lines.push(`${i + 1}. ${fill(clause)}`);
        });
        lines.push('');
      }
    }
  });
  lines.push('Nơi nhận:', '', `- Liên đoàn Lao động tỉnh ${province};`, '- Lưu VT.', '');
  return lines.join('\n');
}

/** Writes `count` agreements into `dir`. */
export function generateCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `synthetic-${String(i + 1).padStart(5, '0')}.md`);
    writeFileSync(file, generateAgreement(i));
    files.push(file);
  }
  return files;
}
