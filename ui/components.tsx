/** Pieces shared by pages: verdict badges, the side-by-side table, metadata lists. */

import type { Comparison, ComparisonRow, Verdict } from '../clauses/compare.ts';
import type { CorrectionTarget } from '../clauses/corrections.ts';
import type { LawWordingRow } from '../clauses/law-wording.ts';
import type { DiffSpan } from '../clauses/wording.ts';
import { CorrectionForm, CorrectionNote, Coverage } from './coverage.tsx';
import { formatFloor } from './format.ts';

export { formatDate } from './format.ts';

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

/** Words only in the first text struck through, words only in the second underlined. */
export function DiffText(props: { spans: readonly DiffSpan[] }) {
  return (
    <span class="diff">
      {props.spans.map((s) =>
        s.op === 'same' ? s.text : s.op === 'removed' ? <del>{s.text}</del> : <ins>{s.text}</ins>,
      )}
    </span>
  );
}

/** "Copies the law": the clause is essentially the words of the article it cites. */
export function RestatesBadge(props: { ctx: PageContext; row: LawWordingRow }) {
  return (
    <span
      class="badge restates-law"
      title={props.ctx.t('restatesLawTitle', { citation: props.row.law.citation.text })}
    >
      {props.ctx.t('restatesLaw')}
    </span>
  );
}

/** The clause beside the law's words, the changed words marked. */
export function LawWordingDetails(props: { ctx: PageContext; row: LawWordingRow }) {
  const { row, ctx } = props;
  return (
    <details class="law-wording">
      <summary>
        {ctx.t('lawWording', {
          citation: row.law.citation.text,
          similarity: Math.round(row.similarity * 100),
        })}
      </summary>
      <p class="law-text">
        <DiffText spans={row.spans} />
      </p>
    </details>
  );
}

/** An error to read first, announced to screen readers; nothing when there is none. */
export function Alert(props: { message?: string | undefined }) {
  return props.message ? (
    <p class="alert" role="alert">
      {props.message}
    </p>
  ) : (
    ''
  );
}

export function ComparisonTable(props: {
  ctx: PageContext;
  comparison: Comparison;
  agreementLink?: (row: ComparisonRow) => string;
  /** Clauses compared with the law's words, by node id. */
  wording?: Record<string, LawWordingRow>;
  /** Where an officer posts a correction of a row, and how each row is named to it. */
  correct?: { action: string; targetOf: (row: ComparisonRow) => CorrectionTarget };
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
          {comparison.rows.map((row, index) => (
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
                {row.basis ? (
                  <p class="note basis">
                    {t('basis', { why: ctx.lang === 'vi' ? row.basis.vi : row.basis.en })}
                  </p>
                ) : (
                  ''
                )}
              </td>
              <td class="verdict-cell">
                <VerdictBadge
                  ctx={ctx}
                  verdict={row.verdict}
                  difference={ctx.lang === 'vi' ? row.difference?.text : row.difference?.textEn}
                />
                {row.reason ? <p class="note">{ctx.lang === 'vi' ? row.reason.vi : row.reason.en}</p> : ''}
                {row.correction ? (
                  <p>
                    <CorrectionNote ctx={ctx} note={row.correction} />
                  </p>
                ) : (
                  ''
                )}
                {props.correct ? (
                  <CorrectionForm
                    ctx={ctx}
                    action={props.correct.action}
                    target={props.correct.targetOf(row)}
                    index={index}
                  />
                ) : (
                  ''
                )}
                {props.wording?.[row.nodeId]?.restatesLaw ? (
                  <RestatesBadge ctx={ctx} row={props.wording[row.nodeId]!} />
                ) : (
                  ''
                )}
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
                    {props.wording?.[row.nodeId] ? (
                      <LawWordingDetails ctx={ctx} row={props.wording[row.nodeId]!} />
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
      <Coverage ctx={ctx} comparison={comparison} />
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
