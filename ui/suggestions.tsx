/** The workbench's pieces: the check in words, the blanks and weak clauses with their suggestions. */

import type { CheckSummary } from '../clauses/check-summary.ts';
import type { Suggestion } from '../clauses/suggestions.ts';
import type { Blank } from '../clauses/types.ts';
import { formatFloor } from './format.ts';
import type { PageContext } from './layout.tsx';
import { suggestedValue } from './reports/review-notes.ts';

export function CheckSummaryBox(props: { ctx: PageContext; summary: CheckSummary }) {
  const { ctx, summary } = props;
  const tone = summary.below ? 'alert' : summary.equal || summary.blanks ? 'notice' : 'ok';
  return (
    <section aria-labelledby="check-summary" class={`check-summary ${tone}`}>
      <h2 id="check-summary">{ctx.t('checkSummaryTitle')}</h2>
      <p>
        <strong>{ctx.lang === 'vi' ? summary.text.vi : summary.text.en}</strong>
      </p>
    </section>
  );
}

/** What to write: the value to copy, from the library's median and never below the floor. */
function suggestionValue(suggestion: Suggestion, lang: 'vi' | 'en'): string | undefined {
  const value = suggestedValue(suggestion);
  return value === undefined ? undefined : formatFloor(value, suggestion.unit, lang);
}

/**
 * One suggestion: the floor, the library's figures and the three best clauses; `copy` renders the
 * "Chép vào dự thảo" control of each (the drafts page posts it, the check page has none).
 */
/** What a "Chép vào dự thảo" control copies: the suggested value into the blank, or a whole better clause. */
export type CopyChoice = { kind: 'value'; value: number } | { kind: 'clause'; text: string };

export function SuggestionCard(props: {
  ctx: PageContext;
  suggestion: Suggestion;
  copy?: (choice: CopyChoice, label: string) => unknown;
}) {
  const { ctx, suggestion: s, copy } = props;
  const say = (m: { vi: string; en: string }) => (ctx.lang === 'vi' ? m.vi : m.en);
  const value = suggestionValue(s, ctx.lang);
  const raw = suggestedValue(s);
  return (
    <article class="suggestion">
      <h3>
        {s.label} <small>{s.path}</small>
      </h3>
      {s.writeAtLeast ? <p class="floor">{say(s.writeAtLeast)}</p> : ''}
      {value ? (
        <p>
          {ctx.t('suggestValue', { value })}{' '}
          {copy && raw !== undefined && s.target.kind === 'blank'
            ? copy({ kind: 'value', value: raw }, ctx.t('copyToDraft'))
            : ''}
        </p>
      ) : (
        ''
      )}
      <dl class="cohorts">
        {s.local ? (
          <>
            <dt>
              {ctx.t('suggestLocal')} (
              {[s.local.industryName ? say(s.local.industryName) : s.local.industry, s.local.province]
                .filter(Boolean)
                .join(', ')}
              )
            </dt>
            <dd>{say(s.local.text)}</dd>
          </>
        ) : (
          ''
        )}
        <dt>{ctx.t('suggestNational')}</dt>
        <dd>{say(s.national.text)}</dd>
      </dl>
      <details>
        <summary>{ctx.t('suggestBest')}</summary>
        {s.best.length ? (
          <ol class="best">
            {s.best.map((b) => (
              <li>
                <strong>{b.meta.employer ?? b.agreementId}</strong>
                {b.year ? ` (${b.year})` : ''} — {b.written}
                <blockquote>{b.text}</blockquote>
                {copy ? copy({ kind: 'clause', text: b.text }, ctx.t('copyToDraft')) : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p>{ctx.t('suggestNoBest')}</p>
        )}
      </details>
    </article>
  );
}

/** The blanks of a draft, each with its suggestion when its subject is known, then the weak clauses. */
export function SuggestionList(props: {
  ctx: PageContext;
  blanks: readonly Blank[];
  suggestions: readonly Suggestion[];
  copy?: (suggestion: Suggestion) => (choice: CopyChoice, label: string) => unknown;
}) {
  const { ctx, blanks, suggestions, copy } = props;
  const forBlanks = suggestions.filter((s) => s.target.kind === 'blank');
  const weak = suggestions.filter((s) => s.target.kind === 'clause');
  const unread = blanks.filter((b) => !b.subject);
  return (
    <>
      <section aria-labelledby="blanks">
        <h2 id="blanks">
          {ctx.t('blanksTitle')} ({blanks.length})
        </h2>
        {blanks.length === 0 ? <p>{ctx.t('blanksNone')}</p> : ''}
        {forBlanks.map((s) => (
          <SuggestionCard ctx={ctx} suggestion={s} {...(copy ? { copy: copy(s) } : {})} />
        ))}
        {unread.length ? (
          <ul class="blanks-unread">
            {unread.map((b) => (
              <li>
                {b.path}: {b.label ? `${b.label} ` : ''}
                <code>{b.written}</code>
                {b.unitWritten ? ` ${b.unitWritten}` : ''} — {ctx.t('blankNoSubject')}
              </li>
            ))}
          </ul>
        ) : (
          ''
        )}
      </section>
      {weak.length ? (
        <section aria-labelledby="weak">
          <h2 id="weak">{ctx.t('weakTitle')}</h2>
          {weak.map((s) => (
            <SuggestionCard ctx={ctx} suggestion={s} {...(copy ? { copy: copy(s) } : {})} />
          ))}
        </section>
      ) : (
        ''
      )}
    </>
  );
}
