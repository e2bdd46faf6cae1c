/** Tìm kiếm / Search: one box, clause-level hits with highlights, facets with counts, pages; the URL holds the state. */

import type { MatchSpan } from '../../clauses/search-text.ts';
import { href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';

export interface SearchHitView {
  source: 'agreement' | 'law';
  agreementId?: string;
  clauseId: string;
  path: string;
  heading?: string;
  /** The snippet, the matched words apart (shown in `<mark>`). */
  highlight: MatchSpan[];
  employer?: string;
  industry?: string;
  province?: string;
  /** How it matched; words found through the thesaurus, the topic or a near match get a badge. */
  match?: 'exact' | 'words' | 'thesaurus' | 'topic' | 'near';
  /** The agreement's year and its expiry status on the day of the search. */
  year?: number;
  status?: string;
  /** Other versions of the agreement whose same clause matched, folded into this hit. */
  otherVersions?: Array<{ agreementId: string; clauseId: string; year?: number }>;
}

export interface SearchPageProps {
  ctx: PageContext;
  q: string;
  source: 'agreements' | 'law' | 'all';
  filters: Record<'industry' | 'province' | 'topic' | 'status' | 'grade', string[]>;
  total: number;
  tookMs: number;
  hits: SearchHitView[];
  facets: Record<'industry' | 'province' | 'topic' | 'status' | 'grade', Record<string, number>>;
  page: number;
  pageSize: number;
  /**
   * Display names of industries and topics by id, and of the hits' provinces by name (a former province
   * with the one it now belongs to).
   */
  names: {
    industry: Record<string, string>;
    topic: Record<string, string>;
    province?: Record<string, string>;
  };
  /** No clause holds all the words: the hits are near matches ("kết quả gần đúng"). */
  approximate?: boolean;
  /** The query with one typo corrected ("Có phải bạn muốn tìm …?"). */
  didYouMean?: string;
  /** Topics the query names, offered as filters ("Xem chủ đề: …"). */
  topicSuggestions?: Array<{ id: string; label: string; labelEn: string }>;
  /** Whether expired and superseded agreements are included (the switch; off by default). */
  includeExpired?: boolean;
}

/** The query parameter of the include-expired switch. */
export const INCLUDE_EXPIRED_PARAM = 'expired';

type FacetName = keyof SearchPageProps['filters'];
const FACET_LABELS: Record<FacetName, MessageKey> = {
  industry: 'facetIndustry',
  province: 'facetProvince',
  topic: 'facetTopic',
  status: 'facetStatus',
  grade: 'facetGrade',
};

function searchUrl(
  props: SearchPageProps,
  change: { filters?: SearchPageProps['filters']; page?: number; q?: string },
): string {
  const params = new URLSearchParams();
  const q = change.q ?? props.q;
  if (q) params.set('q', q);
  if (props.source !== 'agreements') params.set('source', props.source);
  if (props.includeExpired) params.set(INCLUDE_EXPIRED_PARAM, '1');
  for (const [name, values] of Object.entries(change.filters ?? props.filters))
    for (const v of values) params.append(name, v);
  if (change.page && change.page > 1) params.set('page', String(change.page));
  if (props.ctx.lang === 'en') params.set('lang', 'en');
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function toggle(
  filters: SearchPageProps['filters'],
  name: FacetName,
  value: string,
): SearchPageProps['filters'] {
  const current = filters[name];
  return {
    ...filters,
    [name]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value],
  };
}

export function SearchPage(props: SearchPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const label = (name: FacetName, value: string) =>
    name === 'industry'
      ? (props.names.industry[value] ?? value)
      : name === 'topic'
        ? (props.names.topic[value] ?? value)
        : name === 'status'
          ? t(`status_${value}` as MessageKey)
          : name === 'grade' && value === 'unranked'
            ? t('unranked')
            : value;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const active = Object.values(props.filters).some((v) => v.length > 0);
  return (
    <Layout ctx={ctx} title={t('navSearch')} active="/">
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the phones many users have */}
      <form role="search" action="/" method="get" class="search-form">
        <label for="q">{t('searchLabel')}</label>
        <div class="row">
          <input
            id="q"
            name="q"
            type="search"
            value={props.q}
            placeholder={t('searchPlaceholder')}
            autocomplete="off"
          />
          <button type="submit">{t('searchButton')}</button>
        </div>
        <p class="hint">{t('searchHint')}</p>
        <label class="switch">
          <input type="checkbox" name={INCLUDE_EXPIRED_PARAM} value="1" checked={props.includeExpired} />{' '}
          {t('includeExpired')}
        </label>
        <fieldset class="inline">
          <legend>{t('sourceLabel')}</legend>
          {(['agreements', 'law', 'all'] as const).map((s) => (
            <label>
              <input type="radio" name="source" value={s} checked={props.source === s} />{' '}
              {t(s === 'agreements' ? 'sourceAgreements' : s === 'law' ? 'sourceLaw' : 'sourceAll')}
            </label>
          ))}
        </fieldset>
        {Object.entries(props.filters).flatMap(([name, values]) =>
          values.map((v) => <input type="hidden" name={name} value={v} />),
        )}
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
      </form>
      <div class="search-layout">
        <aside aria-labelledby="filters-title" class="facets">
          <h2 id="filters-title">{t('filters')}</h2>
          {active ? (
            <a
              href={searchUrl(props, {
                filters: { industry: [], province: [], topic: [], status: [], grade: [] },
              })}
            >
              {t('clearFilters')}
            </a>
          ) : (
            ''
          )}
          {(Object.keys(FACET_LABELS) as FacetName[]).map((name) => {
            const counts = Object.entries(props.facets[name] ?? {});
            if (counts.length === 0) return '';
            return (
              <section>
                <h3>{t(FACET_LABELS[name])}</h3>
                <ul>
                  {counts.slice(0, 12).map(([value, count]) => {
                    const on = props.filters[name].includes(value);
                    return (
                      <li>
                        <a
                          href={searchUrl(props, { filters: toggle(props.filters, name, value) })}
                          aria-current={on ? 'true' : undefined}
                          class={on ? 'facet on' : 'facet'}
                        >
                          {on ? '✓ ' : ''}
                          {label(name, value)} <span class="count">{count}</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </aside>
        <section aria-labelledby="results-title" class="results">
          <h2 id="results-title">
            {t('results', { total: props.total.toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-US') })}{' '}
            <span class="note">{t('resultsIn', { ms: props.tookMs })}</span>
          </h2>
          <SearchNotices props={props} />
          {props.hits.length === 0 ? <p>{t('noResults')}</p> : ''}
          <ol class="hits" start={(props.page - 1) * props.pageSize + 1}>
            {props.hits.map((hit) => (
              <li class="hit">
                <p class="path">
                  {hit.source === 'law' ? <span class="badge law">{t('lawMark')}</span> : ''}{' '}
                  {hit.agreementId ? (
                    <a href={href(ctx, `/agreements/${hit.agreementId}#${hit.clauseId}`)}>{hit.path}</a>
                  ) : (
                    hit.path
                  )}
                  {hit.heading ? ` — ${hit.heading}` : ''}
                </p>
                <p class="snippet">
                  {hit.highlight.map((segment) =>
                    segment.match ? <mark>{segment.text}</mark> : segment.text,
                  )}
                </p>
                <p class="meta">
                  {[
                    hit.employer,
                    hit.industry ? (props.names.industry[hit.industry] ?? hit.industry) : undefined,
                    hit.province ? (props.names.province?.[hit.province] ?? hit.province) : undefined,
                    hit.year ? t('hitYear', { year: hit.year }) : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {hit.status ? (
                    <>
                      {' '}
                      <span class={`badge status-${hit.status}`}>
                        {t(`status_${hit.status}` as MessageKey)}
                      </span>
                    </>
                  ) : (
                    ''
                  )}
                  {hit.match === 'thesaurus' || hit.match === 'topic' || hit.match === 'near' ? (
                    <>
                      {' '}
                      <span class={`badge match-${hit.match}`}>{t(`match_${hit.match}`)}</span>
                    </>
                  ) : (
                    ''
                  )}
                </p>
                {hit.otherVersions?.length ? (
                  <p class="versions">
                    {t('otherVersions')}{' '}
                    {hit.otherVersions.map((v, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={href(ctx, `/agreements/${v.agreementId}#${v.clauseId}`)}>
                          {v.year ? String(v.year) : v.agreementId}
                        </a>
                      </>
                    ))}
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav aria-label={t('page', { page: props.page })} class="pager">
              {props.page > 1 ? (
                <a href={searchUrl(props, { page: props.page - 1 })} rel="prev">
                  {t('previous')}
                </a>
              ) : (
                ''
              )}
              <span>
                {t('page', { page: props.page })} / {pages}
              </span>
              {props.page < pages ? (
                <a href={searchUrl(props, { page: props.page + 1 })} rel="next">
                  {t('next')}
                </a>
              ) : (
                ''
              )}
            </nav>
          ) : (
            ''
          )}
        </section>
      </div>
    </Layout>
  );
}

/** What the search understood: near matches, a typo, a topic the query names. */
function SearchNotices({ props }: { props: SearchPageProps }) {
  const { t, lang } = props.ctx;
  return (
    <>
      {props.approximate ? (
        <p class="notice near-match" role="status">
          {t('nearMatchNotice')}
        </p>
      ) : (
        ''
      )}
      {props.didYouMean ? (
        <p class="notice did-you-mean">
          {t('didYouMean')}{' '}
          <a href={searchUrl(props, { q: props.didYouMean })} rel="nofollow">
            {props.didYouMean}
          </a>
          ?
        </p>
      ) : (
        ''
      )}
      {props.topicSuggestions?.length ? (
        <p class="notice topic-suggestion">
          {t('topicSuggestion')}{' '}
          {props.topicSuggestions.map((topic, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={searchUrl(props, { filters: toggle(props.filters, 'topic', topic.id) })}>
                {lang === 'en' ? topic.labelEn : topic.label}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
    </>
  );
}
