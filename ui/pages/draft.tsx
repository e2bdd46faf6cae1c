/** Soạn dự thảo / Draft an agreement: start from a model or an upload; a draft edited clause by clause. */

import type { CheckSummary } from '../../clauses/check-summary.ts';
import { formatNumber } from '../../clauses/compare.ts';
import type { Suggestion } from '../../clauses/suggestions.ts';
import type { Blank, ClauseNode, StructureNode } from '../../clauses/types.ts';
import { Alert } from '../components.tsx';
import { formatDate } from '../format.ts';
import { href, Layout, type PageContext } from '../layout.tsx';
import { CheckSummaryBox, type CopyChoice, SuggestionCard } from '../suggestions.tsx';

export interface DraftNewPageProps {
  ctx: PageContext;
  /** The model agreements offered, by id, with their titles. */
  models: Array<{ id: string; title: string }>;
  error?: string;
}

export function DraftNewPage(props: DraftNewPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('draftsTitle')} active="/drafts">
      <p>{t('draftsIntro')}</p>
      <Alert message={props.error} />
      <form method="post" action={href(ctx, '/drafts')} enctype="multipart/form-data" class="stack">
        {ctx.csrf ? <input type="hidden" name="csrf" value={ctx.csrf} /> : ''}
        <label for="draft-model">{t('draftFromModel')}</label>
        <select id="draft-model" name="model">
          <option value="">{t('draftNoModel')}</option>
          {props.models.map((m) => (
            <option value={m.id} selected={props.models[0]?.id === m.id}>
              {m.title}
            </option>
          ))}
        </select>
        <label for="draft-file">{t('draftFile')}</label>
        <input
          id="draft-file"
          name="file"
          type="file"
          accept=".md,.txt,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
        <label for="draft-title">{t('draftTitleField')}</label>
        <input id="draft-title" name="title" />
        <label for="draft-industry">{t('checkIndustry')}</label>
        <input id="draft-industry" name="industry" />
        <label for="draft-province">{t('checkProvince')}</label>
        <input id="draft-province" name="province" />
        <label for="draft-by">{t('draftBy')}</label>
        <input id="draft-by" name="by" autocomplete="name" />
        <label for="draft-token">{t('draftToken')}</label>
        <input id="draft-token" name="token" type="password" autocomplete="off" />
        <p>{t('draftSecret')}</p>
        <button type="submit">{t('draftCreate')}</button>
      </form>
    </Layout>
  );
}

export interface DraftPageProps {
  ctx: PageContext;
  id: string;
  title: string;
  version: number;
  tree: readonly ClauseNode[];
  summary: CheckSummary;
  blanks: readonly Blank[];
  suggestions: readonly Suggestion[];
  history: Array<{ version: number; changedBy: string; changedAt: string; change: string }>;
  /** The secret of the link, carried by every form (absent for a draft opened with the token). */
  secret?: string;
  /** Shown once, right after the draft was made. */
  secretLink?: string;
  agreementId?: string;
  error?: string;
  notice?: string;
  /** A clause's text as typed in a save that was refused (made on an older version): shown again in its box. */
  kept?: { nodeId: string; text: string };
}

function nodesOf(tree: readonly ClauseNode[]): StructureNode[] {
  const out: StructureNode[] = [];
  const walk = (nodes: readonly ClauseNode[]) => {
    for (const node of nodes) {
      if (node.type === 'table') continue;
      // An article whose words are all in its clauses has nothing of its own to edit.
      if (node.text || node.children.length === 0) out.push(node);
      walk(node.children);
    }
  };
  walk(tree);
  return out;
}

const anchorOf = (nodeId: string) => `c-${nodeId.replace(/[^a-z0-9-]/gi, '-')}`;

export function DraftPage(props: DraftPageProps) {
  const { ctx, id, secret, kept } = props;
  const { t } = ctx;
  const keyQuery = secret ? `?key=${encodeURIComponent(secret)}` : '';
  const action = (path: string) =>
    `${href(ctx, `/drafts/${id}${path}`)}${keyQuery ? (href(ctx, '/').includes('?') ? '&' : '?') + keyQuery.slice(1) : ''}`;
  // Every form: the session's CSRF token when signed in, the secret of the link, the version edited.
  const hidden = (
    <>
      {ctx.csrf ? <input type="hidden" name="csrf" value={ctx.csrf} /> : ''}
      {secret ? <input type="hidden" name="key" value={secret} /> : ''}
      <input type="hidden" name="base" value={String(props.version)} />
    </>
  );
  const byNode = new Map<string, Suggestion[]>();
  for (const s of props.suggestions) byNode.set(s.nodeId, [...(byNode.get(s.nodeId) ?? []), s]);
  const nodes = nodesOf(props.tree);
  const textOf = new Map(nodes.map((n) => [n.id, n.text]));
  const copyForm = (s: Suggestion) => (choice: CopyChoice, label: string) => {
    const current = textOf.get(s.nodeId) ?? '';
    let text = current;
    if (choice.kind === 'clause') text = choice.text;
    else if (s.target.kind === 'blank') {
      const { start, end, text: blankText } = s.target.blank;
      const glued = /^[\p{L}\p{M}]/u.test(blankText.slice(end));
      // The blank is found again by its words: the node's text is what the blank was read from.
      text = `${current.slice(0, start)}${formatNumber(choice.value, 'vi')}${glued ? ' ' : ''}${current.slice(end)}`;
    }
    return (
      <form
        method="post"
        action={`${action(`/clauses/${encodeURIComponent(s.nodeId)}`)}#${anchorOf(s.nodeId)}`}
        class="copy"
      >
        {hidden}
        <input type="hidden" name="text" value={text} />
        <button type="submit" class="secondary">
          {label}
        </button>
      </form>
    );
  };
  return (
    <Layout ctx={ctx} title={props.title} active="/drafts">
      {kept ? '' : <Alert message={props.error} />}
      {props.notice ? <p class="notice">{props.notice}</p> : ''}
      {props.secretLink ? (
        <p class="notice secret-link">
          {t('draftSecretShown')} <a href={props.secretLink}>{props.secretLink}</a>
        </p>
      ) : (
        ''
      )}
      <p>
        {t('draftVersion', { version: props.version })}
        {props.agreementId ? ` — ${t('draftSigned', { id: props.agreementId })}` : ''}
      </p>
      <CheckSummaryBox ctx={ctx} summary={props.summary} />
      <p class="actions downloads">
        <a class="button" href={action('/review.docx')} download>
          {t('draftWord')}
        </a>
        <a class="button secondary" href={action('/draft.md')} download>
          {t('draftMarkdown')}
        </a>
      </p>
      <section aria-labelledby="draft-clauses">
        <h2 id="draft-clauses">{t('draftClauses')}</h2>
        {nodes.map((node) => (
          <section class="draft-clause" id={anchorOf(node.id)}>
            <h3>
              {node.path}
              {node.heading ? ` — ${node.heading}` : ''}
            </h3>
            <form
              method="post"
              action={`${action(`/clauses/${encodeURIComponent(node.id)}`)}#${anchorOf(node.id)}`}
              class="stack"
            >
              {hidden}
              <label for={`t-${anchorOf(node.id)}`} class="visually-hidden">
                {node.path}
              </label>
              {kept?.nodeId === node.id ? <Alert message={props.error} /> : ''}
              <textarea
                id={`t-${anchorOf(node.id)}`}
                name="text"
                rows={Math.min(10, Math.max(3, Math.ceil(node.text.length / 40)))}
              >
                {kept?.nodeId === node.id ? kept.text : node.text}
              </textarea>
              {kept?.nodeId === node.id ? (
                <details class="saved-text">
                  <summary>{t('draftSavedText', { version: props.version })}</summary>
                  <p>{node.text}</p>
                </details>
              ) : (
                ''
              )}
              <button type="submit">{t('draftSave')}</button>
            </form>
            {(byNode.get(node.id) ?? []).map((s) => (
              <SuggestionCard ctx={ctx} suggestion={s} copy={copyForm(s)} />
            ))}
          </section>
        ))}
      </section>
      <section aria-labelledby="draft-upload">
        <h2 id="draft-upload">{t('draftUpload')}</h2>
        <form method="post" action={action('/upload')} enctype="multipart/form-data" class="stack">
          {hidden}
          <input name="file" type="file" accept=".md,.txt,.docx" aria-labelledby="draft-upload" />
          <button type="submit">{t('draftUploadButton')}</button>
        </form>
      </section>
      {props.agreementId ? (
        ''
      ) : (
        <section aria-labelledby="draft-sign">
          <h2 id="draft-sign">{t('draftSign')}</h2>
          <p>{t('draftSignHint')}</p>
          <form method="post" action={action('/sign')} class="stack">
            {hidden}
            <label for="sign-token">{t('draftToken')}</label>
            <input id="sign-token" name="token" type="password" autocomplete="off" />
            <button type="submit">{t('draftSign')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="draft-history" class="draft-history">
        <h2 id="draft-history">{t('draftHistory')}</h2>
        <ol reversed>
          {props.history.map((h) => (
            <li>
              {t('draftVersion', { version: h.version })} — {h.changedBy}, {formatDate(h.changedAt)}{' '}
              {h.changedAt.slice(11, 16)}: {h.change}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
