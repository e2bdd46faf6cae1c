/** /check: the pre-signing check of a draft, pasted or uploaded; nothing is stored. */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CbaError } from '../../clauses/errors.ts';
import type { Service } from '../../service/index.ts';
import { CheckPage } from '../../ui/index.ts';
import { formOf, htmlError, messageOf, pageContext } from './context.tsx';

export function checkPages({ service, maxUploadBytes }: { service: Service; maxUploadBytes: number }) {
  const maxMegabytes = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
  return new Hono()
    .get('/', (c) => c.html(<CheckPage ctx={pageContext(c)} text="" maxMegabytes={maxMegabytes} />))
    .post(
      '/',
      bodyLimit({
        maxSize: maxUploadBytes + 64 * 1024,
        onError: (c) => htmlError(c, 413, `> ${maxMegabytes} MB`),
      }),
      async (c) => {
        const ctx = pageContext(c);
        const form = await formOf(c);
        const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
        const text = typeof form.text === 'string' ? form.text : '';
        try {
          const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(text);
          const { comparison } = await service.checkDraft(bytes, { filename: file?.name || 'du-thao.txt' });
          return c.html(
            <CheckPage ctx={ctx} text={text} comparison={comparison} maxMegabytes={maxMegabytes} />,
          );
        } catch (error) {
          if (!(error instanceof CbaError)) throw error;
          return c.html(
            <CheckPage ctx={ctx} text={text} error={messageOf(c, error)} maxMegabytes={maxMegabytes} />,
            400,
          );
        }
      },
    );
}
