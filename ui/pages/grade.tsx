/** Xếp loại / Grade: the grade, points per criterion with evidence, the officer's checklist, what would lift it; and grades by area. */

import type { AssessmentAnswer, GradeReport, Rubric } from '../../clauses/grading.ts';
import { Alert } from '../components.tsx';
import { FormCredentials, href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';

export interface GradePageProps {
  ctx: PageContext;
  agreementId: string;
  title: string;
  report: GradeReport;
  checklist: Array<{
    criterion: string;
    label: string;
    labelEn: string;
    answer?: 'boolean' | 'percent';
    current?: AssessmentAnswer;
  }>;
  saved?: boolean;
  error?: string;
}

export function GradePage(props: GradePageProps) {
  const { ctx, report } = props;
  const { t } = ctx;
  const local = (vi: string, en: string) => (ctx.lang === 'vi' ? vi : en);
  return (
    <Layout ctx={ctx} title={`${t('gradeTitle')}: ${props.title}`}>
      <p>
        <a href={href(ctx, `/agreements/${props.agreementId}`)}>← {props.title}</a>
      </p>
      <p class="grade-line">
        <span class={`grade grade-${report.grade}`}>
          {report.grade === 'unranked' ? t('unranked') : report.grade}
        </span>{' '}
        {t('gradePoints', { total: report.score.total, max: report.score.max })}
      </p>
      {report.rubric.provisional ? (
        <p class="note">{t('gradeProvisional', { version: report.rubric.version })}</p>
      ) : (
        ''
      )}
      {report.unrankedReasons.length ? (
        <div class="alert">
          <h2>{t('unrankedBecause')}</h2>
          <ul>
            {report.unrankedReasons.map((r) => (
              <li>
                {local(r.label, r.labelEn)}
                {r.evidence.length ? `: ${r.evidence.join('; ')}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      {report.toNextGrade.length ? (
        <section>
          <h2>{t('toNextGrade')}</h2>
          <ul>
            {report.toNextGrade.map((step) => (
              <li>
                {local(step.action.vi, step.action.en)}
                {step.points ? ` (+${step.points})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {(['procedure', 'content', 'implementation'] as const).map((dimension) => (
        <section>
          <h2>
            {t(`dimension_${dimension}` as MessageKey)} — {report.score.byDimension[dimension].points}/
            {report.score.byDimension[dimension].max}
          </h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('criterion')}</th>
                  <th scope="col">{t('points')}</th>
                  <th scope="col">{t('evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {report.criteria
                  .filter((c) => c.dimension === dimension)
                  .map((c) => (
                    <tr>
                      <td>{local(c.label, c.labelEn)}</td>
                      <td>
                        {c.points}/{c.max}
                      </td>
                      <td>
                        {c.detail ? <span>{local(c.detail.vi, c.detail.en)} </span> : ''}
                        {c.source === 'unanswered' ? <em>{t('unanswered')}</em> : ''}
                        {c.answeredBy ? (
                          <span class="note">{`${t('answeredBy')}: ${c.answeredBy}, ${c.answeredAt?.slice(0, 10)}`}</span>
                        ) : (
                          ''
                        )}
                        {c.evidence.length ? (
                          <details>
                            <summary>{c.evidence.length}</summary>
                            <ul>
                              {[...new Set(c.evidence)].map((path) => (
                                <li>{path}</li>
                              ))}
                            </ul>
                          </details>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('checklist')}</h2>
        <p class="note">{t('checklistIntro')}</p>
        {props.saved ? <p role="status">{t('saved')}</p> : ''}
        <Alert message={props.error} />
        <form method="post" action={href(ctx, `/agreements/${props.agreementId}/grade`)} class="stack">
          {props.checklist.map((item) => (
            <fieldset class="inline">
              <legend>{local(item.label, item.labelEn)}</legend>
              {item.answer === 'percent' ? (
                <label>
                  %{' '}
                  <input
                    type="number"
                    name={item.criterion}
                    min="0"
                    max="100"
                    step="0.1"
                    value={item.current ? String(item.current.value) : ''}
                  />
                </label>
              ) : (
                (['true', 'false', ''] as const).map((value) => (
                  <label>
                    <input
                      type="radio"
                      name={item.criterion}
                      value={value}
                      checked={item.current ? String(item.current.value) === value : value === ''}
                    />{' '}
                    {value === 'true' ? t('yes') : value === 'false' ? t('no') : t('notAnswered')}
                  </label>
                ))
              )}
            </fieldset>
          ))}
          <label for="answered-by">{t('yourName')}</label>
          <input id="answered-by" name="answeredBy" required autocomplete="name" />
          <FormCredentials ctx={ctx} id="token" />
          <button type="submit">{t('save')}</button>
        </form>
      </section>
    </Layout>
  );
}

export interface GradesPageProps {
  ctx: PageContext;
  rubric: Pick<Rubric, 'version' | 'provisional'>;
  counts: Record<string, number>;
  shareAB: number;
  total: number;
  items: Array<{ id: string; employer?: string; grade: string; points: number }>;
  area: { province: string; district: string; industry: string };
}

export function GradesPage(props: GradesPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('gradesTitle')} active="/grades">
      <form method="get" class="inline-form">
        <label>
          {t('province')} <input name="province" value={props.area.province} />
        </label>
        <label>
          {t('district')} <input name="district" value={props.area.district} />
        </label>
        <label>
          {t('industry')} <input name="industry" value={props.area.industry} />
        </label>
        {ctx.lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{t('apply')}</button>
      </form>
      {props.rubric.provisional ? (
        <p class="note">{t('gradeProvisional', { version: props.rubric.version })}</p>
      ) : (
        ''
      )}
      <ul class="counts">
        {Object.entries(props.counts).map(([grade, n]) => (
          <li>
            <span class={`grade grade-${grade}`}>{grade === 'unranked' ? t('unranked') : grade}</span> {n}
          </li>
        ))}
        <li>
          {t('shareAB')}: {props.shareAB}%
        </li>
      </ul>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('employer')}</th>
              <th scope="col">{t('grade')}</th>
              <th scope="col">{t('points')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>
                  <a href={href(ctx, `/agreements/${item.id}/grade`)}>{item.employer ?? item.id}</a>
                </td>
                <td>{item.grade === 'unranked' ? t('unranked') : item.grade}</td>
                <td>{item.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
