import { describe, expect, it } from 'vitest';
import {
  type Agreement,
  type ClauseNode,
  type Comparison,
  compareWithFloors,
  compareWithLawWording,
  restatesLawAt,
  type SkipReason,
  type Verdict,
} from '../../clauses/index.ts';
import { draftOfLines, draftWith } from './draft.ts';

const ON = '2026-11-23';
const compare = (text: string) => compareWithFloors(draftWith(text), { on: ON });
const rowOf = (c: Comparison, written: string) => c.rows.find((r) => r.measure.written === written);
const skippedOf = (c: Comparison, written: string) => c.skipped.find((s) => s.written === written);

/** An agreement of one article holding one table under a lead-in. */
function tableDraft(leadIn: string, rows: string[][]): Pick<Agreement, 'tree' | 'meta'> {
  const table: ClauseNode = {
    type: 'table',
    id: 'dieu-1.khoan-1.bang-1',
    path: 'Điều 1 › khoản 1 › bảng 1',
    rows,
    children: [],
  };
  const clause: ClauseNode = {
    type: 'clause',
    id: 'dieu-1.khoan-1',
    path: 'Điều 1 › khoản 1',
    number: '1',
    text: leadIn,
    children: [table],
  };
  const article: ClauseNode = {
    type: 'article',
    id: 'dieu-1',
    path: 'Điều 1',
    number: '1',
    heading: 'Nghỉ việc riêng',
    text: '',
    children: [clause],
  };
  return { tree: [article], meta: { signatories: [], level: 'enterprise' } };
}

describe('a number that limits who gets a benefit is not the benefit (class 1)', () => {
  it.each<[string, string, string]>([
    [
      'Thưởng chuyên cần 300.000 đồng/tháng cho người lao động nghỉ không quá 02 ngày trong tháng.',
      '02 ngày',
      'cho người lao động nghỉ không quá',
    ],
    ['Nếu người lao động nghỉ không quá 01 ngày trong quý thì được thưởng 500.000 đồng.', '01 ngày', 'nếu'],
    ['Người lao động làm việc đủ 06 tháng được tặng quà Tết 1.000.000 đồng.', '06 tháng', 'đủ'],
    ['Trường hợp làm thêm từ 03 giờ trở lên, Công ty bố trí thêm bữa ăn nhẹ.', '03 giờ', 'trường hợp'],
  ])('skips the condition in "%s" (%s) and says which words made it one', (text, written, words) => {
    const c = compare(text);
    expect(c.rows.map((r) => r.measure.written)).not.toContain(written);
    const skipped = skippedOf(c, written);
    expect(skipped?.reason).toBe<SkipReason>('condition');
    expect(skipped?.message.vi.toLowerCase()).toContain(words);
    expect(c.summary.below).toBe(0);
  });

  it('still measures the entitlement that follows the condition', () => {
    const c = compare(
      'Khi làm thêm giờ vào ngày nghỉ hằng tuần, người lao động được trả ít nhất 200% tiền lương.',
    );
    expect(rowOf(c, '200%')).toMatchObject({ subject: 'ot_rate', verdict: 'equal' });
    expect(rowOf(c, '200%')?.basis.vi).toContain('làm thêm giờ');
  });

  it('measures the amount of an attendance bonus as a benefit with no floor', () => {
    const c = compare(
      'Thưởng chuyên cần 300.000 đồng/tháng cho người lao động nghỉ không quá 02 ngày trong tháng.',
    );
    expect(rowOf(c, '300.000 đồng/tháng')?.verdict).toBe<Verdict>('no_floor');
  });
});

describe("another number of the same legal rule is not compared with the rule's main floor (class 2)", () => {
  // Điều 139 khoản 1 BLLĐ 2019, word for word.
  const law =
    'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng; thời gian nghỉ trước khi sinh không quá 02 tháng. Trường hợp lao động nữ sinh đôi trở lên thì tính từ con thứ 02 trở đi, cứ mỗi con, người mẹ được nghỉ thêm 01 tháng.';

  it('compares the length of maternity leave and skips the time before birth', () => {
    const c = compare(law);
    expect(rowOf(c, '06 tháng')).toMatchObject({ subject: 'maternity_leave', verdict: 'equal' });
    expect(skippedOf(c, '02 tháng')?.reason).toBe<SkipReason>('restatement');
    expect(skippedOf(c, '01 tháng')?.reason).toBe<SkipReason>('restatement');
    expect(c.unlawful).toEqual([]);
  });

  it('knows a clause that copies the law, and never calls such a clause below it', () => {
    expect(restatesLawAt(law)).toMatchObject({ law: 'BLLĐ 2019', article: 139 });
    const draft = draftWith(law);
    const c = compareWithFloors(draft, { on: ON });
    const wording = compareWithLawWording(draft.tree, c);
    for (const row of wording.rows.filter((r) => r.restatesLaw))
      expect(c.rows.filter((r) => r.nodeId === row.nodeId && r.verdict === 'below')).toEqual([]);
  });
});

describe('worked examples, references and lists (class 3)', () => {
  it('skips every number of a worked example', () => {
    const c = compare(
      'Ví dụ: lương 8.000.000 đồng/tháng, làm thêm 2 giờ vào ngày thường được trả 2 x 40.000 x 150% = 120.000 đồng.',
    );
    expect(c.rows).toEqual([]);
    expect(skippedOf(c, '150%')?.reason).toBe<SkipReason>('example');
    expect(skippedOf(c, '8.000.000 đồng/tháng')?.reason).toBe<SkipReason>('example');
  });

  it('skips the numbers of an article headed "Ví dụ minh họa"', () => {
    const draft = draftWith('Làm thêm 3 giờ vào ngày nghỉ hằng tuần: 3 x 30.000 x 200% = 180.000 đồng.');
    const article = draft.tree[0]!;
    if (article.type !== 'table') article.heading = 'Ví dụ minh họa cách tính';
    const c = compareWithFloors(draft, { on: ON });
    expect(c.rows).toEqual([]);
    expect(c.skipped.every((s) => s.reason === 'example' || s.reason === 'count')).toBe(true);
  });

  it('skips the numbers restated after a reference to another article', () => {
    const c = compare(
      'Tiền lương làm thêm giờ vào ban đêm gồm tiền lương làm thêm giờ theo Điều 10 (150%) và khoản thêm theo Điều 11.',
    );
    expect(skippedOf(c, '150%')?.reason).toBe<SkipReason>('reference');
    expect(skippedOf(c, '10')?.reason).toBe<SkipReason>('reference');
  });

  it.each<[string, string, string]>([
    ['Tết Dương lịch: 01 ngày (ngày 01/01 dương lịch).', '01 ngày', 'Điều 112 khoản 1 điểm a BLLĐ 2019'],
    ['Tết Âm lịch: 05 ngày.', '05 ngày', 'Điều 112 khoản 1 điểm b BLLĐ 2019'],
    ['Ngày Chiến thắng 30/4: 01 ngày.', '01 ngày', 'Điều 112 khoản 1 điểm c BLLĐ 2019'],
    [
      'Quốc khánh 02/9: 02 ngày (ngày 02/9 và 01 ngày liền kề).',
      '02 ngày',
      'Điều 112 khoản 1 điểm đ BLLĐ 2019',
    ],
    ['Giỗ Tổ Hùng Vương (10/3 âm lịch): 01 ngày.', '01 ngày', 'Điều 112 khoản 1 điểm e BLLĐ 2019'],
  ])('compares the holiday "%s" with its own days, not the total', (text, written, citation) => {
    const c = compare(text);
    const row = rowOf(c, written);
    expect(row).toMatchObject({ subject: 'public_holiday_day', verdict: 'equal' });
    expect(row?.floor?.citation.text).toBe(citation);
    // Its dates (30/4, 02/9) are dates, not days off.
    if (/\d\/\d/.test(text)) expect(c.skipped.some((s) => s.reason === 'date')).toBe(true);
  });

  it('reads the days in a bracket after a holiday as the parts of its days, never below them', () => {
    const c = compare('Tết Âm lịch: 05 ngày (01 ngày cuối năm và 04 ngày đầu năm).');
    expect(c.rows.map((r) => [r.measure.written, r.verdict])).toEqual([['05 ngày', 'equal']]);
    expect(c.skipped.filter((s) => s.reason === 'part_of_benefit').map((s) => s.written)).toEqual([
      '01 ngày',
      '04 ngày',
    ]);
  });

  it('reads the adjacent day of National Day as part of its two days', () => {
    const c = compare('Quốc khánh 02/9: 02 ngày (ngày 02/9 và 01 ngày liền kề).');
    expect(skippedOf(c, '01 ngày')?.reason).toBe<SkipReason>('part_of_benefit');
  });
});

describe('leave tables as real agreements write them (class 4)', () => {
  it('adds a column of extra days to the law, reads an empty cell as none and a sentence as its days', () => {
    const c = compareWithFloors(
      tableDraft('Người lao động được nghỉ việc riêng như sau:', [
        ['Trường hợp', 'Theo BLLĐ', 'Thêm theo Thỏa ước'],
        ['Bản thân kết hôn', '03 ngày', '02 ngày'],
        ['Con đẻ, con nuôi kết hôn', '01 ngày', ''],
        ['Anh, chị, em ruột chết', '01 ngày không lương', 'Nghỉ 01 ngày hưởng nguyên lương'],
      ]),
      { on: ON },
    );
    expect(c.rows.map((r) => [r.subject, r.measure.value, r.verdict])).toEqual([
      ['leave_own_marriage', 5, 'above'],
      ['leave_child_marriage', 1, 'equal'],
      ['leave_family_unpaid', 1, 'above'],
    ]);
  });

  it('takes "paid" from the lead-in of a table when its rows do not say', () => {
    const c = compareWithFloors(
      tableDraft('Người lao động được nghỉ việc riêng hưởng nguyên lương trong các trường hợp sau:', [
        ['Trường hợp', 'Số ngày nghỉ'],
        ['Ông bà nội, ông bà ngoại, anh chị em ruột qua đời', '01 ngày'],
      ]),
      { on: ON },
    );
    const [row] = c.rows;
    expect(row).toMatchObject({ subject: 'leave_family_unpaid', verdict: 'above' });
    expect(row?.reason?.en).toBe('the law grants these days unpaid');
    expect(row?.floor?.citation.text).toBe('Điều 115 khoản 2 BLLĐ 2019');
  });
});

describe('several entitlements in one sentence (class 5)', () => {
  it('reads the nursing break, its child age and the menstruation break with their own citations', () => {
    const c = compare(
      'Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ 60 phút mỗi ngày; trong thời gian hành kinh được nghỉ 30 phút mỗi ngày, ít nhất 03 ngày mỗi tháng.',
    );
    expect(c.rows.map((r) => [r.subject, r.verdict, r.floor?.citation.text])).toEqual([
      ['nursing_child_age', 'equal', 'Điều 137 khoản 4 BLLĐ 2019'],
      ['nursing_break', 'equal', 'Điều 137 khoản 4 BLLĐ 2019'],
      ['menstruation_break', 'equal', 'Điều 137 khoản 4 BLLĐ 2019'],
      ['menstruation_days', 'equal', 'Điều 80 khoản 3 điểm a Nghị định 145/2020/NĐ-CP'],
    ]);
  });

  it('reads a shortened day for nursing in heavy work, its full pay and the one-hour cut', () => {
    const c = compareWithFloors(
      draftOfLines(
        [
          'Lao động nữ nuôi con dưới 12 tháng tuổi làm công việc nặng nhọc, độc hại mỗi ngày làm việc 6 giờ, tiền lương vẫn tính đủ 8 giờ.',
          'Lao động nữ mang thai làm công việc nặng nhọc, độc hại được giảm 1 giờ làm việc mỗi ngày.',
        ].join('\n'),
      ),
      { on: ON },
    );
    expect(c.rows.map((r) => [r.subject, r.verdict])).toEqual([
      ['nursing_child_age', 'equal'],
      ['nursing_hours_day', 'equal'],
      ['reduced_hours_pay', 'equal'],
      ['reduced_hours_cut', 'equal'],
    ]);
    expect(c.rows[0]?.floor?.citation.text).toBe('Điều 137 khoản 2 BLLĐ 2019');
  });
});

describe('the normal day a nursing break is taken from is not a shortened day', () => {
  it('reads 8 hours a day beside a 60-minute break as the normal day, not as a nursing day below 7 hours', () => {
    const c = compare(
      'Lao động nữ nuôi con dưới 12 tháng tuổi, trong thời gian làm việc 8 giờ mỗi ngày được nghỉ 60 phút hưởng nguyên lương.',
    );
    expect(c.rows.map((r) => [r.subject, r.verdict])).toEqual([
      ['nursing_child_age', 'equal'],
      ['normal_hours_day', 'equal'],
      ['nursing_break', 'equal'],
    ]);
  });
});

describe('benefit tables with amounts (class 6)', () => {
  it('reads `1.500.000đ/lần`, a bare `910.000` and a range `300.000 – 2.000.000` as support with no floor', () => {
    const c = compareWithFloors(
      tableDraft('Công ty hỗ trợ người lao động như sau:', [
        ['Trường hợp', 'Mức hỗ trợ (đồng)'],
        ['Người lao động kết hôn', '1.500.000đ/lần'],
        ['Người lao động ốm đau nằm viện', '910.000'],
        ['Gia đình gặp khó khăn đột xuất', '300.000 – 2.000.000'],
      ]),
      { on: ON },
    );
    expect(c.rows.map((r) => [r.measure.value, r.verdict])).toEqual([
      [1_500_000, 'no_floor'],
      [910_000, 'no_floor'],
      [300_000, 'no_floor'],
    ]);
    expect(c.rows[2]?.measure.max).toBe(2_000_000);
  });
});

describe('numbers written in words (class 7)', () => {
  it.each<[string, string, number, Verdict]>([
    [
      'Công ty tổ chức khám sức khỏe định kỳ hằng năm cho người lao động.',
      'health_check_interval',
      1,
      'equal',
    ],
    ['Hai bên tổ chức đối thoại định kỳ tại nơi làm việc hàng quý.', 'dialogue_interval', 3, 'above'],
    ['Lao động nữ nuôi con dưới một tuổi được nghỉ 60 phút mỗi ngày.', 'nursing_child_age', 12, 'equal'],
    [
      'Ngày thành lập Công ty: người lao động được nghỉ một buổi hưởng nguyên lương.',
      'extra_day_off',
      1,
      'no_floor',
    ],
  ])('reads "%s" as %s = %s', (text, subject, value, verdict) => {
    const row = compare(text).rows.find((r) => r.subject === subject);
    expect(row?.measure.value).toBe(value);
    expect(row?.verdict).toBe(verdict);
  });

  it('reads "lần thứ nhất và thứ hai" as an order, not an amount', () => {
    const c = compare(
      'Vợ sinh con lần thứ nhất và thứ hai: người chồng được nghỉ 03 ngày hưởng nguyên lương.',
    );
    expect(c.rows.map((r) => [r.subject, r.measure.written, r.verdict])).toEqual([
      ['extra_day_off', '03 ngày', 'no_floor'],
    ]);
  });
});

describe('subjects with a floor, and the cases where no verdict can be given (class 9)', () => {
  it.each<[string, string, Verdict, string]>([
    [
      'Người lao động làm công việc nặng nhọc, độc hại được khám sức khỏe 01 lần/năm.',
      'health_check_interval',
      'below',
      'Điều 21 khoản 1 Luật An toàn, vệ sinh lao động 2015',
    ],
    [
      'Tiền lương thử việc bằng 85% mức lương của công việc đó.',
      'probation_pay',
      'equal',
      'Điều 26 BLLĐ 2019',
    ],
    [
      'Ngừng việc do lỗi của Công ty, người lao động được trả 100% tiền lương.',
      'stoppage_pay',
      'equal',
      'Điều 99 khoản 1 BLLĐ 2019',
    ],
    [
      'Ngừng việc vì sự cố điện, nước không do lỗi của Công ty, người lao động được trả 100% tiền lương theo hợp đồng.',
      'stoppage_pay',
      'above',
      'Điều 99 khoản 3 BLLĐ 2019',
    ],
    [
      'Ngừng việc vì thiên tai, dịch bệnh, người lao động được trả 70% tiền lương theo hợp đồng.',
      'stoppage_pay',
      'unclear',
      'Điều 99 khoản 3 BLLĐ 2019',
    ],
    [
      'Thời gian làm việc ban đêm tính từ 21 giờ đến 06 giờ sáng hôm sau.',
      'night_hours_start',
      'above',
      'Điều 106 BLLĐ 2019',
    ],
    [
      'Khi làm thêm giờ vào ban đêm, người lao động được trả thêm 20% tiền lương giờ làm việc ban ngày của ngày đó.',
      'night_ot_extra',
      'equal',
      'Điều 98 khoản 3 BLLĐ 2019',
    ],
    [
      'Công ty trả lương cho người lao động vào ngày 05 hằng tháng.',
      'wage_pay_day',
      'equal',
      'Điều 97 khoản 2 BLLĐ 2019',
    ],
    [
      'Công ty chốt sổ bảo hiểm xã hội cho người lao động trong thời hạn 45 ngày kể từ ngày nghỉ việc.',
      'si_book_return_days',
      'unclear',
      'Điều 48 khoản 3 điểm a BLLĐ 2019',
    ],
    [
      'Người lao động được cử đi đào tạo phải cam kết làm việc cho Công ty 36 tháng sau khóa học.',
      'training_commitment',
      'no_floor',
      'Điều 62 khoản 2 điểm c BLLĐ 2019',
    ],
    [
      'Người lao động được nghỉ 01 ngày hưởng nguyên lương vào dịp Giáng sinh.',
      'extra_day_off',
      'no_floor',
      'Điều 112 khoản 1 BLLĐ 2019',
    ],
    [
      'Trước khi nghỉ hưu, người lao động được nghỉ 03 tháng hưởng nguyên lương.',
      'retirement_leave',
      'no_floor',
      'Điều 169 BLLĐ 2019',
    ],
  ])('judges "%s" as %s %s, citing %s', (text, subject, verdict, citation) => {
    const row = compare(text).rows.find((r) => r.subject === subject);
    expect(row?.verdict).toBe(verdict);
    expect(row?.floor?.citation.text).toBe(citation);
    if (verdict === 'unclear') expect(row?.reason?.vi).toBeTruthy();
  });

  it('shows the words of the OSH Law beside a health-check row', () => {
    const row = compare('Công ty tổ chức khám sức khỏe định kỳ hằng năm cho người lao động.').rows[0];
    expect(row?.law?.title).toBe('Điều 21. Khám sức khỏe và điều trị bệnh nghề nghiệp cho người lao động');
    expect(row?.law?.text).toContain('ít nhất 06 tháng một lần');
  });

  it('calls one night-overtime extra for every day type, on the normal-day wage, below on rest days', () => {
    const c = compare(
      'Làm thêm giờ vào ban đêm: ngoài tiền lương làm thêm giờ và tiền lương làm việc vào ban đêm, người lao động được trả thêm 20% tiền lương giờ của ngày làm việc bình thường.',
    );
    const row = rowOf(c, '20%');
    expect(row).toMatchObject({ subject: 'night_ot_extra', verdict: 'below' });
    expect(row?.reason?.en).toContain('the law counts the wage of that day');
  });

  it('gives no verdict on an option the employer may choose', () => {
    const c = compare(
      'Thời giờ làm việc bình thường không quá 48 giờ/tuần; Công ty có thể áp dụng 44 giờ/tuần vào mùa thấp điểm.',
    );
    expect(rowOf(c, '48 giờ/tuần')?.verdict).toBe('equal');
    expect(rowOf(c, '44 giờ/tuần')?.verdict).toBe('unclear');
    expect(rowOf(c, '44 giờ/tuần')?.reason?.vi).toContain('có thể');
  });
});

describe('citations down to khoản and điểm (class 8)', () => {
  it.each<[string, string]>([
    [
      'Lao động nữ nuôi con dưới 12 tháng tuổi không bị sa thải hoặc đơn phương chấm dứt hợp đồng.',
      'Điều 137 khoản 3 BLLĐ 2019',
    ],
    ['Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ 60 phút mỗi ngày.', 'Điều 137 khoản 4 BLLĐ 2019'],
    [
      'Lao động nữ nuôi con dưới 12 tháng tuổi không phải làm việc ban đêm, làm thêm giờ.',
      'Điều 137 khoản 1 điểm b BLLĐ 2019',
    ],
  ])('cites the protection the child age bounds in "%s"', (text, citation) => {
    const row = compare(text).rows.find((r) => r.subject === 'nursing_child_age');
    expect(row?.verdict).toBe('equal');
    expect(row?.floor?.citation.text).toBe(citation);
    expect(row?.law?.text).toContain('12 tháng tuổi');
  });
});

describe('coverage', () => {
  it('accounts for every number: measured, not an entitlement, or not read', () => {
    const c = compare(
      'Người lao động được nghỉ hằng năm 14 ngày làm việc theo Điều 113 Bộ luật Lao động; Thỏa ước có hiệu lực từ ngày 01/01/2026; mỗi năm Công ty cấp 02 bộ đồng phục.',
    );
    expect(c.coverage).toMatchObject({ measured: 1, numbers: c.rows.length + c.skipped.length });
    expect(c.coverage.notEntitlements + c.coverage.unread).toBe(c.skipped.length);
    expect(c.coverage.text.vi).toBe(
      `đã đối chiếu 1/${c.coverage.numbers} con số; ${c.coverage.notEntitlements} không phải quyền lợi; ${c.coverage.unread} chưa đọc được`,
    );
    expect(c.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining(['reference', 'date']));
  });
});

describe('a long clause full of numbers', () => {
  it('gives each number it sets aside the words around it, not the whole clause again', () => {
    const sentences = Array.from(
      { length: 400 },
      (_, i) => `Tổ ${i + 1} gồm ${i + 2} người làm ca ${i + 3}.`,
    );
    const comparison = compare(`Điều 1. Tổ chức sản xuất\n${sentences.join(' ')}`);
    expect(comparison.skipped.length).toBeGreaterThan(400);
    for (const s of comparison.skipped) {
      expect(s.text.length).toBeLessThanOrEqual(600 + 2);
      expect(s.text).toContain(s.written);
    }
    // Bounded by the numbers, not by numbers × clause length.
    expect(JSON.stringify(comparison.skipped).length).toBeLessThan(comparison.skipped.length * 1500);
  });
});
