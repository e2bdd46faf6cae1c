/**
 * /check: the pre-signing check of a draft, pasted or uploaded; nothing is stored. The result says the check
 * in words, lists the blanks with a suggestion each, and offers the PDF report and the Word file with comments
 * and tracked changes (the draft is posted again from a hidden field).
 */

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CbaError } from '../../clauses/errors.ts';
import type { Service } from '../../service/index.ts';
import { CheckPage } from '../../ui/index.ts';
import { attachment, DOCX_TYPE, reviewedWord } from '../api/drafts.ts';
import { inProcessReports, type ReportRenderer } from '../parse-pool.ts';
import { formOf, htmlError, messageOf, pageContext } from './context.tsx';

type Form = Record<string, string | File | (string | File)[]>;

/** The draft of a check form: the file chosen, the text pasted, or the draft posted again (base64). */
async function draftOf(form: Form): Promise<{ bytes: Uint8Array; filename: string; text: string }> {
  const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
  const text = typeof form.text === 'string' ? form.text : '';
  if (file)
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || 'du-thao', text };
  if (typeof form.content === 'string' && form.content) {
    const filename = typeof form.filename === 'string' && form.filename ? form.filename : 'du-thao.txt';
    return { bytes: new Uint8Array(Buffer.from(form.content, 'base64')), filename, text };
  }
  return { bytes: new TextEncoder().encode(text), filename: 'du-thao.txt', text };
}

const field = (form: Form, name: string) => {
  const value = form[name];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined;
};

export function checkPages({
  service,
  maxUploadBytes,
  reports = inProcessReports,
}: {
  service: Service;
  maxUploadBytes: number;
  reports?: ReportRenderer | undefined;
}) {
  const maxMegabytes = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
  // The draft posted again is base64: a third larger than the file.
  const limit = bodyLimit({
    maxSize: Math.ceil(maxUploadBytes * 1.4) + 64 * 1024,
    onError: (c) => htmlError(c, 413, `> ${maxMegabytes} MB`),
  });
  return new Hono()
    .get('/', (c) => c.html(<CheckPage ctx={pageContext(c)} text="" maxMegabytes={maxMegabytes} />))
    .post('/', limit, async (c) => {
      const ctx = pageContext(c);
      const form = await formOf(c);
      const { bytes, filename, text } = await draftOf(form);
      const industry = field(form, 'industry');
      const province = field(form, 'province');
      const area = { ...(industry ? { industry } : {}), ...(province ? { province } : {}) };
      try {
        const result = await service.suggestDraft(bytes, { filename, industry, province });
        return c.html(
          <CheckPage
            ctx={ctx}
            text={text}
            comparison={result.comparison}
            blanks={result.blanks}
            suggestions={result.suggestions}
            summary={result.summary}
            download={{ content: Buffer.from(bytes).toString('base64'), filename }}
            maxMegabytes={maxMegabytes}
            {...area}
          />,
        );
      } catch (error) {
        if (!(error instanceof CbaError)) throw error;
        return c.html(
          <CheckPage
            ctx={ctx}
            text={text}
            error={messageOf(c, error)}
            maxMegabytes={maxMegabytes}
            {...area}
          />,
          400,
        );
      }
    })
    .post('/report.pdf', limit, async (c) => {
      const { bytes, filename } = await draftOf(await formOf(c));
      const { draft, comparison } = await service.checkDraft(bytes, { filename });
      const pdf = await reports.draw({
        report: 'check',
        data: { filename: draft.source.filename, comparison },
      });
      return c.body(pdf.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment('kiem-tra-du-thao.pdf'),
      });
    })
    .post('/review.docx', limit, async (c) => {
      const form = await formOf(c);
      const { bytes, filename } = await draftOf(form);
      const reviewed = await reviewedWord(service, bytes, {
        filename,
        industry: field(form, 'industry'),
        province: field(form, 'province'),
      });
      return c.body(reviewed.bytes.slice().buffer as ArrayBuffer, 200, {
        'Content-Type': DOCX_TYPE,
        'Content-Disposition': attachment(reviewed.filename),
      });
    });
}
