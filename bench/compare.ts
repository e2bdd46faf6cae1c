/**
 * Comparison benchmark: the generated corpus read by `importDocument`, then
 * the same agreements compared with the legal floors (topics, quantities,
 * measures, verdicts, law texts), with the law's words, with the next
 * agreement of the corpus as another version (against the `diff` package's
 * own `diffWords` over the same two texts), and all of them side by side in
 * one N-way table, in the same process. Prints agreements/s and each cost
 * relative to the import.
 */

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diffWords } from 'diff';
import {
  benchmarkTable,
  type Comparison,
  compareVersions,
  compareWithFloors,
  compareWithLawWording,
  walkTree,
} from '../clauses/index.ts';
import { importDocument } from '../importer/index.ts';
import { generateCorpus } from './generate.ts';
import { median, time } from './import.ts';

export function runCompareBench({ count, rounds }: { count: number; rounds: number }): void {
  const files = generateCorpus(join('bench', 'out', `corpus-${count}`), count);
  const documents = files.map((file) => ({ name: basename(file), bytes: readFileSync(file) }));
  const agreements = documents.map((d) => importDocument(d.bytes, { filename: d.name }));
  const ids = agreements.map((a, i) => ({ ...a, id: `a${i}`, importedAt: '' }));
  const texts = ids.map((a) => {
    const parts: string[] = [];
    walkTree(a.tree, (node) => {
      parts.push(node.type === 'table' ? node.rows.flat().join(' ') : node.text);
    });
    return parts.join('\n');
  });
  const imports: number[] = [];
  const comparisons: number[] = [];
  const wordings: number[] = [];
  const versions: number[] = [];
  const rawDiffs: number[] = [];
  const tables: number[] = [];
  let rows = 0;
  let compared: Comparison[] = [];
  for (let round = 0; round <= rounds; round++) {
    const importSeconds = time(() => {
      for (const d of documents) importDocument(d.bytes, { filename: d.name });
    });
    rows = 0;
    const compareSeconds = time(() => {
      compared = ids.map((agreement) => compareWithFloors(agreement, { on: '2026-11-23' }));
      for (const c of compared) rows += c.rows.length;
    });
    const wordingSeconds = time(() => {
      for (const [i, agreement] of ids.entries()) compareWithLawWording(agreement.tree, compared[i]);
    });
    const versionSeconds = time(() => {
      for (const [i, agreement] of ids.entries())
        compareVersions(agreement, ids[(i + 1) % ids.length]!, { on: '2026-11-23' });
    });
    const rawDiffSeconds = time(() => {
      for (const [i, text] of texts.entries()) diffWords(text, texts[(i + 1) % texts.length]!);
    });
    const tableSeconds = time(() => {
      benchmarkTable(
        ids.map((agreement, i) => ({ agreement, comparison: compared[i]! })),
        { topics: ['meal', 'overtime', 'annual_leave'] },
      );
    });
    if (round === 0) continue; // warm-up
    imports.push(importSeconds);
    comparisons.push(compareSeconds);
    wordings.push(wordingSeconds);
    versions.push(versionSeconds);
    rawDiffs.push(rawDiffSeconds);
    tables.push(tableSeconds);
  }
  const importMedian = median(imports);
  const compareMedian = median(comparisons);
  console.log(
    `Corpus: ${count} agreements, ${rows} measured clauses, median of ${rounds} rounds after one warm-up`,
  );
  console.log('| step | agreements/s | ms per agreement | ratio to importDocument |');
  console.log('|---|---:|---:|---:|');
  for (const [label, seconds] of [
    ['importDocument (no storage)', importMedian],
    ['compareWithFloors', compareMedian],
    ['compareWithLawWording (given the comparison)', median(wordings)],
    ['compareVersions (with the next agreement, floors included)', median(versions)],
    ['diff package diffWords on the same two texts', median(rawDiffs)],
  ] as const) {
    console.log(
      `| ${label} | ${(count / seconds).toFixed(0)} | ${((seconds / count) * 1000).toFixed(2)} | ${(importMedian / seconds).toFixed(2)}× |`,
    );
  }
  console.log(
    `benchmarkTable over all ${count} agreements (3 topics, one call): ${(median(tables) * 1000).toFixed(1)} ms`,
  );
}
