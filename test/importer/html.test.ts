import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ClauseNode } from '../../clauses/index.ts';
import { importDocument, importFile } from '../../importer/index.ts';

const FORMATS_DIR = join(import.meta.dirname, '../../fixtures/formats');
const withoutPositions = (tree: ClauseNode[]): unknown =>
  JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));

/** A web page the way a site publishes a Word file: a head, a menu, containers, markup broken over lines. */
function asWebPage(body: string): string {
  const wrapped = body.replace(/<\/p>/g, '</p>\n').replace(/<(\/?)table>/g, '\n<$1table>\n');
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thỏa ước</title>
<style>p { margin: 0 }</style><script>console.log('x')</script></head>
<body><nav><a href="/">Trang chủ</a></nav>
<div class="page"><div class="content">
${wrapped}
</div></div></body></html>`;
}

describe('HTML import', () => {
  it.each(['det-may-phu-hung-2024', 'dien-tu-tan-phat-2025'])(
    'reads a web page of %s to the same tree and metadata as its Word file',
    async (name) => {
      const docx = readFileSync(join(FORMATS_DIR, `${name}.docx`));
      const word = await importFile(docx, { filename: `${name}.docx` });
      const html = (await mammoth.convertToHtml({ buffer: docx })).value;
      const page = await importFile(new TextEncoder().encode(asWebPage(html)), { filename: `${name}.html` });
      expect(page.source.format).toBe('html');
      expect(page.source.mediaType).toBe('text/html; charset=utf-8');
      expect(withoutPositions(page.tree)).toEqual(withoutPositions(word.tree));
      const { provenance: _a, ...pageMeta } = page.meta;
      const { provenance: _b, ...wordMeta } = word.meta;
      expect(pageMeta).toEqual(wordMeta);
    },
  );

  it('recognises a web page by its content whatever its name', () => {
    const page = asWebPage(
      '<h1>THỎA ƯỚC LAO ĐỘNG TẬP THỂ</h1><h2>Điều 1. Phạm vi</h2><p>Áp dụng cho toàn công ty.</p>',
    );
    for (const filename of ['thoa-uoc', 'thoa-uoc.txt', 'thoa-uoc.htm']) {
      const doc = importDocument(new TextEncoder().encode(page), { filename });
      expect(doc.source.format).toBe('html');
      expect(doc.stats.articles).toBe(1);
      expect(doc.tree[0]).toMatchObject({ type: 'article', number: '1', heading: 'Phạm vi' });
    }
  });

  it('never reads scripts, styles or the page title as text', () => {
    const doc = importDocument(
      new TextEncoder().encode(asWebPage('<h2>Điều 1. Phạm vi</h2><p>Toàn công ty.</p>')),
      {
        filename: 'a.html',
      },
    );
    expect(JSON.stringify(doc)).not.toContain('console.log');
    expect(doc.preamble.join(' ')).not.toContain('margin');
  });
});

describe('the import report', () => {
  it('says in Vietnamese what was found and what is missing, and keeps Word’s messages apart', async () => {
    const docx = readFileSync(join(FORMATS_DIR, 'det-may-phu-hung-2024.docx'));
    const draft = await importFile(docx, { filename: 'det-may.docx' });
    const lines = draft.report?.summary.map((m) => m.message) ?? [];
    expect(lines.some((l) => l.startsWith('Người sử dụng lao động: '))).toBe(true);
    expect(lines.some((l) => /^Đã đọc \d+ điều, \d+ khoản; \d+ con số/u.test(l))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(draft.warnings.some((w) => w.message.startsWith('Word:'))).toBe(false);
    expect(Array.isArray(draft.report?.technical)).toBe(true);
  });

  it('lists the fields it could not find, and shows the current province of a merged one', () => {
    const text =
      'THỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐại diện người sử dụng lao động: Công ty TNHH Nhựa Bến Cát\nĐịa chỉ: Khu công nghiệp Mỹ Phước, thị xã Bến Cát, tỉnh Bình Dương\n\nĐiều 1. Tiền lương\nLương thấp nhất 5.000.000 đồng/tháng.\n';
    const { report } = importDocument(new TextEncoder().encode(text), { filename: 'a.txt' });
    const summary = report?.summary ?? [];
    expect(summary.find((m) => m.message.startsWith('Tỉnh/thành phố'))?.message).toBe(
      'Tỉnh/thành phố: Bình Dương — nay thuộc TP. Hồ Chí Minh.',
    );
    const missing = summary.find((m) => m.kind === 'missing')?.message ?? '';
    expect(missing).toContain('ngày ký');
    expect(missing).toContain('người ký');
  });
});
