/** Đối chiếu / Benchmarks: agreements side by side on a topic, with medians and percentile bars. */

import type { BenchmarkColumn, BenchmarkTable } from '../../clauses/benchmarks.ts';
import { formatValue } from '../../clauses/compare.ts';
import { Alert, VerdictBadge } from '../components.tsx';
import { href, Layout, type PageContext } from '../layout.tsx';

export interface BenchmarksPageProps {
  ctx: PageContext;
  /** Topics to choose from: id and label. */
  topics: Array<[string, string]>;
  industries: Array<[string, string]>;
  query: {
    topic: string[];
    ids: string;
    industry?: string;
    province?: string;
    sort?: string;
    dir: 'asc' | 'desc';
  };
  table?: BenchmarkTable & { on: string };
  error?: string;
}

function value(ctx: PageContext, column: BenchmarkColumn, v: number): string {
  return `${formatValue(v, column.unit, ctx.lang)}${column.per === 'meal' ? (ctx.lang === 'vi' ? '/bữa' : '/meal') : ''}`;
}

export function BenchmarksPage(props: BenchmarksPageProps) {
  const { ctx, table, query } = props;
  const { t } = ctx;
  const url = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const topic of query.topic) params.append('topic', topic);
    if (query.ids) params.set('ids', query.ids);
    if (query.industry) params.set('industry', query.industry);
    if (query.province) params.set('province', query.province);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return href(ctx, `/benchmarks?${params}`);
  };
  const rows = table ? [...table.rows] : [];
  const sortColumn = table?.columns.find((c) => c.key === query.sort);
  if (sortColumn) {
    const sign = query.dir === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = a.cells[sortColumn.key]?.percentile;
      const y = b.cells[sortColumn.key]?.percentile;
      if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
      return sign * (x - y);
    });
  }
  const pdfParams = new URLSearchParams();
  if (query.topic.length) pdfParams.set('topic', query.topic.join(','));
  if (query.ids) pdfParams.set('ids', query.ids);
  if (query.industry) pdfParams.set('industry', query.industry);
  if (query.province) pdfParams.set('province', query.province);
  return (
    <Layout ctx={ctx} title={t('benchmarksTitle')} active="/benchmarks">
      <p>{t('benchmarksIntro')}</p>
      <form method="get" action={href(ctx, '/benchmarks')} class="stack">
        <label for="topic">{t('topics')}</label>
        <select id="topic" name="topic" multiple size={6}>
          {props.topics.map(([id, label]) => (
            <option value={id} selected={query.topic.includes(id)}>
              {label}
            </option>
          ))}
        </select>
        <label for="ids">{t('agreementIds')}</label>
        <input id="ids" name="ids" value={query.ids} />
        <div class="inline-form">
          <label for="bm-industry">{t('industry')}</label>
          <select id="bm-industry" name="industry">
            <option value="">—</option>
            {props.industries.map(([id, name]) => (
              <option value={id} selected={query.industry === id}>
                {name}
              </option>
            ))}
          </select>
          <label for="bm-province">{t('province')}</label>
          <input id="bm-province" name="province" value={query.province ?? ''} />
        </div>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('compareButton')}</button>
      </form>
      <Alert message={props.error} />
      {table && table.columns.length === 0 ? <p>{t('noMeasures')}</p> : ''}
      {table?.columns.length ? (
        <>
          <p>
            <a href={`/api/compare.pdf?${pdfParams}`}>{t('downloadPdf')}</a>
          </p>
          <div class="table-wrap">
            <table class="benchmarks">
              <thead>
                <tr>
                  <th scope="col">{t('colAgreement')}</th>
                  {table.columns.map((column) => {
                    const dir = query.sort === column.key && query.dir === 'desc' ? 'asc' : 'desc';
                    const label = ctx.lang === 'vi' ? column.label : column.labelEn;
                    return (
                      <th
                        scope="col"
                        aria-sort={
                          query.sort === column.key
                            ? query.dir === 'asc'
                              ? 'ascending'
                              : 'descending'
                            : undefined
                        }
                      >
                        <a
                          href={url({ sort: column.key, dir })}
                          title={t('sortBy', { column: label })}
                          data-column={column.key}
                        >
                          {label}
                        </a>
                        {column.better === 'lower' ? <span class="note"> ({t('lowerIsBetter')})</span> : ''}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr data-agreement={row.agreementId}>
                    <th scope="row">
                      <a href={href(ctx, `/agreements/${row.agreementId}`)}>
                        {row.employer ?? row.agreementId}
                      </a>
                      <div class="note">{row.agreementId}</div>
                    </th>
                    {table.columns.map((column) => {
                      const cell = row.cells[column.key];
                      if (!cell) return <td class="empty">—</td>;
                      const title = [
                        t('percentileTitle', { p: cell.percentile }),
                        cell.percentileInIndustry !== undefined
                          ? t('percentileIndustry', { p: cell.percentileInIndustry })
                          : '',
                        cell.percentileInProvince !== undefined
                          ? t('percentileProvince', { p: cell.percentileInProvince })
                          : '',
                      ]
                        .filter(Boolean)
                        .join('; ');
                      return (
                        <td>
                          <a href={href(ctx, `/agreements/${row.agreementId}#${cell.nodeId}`)}>
                            <strong>{value(ctx, column, cell.value)}</strong>
                          </a>
                          {cell.converted ? (
                            <span class="note" title={t('convertedPerMeal')}>
                              {' '}
                              *
                            </span>
                          ) : (
                            ''
                          )}{' '}
                          <VerdictBadge ctx={ctx} verdict={cell.verdict} />
                          <span class="percentile" title={title}>
                            <span class="bar" aria-hidden="true">
                              <span style={`width:${cell.percentile}%`} />
                            </span>
                            <span class="pct">{cell.percentile}%</span>
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {(['median', 'minimum', 'maximum'] as const).map((stat) => (
                  <tr>
                    <th scope="row">{t(stat)}</th>
                    {table.columns.map((column) => (
                      <td>
                        {value(
                          ctx,
                          column,
                          stat === 'median'
                            ? column.stats.median
                            : stat === 'minimum'
                              ? column.stats.min
                              : column.stats.max,
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
          {table.rows.some((r) => Object.values(r.cells).some((c) => c.converted)) ? (
            <p class="note">* {t('convertedPerMeal')}</p>
          ) : (
            ''
          )}
          <section aria-labelledby="best-title">
            <h2 id="best-title">{t('bestClause')}</h2>
            <ul class="best-clauses">
              {table.columns
                .filter((c) => c.best)
                .map((column) => (
                  <li>
                    <strong>{ctx.lang === 'vi' ? column.label : column.labelEn}:</strong>{' '}
                    <a href={href(ctx, `/agreements/${column.best!.agreementId}#${column.best!.nodeId}`)}>
                      {column.best!.employer ?? column.best!.agreementId} — {column.best!.path}
                    </a>
                    <blockquote>{column.best!.text}</blockquote>
                  </li>
                ))}
            </ul>
          </section>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
