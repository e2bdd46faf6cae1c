/** Plain-text rendering of a comparison with the law, for the terminal. */

import { type Comparison, type ComparisonRow, formatValue, type Verdict } from '../clauses/compare.ts';

const BADGES: Record<Verdict, string> = {
  above: 'CÓ LỢI HƠN',
  equal: 'BẰNG LUẬT',
  below: 'THẤP HƠN LUẬT',
  no_floor: 'KHÔNG CÓ MỨC SÀN',
  unclear: 'CHƯA RÕ',
};

function formatRow(row: ComparisonRow): string {
  const where = row.row === undefined ? row.path : `${row.path} › hàng ${row.row}`;
  const lines = [`[${BADGES[row.verdict]}] ${where}: ${row.measure.written}`];
  const floor = row.floor;
  lines.push(`    vì / because: ${row.basis.vi}`);
  if (floor?.kind === 'floor' && floor.value !== undefined && floor.unit) {
    const difference = row.difference ? ` (${row.difference.text})` : '';
    lines.push(
      `    luật: ${floor.label} ${formatValue(floor.value, floor.unit, 'vi')}${difference} — ${floor.citation.text}`,
    );
  } else if (floor?.kind === 'rule') {
    lines.push(`    luật: ${floor.label} — ${floor.citation.text}`);
  } else if (floor) {
    lines.push(`    ${floor.label}: không có mức sàn pháp lý — ${floor.citation.text}`);
  }
  if (row.reason) lines.push(`    ${row.reason.vi}`);
  return lines.join('\n');
}

/** The comparison as a readable report: one block per measured clause, then the summary. */
export function formatComparison(comparison: Comparison, title: string): string {
  const region = comparison.region
    ? `vùng ${['', 'I', 'II', 'III', 'IV'][comparison.region]}`
    : 'chưa rõ vùng';
  const s = comparison.summary;
  const out = [
    `${title}`,
    `So sánh với mức sàn pháp lý ngày ${comparison.on} (${region}; dữ liệu ${comparison.floorsVersion})`,
    '',
    ...comparison.rows.map(formatRow),
    '',
    `Tổng / total ${s.total}: có lợi hơn ${s.above} · bằng luật ${s.equal} · thấp hơn luật ${s.below} · không có mức sàn ${s.no_floor} · chưa rõ ${s.unclear}`,
  ];
  if (comparison.unlawful.length > 0) {
    out.push(
      `Điều khoản thấp hơn luật (vô hiệu từng phần, Điều 86 BLLĐ): ${comparison.unlawful.map((r) => r.path).join('; ')}`,
    );
  }
  if (comparison.missing.length > 0) {
    out.push(`Chưa đề cập / not mentioned: ${comparison.missing.map((m) => m.label).join('; ')}`);
  }
  out.push(`Phạm vi / coverage: ${comparison.coverage.text.vi}`);
  if (comparison.skipped.length > 0) {
    out.push('Con số không đối chiếu / numbers not compared:');
    for (const s of comparison.skipped) {
      const where = s.row === undefined ? s.path : `${s.path} › hàng ${s.row}`;
      out.push(`  ${where}: ${s.written} — ${s.message.vi}`);
    }
  }
  return out.join('\n');
}
