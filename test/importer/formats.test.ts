import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AgreementMeta, type ClauseNode, walkTree } from '../../clauses/index.ts';
import { importFile } from '../../importer/index.ts';
import { SAMPLE_DIR } from '../helpers.ts';

/**
 * Word and PDF versions of sample agreements (written by scripts/build-format-fixtures.ts)
 * must import to the same clause trees as their Markdown originals.
 */
const FORMATS_DIR = join(import.meta.dirname, '../../fixtures/formats');
const files = readdirSync(FORMATS_DIR).filter((f) => /\.(docx|pdf)$/.test(f));

/**
 * Metadata that differs, and why. Front matter (district, superior union) has no
 * counterpart in a Word or PDF file: the importer reads the district from the
 * address in the text instead, and the superior union is left for the import form; their provenance
 * differs accordingly (given beside the file vs read from the text).
 */
const META_DIFFERENCES: Record<string, string[]> = {
  'dien-tu-tan-phat-2025': ['district', 'provenance', 'superiorUnion'],
};

/** The tree without positions: line numbers differ between formats, and PDFs add pages. */
const withoutPositions = (tree: ClauseNode[]): unknown =>
  JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));

const sourceKinds = (meta: AgreementMeta): Record<string, string> =>
  Object.fromEntries(Object.entries(meta.provenance ?? {}).map(([field, source]) => [field, source.from]));

describe('DOCX and PDF fixtures read like their Markdown originals', () => {
  it('there are Word and PDF versions of at least two samples', () => {
    expect(files.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s', async (file) => {
    const name = file.replace(/\.(docx|pdf)$/, '');
    const original = await importFile(readFileSync(join(SAMPLE_DIR, `${name}.md`)), {
      filename: `${name}.md`,
    });
    const draft = await importFile(readFileSync(join(FORMATS_DIR, file)), { filename: file });

    expect(draft.source.format).toBe(file.endsWith('.pdf') ? 'pdf' : 'docx');
    expect(withoutPositions(draft.tree)).toEqual(withoutPositions(original.tree));
    expect(draft.stats).toEqual(original.stats);
    expect(draft.preamble).toEqual(original.preamble);

    const differing = Object.keys({ ...original.meta, ...draft.meta })
      .filter((key) => {
        const k = key as keyof typeof draft.meta;
        // Provenance names source lines, which differ between formats like positions: compare its kinds.
        if (k === 'provenance')
          return JSON.stringify(sourceKinds(draft.meta)) !== JSON.stringify(sourceKinds(original.meta));
        return JSON.stringify(draft.meta[k]) !== JSON.stringify(original.meta[k]);
      })
      .sort();
    expect(differing).toEqual(META_DIFFERENCES[name] ?? []);

    if (file.endsWith('.pdf')) {
      // Provenance: every clause knows its page, and the document runs over several pages.
      const pages: number[] = [];
      walkTree(draft.tree, (node) => pages.push(node.position?.start.page ?? 0));
      expect(Math.min(...pages)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...pages)).toBeGreaterThan(1);
      expect(pages).toEqual([...pages].sort((a, b) => a - b));
    }
  });
});
