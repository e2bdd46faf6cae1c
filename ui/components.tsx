/** Pieces shared by pages: verdict badges, the side-by-side table, metadata lists. */

import type { Comparison, ComparisonRow, Verdict } from '../clauses/compare.ts';
import { formatFloor } from './format.ts';
import type { PageContext } from './layout.tsx';
import type { MessageKey } from './messages.ts';

/** A verdict as a coloured badge that also says it in words (colour is never the only signal). */
export function VerdictBadge(props: { ctx: PageContext; verdict: Verdict; difference?: string }) {
  const label = props.ctx.t(`verdict_${props.verdict}` as MessageKey);
  return (
    <span class={`badge verdict-${props.verdict}`}>
      {label}
      {props.difference && props.verdict !== 'equal' ? ` (${props.difference})` : ''}
    </span>
  );
}

/** Day-month-year, as Vietnamese readers write dates. */
export function formatDate(iso: string | undefined): string {
  return iso ? iso.split('-').reverse().join('/') : '—';
}

export function ComparisonTable(props: {
  ctx: PageContext;
  comparison: Comparison;
  agreementLink?: (row: ComparisonRow) => string;
}) {
  const { ctx, comparison } = props;
  const { t } = ctx;
  if (comparison.rows.length === 0) return <p>{t('noRows')}</p>;
  return (
    <div class="table-wrap">
      <table class="side-by-side">
        <thead>
          <tr>
            <th scope="col">{t('clause')}</th>
            <th scope="col">{t('difference')}</th>
            <th scope="col">{t('law')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr class={`row-${row.verdict}`}>
              <td>
                <div class="path">
                  {props.agreementLink ? <a href={props.agreementLink(row)}>{row.path}</a> : row.path}
                  {row.row !== undefined ? ` › ${row.row}` : ''}
                </div>
                <p>{row.text}</p>
                <p class="measure">
                  <strong>{row.measure.written}</strong>
                  {row.measure.assumed.length ? (
                    <span class="note"> · {t('assumed', { what: row.measure.assumed.join(', ') })}</span>
                  ) : (
                    ''
                  )}
                </p>
              </td>
              <td class="verdict-cell">
                <VerdictBadge
                  ctx={ctx}
                  verdict={row.verdict}
                  difference={ctx.lang === 'vi' ? row.difference?.text : row.difference?.textEn}
                />
                {row.reason ? <p class="note">{ctx.lang === 'vi' ? row.reason.vi : row.reason.en}</p> : ''}
              </td>
              <td>
                {row.floor ? (
                  <div>
                    <p>
                      <strong>{ctx.lang === 'vi' ? row.floor.label : row.floor.labelEn}</strong>
                      {row.floor.kind === 'floor' && row.floor.value !== undefined
                        ? `: ${formatFloor(row.floor.value, row.floor.unit, ctx.lang)}`
                        : ''}
                    </p>
                    <p class="citation">{row.floor.citation.text}</p>
                    {row.law ? (
                      <details>
                        <summary>{row.law.title}</summary>
                        <p class="law-text">{row.law.text}</p>
                      </details>
                    ) : (
                      ''
                    )}
                  </div>
                ) : (
                  <p class="note">{t('floorNone')}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Summary(props: { ctx: PageContext; comparison: Comparison }) {
  const { ctx, comparison } = props;
  const verdicts: Verdict[] = ['above', 'equal', 'below', 'no_floor', 'unclear'];
  return (
    <section aria-labelledby="summary">
      <h2 id="summary">{ctx.t('summary')}</h2>
      <ul class="counts">
        {verdicts.map((v) => (
          <li>
            <VerdictBadge ctx={ctx} verdict={v} /> {comparison.summary[v]}
          </li>
        ))}
      </ul>
      {comparison.unlawful.length ? (
        <div class="alert">
          <h3>{ctx.t('unlawful')}</h3>
          <ul>
            {comparison.unlawful.map((r) => (
              <li>
                {r.path}: {r.measure.written} — {r.floor?.citation.text}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {comparison.missing.length ? (
        <div>
          <h3>{ctx.t('missing')}</h3>
          <ul>
            {comparison.missing.map((m) => (
              <li>{ctx.lang === 'vi' ? m.label : m.labelEn}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}
