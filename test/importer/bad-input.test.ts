import { describe, expect, it } from 'vitest';
import { ImportError, TooLargeError, UnsupportedFormatError } from '../../clauses/index.ts';
import { importDocument, safeFilename } from '../../importer/index.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('bad input', () => {
  it('rejects an empty file', () => {
    expect(() => importDocument(new Uint8Array(), { filename: 'trong.txt' })).toThrow(ImportError);
    expect(() => importDocument(utf8('  \n\n '), { filename: 'trong.txt' })).toThrow(/empty/);
  });

  it('rejects binary junk as not text', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => importDocument(junk, { filename: 'rac.txt' })).toThrow(UnsupportedFormatError);
  });

  it.each([
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], /PDF/],
    ['a DOCX', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], /DOCX/],
  ])('names %s renamed .txt', (_, signature, message) => {
    const bytes = new Uint8Array([...signature, ...utf8(' nội dung '.repeat(50))]);
    expect(() => importDocument(bytes, { filename: 'thoa-uoc.txt' })).toThrow(message);
  });

  it('reports invalid UTF-8 with the byte offset', () => {
    const bytes = new Uint8Array([...utf8('Điều 1. Lương\n'), 0xc3, 0x28, ...utf8(' abc')]);
    const offset = utf8('Điều 1. Lương\n').length;
    expect(() => importDocument(bytes, { filename: 'hong.txt' })).toThrow(new RegExp(`offset ${offset}`));
  });

  it('decodes Windows-1258 Vietnamese with a warning', () => {
    // "Điều 1. Thỏa ước" in Windows-1258: Đ=D0, i, ê=EA with combining grave CC, u; ỏ = o + hook D2; ư=FD; ơ=F5 + acute EC.
    const cp1258 = new Uint8Array([
      0xd0, 0x69, 0xea, 0xcc, 0x75, 0x20, 0x31, 0x2e, 0x20, 0x54, 0x68, 0x6f, 0xd2, 0x61, 0x20, 0xfd, 0xf5,
      0xec, 0x63, 0x0a, 0x4e, 0x67, 0xfd, 0xf5, 0xcc, 0x69, 0x20, 0x6c, 0x61, 0x6f, 0x20, 0xf0, 0xf4, 0xf2,
      0x6e, 0x67, 0x0a,
    ]);
    const doc = importDocument(cp1258, { filename: 'cu.txt' });
    expect(doc.warnings.map((w) => w.code)).toContain('encoding');
    expect(doc.tree[0]).toMatchObject({
      type: 'article',
      number: '1',
      heading: 'Thỏa ước',
      text: 'Người lao động',
    });
  });

  it('refuses a 50 MB single line above the size limit without reading it', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(() => importDocument(big, { filename: 'dai.txt' })).toThrow(TooLargeError);
  });

  it('imports a long single line under the limit as one article, without hanging', () => {
    const line = utf8(`${'người lao động được nghỉ '.repeat(200_000)}\n`);
    const doc = importDocument(line, { filename: 'mot-dong.txt' });
    expect(doc.stats.articles).toBe(1);
    expect(doc.warnings.map((w) => w.code)).toContain('no_structure');
  });

  it.each([
    ['dashes on one line', `${'- '.repeat(10_000)}x\n`],
    ['indentation', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(2 * i)}- mục ${i}`).join('\n')],
    ['block quotes', `${'>'.repeat(10_000)} x\n`],
  ])('reads Markdown nested 10,000 levels deep (%s) as plain text with a warning', (_, text) => {
    const doc = importDocument(utf8(`# Điều 1. Thử\n\n${text}`), { filename: 'sau.md' });
    expect(doc.warnings.map((w) => w.code)).toContain('markdown_too_deep');
    expect(doc.stats.articles).toBe(1);
  });

  it('refuses formats it does not read by extension', () => {
    expect(() => importDocument(utf8('x'), { filename: 'bang.xlsx' })).toThrow(UnsupportedFormatError);
  });

  it.each([
    ['../../etc/passwd.md', 'passwd.md'],
    ['..\\..\\windows\\thoa-uoc.txt', 'thoa-uoc.txt'],
    ['/abs/path/a.md', 'a.md'],
    ['..', 'tai-lieu.txt'],
    ['.hidden.md', 'hidden.md'],
    ['bad\u0000name.txt', 'badname.txt'],
  ])('keeps only a safe base name of "%s"', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });
});
