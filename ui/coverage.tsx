/**
 * What the comparison did not judge, and what officers corrected: the
 * coverage line ("đã đối chiếu 41/52 con số; …"), every number set aside with
 * its reason, the rows marked "not an entitlement", the "đã hiệu chỉnh" note
 * of a corrected row, and the forms an officer corrects with (write token).
 */

import type { Comparison } from '../clauses/compare.ts';
import type { CorrectionTarget, RowCorrection } from '../clauses/corrections.ts';
import { formatDate } from './format.ts';
import { FormCredentials, type PageContext } from './layout.tsx';
import type { MessageKey } from './messages.ts';

const say = (ctx: PageContext, m: { vi: string; en: string }) => (ctx.lang === 'vi' ? m.vi : m.en);

/** The coverage line and, folded, every number not compared with the reason. */
export function Coverage(props: { ctx: PageContext; comparison: Comparison }) {
  const { ctx, comparison } = props;
  const { skipped, coverage } = comparison;
  return (
    <section class="coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">{ctx.t('coverageTitle')}</h3>
      <p class="coverage-line">{say(ctx, coverage.text)}</p>
      {skipped.length ? (
        <details class="skipped">
          <summary>{ctx.t('skippedNumbers', { count: skipped.length })}</summary>
          <ul>
            {skipped.map((s) => (
              <li class={`skip-${s.reason}`}>
                <strong>{s.written}</strong> — {s.path}
                {s.row !== undefined ? ` › ${s.row}` : ''}: {say(ctx, s.message)}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
      {comparison.dismissed?.length ? (
        <details class="dismissed" open>
          <summary>{ctx.t('dismissedRows', { count: comparison.dismissed.length })}</summary>
          <ul>
            {comparison.dismissed.map((d) => (
              <li>
                <strong>{d.row.measure.written}</strong> — {d.row.path}:{' '}
                <CorrectionNote ctx={ctx} note={d.correction} />
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

/** "đã hiệu chỉnh" with who, when and why, and what the product had said. */
export function CorrectionNote(props: { ctx: PageContext; note: RowCorrection }) {
  const { ctx, note } = props;
  return (
    <span class="correction-note">
      <span class="badge corrected">{ctx.t('corrected')}</span>{' '}
      {ctx.t('correctedBy', { by: note.by, on: formatDate(note.at) })}
      {note.before
        ? ` · ${ctx.t('correctedFrom', { verdict: ctx.t(`verdict_${note.before.verdict}` as MessageKey) })}`
        : ''}
    </span>
  );
}

const VERDICT_CHOICES = ['above', 'equal', 'below', 'no_floor', 'unclear'] as const;

/** The fields every correction form shares: the new verdict, why, who, and the write token. */
function CorrectionFields(props: { ctx: PageContext; id: string; verdictRequired?: boolean }) {
  const { ctx, id } = props;
  return (
    <>
      <label for={`${id}-verdict`}>{ctx.t('correctVerdict')}</label>
      <select id={`${id}-verdict`} name="verdict" required={props.verdictRequired}>
        <option value="">—</option>
        {VERDICT_CHOICES.map((v) => (
          <option value={v}>{ctx.t(`verdict_${v}` as MessageKey)}</option>
        ))}
      </select>
      <label for={`${id}-reason`}>{ctx.t('correctReason')}</label>
      <input id={`${id}-reason`} name="reason" required maxlength={2000} />
      <label for={`${id}-by`}>{ctx.t('correctBy')}</label>
      <input id={`${id}-by`} name="by" required maxlength={200} autocomplete="name" />
      <FormCredentials ctx={ctx} id={`${id}-token`} />
    </>
  );
}

/** An officer's correction of one row: a new verdict, or "not an entitlement". */
export function CorrectionForm(props: {
  ctx: PageContext;
  action: string;
  target: CorrectionTarget;
  index: number;
}) {
  const { ctx, target } = props;
  const id = `fix-${props.index}`;
  return (
    <details class="correct">
      <summary>{ctx.t('correctRow')}</summary>
      <form method="post" action={props.action} class="stack">
        <input type="hidden" name="path" value={target.path} />
        <input type="hidden" name="written" value={target.written} />
        {target.row !== undefined ? <input type="hidden" name="row" value={String(target.row)} /> : ''}
        {target.occurrence ? <input type="hidden" name="occurrence" value={String(target.occurrence)} /> : ''}
        <fieldset>
          <legend>{ctx.t('correctKind')}</legend>
          <label>
            <input type="radio" name="kind" value="verdict" checked /> {ctx.t('correctKindVerdict')}
          </label>
          <label>
            <input type="radio" name="kind" value="not_entitlement" /> {ctx.t('correctKindNotEntitlement')}
          </label>
        </fieldset>
        <CorrectionFields ctx={ctx} id={id} />
        <button type="submit">{ctx.t('correctSave')}</button>
      </form>
    </details>
  );
}

/** Adds a number the reader missed (or set aside): where it is, as written, and its verdict. */
export function MissedNumberForm(props: { ctx: PageContext; action: string }) {
  const { ctx } = props;
  return (
    <details class="correct missed">
      <summary>{ctx.t('addMissed')}</summary>
      <form method="post" action={props.action} class="stack">
        <input type="hidden" name="kind" value="missed" />
        <label for="missed-path">{ctx.t('missedPath')}</label>
        <input id="missed-path" name="path" required placeholder="Chương II › Điều 8 › khoản 1" />
        <label for="missed-written">{ctx.t('missedWritten')}</label>
        <input id="missed-written" name="written" required placeholder="05 ngày" />
        <CorrectionFields ctx={ctx} id="missed" verdictRequired />
        <button type="submit">{ctx.t('correctSave')}</button>
      </form>
    </details>
  );
}
