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

describe('hostile documents found by mutation (each generated here, never stored big)', () => {
  it('numbers 10,000 repeated clause numbers apart, each with its own id', () => {
    const text = `Điều 1. Quy định\n${Array.from({ length: 10_000 }, () => '1. nội dung').join('\n')}`;
    for (const filename of ['lap.txt', 'lap.md']) {
      const draft = importDocument(utf8(text), { filename });
      const ids = draft.tree[0]!.children.map((n) => n.id);
      expect(new Set(ids).size).toBe(10_000);
      expect(ids.slice(0, 3)).toEqual(['dieu-1.khoan-1', 'dieu-1.khoan-1~2', 'dieu-1.khoan-1~3']);
    }
  });

  it('reads Markdown after a million blank lines with its line numbers kept', () => {
    const text = `Điều 1. Đầu\n${'\n'.repeat(1_000_000)}Điều 2. Cuối\n`;
    const draft = importDocument(utf8(text), { filename: 'trang.md' });
    expect(draft.tree.map((n) => [n.type === 'table' ? '' : n.number, n.position?.start.line])).toEqual([
      ['1', 1],
      ['2', 1_000_002],
    ]);
  });

  it('reads a run of 20,000 emphasis markers as the characters written', () => {
    const draft = importDocument(utf8(`Điều 1. Phụ cấp: ${'*_'.repeat(10_000)} đồng`), {
      filename: 'nhan.md',
    });
    expect(JSON.stringify(draft.tree[0])).toContain('*_*_*_');
  });

  it('keeps underscores written as a blank to fill in, and a thematic break as a break', () => {
    const draft = importDocument(utf8('Điều 1. Trợ cấp\n\nTiền đi lại: ________ đồng/tháng.\n\n____\n'), {
      filename: 'mau.md',
    });
    expect(draft.tree[0]).toMatchObject({ text: 'Tiền đi lại: ________ đồng/tháng.' });
  });

  it('imports a 5 MB single word without overflowing the stack', () => {
    for (const filename of ['tu.txt', 'tu.md']) {
      const draft = importDocument(utf8(`Điều 1. ${'a'.repeat(5_000_000)}`), { filename });
      expect(draft.stats.articles).toBe(1);
    }
  });

  it.each(['constructor', 'toString', 'valueOf', '__proto__'])(
    'reports front matter key "%s" as an unknown field instead of failing',
    (key) => {
      const draft = importDocument(utf8(`---\n${key}: x\n---\nĐiều 1. Nghỉ hằng năm 14 ngày.\n`), {
        filename: 'khoa.md',
      });
      expect(draft.warnings).toContainEqual(
        expect.objectContaining({ code: 'metadata_invalid', messageEn: expect.stringContaining(`"${key}"`) }),
      );
    },
  );
});
