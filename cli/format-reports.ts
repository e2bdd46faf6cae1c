/**
 * Terminal text of a grade, of the expiry list and of a listed agreement.
 */

import { EXPIRY_STATUS_LABELS, type ExpiryReport } from '../clauses/expiry.ts';
import type { GradeReport } from '../clauses/grading.ts';
import { getIndustry } from '../clauses/industries.ts';
import { describeProvince } from '../clauses/provinces.ts';
import type { AgreementSummary } from '../clauses/types.ts';

/** A grade with its points per criterion, exclusions and what would lift it. */
export function formatGrade(report: GradeReport, name: string, on: string): string {
  const grade = report.grade === 'unranked' ? 'KHÔNG XẾP LOẠI / unranked' : `Loại ${report.grade}`;
  const lines = [
    `${name} — ${grade} (${report.score.total}/${report.score.max} điểm, ngày ${on})`,
    report.rubric.provisional
      ? `Thang điểm tạm thời ${report.rubric.version}: không phải thang điểm chính thức của Tổng LĐLĐ.`
      : `Thang điểm ${report.rubric.version}`,
    '',
  ];
  for (const reason of report.unrankedReasons)
    lines.push(`✗ ${reason.label}${reason.evidence.length ? `: ${reason.evidence.join('; ')}` : ''}`);
  if (report.unrankedReasons.length) lines.push('');
  for (const c of report.criteria) {
    const how =
      c.source === 'unanswered'
        ? 'chưa trả lời'
        : c.source === 'answered'
          ? `${c.answeredBy}, ${c.answeredAt?.slice(0, 10)}`
          : c.source === 'automatic'
            ? (c.detail?.vi ?? 'tự động')
            : c.source === 'agreement'
              ? `theo thỏa ước${c.detail ? `: ${c.detail.vi}` : ''}`
              : 'theo sự kiện đã ghi';
    lines.push(`${String(c.points).padStart(5)}/${String(c.max).padEnd(3)} ${c.label} — ${how}`);
  }
  if (report.toNextGrade.length) {
    lines.push('', 'Để nâng loại / to lift the grade:');
    for (const step of report.toNextGrade)
      lines.push(`  • ${step.action.vi}${step.points ? ` (+${step.points} điểm)` : ''}`);
  }
  return lines.join('\n');
}

/** The urgent list as a table: status, expiry, days, employer, what to do. */
export function formatExpiry(result: ExpiryReport, within: number): string {
  const lines = result.items.map((item) =>
    [
      EXPIRY_STATUS_LABELS[item.status].vi.padEnd(30),
      (item.expiresOn ?? '—').padEnd(11),
      String(item.continuationDaysLeft ?? item.daysToExpiry ?? '—').padStart(5),
      (item.employer ?? item.id).slice(0, 45).padEnd(45),
      item.action.vi,
    ].join('  '),
  );
  const header = [
    'Trạng thái'.padEnd(30),
    'Hết hạn'.padEnd(11),
    'Ngày'.padStart(5),
    'Doanh nghiệp'.padEnd(45),
    'Việc cần làm',
  ].join('  ');
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${EXPIRY_STATUS_LABELS[status as keyof typeof EXPIRY_STATUS_LABELS].vi}: ${n}`)
    .join(' · ');
  return [
    `Thỏa ước hết hạn trong ${within} ngày hoặc đang áp dụng tiếp, ngày ${result.on} / expiring within ${within} days or in continuation`,
    header,
    ...lines,
    '',
    `${result.items.length} cần theo dõi / to follow up; cả khu vực / whole area (${result.total}): ${counts}`,
  ].join('\n');
}

/** One line of the list: id, employer, industry, province, expiry, articles. */
export function formatSummary(item: AgreementSummary): string {
  const m = item.meta;
  const industry = m.industry ? (getIndustry(m.industry)?.name ?? m.industry) : '—';
  return [
    item.id.padEnd(40),
    (m.employer ?? '—').slice(0, 50).padEnd(50),
    industry.padEnd(20),
    // A former province with the one it belongs to now: 'Bình Dương — nay thuộc TP. Hồ Chí Minh'.
    (m.province ? describeProvince(m.province).vi : '—').padEnd(14),
    `hết hạn ${m.expiresOn ?? '—'}`,
    `${item.stats.articles} điều`,
  ].join('  ');
}
