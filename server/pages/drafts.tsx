/**
 * /drafts: the drafting workbench. A draft is made from a model agreement of
 * `fixtures/models/` or an upload and opened again by its secret link
 * (`/drafts/:id?key=…`); each clause is a form, each suggestion a "Chép vào
 * dự thảo" button that saves it; every save checks the draft again. Forms
 * work without JavaScript.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CbaError, ConflictError } from '../../clauses/errors.ts';
import { type DraftAccess, type DraftView, type Service, secretsMatch } from '../../service/index.ts';
import { DraftNewPage, DraftPage } from '../../ui/index.ts';
import { attachment, DOCX_TYPE, reviewedWord } from '../api/drafts.ts';
import { checkFormWrite } from '../auth.ts';
import { htmlError, messageOf, pageContext } from './context.tsx';

const MODELS_DIR = join(import.meta.dirname, '../../fixtures/models');

/** The model agreements offered to start from: `fixtures/models/*.md`, titled by their first heading. */
function modelAgreements(dir = MODELS_DIR): Array<{ id: string; title: string; content: string }> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const content = readFileSync(join(dir, file), 'utf8');
    const title = /^#\s+(.+)$/m.exec(content)?.[1]?.trim() ?? file;
    return { id: file.replace(/\.md$/, ''), title, content };
  });
}

type Form = Record<string, string | File | (string | File)[]>;
const text = (form: Form, name: string) => {
  const value = form[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

export function draftPages({
  service,
  apiToken,
  maxUploadBytes,
}: {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
}) {
  const models = modelAgreements();
  const limit = bodyLimit({
    maxSize: maxUploadBytes + 64 * 1024,
    onError: (c) => htmlError(c, 413, `> ${Math.round(maxUploadBytes / 1024 / 1024)} MB`),
  });
  const accessOf = (c: Context, form?: Form): DraftAccess => {
    const key = (form && text(form, 'key')) ?? c.req.query('key');
    const check = form === undefined ? undefined : checkFormWrite(c, { service, apiToken }, form, 'draft');
    return {
      token: check?.ok === true,
      secret: key,
      // The history names a signed-in chair by their account.
      by: (form && text(form, 'by')) ?? (check?.ok ? check.actor.actorName : undefined),
    };
  };
  /**
   * A post from a signed-in browser without its session's CSRF token (every form of these pages carries
   * it): the error page (403), before anything is read or written. A post with the write token, or from
   * a browser not signed in, is not a session's and goes on.
   */
  const refusedForm = (c: Context, form: Form): Response | Promise<Response> | undefined => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user' || principal.via !== 'session') return undefined;
    const check = checkFormWrite(c, { service, apiToken }, form, 'draft');
    if (check.ok) return undefined;
    const expected = c.get('csrf');
    // The token is right and the role may not work on drafts: the draft's secret may still open it.
    if (expected && secretsMatch(typeof form.csrf === 'string' ? form.csrf : '', expected)) return undefined;
    return htmlError(c, 403, check.message);
  };
  const linkOf = (c: Context, id: string, key: string | undefined, anchor = '') => {
    const lang = pageContext(c).lang === 'en' ? 'lang=en&' : '';
    return `/drafts/${id}?${lang}${key ? `key=${encodeURIComponent(key)}` : ''}${anchor}`;
  };
  const render = (
    c: Context,
    view: DraftView,
    access: DraftAccess,
    extra: { error?: string; secretLink?: string; kept?: { nodeId: string; text: string } } = {},
    status: 200 | 400 | 401 | 403 | 404 | 409 = 200,
  ) =>
    c.html(
      <DraftPage
        ctx={pageContext(c)}
        id={view.draft.id}
        title={view.draft.title}
        version={view.version.version}
        tree={view.agreement.tree}
        summary={view.check.summary}
        blanks={view.check.blanks}
        suggestions={view.check.suggestions}
        history={view.history}
        {...(access.secret ? { secret: access.secret } : {})}
        {...(view.draft.agreementId ? { agreementId: view.draft.agreementId } : {})}
        {...extra}
      />,
      status,
    );
  /**
   * Runs a write; a refused one is shown on the draft's page with the reason — a stale save (409) with the
   * clause's typed text kept in its box.
   */
  const write = async (
    c: Context,
    id: string,
    form: Form,
    run: (access: DraftAccess) => Promise<unknown> | unknown,
    anchor = '',
    kept?: { nodeId: string; text: string },
  ) => {
    const access = accessOf(c, form);
    try {
      await run(access);
      return c.redirect(linkOf(c, id, access.secret, anchor), 303);
    } catch (error) {
      if (!(error instanceof CbaError)) throw error;
      const view = service.draft(id, access);
      const conflict = error instanceof ConflictError;
      return render(
        c,
        view,
        access,
        { error: messageOf(c, error), ...(conflict && kept ? { kept } : {}) },
        conflict ? 409 : 400,
      );
    }
  };

  return new Hono()
    .get('/', (c) => c.html(<DraftNewPage ctx={pageContext(c)} models={models} />))
    .post('/', limit, async (c) => {
      const form = await c.req.parseBody();
      const refused = refusedForm(c, form);
      if (refused) return refused;
      const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
      const model = models.find((m) => m.id === text(form, 'model'));
      try {
        const bytes = file
          ? new Uint8Array(await file.arrayBuffer())
          : model
            ? new TextEncoder().encode(model.content)
            : undefined;
        if (!bytes)
          throw new CbaError(
            'draft_empty',
            'Chọn một mẫu hoặc tải lên một tệp.',
            'Choose a model or upload a file.',
          );
        const { view, secret } = await service.createDraft(
          bytes,
          {
            filename: file?.name || `${model?.id ?? 'du-thao'}.md`,
            title: text(form, 'title') ?? model?.title,
            industry: text(form, 'industry'),
            province: text(form, 'province'),
            secret: true,
          },
          accessOf(c, form),
        );
        return c.redirect(`${linkOf(c, view.draft.id, secret)}&new=1`, 303);
      } catch (error) {
        if (!(error instanceof CbaError)) throw error;
        return c.html(<DraftNewPage ctx={pageContext(c)} models={models} error={messageOf(c, error)} />, 400);
      }
    })
    .get('/:id', (c) => {
      const access = accessOf(c);
      const view = service.draft(c.req.param('id'), access);
      const fresh = c.req.query('new') === '1' && access.secret;
      const url = new URL(c.req.url);
      return render(
        c,
        view,
        access,
        fresh
          ? { secretLink: `${url.origin}/drafts/${view.draft.id}?key=${encodeURIComponent(access.secret!)}` }
          : {},
      );
    })
    .post('/:id/clauses/:nodeId', async (c) => {
      const id = c.req.param('id');
      const nodeId = c.req.param('nodeId');
      const form = await c.req.parseBody();
      const refused = refusedForm(c, form);
      if (refused) return refused;
      const base = Number(text(form, 'base'));
      const typed = text(form, 'text') ?? '';
      return write(
        c,
        id,
        form,
        (access) =>
          service.editDraftClause(
            id,
            { nodeId, text: typed, base: Number.isInteger(base) ? base : undefined },
            access,
          ),
        `#c-${nodeId.replace(/[^a-z0-9-]/gi, '-')}`,
        { nodeId, text: typed },
      );
    })
    .post('/:id/upload', limit, async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody();
      const refused = refusedForm(c, form);
      if (refused) return refused;
      const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
      return write(c, id, form, async (access) => {
        if (!file) throw new CbaError('draft_empty', 'Chọn một tệp.', 'Choose a file.');
        return service.uploadDraft(id, new Uint8Array(await file.arrayBuffer()), file.name, access);
      });
    })
    .post('/:id/sign', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody();
      const refused = refusedForm(c, form);
      if (refused) return refused;
      return write(c, id, form, (access) => service.signDraft(id, access));
    })
    .get('/:id/draft.md', (c) => {
      const { title, content } = service.draftMarkdown(c.req.param('id'), accessOf(c));
      return c.body(content, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': attachment(`${title}.md`),
      });
    })
    .get('/:id/review.docx', async (c) => {
      const id = c.req.param('id');
      const access = accessOf(c);
      const { title, content } = service.draftMarkdown(id, access);
      const { draft } = service.draft(id, access);
      const reviewed = await reviewedWord(service, new TextEncoder().encode(content), {
        filename: `${title}.md`,
        industry: draft.industry,
        province: draft.province,
      });
      return c.body(reviewed.bytes.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': attachment(reviewed.filename),
      });
    });
}
