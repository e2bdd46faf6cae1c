/** Hết hạn / Expiry dashboard: counts by status for an area, the urgent list, the calendar feed and the spreadsheet. */

import { EXPIRY_STATUSES, type ExpiryReport } from '../../clauses/expiry.ts';
import { formatDate } from '../components.tsx';
import { href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';

export interface ExpiryPageProps {
  ctx: PageContext;
  report: ExpiryReport;
  /** Labels of the items' provinces by name ("Bình Dương — nay thuộc TP. Hồ Chí Minh"). */
  provinceLabels?: Record<string, string>;
  province: string;
  district: string;
  superiorUnion: string;
  within: string;
  /** The API query of the same selection, for the feed and the spreadsheet. */
  apiQuery: string;
}

export function ExpiryPage(props: ExpiryPageProps) {
  const { ctx, report } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('expiryTitle')} active="/expiry">
      <form method="get" class="inline-form">
        <label>
          {t('province')} <input name="province" value={props.province} />
        </label>
        <label>
          {t('district')} <input name="district" value={props.district} />
        </label>
        <label>
          {t('superiorUnion')} <input name="superiorUnion" value={props.superiorUnion} />
        </label>
        <label>
          {t('expiryWithin')} <input name="within" type="number" min="0" max="3650" value={props.within} />
        </label>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('apply')}</button>
      </form>
      <ul class="counts">
        {EXPIRY_STATUSES.map((status) => (
          <li>
            <span class={`badge status-${status}`}>{t(`status_${status}` as MessageKey)}</span>{' '}
            {report.counts[status]}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/api/expiry.ics${props.apiQuery}`}>{t('calendarFeed')}</a> ·{' '}
        <a href={`/api/expiry.csv${props.apiQuery}`}>{t('spreadsheet')}</a>
        {props.within ? (
          <>
            {' · '}
            <a
              href={href(
                ctx,
                `/expiry?province=${encodeURIComponent(props.province)}&district=${encodeURIComponent(props.district)}`,
              )}
            >
              {t('showAll')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('expiresOn')}</th>
              <th scope="col">{t('employer')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((item) => (
              <tr>
                <td>
                  <span class={`badge status-${item.status}`}>
                    {t(`status_${item.status}` as MessageKey)}
                  </span>
                </td>
                <td>{formatDate(item.expiresOn)}</td>
                <td>
                  <a href={href(ctx, `/agreements/${item.id}`)}>{item.employer ?? item.id}</a>
                  <div class="note">
                    {[
                      item.district,
                      item.province && (props.provinceLabels?.[item.province] ?? item.province),
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </div>
                </td>
                <td>{ctx.lang === 'vi' ? item.action.vi : item.action.en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export interface BelowFloorPageProps {
  ctx: PageContext;
  on: string;
  items: Array<{
    id: string;
    employer?: string;
    province?: string;
    clauses: Array<{ path: string; written: string; citation?: string; difference?: string }>;
  }>;
}

/** Dưới mức sàn / Below the law: the agreements that fell below a floor on a day. */
export function BelowFloorPage(props: BelowFloorPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('belowTitle')} active="/below-floor">
      <p>{t('belowIntro')}</p>
      <form method="get" class="inline-form">
        <label>
          {t('compareOn')} <input type="date" name="on" value={props.on} required />
        </label>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('apply')}</button>
      </form>
      <ul class="below-list">
        {props.items.map((item) => (
          <li>
            <a href={href(ctx, `/agreements/${item.id}/compare?on=${props.on}&verdict=below`)}>
              {item.employer ?? item.id}
            </a>
            {item.province ? <span class="note"> · {item.province}</span> : ''} —{' '}
            {t('belowCount', { count: item.clauses.length })}
            <ul>
              {item.clauses.map((c) => (
                <li>
                  {c.path}: <strong>{c.written}</strong> {c.difference ? `(${c.difference})` : ''}{' '}
                  <span class="note">{c.citation}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
