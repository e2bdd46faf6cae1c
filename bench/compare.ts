/**
 * Comparison benchmark: the generated corpus read by `importDocument`, then
 * the same agreements compared with the legal floors (topics, quantities,
 * measures, verdicts, law texts), in the same process. Prints agreements/s
 * and the cost of the comparison relative to the import.
 */

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compareWithFloors } from '../clauses/index.ts';
import { importDocument } from '../importer/index.ts';
import { generateCorpus } from './generate.ts';
import { median, time } from './import.ts';

export function runCompareBench({ count, rounds }: { count: number; rounds: number }): void {
  const files = generateCorpus(join('bench', 'out', `corpus-${count}`), count);
  const documents = files.map((file) => ({ name: basename(file), bytes: readFileSync(file) }));
  const agreements = documents.map((d) => importDocument(d.bytes, { filename: d.name }));
  const imports: number[] = [];
  const comparisons: number[] = [];
  let rows = 0;
  for (let round = 0; round <= rounds; round++) {
    const importSeconds = time(() => {
      for (const d of documents) importDocument(d.bytes, { filename: d.name });
    });
    rows = 0;
    const compareSeconds = time(() => {
      for (const agreement of agreements)
        rows += compareWithFloors(agreement, { on: '2026-11-23' }).rows.length;
    });
    if (round === 0) continue; // warm-up
    imports.push(importSeconds);
    comparisons.push(compareSeconds);
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
  ] as const) {
    console.log(
      `| ${label} | ${(count / seconds).toFixed(0)} | ${((seconds / count) * 1000).toFixed(2)} | ${(importMedian / seconds).toFixed(2)}× |`,
    );
  }
}
