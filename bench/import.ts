/**
 * Import benchmark: the generated corpus through the whole import (decode,
 * remark-parse, tree, metadata, SQLite insert with the original bytes, one
 * transaction per agreement) against bare remark-parse over the same files,
 * in the same process. Prints agreements/s and the ratio.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { importDocument } from '../importer/index.ts';
import { openLibrary } from '../library/index.ts';
import { generateCorpus } from './generate.ts';

export interface ImportBenchOptions {
  count: number;
  rounds: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function runImportBench({ count, rounds }: ImportBenchOptions): void {
  const corpusDir = join('bench', 'out', `corpus-${count}`);
  const files = generateCorpus(corpusDir, count);
  const documents = files.map((file) => ({ name: basename(file), bytes: readFileSync(file) }));
  const texts = documents.map((d) => d.bytes.toString('utf8'));
  const megabytes = documents.reduce((n, d) => n + d.bytes.length, 0) / 1024 / 1024;

  const bare = unified().use(remarkParse);
  const withPlugins = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const measurements = {
    bare: [] as number[],
    plugins: [] as number[],
    parseOnly: [] as number[],
    full: [] as number[],
  };

  for (let round = 0; round <= rounds; round++) {
    const bareSeconds = time(() => {
      for (const text of texts) bare.parse(text);
    });
    const pluginSeconds = time(() => {
      for (const text of texts) withPlugins.parse(text);
    });
    const parseOnlySeconds = time(() => {
      for (const d of documents) importDocument(d.bytes, { filename: d.name });
    });
    const dir = mkdtempSync(join(tmpdir(), 'cba-bench-'));
    const library = openLibrary(dir);
    const fullSeconds = time(() => {
      for (const d of documents) library.add(importDocument(d.bytes, { filename: d.name }), d.bytes);
    });
    library.close();
    rmSync(dir, { recursive: true, force: true });
    if (round === 0) continue; // warm-up: JIT and file cache
    measurements.bare.push(bareSeconds);
    measurements.plugins.push(pluginSeconds);
    measurements.parseOnly.push(parseOnlySeconds);
    measurements.full.push(fullSeconds);
  }

  const rate = (seconds: number) => count / seconds;
  const bare1 = median(measurements.bare);
  const rows: Array<[string, number]> = [
    ['bare remark-parse', bare1],
    ['remark-parse + frontmatter', median(measurements.plugins)],
    ['importDocument (no storage)', median(measurements.parseOnly)],
    ['end-to-end import into SQLite', median(measurements.full)],
  ];
  console.log(
    `Corpus: ${count} agreements, ${megabytes.toFixed(1)} MB, median of ${rounds} rounds after one warm-up`,
  );
  console.log('| pipeline | agreements/s | MB/s | ratio to bare remark-parse |');
  console.log('|---|---:|---:|---:|');
  for (const [label, seconds] of rows) {
    console.log(
      `| ${label} | ${rate(seconds).toFixed(0)} | ${(megabytes / seconds).toFixed(2)} | ${(bare1 / seconds).toFixed(2)}× |`,
    );
  }
}
