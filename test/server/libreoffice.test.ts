import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createApp } from '../../server/app.ts';
import { REVIEW_AUTHOR } from '../../ui/reports/word-review.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

/**
 * The Word files we hand out, opened by a real office suite: LibreOffice headless (Debian's
 * `libreoffice-writer-nogui`) converts the review of the chair's own .docx and the Word export of a draft
 * built in the browser to flat ODF (`.fodt`), where its annotations and tracked changes can be read, and
 * to PDF. What LibreOffice shows must be what we wrote: every comment with its author and its lines, every
 * suggestion a tracked deletion of the blank and insertion of the value, by our author.
 */

const soffice = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'].find(
  (p): p is string => p !== undefined && existsSync(p),
);
if (!soffice)
  console.info('LibreOffice tests skipped: no soffice (apt-get install -y libreoffice-writer-nogui)');

const MODEL_DOCX = join(import.meta.dirname, '../../fixtures/models/mau-det-may.docx');
const MODEL_MD = join(import.meta.dirname, '../../fixtures/models/mau-det-may.md');
/** The federation's model of the corpus, read where it is (never copied); its test skips without it. */
const CORPUS_MODEL = join(import.meta.dirname, '../../../shared/corpus/docs/tayninh-mau-2025.docx');
const corpus = existsSync(CORPUS_MODEL);

/** What a .docx says: each comment's author and lines, each tracked change's kind, author and words. */
interface Review {
  comments: Array<{ author: string; lines: string[] }>;
  changes: Array<{ kind: 'insertion' | 'deletion'; author: string; text: string }>;
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of ODF inline content: spaces written as `<text:s/>`, other tags dropped. */
const odfText = (xml: string) =>
  decode(
    xml
      .replace(/<text:s\s+text:c="(\d+)"\s*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:s\s*\/>/g, ' ')
      .replace(/<text:tab\s*\/>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  );

async function fromDocx(bytes: Uint8Array): Promise<Review> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  return {
    comments: [...comments.matchAll(/<w:comment\s[^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(
      (m) => ({
        author: decode(m[1]!),
        lines: [...m[2]!.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) =>
          decode([...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
        ),
      }),
    ),
    changes: [...document.matchAll(/<w:(ins|del)\s[^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:\1>/g)].map(
      (m) => ({
        kind: m[1] === 'ins' ? 'insertion' : 'deletion',
        author: decode(m[2]!),
        text: decode(
          [...m[3]!.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
            .map((t) => t[1])
            .join(''),
        ),
      }),
    ),
  };
}

/** The same, as LibreOffice read it: `office:annotation`s and `text:changed-region`s of its flat ODF. */
function fromFodt(fodt: string): Review {
  const regions = new Map(
    [
      ...fodt.matchAll(
        /<text:changed-region[^>]*\stext:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>[\s\S]*?<dc:creator>([^<]*)<\/dc:creator>/g,
      ),
    ].map((m) => [m[1]!, { kind: m[2] as 'insertion' | 'deletion', author: decode(m[3]!) }]),
  );
  const body = fodt.slice(fodt.indexOf('<office:body>'));
  return {
    comments: [...body.matchAll(/<office:annotation(?=\s|>)[^>]*>([\s\S]*?)<\/office:annotation>/g)].map(
      (m) => ({
        author: decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(m[1]!)?.[1] ?? ''),
        lines: [...m[1]!.matchAll(/<text:p(?:\s[^>]*)?>([\s\S]*?)<\/text:p>/g)].map((p) => odfText(p[1]!)),
      }),
    ),
    // In document order, as the change marks stand in the text.
    changes: [
      ...body.matchAll(
        /<text:change-start text:change-id="([^"]+)"\/>([\s\S]*?)<text:change-end text:change-id="\1"\/>/g,
      ),
    ].map((m) => ({ ...regions.get(m[1]!)!, text: odfText(m[2]!) })),
  };
}

let library: SqliteLibrary;
let cleanup: () => void;
let dir: string;
/** The files by name: what we wrote (.docx) and what LibreOffice made of them (.fodt, .pdf). */
const files = new Map<string, Uint8Array>();
const headers = new Map<string, { comments: number; changes: number }>();

/** Converts every .docx in `dir` at once (one start of LibreOffice), with its own profile. */
function convert(to: 'fodt' | 'pdf', names: string[]) {
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      dir,
      ...names.map((n) => join(dir, n)),
    ],
    { stdio: 'pipe', timeout: 150_000 },
  );
}

beforeAll(async () => {
  if (!soffice) return;
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  const app = createApp({ library, today: () => '2026-12-01' });
  dir = mkdtempSync(join(tmpdir(), 'cba-lo-'));

  // The chair's own Word file, reviewed (and the corpus's federation model, when the corpus is there).
  const review = async (path: string, name: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(readFileSync(path))], name));
    const reviewed = await app.request('/api/check/review.docx?industry=det-may', {
      method: 'POST',
      body: form,
    });
    expect(reviewed.status).toBe(200);
    return reviewed;
  };
  const reviewed = await review(MODEL_DOCX, 'mau-det-may.docx');
  files.set('gop-y.docx', new Uint8Array(await reviewed.arrayBuffer()));
  headers.set('gop-y.docx', {
    comments: Number(reviewed.headers.get('x-review-comments')),
    changes: Number(reviewed.headers.get('x-review-changes')),
  });
  if (corpus) {
    const federation = await review(CORPUS_MODEL, 'tayninh-mau-2025.docx');
    files.set('tayninh.docx', new Uint8Array(await federation.arrayBuffer()));
  }

  // A draft made in the browser from the Markdown model, downloaded as Word from its page.
  const created = await app.request('/api/drafts?secret=1&industry=det-may', {
    method: 'POST',
    body: readFileSync(MODEL_MD, 'utf8'),
    headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'X-Filename': 'mau-det-may.md' },
  });
  expect(created.status).toBe(201);
  const { draft, secret } = (await created.json()) as { draft: { id: string }; secret: string };
  const word = await app.request(`/drafts/${draft.id}/review.docx?key=${encodeURIComponent(secret)}`);
  expect(word.status).toBe(200);
  files.set('du-thao.docx', new Uint8Array(await word.arrayBuffer()));

  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  const names = [...files.keys()];
  convert('fodt', names);
  convert('pdf', names);
  for (const name of names) {
    const base = name.replace(/\.docx$/, '');
    files.set(`${base}.fodt`, readFileSync(join(dir, `${base}.fodt`)));
    files.set(`${base}.pdf`, readFileSync(join(dir, `${base}.pdf`)));
  }
}, 300_000);

afterAll(() => {
  if (!soffice) return;
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const fodtOf = (base: string) => fromFodt(new TextDecoder().decode(files.get(`${base}.fodt`)));

describe.skipIf(!soffice)('Word files opened in LibreOffice', () => {
  it.each([['gop-y'], ['du-thao']])(
    'shows every comment of %s.docx by Thư viện Thỏa ước with all its lines',
    async (base) => {
      const written = await fromDocx(files.get(`${base}.docx`)!);
      const read = fodtOf(base);
      expect(written.comments.length).toBeGreaterThanOrEqual(15);
      expect(read.comments).toEqual(written.comments);
      expect(new Set(read.comments.map((c) => c.author))).toEqual(new Set([REVIEW_AUTHOR]));
      const lines = read.comments.flatMap((c) => c.lines);
      expect(lines).toContain('Viết ít nhất 150% (Điều 98 khoản 1 điểm a BLLĐ 2019)');
      expect(lines.some((l) => l.startsWith('Chỗ trống: Tiền ăn giữa ca'))).toBe(true);
    },
  );

  it.each([['gop-y'], ['du-thao']])(
    'keeps every suggestion of %s.docx as a tracked change: the blank deleted, the value inserted',
    async (base) => {
      const written = await fromDocx(files.get(`${base}.docx`)!);
      const read = fodtOf(base);
      expect(written.changes.length).toBeGreaterThanOrEqual(18);
      expect(read.changes).toEqual(written.changes);
      expect(new Set(read.changes.map((c) => c.author))).toEqual(new Set([REVIEW_AUTHOR]));
      // Each deletion of a blank is followed by the insertion of what to write instead.
      const pairs = read.changes.flatMap((c, i) =>
        c.kind === 'deletion' ? [[c.text, read.changes[i + 1]?.kind, read.changes[i + 1]?.text]] : [],
      );
      expect(pairs).toContainEqual(['………', 'insertion', '175']);
      expect(pairs.every(([, kind]) => kind === 'insertion')).toBe(true);
    },
  );

  it('counts the comments and changes the API announced in its headers', () => {
    const read = fodtOf('gop-y');
    expect(read.comments).toHaveLength(headers.get('gop-y.docx')!.comments);
    expect(read.changes.filter((c) => c.kind === 'insertion')).toHaveLength(
      headers.get('gop-y.docx')!.changes,
    );
  });

  it.skipIf(!corpus)(
    'opens the review of the federation model of the corpus with all its comments and changes',
    async () => {
      const written = await fromDocx(files.get('tayninh.docx')!);
      const read = fodtOf('tayninh');
      const blanks = read.comments.flatMap((c) => c.lines).filter((l) => l.startsWith('Chỗ trống'));
      expect(blanks.length).toBeGreaterThanOrEqual(29);
      expect(read.comments).toEqual(written.comments);
      expect(read.changes).toEqual(written.changes);
    },
  );

  it.each([['gop-y'], ['du-thao']])('prints %s.docx to PDF with the suggested words on the page', (base) => {
    const pdf = join(dir, `${base}.pdf`);
    expect(new TextDecoder('latin1').decode(files.get(`${base}.pdf`)!.subarray(0, 5))).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) return;
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Changes are shown, so the blank and the value stand side by side until the chair accepts.
    expect(text).toContain('ít nhất bằng ………175% tiền lương');
    expect(text).toMatch(/Tiền ăn giữa ca: …+\s?[\d.]+ đồng\/người\/ca/);
  });
});
