/** So sánh với luật / Side by side with the law, and Kiểm tra dự thảo / Check a draft (the same table, nothing stored). */

import type { CheckSummary } from '../../clauses/check-summary.ts';
import type { Comparison, ComparisonRow, Verdict } from '../../clauses/compare.ts';
import type { CorrectionTarget } from '../../clauses/corrections.ts';
import type { LawWordingRow } from '../../clauses/law-wording.ts';
import type { Suggestion } from '../../clauses/suggestions.ts';
import type { Blank } from '../../clauses/types.ts';
import { Alert, ComparisonTable, Summary } from '../components.tsx';
import { MissedNumberForm } from '../coverage.tsx';
import { href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';
import { CheckSummaryBox, SuggestionList } from '../suggestions.tsx';

export interface ComparePageProps {
  ctx: PageContext;
  agreementId: string;
  title: string;
  comparison: Comparison;
  verdict?: Verdict;
  topic?: string;
  /** Topic ids found in the rows, with their labels. */
  topics: Array<[string, string]>;
  /** Clauses compared with the law's words, by node id. */
  wording?: Record<string, LawWordingRow>;
  /** The correction forms: where they post, and how each row is named to it. */
  correct?: { action: string; targetOf: (row: ComparisonRow) => CorrectionTarget };
  /** A refused correction, said first. */
  error?: string;
}

const VERDICTS: Verdict[] = ['above', 'equal', 'below', 'no_floor', 'unclear'];

export function ComparePage(props: ComparePageProps) {
  const { ctx, comparison } = props;
  const { t } = ctx;
  const rows = comparison.rows.filter(
    (r) =>
      (!props.verdict || r.verdict === props.verdict) && (!props.topic || r.topics.includes(props.topic)),
  );
  return (
    <Layout ctx={ctx} title={`${t('compareTitle')}: ${props.title}`}>
      <p>
        <a href={href(ctx, `/agreements/${props.agreementId}`)}>← {props.title}</a>
      </p>
      <Alert message={props.error} />
      <form method="get" class="inline-form">
        <label>
          {t('compareOn')} <input type="date" name="on" value={comparison.on} required />
        </label>
        <label>
          {t('compareRegion')}{' '}
          <select name="region">
            <option value="">{t('regionFromAgreement')}</option>
            {[1, 2, 3, 4].map((r) => (
              <option
                value={String(r)}
                selected={comparison.regionSource === 'option' && comparison.region === r}
              >
                {['', 'I', 'II', 'III', 'IV'][r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('status')}{' '}
          <select name="verdict">
            <option value="">{t('allVerdicts')}</option>
            {VERDICTS.map((v) => (
              <option value={v} selected={props.verdict === v}>
                {t(`verdict_${v}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('facetTopic')}{' '}
          <select name="topic">
            <option value="">{t('allTopics')}</option>
            {props.topics.map(([id, label]) => (
              <option value={id} selected={props.topic === id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('apply')}</button>
      </form>
      <ComparisonTable
        ctx={ctx}
        comparison={{ ...comparison, rows }}
        agreementLink={(row) => href(ctx, `/agreements/${props.agreementId}#${row.nodeId}`)}
        {...(props.wording ? { wording: props.wording } : {})}
        {...(props.correct ? { correct: props.correct } : {})}
      />
      <Summary ctx={ctx} comparison={comparison} />
      {props.correct ? (
        <section aria-label={t('addMissed')}>
          <MissedNumberForm ctx={ctx} action={props.correct.action} />
          <p>
            <a href={`/api/agreements/${props.agreementId}/corrections?format=answer-key`}>
              {t('exportAnswerKey')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface CheckPageProps {
  ctx: PageContext;
  text: string;
  comparison?: Comparison;
  error?: string;
  maxMegabytes: number;
  /** The draft's blanks and the suggestions for them and its weak clauses. */
  blanks?: readonly Blank[];
  suggestions?: readonly Suggestion[];
  summary?: CheckSummary;
  /** The draft as checked, posted again by the PDF and Word buttons (base64), with its name. */
  download?: { content: string; filename: string };
  industry?: string;
  province?: string;
}

export function CheckPage(props: CheckPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('checkTitle')} active="/check">
      <p>{t('checkIntro')}</p>
      <form method="post" action={href(ctx, '/check')} enctype="multipart/form-data" class="stack">
        <label for="draft">{t('checkText')}</label>
        <textarea id="draft" name="text" rows={12}>
          {props.text}
        </textarea>
        <label for="draft-file">{t('checkFile')}</label>
        <input
          id="draft-file"
          name="file"
          type="file"
          accept=".md,.txt,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
        <label for="check-industry">{t('checkIndustry')}</label>
        <input id="check-industry" name="industry" value={props.industry ?? ''} />
        <label for="check-province">{t('checkProvince')}</label>
        <input id="check-province" name="province" value={props.province ?? ''} />
        <button type="submit">{t('checkButton')}</button>
      </form>
      <Alert message={props.error} />
      {props.summary ? <CheckSummaryBox ctx={ctx} summary={props.summary} /> : ''}
      {props.download ? (
        <form method="post" class="actions downloads" enctype="multipart/form-data">
          <input type="hidden" name="content" value={props.download.content} />
          <input type="hidden" name="filename" value={props.download.filename} />
          <input type="hidden" name="industry" value={props.industry ?? ''} />
          <input type="hidden" name="province" value={props.province ?? ''} />
          <button type="submit" formaction={href(ctx, '/check/report.pdf')}>
            {t('checkDownloadPdf')}
          </button>
          <button type="submit" formaction={href(ctx, '/check/review.docx')}>
            {t('checkDownloadWord')}
          </button>
          <small>{t('checkWordHint')}</small>
        </form>
      ) : (
        ''
      )}
      {props.blanks && props.suggestions ? (
        <SuggestionList ctx={ctx} blanks={props.blanks} suggestions={props.suggestions} />
      ) : (
        ''
      )}
      {props.comparison ? (
        <section aria-labelledby="check-result">
          <h2 id="check-result">{t('checkResult')}</h2>
          <Summary ctx={ctx} comparison={props.comparison} />
          <ComparisonTable ctx={ctx} comparison={props.comparison} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
