/**
 * Welfare amounts by occasion: a birthday gift, a visit to a worker in
 * hospital, the Tết gift, a wedding, a funeral are different measures, so the
 * library's median of one is never suggested for another. Each occasion is a
 * subject of its own, recognised by the words nearest to its number; a sum
 * whose occasion is not named stays `welfare_support`. None has a legal floor
 * (they are bargained: Điều 67 khoản 1 BLLĐ 2019); the law on the occasion,
 * where there is one, is cited beside each in `data/legal-floors.json`.
 */

import type { PhraseMatcher } from './phrases.ts';

/** The welfare subjects, in the order a tie between their words is settled (the first listed wins). */
export const WELFARE_OCCASIONS = [
  { subject: 'welfare_birthday', words: ['sinh nhật', 'ngày sinh'] },
  {
    subject: 'welfare_womens_day',
    words: ['quốc tế phụ nữ', 'phụ nữ việt nam', '8/3', '08/3', '08/03', '20/10', 'ngày của mẹ'],
  },
  {
    subject: 'welfare_children',
    words: ['thiếu nhi', '1/6', '01/6', '01/06', 'trung thu', 'học sinh giỏi', 'học giỏi', 'khuyến học'],
  },
  {
    // Before Tết: "Tết Dương lịch" is a public holiday of its own (Điều 112 khoản 1 điểm a), not Tết.
    subject: 'welfare_holiday_gift',
    words: [
      'tết dương lịch',
      'năm mới',
      'ngày lễ',
      'dịp lễ',
      'lễ',
      '30/4',
      '1/5',
      '01/5',
      '2/9',
      '02/9',
      'quốc khánh',
      'quốc tế lao động',
      'giỗ tổ',
    ],
  },
  {
    subject: 'welfare_tet_gift',
    words: ['tết nguyên đán', 'tết âm lịch', 'tết cổ truyền', 'tết'],
  },
  { subject: 'welfare_wedding', words: ['kết hôn', 'cưới', 'hỉ'] },
  {
    subject: 'welfare_funeral',
    words: ['qua đời', 'từ trần', 'chết', 'tang', 'tang chế', 'viếng', 'phúng viếng', 'hiếu', 'mai táng'],
  },
  { subject: 'welfare_childbirth', words: ['sinh con', 'sinh đôi', 'thai sản', 'sinh em bé'] },
  {
    subject: 'welfare_accident',
    words: ['tai nạn lao động', 'tai nạn', 'bệnh nghề nghiệp'],
  },
  {
    subject: 'welfare_sickness',
    words: ['ốm đau', 'bị ốm', 'ốm', 'nằm viện', 'điều trị', 'phẫu thuật', 'bệnh hiểm nghèo', 'khám bệnh'],
  },
  { subject: 'welfare_retirement', words: ['nghỉ hưu', 'về hưu', 'hưu trí'] },
  {
    subject: 'welfare_hardship',
    words: ['hoàn cảnh khó khăn', 'khó khăn đột xuất', 'gia đình khó khăn', 'thiên tai', 'hỏa hoạn'],
  },
] as const;

type WelfareSubject = (typeof WELFARE_OCCASIONS)[number]['subject'] | 'welfare_support';

/**
 * The occasion of a welfare amount: the one named nearest before the number, else in its sentence, else
 * in the lead-in above it; `welfare_support` when none is named.
 *
 * @param scope the words before the number, its sentence and the lead-in above its clause
 * @example welfareSubjectOf(scopeOf('Quà sinh nhật: 300.000 đồng')) // 'welfare_birthday'
 */
export function welfareSubjectOf(scope: {
  before: PhraseMatcher;
  segment: PhraseMatcher;
  leadIn: PhraseMatcher;
}): WelfareSubject {
  for (const words of [scope.before, scope.segment, scope.leadIn]) {
    let found: WelfareSubject | undefined;
    let at = -1;
    for (const occasion of WELFARE_OCCASIONS) {
      const index = words.lastIndex(occasion.words);
      if (index > at) {
        at = index;
        found = occasion.subject;
      }
    }
    if (found) return found;
  }
  return 'welfare_support';
}
