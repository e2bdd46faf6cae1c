/** /import: importing documents from the browser, with the write token in the form. */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CbaError, DuplicateError } from '../../clauses/errors.ts';
import type { Service } from '../../service/index.ts';
import { type ImportOutcome, ImportPage } from '../../ui/index.ts';
import { checkFormWrite } from '../auth.ts';
import { htmlError, messageOf, pageContext } from './context.tsx';

export interface ImportPagesDeps {
  service: Service;
  apiToken: string | undefined;
  maxUploadBytes: number;
}

export function importPages({ service, apiToken, maxUploadBytes }: ImportPagesDeps) {
  const maxMegabytes = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
  return new Hono()
    .get('/', (c) => c.html(<ImportPage ctx={pageContext(c)} maxMegabytes={maxMegabytes} />))
    .post(
      '/',
      bodyLimit({
        maxSize: maxUploadBytes * 20 + 64 * 1024,
        onError: (c) => htmlError(c, 413, `> ${maxMegabytes * 20} MB`),
      }),
      async (c) => {
        const ctx = pageContext(c);
        const form = await c.req.parseBody({ all: true });
        const write = checkFormWrite(c, { service, apiToken }, form, 'import');
        if (!write.ok) {
          return c.html(
            <ImportPage ctx={ctx} maxMegabytes={maxMegabytes} error={write.message} />,
            write.status,
          );
        }
        const principal = c.get('principal');
        const owner =
          !form.token && principal?.kind === 'user' ? { access: { ownerId: principal.user.id } } : {};
        const files = ([] as unknown[])
          .concat(form.files ?? [])
          .filter((f): f is File => f instanceof File && f.size > 0);
        const outcomes: ImportOutcome[] = [];
        for (const file of files) {
          try {
            const bytes = new Uint8Array(await file.arrayBuffer());
            const { agreement, report, sameAgreement } = await service.importDocument(bytes, {
              filename: file.name,
              actor: write.actor,
              ...owner,
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
        return c.html(<ImportPage ctx={ctx} maxMegabytes={maxMegabytes} outcomes={outcomes} />);
      },
    );
}
