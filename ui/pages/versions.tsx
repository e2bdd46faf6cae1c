/** So sánh phiên bản / Compare versions: two versions of an agreement aligned article by article. */

import type { ArticleChange, ClauseChange, VersionComparison } from '../../clauses/versions.ts';
import type { DiffSpan } from '../../clauses/wording.ts';
import { Alert, DiffText } from '../components.tsx';
import { href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';

export interface VersionsPageProps {
  ctx: PageContext;
  /** Every agreement of the library: id and a readable name. */
  agreements: Array<{ id: string; label: string }>;
  from?: string;
  to?: string;
  all: boolean;
  result?: VersionComparison;
  error?: string;
}

/** The spans one side shows: the old side without the added words, the new side without the removed ones. */
const side = (spans: readonly DiffSpan[], keep: 'removed' | 'added') =>
  spans.filter((s) => s.op === 'same' || s.op === keep);

function ClauseRow(props: { ctx: PageContext; change: ClauseChange }) {
  const { change, ctx } = props;
  const label = (ref?: { label: string }) => (ref ? <span class="path">{ref.label}</span> : '');
  const to = change.to ?? [];
  return (
    <div class={`diff-row change-${change.kind}`}>
      <div class="old">
        {label(change.from)}{' '}
        {change.from ? (
          change.spans ? (
            <DiffText spans={side(change.spans, 'removed')} />
          ) : (
            change.from.text
          )
        ) : (
          ''
        )}
      </div>
      <div class="new">
        {to.map((t) => label(t))}{' '}
        {to.length ? (
          change.spans ? (
            <DiffText spans={side(change.spans, 'added')} />
          ) : (
            to.map((t) => t.text).join(' ')
          )
        ) : (
          ''
        )}
        {change.kind !== 'unchanged' ? (
          <span class={`badge change change-${change.kind}`}>
            {ctx.t(`change_${change.kind}` as MessageKey)}
          </span>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

function articleName(ref?: { number: string; heading: string }) {
  return ref ? `Điều ${ref.number}. ${ref.heading}` : '—';
}

function ArticleSection(props: { ctx: PageContext; change: ArticleChange; index: number }) {
  const { ctx, change } = props;
  const { t } = ctx;
  return (
    <section id={`change-${props.index}`} class={`version-article change-${change.kind}`}>
      <h3>
        <span class={`badge change change-${change.kind}`}>{t(`change_${change.kind}` as MessageKey)}</span>{' '}
        {articleName(change.to ?? change.from)}
        {change.renumbered ? (
          <span class="note">
            {' '}
            ({t('renumbered')}: Điều {change.from?.number} → Điều {change.to?.number})
          </span>
        ) : (
          ''
        )}
      </h3>
      <div class="diff-grid">
        <div class="diff-row diff-head">
          <div class="old">{articleName(change.from)}</div>
          <div class="new">
            {change.headingSpans ? <DiffText spans={change.headingSpans} /> : articleName(change.to)}
          </div>
        </div>
        {change.clauses.map((clause) => (
          <ClauseRow ctx={ctx} change={clause} />
        ))}
      </div>
      {change.measures.length ? (
        <div class="value-changes">
          <strong>{t('valueChanges')}:</strong>
          <ul>
            {change.measures.map((m) => (
              <li>{ctx.lang === 'vi' ? m.text : m.textEn}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

export function VersionsPage(props: VersionsPageProps) {
  const { ctx, result } = props;
  const { t } = ctx;
  const shown = result
    ? result.articles
        .map((change, index) => ({ change, index }))
        .filter(({ change }) => props.all || change.kind !== 'unchanged')
    : [];
  const select = (name: string, label: string, value?: string) => (
    <label>
      {label}{' '}
      <select name={name} required>
        <option value="">—</option>
        {props.agreements.map((a) => (
          <option value={a.id} selected={a.id === value}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
  const pdf = result
    ? `/api/compare/versions.pdf?from=${encodeURIComponent(result.from.id)}&to=${encodeURIComponent(result.to.id)}&lang=${ctx.lang}`
    : '';
  return (
    <Layout ctx={ctx} title={t('versionsTitle')} active="/versions">
      <p>{t('versionsIntro')}</p>
      <form method="get" action={href(ctx, '/versions')} class="inline-form">
        {select('from', t('versionFrom'), props.from)}
        {select('to', t('versionTo'), props.to)}
        <label class="check">
          <input type="checkbox" name="all" value="1" checked={props.all} /> {t('showUnchanged')}
        </label>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('compareButton')}</button>
      </form>
      <Alert message={props.error} />
      {result ? (
        <>
          <p class="summary" id="versions-summary">
            {t('versionsSummary', { ...result.summary })} · <a href={pdf}>{t('downloadPdf')}</a>
          </p>
          <nav aria-labelledby="changes-title" class="changes-list">
            <h2 id="changes-title">{t('changesList')}</h2>
            <ol>
              {shown.map(({ change, index }) => (
                <li>
                  <a href={`#change-${index}`}>
                    {t(`change_${change.kind}` as MessageKey)}: {articleName(change.to ?? change.from)}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <div class="version-diff">
            <div class="diff-row diff-columns" aria-hidden="true">
              <div class="old">
                {t('versionFrom')}: {result.from.employer ?? result.from.id} ({result.from.id})
              </div>
              <div class="new">
                {t('versionTo')}: {result.to.employer ?? result.to.id} ({result.to.id})
              </div>
            </div>
            {shown.map(({ change, index }) => (
              <ArticleSection ctx={ctx} change={change} index={index} />
            ))}
          </div>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
