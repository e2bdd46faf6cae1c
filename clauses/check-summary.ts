/**
 * The result of a check in words a union chair understands: "3 điều khoản thấp
 * hơn luật — phải sửa trước khi ký; 5 điều khoản chỉ bằng luật — có thể đề xuất
 * cao hơn; 29 chỗ trống".
 */

import type { Comparison } from './compare.ts';
import type { Blank, Message } from './types.ts';

export interface CheckSummary {
  /** Clauses (not numbers) with at least one number below the law: they must change before signing. */
  below: number;
  /** Clauses whose numbers only repeat the law (and none below): room to ask for more. */
  equal: number;
  /** Places left to fill with an amount, a rate or a number of days. */
  blanks: number;
  /** Other places left blank: names, dates, words. */
  otherBlanks: number;
  text: Message;
}

/**
 * Counts a check's clauses below and equal to the law and its blanks, and says them in words.
 * @example describeCheck(comparison, blanks).text.vi // '1 điều khoản thấp hơn luật — phải sửa trước khi ký; …'
 */
export function describeCheck(comparison: Pick<Comparison, 'rows'>, blanks: readonly Blank[]): CheckSummary {
  const clauseOf = (row: { nodeId: string; row?: number }) => `${row.nodeId}#${row.row ?? ''}`;
  const below = new Set(comparison.rows.filter((r) => r.verdict === 'below').map(clauseOf));
  const equal = new Set(
    comparison.rows.filter((r) => r.verdict === 'equal' && !below.has(clauseOf(r))).map(clauseOf),
  );
  const amounts = blanks.filter((b) => b.kind === 'amount').length;
  const others = blanks.length - amounts;
  const vi: string[] = [];
  const en: string[] = [];
  if (below.size) {
    vi.push(`${below.size} điều khoản thấp hơn luật — phải sửa trước khi ký`);
    en.push(`${below.size} clause${below.size === 1 ? '' : 's'} below the law — must change before signing`);
  }
  if (equal.size) {
    vi.push(`${equal.size} điều khoản chỉ bằng luật — có thể đề xuất cao hơn`);
    en.push(
      `${equal.size} clause${equal.size === 1 ? '' : 's'} only equal to the law — you can propose more`,
    );
  }
  if (amounts) {
    vi.push(`${amounts} chỗ trống`);
    en.push(`${amounts} blank${amounts === 1 ? '' : 's'} to fill`);
  }
  if (others) {
    vi.push(`${others} chỗ trống khác (tên, ngày, chữ)`);
    en.push(`${others} other blank${others === 1 ? '' : 's'} (names, dates, words)`);
  }
  if (vi.length === 0) {
    vi.push('không có điều khoản nào thấp hơn hay chỉ bằng luật, không còn chỗ trống');
    en.push('no clause below or only equal to the law, no blank left');
  }
  return {
    below: below.size,
    equal: equal.size,
    blanks: amounts,
    otherBlanks: others,
    text: { vi: vi.join('; '), en: en.join('; ') },
  };
}
