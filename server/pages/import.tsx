/** /import: importing documents from the browser, with the write token in the form. */

import { Hono } from 'hono';
import { CbaError, DuplicateError } from '../../clauses/errors.ts';
import type { Service } from '../../service/index.ts';
import { type ImportOutcome, ImportPage } from '../../ui/index.ts';
import { checkFormWrite } from '../auth.ts';
import { BodyTooLarge, discardBody, limitBody, peekFormToken } from '../form-token.ts';
import { type ProgressBoard, progressOf } from '../import-progress.ts';
import { photosUpload } from '../upload.ts';
import { htmlError, messageOf, pageContext } from './context.tsx';

export interface ImportPagesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
  /** Where imports of scans stand, page by page (the page's script asks `GET /api/imports/:id`). */
  progress?: ProgressBoard;
}

export function importPages({ service, apiToken, maxUploadBytes, progress }: ImportPagesDeps) {
  const maxMegabytes = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
  return new Hono()
    .get('/', (c) => c.html(<ImportPage ctx={pageContext(c)} maxMegabytes={maxMegabytes} />))
    .post('/', async (c) => {
      const ctx = pageContext(c);
      const deps = { service, apiToken };
      const principal = c.get('principal');
      let request = c.req.raw;
      if (!(principal?.kind === 'user' && principal.via === 'session')) {
        // Without a session the token is read from the first bytes of the form and checked before the files.
        const peeked = await peekFormToken(c.req.raw);
        request = peeked.request;
        const early = checkFormWrite(c, deps, { token: peeked.token ?? '' }, 'import');
        if (!early.ok) {
          discardBody(request);
          return c.html(
            <ImportPage ctx={ctx} maxMegabytes={maxMegabytes} error={early.message} />,
            early.status,
          );
        }
      }
      let form: FormData;
      try {
        form = await limitBody(request, maxUploadBytes * 20 + 64 * 1024).formData();
      } catch (error) {
        if (error instanceof BodyTooLarge || (error as Error).cause instanceof BodyTooLarge)
          return htmlError(c, 413, `> ${maxMegabytes * 20} MB`);
        return htmlError(c, 400, 'Dữ liệu biểu mẫu không đọc được / the form data cannot be read.');
      }
      const fields = { token: String(form.get('token') ?? ''), csrf: String(form.get('csrf') ?? '') };
      const write = checkFormWrite(c, deps, fields, 'import');
      if (!write.ok)
        return c.html(
          <ImportPage ctx={ctx} maxMegabytes={maxMegabytes} error={write.message} />,
          write.status,
        );
      const owner =
        !fields.token && principal?.kind === 'user' ? { access: { ownerId: principal.user.id } } : {};
      const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
      const outcomes: ImportOutcome[] = [];
      const { onProgress, finish } = progressOf(progress, String(form.get('progress') ?? ''));
      // "Photos of one agreement": the files are its pages, in the order chosen, read as one scanned document.
      const photos = form.get('photos') === 'on' && files.length > 1;
      const documents: Array<{ name: string; read: () => Promise<{ bytes: Uint8Array; filename: string }> }> =
        photos
          ? [{ name: files.map((f) => f.name).join(', '), read: () => photosUpload(files) }]
          : files.map((file) => ({
              name: file.name,
              read: async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name }),
            }));
      try {
        for (const file of documents) {
          try {
            const { bytes, filename } = await file.read();
            const { agreement, report, sameAgreement } = await service.importDocument(bytes, {
              filename,
              actor: write.actor,
              ...owner,
              ...(onProgress ? { onProgress } : {}),
            });
            if (sameAgreement) {
              outcomes.push({
                file: file.name,
                status: 'same_agreement',
                id: agreement.id,
                reason: ctx.lang === 'vi' ? sameAgreement.message : sameAgreement.messageEn,
              });
              continue;
            }
            outcomes.push({
              file: file.name,
              status: 'imported',
              id: agreement.id,
              warnings: agreement.warnings,
              ...(report ? { report } : {}),
            });
          } catch (error) {
            if (error instanceof DuplicateError)
              outcomes.push({ file: file.name, status: 'duplicate', id: error.existingId });
            else if (error instanceof CbaError)
              outcomes.push({ file: file.name, status: 'failed', reason: messageOf(c, error) });
            else throw error;
          }
        }
      } finally {
        finish();
      }
      return c.html(<ImportPage ctx={ctx} maxMegabytes={maxMegabytes} outcomes={outcomes} />);
    });
}
