/**
 * Import benchmark: the generated corpus through the whole import (decode,
 * remark-parse, tree, metadata, SQLite insert with the original bytes, one
 * transaction per agreement) against bare remark-parse over the same files,
 * in the same process. Prints agreements/s and the ratio.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { importDocument } from '../importer/index.ts';
import { type Library, openLibrary } from '../library/index.ts';
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

interface Rate {
  wall: number;
  cpu: number;
}

/** Stores drafts read beforehand, one transaction each; ms wall and CPU per agreement. */
function store(library: Library, drafts: ReadonlyArray<{ bytes: Buffer; name: string }>): Rate {
  const read = drafts.map((d) => ({ bytes: d.bytes, draft: importDocument(d.bytes, { filename: d.name }) }));
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const { bytes, draft } of read) library.add(draft, bytes);
  const used = process.cpuUsage(cpu);
  return {
    wall: (performance.now() - start) / drafts.length,
    cpu: (used.user + used.system) / 1000 / drafts.length,
  };
}

/**
 * Import throughput into a big library (built once, `--library <dir>`) against an empty one, interleaved in
 * one process: batches of agreements the big library does not hold are read, then stored, alternately into
 * each; what was added to the big library is removed after, so it can be used again.
 */
export function runImportAtScale({
  library: dir,
  count,
  rounds,
}: {
  library: string;
  count: number;
  rounds: number;
}) {
  const corpus = join('bench', 'out', 'search-corpus');
  const big = openLibrary(dir);
  const held = big.counts().agreements;
  // The generated corpus is imported in file order: files past the library's count are not in it.
  const names = readdirSync(corpus)
    .sort()
    .slice(held + 100, held + 100 + count * 2 * rounds);
  const files = names.map((name) => ({ name, bytes: readFileSync(join(corpus, name)) }));
  if (files.length < count * 2 * rounds)
    throw new Error(`${corpus} has too few files past ${held}: generate more`);
  const emptyDir = mkdtempSync(join(tmpdir(), 'cba-bench-'));
  const empty = openLibrary(emptyDir);
  const results = { empty: [] as Rate[], big: [] as Rate[] };
  try {
    for (let round = 0; round < rounds; round++) {
      const part = files.slice(round * 2 * count, (round + 1) * 2 * count);
      results.empty.push(store(empty, part.slice(0, count)));
      results.big.push(store(big, part.slice(count)));
    }
  } finally {
    big.transaction(() => {
      for (const { bytes } of files) {
        const stored = big.findBySha256(sha256(bytes));
        if (stored) big.remove(stored.id);
      }
    });
    big.close();
    empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  const mid = (list: Rate[]) => ({
    wall: median(list.map((r) => r.wall)),
    cpu: median(list.map((r) => r.cpu)),
  });
  const e = mid(results.empty);
  const b = mid(results.big);
  console.log(
    `Storing read agreements (library.add: tree, bytes, search documents; one transaction each), ${count} a batch, ${rounds} batches each, interleaved; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| library | agreements/s (wall) | ms CPU an agreement | agreements/s by CPU |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| empty | ${(1000 / e.wall).toFixed(0)} | ${e.cpu.toFixed(1)} | ${(1000 / e.cpu).toFixed(0)} |`,
  );
  console.log(
    `| ${dir} (${held.toLocaleString('en')} agreements) | ${(1000 / b.wall).toFixed(0)} | ${b.cpu.toFixed(1)} | ${(1000 / b.cpu).toFixed(0)} |`,
  );
  const ratio = b.cpu / e.cpu;
  console.log(
    `Cost at this size ÷ empty (CPU): ${ratio.toFixed(2)}× — target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'not met'}`,
  );
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
