/** Nhập thỏa ước / Import: one or many files with progress, then the result of each. */

import type { ImportReport, ImportWarning } from '../../clauses/types.ts';
import { Alert } from '../components.tsx';
import { FormCredentials, href, Layout, type PageContext } from '../layout.tsx';
import type { MessageKey } from '../messages.ts';

export interface ImportOutcome {
  file: string;
  /** `same_agreement`: another file of a stored agreement, added to its sources (`reason` says so). */
  status: 'imported' | 'duplicate' | 'same_agreement' | 'failed';
  id?: string;
  reason?: string;
  warnings?: ImportWarning[];
  /** What was found and what is missing, in a few lines; the readers' technical messages apart. */
  report?: ImportReport;
}

export interface ImportPageProps {
  ctx: PageContext;
  maxMegabytes: number;
  outcomes?: ImportOutcome[];
  error?: string;
}

export function ImportPage(props: ImportPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('importTitle')} active="/import">
      <p>{t('importIntro', { mb: props.maxMegabytes })}</p>
      <form
        method="post"
        action={href(ctx, '/import')}
        enctype="multipart/form-data"
        class="stack"
        data-upload
        data-progress="/api/imports/"
      >
        {/* The token first: browsers send fields in this order, and the server checks it before reading the files. */}
        {/* Before the files: browsers send fields in page order, and the server checks it first. */}
        <FormCredentials ctx={ctx} id="token" />
        <label for="files">{t('files')}</label>
        <input
          id="files"
          name="files"
          type="file"
          multiple
          required
          accept=".md,.txt,.docx,.pdf,.png,.jpg,.jpeg,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg"
        />
        <label class="check">
          <input type="checkbox" name="photos" /> {t('importPhotos')}
        </label>
        <button type="submit">{t('importButton')}</button>
        <progress max="100" value="0" hidden aria-label={t('uploading')} />
        {/* Filled by the page's script while a scan is read: "đang nhận dạng trang 7/24" (GET /api/imports/:id). */}
        <output class="import-progress" aria-live="polite" hidden data-reading={t('importReading')} />
      </form>
      <Alert message={props.error} />
      {props.outcomes ? (
        <section aria-labelledby="import-results">
          <h2 id="import-results">{t('importResults')}</h2>
          <ul class="outcomes">
            {props.outcomes.map((o) => (
              <li class={`outcome-${o.status}`}>
                <span class={`badge outcome ${o.status}`}>{t(`outcome_${o.status}` as MessageKey)}</span>{' '}
                {o.file}
                {o.id ? (
                  <>
                    {' — '}
                    <a href={href(ctx, `/agreements/${o.id}`)}>{o.id}</a>
                  </>
                ) : (
                  ''
                )}
                {o.reason ? <p class="note">{o.reason}</p> : ''}
                {o.report?.summary.length ? (
                  <ul class="import-summary">
                    {o.report.summary.map((m) => (
                      <li class={`found-${m.kind}`}>{ctx.lang === 'vi' ? m.message : m.messageEn}</li>
                    ))}
                  </ul>
                ) : (
                  ''
                )}
                {o.report?.technical.length ? (
                  <details class="technical">
                    <summary>{t('technicalDetails')}</summary>
                    <ul>
                      {o.report.technical.map((m) => (
                        <li class="note">{m}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  ''
                )}
                {o.warnings?.length ? (
                  <ul>
                    {o.warnings.map((w) => (
                      <li class="note">{ctx.lang === 'vi' ? w.message : w.messageEn}</li>
                    ))}
                  </ul>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function ErrorPage(props: { ctx: PageContext; status: number; message: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('errorTitle')}>
      <p role="alert">{props.message}</p>
      <p>
        <a href={href(props.ctx, '/')}>{t('backHome')}</a>
      </p>
    </Layout>
  );
}
