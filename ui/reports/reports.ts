/**
 * PDF reports for meetings: an agreement (metadata, grade with its
 * explanation, the side-by-side comparison with verdicts and citations,
 * missing entitlements), a checked draft, and the urgent expiry list.
 * Vietnamese, A4, page numbers, the document's name on every page.
 */

import type { BenchmarkTable } from '../../clauses/benchmarks.ts';
import { type Comparison, formatValue, type Verdict } from '../../clauses/compare.ts';
import type { ExpiryInfo, ExpiryReport } from '../../clauses/expiry.ts';
import type { GradeReport } from '../../clauses/grading.ts';
import type { AgreementMeta } from '../../clauses/types.ts';
import type { VersionComparison } from '../../clauses/versions.ts';
import { markedText } from '../../clauses/wording.ts';
import { formatFloor } from '../format.ts';
import { translator } from '../messages.ts';
import { type Cell, type Colour, PdfWriter, type ReportFonts } from './pdf-writer.ts';

const t = translator('vi');
const date = (iso: string | undefined) => (iso ? iso.split('-').reverse().join('/') : '—');
const VERDICT_COLOURS: Record<Verdict, Colour> = {
  above: 'green',
  equal: 'muted',
  below: 'red',
  no_floor: 'blue',
  unclear: 'amber',
};
const pageLabel = (page: number, total: number) => `Trang ${page}/${total}`;

function comparisonSection(writer: PdfWriter, comparison: Comparison): void {
  writer.heading(`${t('compareTitle')} (${t('compareOn').toLowerCase()} ${date(comparison.on)})`, 12);
  const s = comparison.summary;
  writer.paragraph(
    `${t('verdict_above')}: ${s.above} · ${t('verdict_equal')}: ${s.equal} · ${t('verdict_below')}: ${s.below} · ${t('verdict_no_floor')}: ${s.no_floor} · ${t('verdict_unclear')}: ${s.unclear}`,
  );
  if (comparison.rows.length === 0) {
    writer.paragraph(t('noRows'), { colour: 'muted' });
    return;
  }
  const rows: Cell[][] = comparison.rows.map((row) => [
    { text: `${row.path}${row.row !== undefined ? ` › ${row.row}` : ''}\n${row.text}` },
    { text: row.measure.written, bold: true },
    {
      text: `${t(`verdict_${row.verdict}`)}${row.difference && row.verdict !== 'equal' ? ` (${row.difference.text})` : ''}${row.reason ? `\n${row.reason.vi}` : ''}${row.correction ? `\n${t('corrected')} ${t('correctedBy', { by: row.correction.by, on: date(row.correction.at.slice(0, 10)) })}` : ''}`,
      bold: true,
      colour: VERDICT_COLOURS[row.verdict],
    },
    {
      text: row.floor
        ? `${row.floor.label}${row.floor.value !== undefined ? `: ${formatFloor(row.floor.value, row.floor.unit, 'vi')}` : ''}\n${row.floor.citation.text}`
        : t('floorNone'),
    },
  ]);
  writer.table(
    [
      { title: t('clause'), width: 42 },
      { title: 'Mức trong thỏa ước', width: 14 },
      { title: t('difference'), width: 18 },
      { title: t('law'), width: 26 },
    ],
    rows,
  );
  if (comparison.unlawful.length) {
    writer.heading(t('unlawful'), 11);
    for (const row of comparison.unlawful) {
      writer.paragraph(`• ${row.path}: ${row.measure.written} — ${row.floor?.citation.text ?? ''}`, {
        colour: 'red',
      });
    }
  }
  if (comparison.missing.length) {
    writer.heading(t('missing'), 11);
    writer.paragraph(comparison.missing.map((m) => m.label).join('; '));
  }
  // What the product did not judge, so a reader of the report sees what it did not read.
  writer.heading(t('coverageTitle'), 11);
  writer.paragraph(comparison.coverage.text.vi);
  for (const s of comparison.skipped)
    writer.paragraph(
      `• ${s.path}${s.row !== undefined ? ` › ${s.row}` : ''}: ${s.written} — ${s.message.vi}`,
      {
        colour: 'muted',
      },
    );
  for (const d of comparison.dismissed ?? [])
    writer.paragraph(
      `• ${d.row.path}: ${d.row.measure.written} — ${t('corrected')}: ${t('correctKindNotEntitlement').toLowerCase()} (${d.correction.reason})`,
      { colour: 'muted' },
    );
}

function gradeSection(writer: PdfWriter, grade: GradeReport): void {
  writer.heading(
    `${t('grade')}: ${grade.grade === 'unranked' ? t('unranked') : grade.grade} — ${t('gradePoints', { total: grade.score.total, max: grade.score.max })}`,
    12,
  );
  if (grade.rubric.provisional)
    writer.paragraph(t('gradeProvisional', { version: grade.rubric.version }), {
      colour: 'muted',
      size: 8.5,
    });
  for (const reason of grade.unrankedReasons) {
    writer.paragraph(`✗ ${reason.label}${reason.evidence.length ? `: ${reason.evidence.join('; ')}` : ''}`, {
      colour: 'red',
    });
  }
  writer.table(
    [
      { title: t('criterion'), width: 50 },
      { title: t('points'), width: 12 },
      { title: t('evidence'), width: 38 },
    ],
    grade.criteria.map((c) => [
      { text: c.label },
      { text: `${c.points}/${c.max}`, bold: true },
      {
        text: [
          c.detail?.vi,
          c.source === 'unanswered' ? t('unanswered') : undefined,
          c.answeredBy ? `${t('answeredBy')}: ${c.answeredBy}` : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        colour: c.source === 'unanswered' ? 'muted' : 'ink',
      },
    ]),
  );
  if (grade.toNextGrade.length) {
    writer.heading(t('toNextGrade'), 11);
    for (const step of grade.toNextGrade)
      writer.paragraph(`• ${step.action.vi}${step.points ? ` (+${step.points})` : ''}`);
  }
}

export interface AgreementReportData {
  id: string;
  meta: AgreementMeta;
  industryName?: string;
  expiry: ExpiryInfo;
  comparison: Comparison;
  grade: GradeReport;
}

/** The report of one agreement, in Vietnamese. */
export async function agreementReportPdf(data: AgreementReportData, fonts: ReportFonts): Promise<Uint8Array> {
  const name = data.meta.employer ?? data.id;
  const writer = await PdfWriter.create(
    fonts,
    `Báo cáo thỏa ước: ${name}`,
    `Thỏa ước lao động tập thể — ${name}`,
    pageLabel,
  );
  writer.heading('Báo cáo thỏa ước lao động tập thể', 16);
  writer.paragraph(name, { size: 12, bold: true });
  const m = data.meta;
  writer.facts([
    [t('industry'), data.industryName ?? '—'],
    [t('province'), [m.district, m.province].filter(Boolean).join(', ') || '—'],
    [t('superiorUnion'), m.superiorUnion ?? '—'],
    [t('signedOn'), date(m.signedOn)],
    [t('effectiveOn'), date(data.expiry.effectiveOn)],
    [t('expiresOn'), date(data.expiry.expiresOn)],
    [t('status'), `${t(`status_${data.expiry.status}`)} — ${data.expiry.action.vi}`],
    [t('approval'), m.approvalPercent !== undefined ? `${m.approvalPercent}%` : '—'],
  ]);
  gradeSection(writer, data.grade);
  comparisonSection(writer, data.comparison);
  return writer.finish();
}

/** The report of a draft checked before signing (nothing stored). */
export async function checkReportPdf(
  data: { filename: string; comparison: Comparison },
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const writer = await PdfWriter.create(
    fonts,
    `${t('checkTitle')}: ${data.filename}`,
    `${t('checkTitle')} — ${data.filename}`,
    pageLabel,
  );
  writer.heading(t('checkTitle'), 16);
  writer.paragraph(data.filename, { bold: true });
  comparisonSection(writer, data.comparison);
  return writer.finish();
}

/** The urgent list of an area. */
export async function expiryReportPdf(
  data: { area: string; report: ExpiryReport },
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const title = `${t('expiryTitle')}${data.area ? ` — ${data.area}` : ''}`;
  const writer = await PdfWriter.create(fonts, title, title, pageLabel);
  writer.heading(title, 16);
  writer.paragraph(
    `Ngày ${date(data.report.on)} · ${data.report.items.length}/${data.report.total} thỏa ước`,
  );
  writer.table(
    [
      { title: t('status'), width: 18 },
      { title: t('expiresOn'), width: 12 },
      { title: t('employer'), width: 32 },
      { title: t('action'), width: 38 },
    ],
    data.report.items.map((item) => [
      {
        text: t(`status_${item.status}`),
        bold: true,
        colour: item.status === 'expired' ? 'red' : item.status === 'in_force' ? 'green' : 'amber',
      },
      { text: date(item.expiresOn) },
      { text: `${item.employer ?? item.id}${item.district ? `\n${item.district}` : ''}` },
      { text: item.action.vi },
    ]),
  );
  return writer.finish();
}

/** Two versions compared: the changed articles, old and new text side by side, changed words marked. */
export async function versionReportPdf(result: VersionComparison, fonts: ReportFonts): Promise<Uint8Array> {
  const title = `${t('versionsTitle')}: ${result.from.id} → ${result.to.id}`;
  const writer = await PdfWriter.create(fonts, title, title, pageLabel);
  writer.heading(t('versionsTitle'), 16);
  writer.facts([
    [t('versionFrom'), `${result.from.employer ?? ''} (${result.from.id})`],
    [t('versionTo'), `${result.to.employer ?? ''} (${result.to.id})`],
  ]);
  writer.paragraph(t('versionsSummary', { ...result.summary }));
  writer.paragraph('Chữ bị bỏ trong [- -], chữ thêm trong {+ +}.', { colour: 'muted' });
  const name = (ref?: { number: string; heading: string }) =>
    ref ? `Điều ${ref.number}. ${ref.heading}` : '—';
  for (const article of result.articles) {
    if (article.kind === 'unchanged') continue;
    writer.heading(
      `${t(`change_${article.kind}`)}: ${name(article.to ?? article.from)}${article.renumbered ? ` (${t('renumbered')}: Điều ${article.from?.number} → ${article.to?.number})` : ''}`,
      11,
    );
    const rows: Cell[][] = article.clauses
      .filter((c) => c.kind !== 'unchanged')
      .map((c) => [
        { text: `${c.from?.label ?? '—'}\n${c.from?.text ?? ''}` },
        {
          text: `${c.to?.map((x) => x.label).join(' + ') ?? '—'}\n${c.spans ? markedText(c.spans) : (c.to?.map((x) => x.text).join(' ') ?? '')}`,
        },
        {
          text: t(`change_${c.kind}`),
          bold: true,
          colour: c.kind === 'removed' ? 'red' : c.kind === 'added' ? 'green' : 'amber',
        },
      ]);
    if (rows.length)
      writer.table(
        [
          { title: t('versionFrom'), width: 40 },
          { title: t('versionTo'), width: 46 },
          { title: '', width: 14 },
        ],
        rows,
      );
    for (const m of article.measures) writer.paragraph(`⇒ ${m.text}`, { bold: true });
  }
  return writer.finish();
}

/** Agreements side by side on a topic: value and percentile per measure, with medians. */
export async function benchmarkReportPdf(
  table: BenchmarkTable & { on: string },
  fonts: ReportFonts,
): Promise<Uint8Array> {
  const title = `${t('benchmarksTitle')} (${date(table.on)})`;
  const writer = await PdfWriter.create(fonts, title, title, pageLabel);
  writer.heading(t('benchmarksTitle'), 16);
  for (const column of table.columns) {
    const value = (v: number) => `${formatValue(v, column.unit, 'vi')}${column.per === 'meal' ? '/bữa' : ''}`;
    writer.heading(`${column.label}${column.better === 'lower' ? ` (${t('lowerIsBetter')})` : ''}`, 11);
    writer.paragraph(
      `${t('median')}: ${value(column.stats.median)} · ${t('minimum')}: ${value(column.stats.min)} · ${t('maximum')}: ${value(column.stats.max)} · ${column.stats.count} thỏa ước`,
    );
    const rows = table.rows
      .filter((r) => r.cells[column.key])
      .sort((a, b) => b.cells[column.key]!.percentile - a.cells[column.key]!.percentile)
      .map((r): Cell[] => {
        const cell = r.cells[column.key]!;
        return [
          { text: `${r.employer ?? r.agreementId}\n${r.agreementId}` },
          { text: `${value(cell.value)}${cell.converted ? ' *' : ''}`, bold: true },
          { text: t(`verdict_${cell.verdict}`), colour: VERDICT_COLOURS[cell.verdict] },
          {
            text: `${cell.percentile}%${cell.percentileInIndustry !== undefined ? `\n${t('percentileIndustry', { p: cell.percentileInIndustry })}` : ''}${cell.percentileInProvince !== undefined ? `\n${t('percentileProvince', { p: cell.percentileInProvince })}` : ''}`,
          },
        ];
      });
    writer.table(
      [
        { title: t('colAgreement'), width: 40 },
        { title: column.label, width: 22 },
        { title: t('difference'), width: 16 },
        { title: 'Bách phân vị', width: 22 },
      ],
      rows,
    );
    if (rows.some((r) => r[1]!.text.endsWith('*')))
      writer.paragraph(`* ${t('convertedPerMeal')}`, { colour: 'muted' });
    if (column.best)
      writer.paragraph(
        `${t('bestClause')}: ${column.best.employer ?? column.best.agreementId}, ${column.best.path}: ${column.best.text}`,
      );
  }
  if (table.columns.length === 0) writer.paragraph(t('noMeasures'), { colour: 'muted' });
  return writer.finish();
}
