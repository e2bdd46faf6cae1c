import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckSummary, Suggestion } from '../../clauses/index.ts';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

/** LibreOffice, when Debian's package is installed: the review must convert with it. */
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const MODEL = join(import.meta.dirname, '../../fixtures/models/mau-det-may.md');

let library: SqliteLibrary;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

// Importing the sample library takes a few seconds, more on a machine shared by other runs.
beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  app = createApp({ library, today: () => '2026-12-01' });
}, 60_000);
afterAll(() => cleanup());

describe('POST /api/check/suggestions', () => {
  it('answers the model agreement with a suggestion for each blank drawn from the sample library', async () => {
    const res = await app.request(
      '/api/check/suggestions?industry=det-may&province=B%C3%ACnh%20D%C6%B0%C6%A1ng',
      {
        method: 'POST',
        body: readFileSync(MODEL),
        headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'X-Filename': 'mau-det-may.md' },
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { suggestions: Suggestion[]; summary: CheckSummary; stored: boolean };
    expect(body.stored).toBe(false);
    expect(body.summary.blanks).toBe(13);
    const blanks = body.suggestions.filter((s) => s.target.kind === 'blank');
    expect(blanks).toHaveLength(12);
    const overtime = blanks.find((s) => s.subject === 'ot_rate')!;
    expect(overtime.writeAtLeast?.vi).toBe('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
    expect(overtime.national.enough).toBe(true);
    expect(overtime.best.length).toBeGreaterThan(0);
    expect(overtime.best[0]).toMatchObject({ verdict: 'above' });
  });

  it('refuses an unknown day with a JSON error', async () => {
    const res = await app.request('/api/check/suggestions?on=hôm-qua', { method: 'POST', body: 'x' });
    expect(res.status).toBe(400);
  });
});

const MODEL_DOCX = join(import.meta.dirname, '../../fixtures/models/mau-det-may.docx');
const CORPUS_MODEL = join(import.meta.dirname, '../../../shared/corpus/docs/tayninh-mau-2025.docx');

async function review(bytes: Uint8Array, filename: string, query = '') {
  const form = new FormData();
  form.append('file', new File([bytes.slice().buffer as ArrayBuffer], filename));
  const res = await app.request(`/api/check/review.docx${query}`, { method: 'POST', body: form });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  return {
    document: await read('word/document.xml'),
    comments: await read('word/comments.xml'),
    styles: await read('word/styles.xml'),
    types: await read('[Content_Types].xml'),
    rels: await read('word/_rels/document.xml.rels'),
  };
}

const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('POST /api/check/review.docx', () => {
  it('returns the same Word document with a comment on each measured clause and each blank, and tracked changes', async () => {
    const original = readFileSync(MODEL_DOCX);
    const { res, bytes } = await review(original, 'mau-det-may.docx', '?industry=det-may');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain('mau-det-may-gop-y.docx');
    const before = await parts(original);
    const after = await parts(bytes);
    // The chair's document, not a new one: same styles, same paragraphs.
    expect(after.styles).toBe(before.styles);
    expect(count(after.document, /<w:p[\s>]/g)).toBe(count(before.document, /<w:p[\s>]/g));
    expect(after.types).toContain('/word/comments.xml');
    expect(after.rels).toContain('comments.xml');
    expect(count(after.comments, /<w:comment /g)).toBeGreaterThanOrEqual(15);
    expect(after.comments).toContain('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
    expect(after.comments).toContain('w:author="Thư viện Thỏa ước"');
    expect(count(after.document, /<w:ins /g)).toBe(Number(res.headers.get('x-review-changes')));
    // Birthday, sickness and Tết gifts each have fewer than 3 agreements of their own in the sample
    // library: a comment says so, and no figure is written in for them.
    expect(count(after.document, /<w:ins /g)).toBeGreaterThanOrEqual(9);
    expect(count(after.document, /<w:del /g)).toBe(count(after.document, /<w:ins /g));
    expect(after.document).toMatch(
      /<w:del w:id="\d+" w:author="Thư viện Thỏa ước" w:date="2026-12-01T00:00:00Z">/,
    );
    // A real reader still reads it, with the suggestions accepted as it shows insertions.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('Tiền lương làm thêm giờ vào ngày thường ít nhất bằng 175%');
    expect(value).toContain(
      'Mức lương thấp nhất trả cho người lao động làm công việc giản đơn là 5.450.000 đồng/tháng',
    );
  });

  it('writes a Word file for a Markdown draft and marks the clause below the law with its replacement', async () => {
    const draft =
      '# Điều 1. Làm thêm giờ\n\nTiền lương làm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng 180% tiền lương của ngày làm việc bình thường.\n';
    const { res, bytes } = await review(new TextEncoder().encode(draft), 'du-thao.md');
    expect(res.status).toBe(200);
    const { document, comments } = await parts(bytes);
    expect(comments).toContain('Thấp hơn luật');
    expect(comments).toContain('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(document).toMatch(/<w:delText xml:space="preserve">180%<\/w:delText>/);
    expect(document).toMatch(
      /<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">\d{3}%<\/w:t>/,
    );
  });

  it.skipIf(!existsSync(CORPUS_MODEL))(
    'reviews the federation model of the corpus: a comment on every blank',
    async () => {
      const { res, bytes } = await review(readFileSync(CORPUS_MODEL), 'tayninh-mau-2025.docx');
      expect(res.status).toBe(200);
      const { comments, document } = await parts(bytes);
      expect(count(comments, /Chỗ trống/g)).toBeGreaterThanOrEqual(29);
      // Welfare blanks get a figure only from gifts for the same occasion (fewer in the sample library).
      expect(count(document, /<w:ins /g)).toBeGreaterThanOrEqual(14);
    },
  );

  it.skipIf(!soffice)(
    'converts with LibreOffice headless',
    async () => {
      const { bytes } = await review(readFileSync(MODEL_DOCX), 'mau-det-may.docx');
      const dir = mkdtempSync(join(tmpdir(), 'cba-review-'));
      writeFileSync(join(dir, 'gop-y.docx'), bytes);
      // Its own profile, so a LibreOffice already running elsewhere does not take the job (and drop it).
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'gop-y.docx'),
        ],
        { stdio: 'pipe' },
      );
      expect(existsSync(join(dir, 'gop-y.pdf'))).toBe(true);
      rmSync(dir, { recursive: true, force: true });
      // LibreOffice starts in seconds on a quiet machine, in more than the default 20 s on a loaded one.
    },
    180_000,
  );
});

describe('the check page', () => {
  const post = (fields: Record<string, string | File>, path = '/check') => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return app.request(path, { method: 'POST', body });
  };

  it('says the check in words a chair understands, lists the blanks with suggestions and offers PDF and Word', async () => {
    const res = await post({
      file: new File([readFileSync(MODEL, 'utf8')], 'mau-det-may.md'),
      industry: 'dệt may',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('13 chỗ trống');
    expect(html).toContain('điều khoản chỉ bằng luật — có thể đề xuất cao hơn');
    expect(html).toContain('Chỗ trống và gợi ý (15)');
    expect(html).toContain('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
    expect(html).toContain('formaction="/check/report.pdf"');
    expect(html).toContain('formaction="/check/review.docx"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('downloads the PDF report and the Word review of the draft posted again', async () => {
    const content = Buffer.from(readFileSync(MODEL_DOCX)).toString('base64');
    const pdf = await post({ content, filename: 'mau-det-may.docx' }, '/check/report.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const word = await post({ content, filename: 'mau-det-may.docx' }, '/check/review.docx');
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toContain('mau-det-may-gop-y.docx');
    const { comments } = await parts(new Uint8Array(await word.arrayBuffer()));
    expect(comments).toContain('Chỗ trống: Tiền ăn giữa ca');
  });
});
