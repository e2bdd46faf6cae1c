/** Plain-text forms of a version comparison and of a benchmark table, for the terminal. */

import { type BenchmarkTable, MEALS_PER_MONTH } from '../clauses/benchmarks.ts';
import { formatValue } from '../clauses/compare.ts';
import type { VersionComparison } from '../clauses/versions.ts';
import { markedText } from '../clauses/wording.ts';

const KIND: Record<string, string> = {
  added: '+ thêm / added',
  removed: '- bỏ / removed',
  moved: '↕ chuyển chỗ / moved',
  changed: '~ sửa / changed',
  unchanged: '= giữ nguyên / unchanged',
  split: '⑂ tách / split',
};

export function formatVersionDiff(result: VersionComparison, all: boolean): string {
  const s = result.summary;
  const lines = [
    `${result.from.id} → ${result.to.id} (mức sàn ngày / floors of ${result.on})`,
    `Thêm ${s.added}, bỏ ${s.removed}, chuyển chỗ ${s.moved}, sửa ${s.changed}, giữ nguyên ${s.unchanged}, đánh số lại ${s.renumbered}`,
    '',
  ];
  for (const article of result.articles) {
    if (!all && article.kind === 'unchanged') continue;
    const name = (ref?: { number: string; heading: string }) =>
      ref ? `Điều ${ref.number}. ${ref.heading}` : '—';
    const where =
      article.from && article.to && article.from.number !== article.to.number
        ? `${name(article.from)} → Điều ${article.to.number}`
        : name(article.to ?? article.from);
    lines.push(`${KIND[article.kind]}: ${where}`);
    for (const clause of article.clauses) {
      if (clause.kind === 'unchanged') continue;
      const label = [clause.from?.label, clause.to?.map((t) => t.label).join(' + ')]
        .filter(Boolean)
        .join(' → ');
      const text = clause.spans ? markedText(clause.spans) : (clause.to?.[0] ?? clause.from)?.text;
      lines.push(`    ${KIND[clause.kind]} ${label}: ${text}`);
    }
    for (const measure of article.measures) lines.push(`    ⇒ ${measure.text}`);
  }
  return lines.join('\n');
}

export function formatBenchmark(table: BenchmarkTable & { on: string }): string {
  const lines: string[] = [];
  for (const column of table.columns) {
    const value = (v: number) => formatValue(v, column.unit, 'vi') + (column.per === 'meal' ? '/bữa' : '');
    lines.push(
      `${column.label}${column.better === 'lower' ? ' (càng thấp càng có lợi / lower is better)' : ''}`,
      `  ${column.stats.count} thỏa ước · trung vị / median ${value(column.stats.median)} · thấp nhất / min ${value(column.stats.min)} · cao nhất / max ${value(column.stats.max)}`,
    );
    const rows = table.rows
      .filter((r) => r.cells[column.key])
      .sort((a, b) => b.cells[column.key]!.percentile - a.cells[column.key]!.percentile);
    for (const row of rows) {
      const cell = row.cells[column.key]!;
      lines.push(
        `    ${String(cell.percentile).padStart(5)} %  ${(value(cell.value) + (cell.converted ? ' *' : '')).padEnd(20)} ${row.employer ?? row.agreementId} (${row.agreementId})`,
      );
    }
    if (rows.some((r) => r.cells[column.key]!.converted))
      lines.push(
        `  * quy đổi từ mức theo tháng ÷ ${MEALS_PER_MONTH} bữa / monthly amount ÷ ${MEALS_PER_MONTH} meals`,
      );
    if (column.best)
      lines.push(
        `  Mẫu tốt nhất / best clause: ${column.best.agreementId} ${column.best.path}: ${column.best.text}`,
      );
    lines.push('');
  }
  if (lines.length === 0)
    return `Không có số liệu cho chủ đề này / no measures for this topic (${table.on}).`;
  return lines.join('\n').trimEnd();
}
