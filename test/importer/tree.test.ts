import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ClauseNode, walkTree } from '../../clauses/index.ts';
import { importDocument } from '../../importer/index.ts';

const CASES = join(import.meta.dirname, '../fixtures/importer');

function load(caseName: string) {
  const file = readdirSync(join(CASES, caseName)).find((f) => f.startsWith('input.'))!;
  return importDocument(readFileSync(join(CASES, caseName, file)), { filename: file });
}

/** The tree without source positions, which differ between formats. */
function shape(nodes: readonly ClauseNode[]): unknown {
  return nodes.map(({ position: _position, children, ...rest }) => ({ ...rest, children: shape(children) }));
}

describe('importer fixture cases', () => {
  it.each(readdirSync(CASES))('builds the expected tree for %s', async (caseName) => {
    const doc = load(caseName);
    await expect(
      JSON.stringify({ tree: doc.tree, warnings: doc.warnings.map((w) => w.code) }, null, 2),
    ).toMatchFileSnapshot(join(CASES, caseName, 'tree.json'));
  });
});

describe('clause trees', () => {
  it('builds the same tree from Markdown and from plain text', () => {
    const markdown = load('chuong-dieu-markdown');
    const text = load('chuong-dieu-text');
    expect(shape(text.tree)).toEqual(shape(markdown.tree));
  });

  it('gives every node a unique stable id and a human path', () => {
    const doc = load('chuong-dieu-markdown');
    const ids = new Set<string>();
    walkTree(doc.tree, (node) => {
      expect(ids.has(node.id)).toBe(false);
      ids.add(node.id);
    });
    expect(ids).toContain('dieu-2.khoan-2.diem-dd');
    let path = '';
    walkTree(doc.tree, (node) => {
      if (node.id === 'dieu-2.khoan-2.diem-dd') path = node.path;
    });
    expect(path).toBe('Chương II › Điều 2 › khoản 2 › điểm đ');
  });

  it('reads a chapter title written on the line after "CHƯƠNG I"', () => {
    const [chapter] = load('chuong-dieu-text').tree;
    expect(chapter).toMatchObject({ type: 'chapter', number: 'I', heading: 'QUY ĐỊNH CHUNG' });
  });

  it('nests decimal numbers under their parents: 3.1 under Điều 3, 8.1 a) under 8.1', () => {
    const doc = load('phan-decimal');
    const paths: string[] = [];
    walkTree(doc.tree, (node) => {
      paths.push(node.path);
    });
    expect(paths).toContain('Phần 1 › Điều 3 › 3.1');
    expect(paths).toContain('Phần 2 › Điều 8 › 8.1 › 8.1 a');
  });

  it('nests Markdown bullets by list depth', () => {
    const doc = load('nested-bullets');
    const paths: string[] = [];
    walkTree(doc.tree, (node) => {
      paths.push(node.path);
    });
    expect(paths).toContain('Điều 1 › khoản 1 › ý 1 › ý 2');
    expect(paths).toContain('Điều 1 › khoản 1 › ý 2');
  });

  it('turns anomalies into warnings and keeps the text', () => {
    const doc = load('anomalies');
    const codes = doc.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'text_before_first_heading',
        'repeated_number',
        'missing_article_number',
        'article_number_sequence',
      ]),
    );
    expect(doc.stats.articles).toBe(3);
    const article5 = doc.tree[0]!.children[2]!;
    expect(article5).toMatchObject({ type: 'article', number: '5' });
    expect('text' in article5 && article5.text).toBe(
      'Lương được trả vào ngày 10 hằng tháng, kể cả tháng có ngày nghỉ lễ.',
    );
  });

  it('reads a document with no recognisable structure as one article, with a warning', () => {
    const doc = load('no-structure');
    expect(doc.stats.articles).toBe(1);
    expect(doc.warnings.map((w) => w.code)).toContain('no_structure');
    const texts: string[] = [];
    walkTree(doc.tree, (node) => {
      if (node.type !== 'table' && node.text) texts.push(node.text);
    });
    expect(texts.join(' ')).toContain('14 ngày phép năm');
    expect(texts.join(' ')).toContain('Ăn trưa 30.000 đồng');
  });
});
