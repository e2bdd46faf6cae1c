/** Thỏa ước / Agreement: metadata, expiry and grade, table of contents, the clause tree with verdict badges, warnings. */

import type { Comparison, ComparisonRow } from '../../clauses/compare.ts';
import type { ExpiryInfo } from '../../clauses/expiry.ts';
import type { LawWordingRow } from '../../clauses/law-wording.ts';
import type { ScanSummary } from '../../clauses/scan.ts';
import type {
  Agreement,
  AgreementEvent,
  AgreementEventType,
  ClauseNode,
  StructureNode,
} from '../../clauses/types.ts';
import { Alert, formatDate, RestatesBadge, VerdictBadge } from '../components.tsx';
import { Coverage } from '../coverage.tsx';
import { FormCredentials, href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';
import { ScanNotice } from '../scan.tsx';
import { MetaDetails, type RefusedMetaEdit, type SourceFileRow } from './agreement-meta.tsx';

export interface AgreementPageProps {
  ctx: PageContext;
  agreement: Agreement;
  industryName?: string;
  expiry: ExpiryInfo;
  /** Comparison rows by node id. */
  rows: Record<string, ComparisonRow[]>;
  /** The comparison the rows come from: its coverage and the numbers it set aside are shown. */
  comparison?: Comparison;
  /** Clauses compared with the law's words, by node id. */
  wording?: Record<string, LawWordingRow>;
  events: AgreementEvent[];
  /** For a scan: how sure the reading is (the page shows it, with links to the page images). */
  scan?: ScanSummary;
  error?: string;
  /** The province with the one it now belongs to ("Bình Dương — nay thuộc TP. Hồ Chí Minh"). */
  provinceLabel?: string;
  /** The agreement's source files (a Word file, its signed PDF…). */
  sources?: SourceFileRow[];
  /** The refused metadata edit's reason. */
  metaError?: string;
  /** The agreements that replace this one. */
  successors?: string[];
  /** A refused metadata edit, shown again in the form with the message beside its field. */
  refusedMeta?: RefusedMetaEdit;
}

const EVENT_TYPES: AgreementEventType[] = ['filed', 'negotiation_started', 'extended', 'replaced'];

/** The recorded events, and forms to record one or to remove the agreement (both need the write token). */
function Events(props: { ctx: PageContext; agreementId: string; events: AgreementEvent[]; error?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t('eventsTitle')}</h2>
      {props.events.length ? (
        <ul>
          {props.events.map((e) => (
            <li>
              {formatDate(e.date)} — {t(`event_${e.type}` as MessageKey)}
              {e.extendedTo ? ` → ${formatDate(e.extendedTo)}` : ''}
              {e.replacedBy ? ` → ${e.replacedBy}` : ''}
              {e.note ? ` (${e.note})` : ''}
              {e.recordedBy ? <span class="note"> · {e.recordedBy}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <Alert message={props.error} />
      <details>
        <summary>{t('recordEvent')}</summary>
        <form method="post" action={href(ctx, `/agreements/${props.agreementId}/events`)} class="stack">
          <label for="event-type">{t('eventType')}</label>
          <select id="event-type" name="type">
            {EVENT_TYPES.map((type) => (
              <option value={type}>{t(`event_${type}` as MessageKey)}</option>
            ))}
          </select>
          <label for="event-date">{t('eventDate')}</label>
          <input id="event-date" name="date" type="date" required />
          <label for="event-extended">{t('extendedTo')}</label>
          <input id="event-extended" name="extendedTo" type="date" />
          <label for="event-replaced">{t('replacedBy')}</label>
          <input id="event-replaced" name="replacedBy" />
          <label for="event-note">{t('note')}</label>
          <input id="event-note" name="note" />
          <label for="event-by">{t('yourName')}</label>
          <input id="event-by" name="recordedBy" autocomplete="name" />
          <FormCredentials ctx={ctx} id="event-token" />
          <button type="submit">{t('recordEvent')}</button>
        </form>
      </details>
      <details>
        <summary>{t('removeAgreement')}</summary>
        <form method="post" action={href(ctx, `/agreements/${props.agreementId}/remove`)} class="stack">
          <FormCredentials ctx={ctx} id="remove-token" />
          <button type="submit" class="danger">
            {t('remove')}
          </button>
        </form>
      </details>
    </section>
  );
}

function Node(props: {
  ctx: PageContext;
  node: ClauseNode;
  rows: AgreementPageProps['rows'];
  wording: NonNullable<AgreementPageProps['wording']>;
  depth: number;
}) {
  const { node, ctx } = props;
  const badges = (props.rows[node.id] ?? []).map((row) => (
    <VerdictBadge
      ctx={ctx}
      verdict={row.verdict}
      difference={ctx.lang === 'vi' ? row.difference?.text : row.difference?.textEn}
    />
  ));
  const restating = props.wording[node.id];
  if (restating?.restatesLaw) badges.push(<RestatesBadge ctx={ctx} row={restating} />);
  if (node.type === 'table') {
    return (
      <div id={node.id} class="node table-node">
        <div class="table-wrap">
          <table>
            <tbody>
              {node.rows.map((cells, i) => (
                <tr>{cells.map((cell) => (i === 0 ? <th scope="col">{cell}</th> : <td>{cell}</td>))}</tr>
              ))}
            </tbody>
          </table>
        </div>
        {badges.length ? <p class="badges">{badges}</p> : ''}
      </div>
    );
  }
  const Heading = props.depth <= 1 ? 'h2' : props.depth === 2 ? 'h3' : 'h4';
  const titled =
    node.type === 'part' || node.type === 'chapter' || node.type === 'section' || node.type === 'article';
  const number =
    node.number && !titled ? `${node.type === 'point' ? `${node.number})` : `${node.number}.`} ` : '';
  return (
    <div id={node.id} class={`node node-${node.type}`}>
      {titled ? (
        <Heading>
          {node.path.split(' › ').at(-1)}
          {node.heading ? `. ${node.heading}` : ''}
        </Heading>
      ) : (
        ''
      )}
      {node.text ? (
        <p>
          {number}
          {node.text}
        </p>
      ) : (
        ''
      )}
      {badges.length ? <p class="badges">{badges}</p> : ''}
      {node.children.map((child) => (
        <Node
          ctx={ctx}
          node={child}
          rows={props.rows}
          wording={props.wording}
          depth={titled ? props.depth + 1 : props.depth}
        />
      ))}
    </div>
  );
}

export function AgreementPage(props: AgreementPageProps) {
  const { ctx, agreement, expiry } = props;
  const { t } = ctx;
  const m = agreement.meta;
  const title = m.employer ?? agreement.id;
  const days = expiry.continuationDaysLeft ?? expiry.daysToExpiry;
  const facts: Array<[MessageKey, string | undefined]> = [
    ['industry', props.industryName],
    ['province', props.provinceLabel ?? m.province],
    ['district', m.district],
    ['superiorUnion', m.superiorUnion],
    ['signedOn', m.signedOn && formatDate(m.signedOn)],
    ['effectiveOn', expiry.effectiveOn && formatDate(expiry.effectiveOn)],
    ['expiresOn', expiry.expiresOn && formatDate(expiry.expiresOn)],
    ['term', m.termMonths ? t('termMonths', { months: m.termMonths }) : undefined],
    ['wageRegion', m.wageRegion ? ['', 'I', 'II', 'III', 'IV'][m.wageRegion] : undefined],
    ['workers', m.workersCovered?.toLocaleString('vi-VN')],
    ['approval', m.approvalPercent !== undefined ? `${m.approvalPercent}%` : undefined],
  ];
  const toc: StructureNode[] = [];
  const collect = (nodes: ClauseNode[]) => {
    for (const n of nodes) {
      if (n.type === 'part' || n.type === 'chapter' || n.type === 'section' || n.type === 'article')
        toc.push(n);
      if (n.type !== 'article') collect(n.children);
    }
  };
  collect(agreement.tree);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="actions">
        <a class="button" href={href(ctx, `/agreements/${agreement.id}/compare`)}>
          {t('compareLink')}
        </a>{' '}
        <a class="button" href={href(ctx, `/agreements/${agreement.id}/grade`)}>
          {t('gradeLink')}
        </a>{' '}
        <a href={`/api/agreements/${agreement.id}/source`}>{t('original')}</a>
      </p>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd>
          <span class={`badge status-${expiry.status}`}>{t(`status_${expiry.status}` as MessageKey)}</span>
          {days !== undefined && days >= 0 ? ` · ${t('daysLeft', { days })}` : ''}
        </dd>
        <dt>{t('grade')}</dt>
        <dd>
          {agreement.grade
            ? agreement.grade === 'unranked'
              ? t('unranked')
              : agreement.grade
            : t('notGraded')}
        </dd>
        {facts
          .filter(([, v]) => v)
          .map(([key, value]) => (
            <>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>
      <MetaDetails
        ctx={ctx}
        agreementId={agreement.id}
        meta={m}
        sources={props.sources ?? []}
        {...(props.successors?.length ? { successors: props.successors } : {})}
        {...(props.provinceLabel ? { provinceLabel: props.provinceLabel } : {})}
        {...(props.metaError ? { error: props.metaError } : {})}
        {...(props.refusedMeta ? { refused: props.refusedMeta } : {})}
      />
      {props.scan ? (
        <ScanNotice
          ctx={ctx}
          agreementId={agreement.id}
          scan={props.scan}
          pages={[...new Set(collectPages(agreement.tree))].sort((a, b) => a - b)}
        />
      ) : (
        ''
      )}
      {props.comparison ? <Coverage ctx={ctx} comparison={props.comparison} /> : ''}
      {agreement.warnings.length ? (
        <details class="warnings">
          <summary>
            {t('warnings')} ({agreement.warnings.length})
          </summary>
          <ul>
            {agreement.warnings.map((w) => (
              <li>
                {ctx.lang === 'vi' ? w.message : w.messageEn}
                {w.line ? ` (${w.line})` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
      <Events
        ctx={ctx}
        agreementId={agreement.id}
        events={props.events}
        {...(props.error ? { error: props.error } : {})}
      />
      <div class="document-layout">
        <nav aria-labelledby="toc-title" class="toc">
          <h2 id="toc-title">{t('contents')}</h2>
          <ul>
            {toc.map((n) => (
              <li class={`toc-${n.type}`}>
                <a href={`#${n.id}`}>
                  {n.path.split(' › ').at(-1)}
                  {n.heading ? `. ${n.heading}` : ''}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <article class="document">
          {agreement.tree.map((node) => (
            <Node ctx={ctx} node={node} rows={props.rows} wording={props.wording ?? {}} depth={1} />
          ))}
        </article>
      </div>
    </Layout>
  );
}

/** Pages the clauses read by OCR were on. */
function collectPages(nodes: readonly ClauseNode[]): number[] {
  return nodes.flatMap((n) => [
    ...(n.ocr && n.position?.start.page !== undefined ? [n.position.start.page] : []),
    ...collectPages(n.children),
  ]);
}
