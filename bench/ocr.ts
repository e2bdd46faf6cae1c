/**
 * `npm run bench -- ocr [--dpi 150,300] [--raw] [--docs N]`: our sample
 * agreements' PDFs (fixtures/formats) scanned (noise, a 1–2° turn, a red
 * stamp and a signature on the last page) and read back by OCR. Measures the
 * character and word error rates against the typed text (with diacritics and
 * folded), the share of article headings recovered, the comparison verdicts
 * against the typed original's, and seconds per page. `--raw` hands the pages
 * to tesseract without our clean-up (two-tone, straightening), to see what it buys.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compareWithFloors } from '../clauses/compare.ts';
import { foldText } from '../clauses/text.ts';
import { walkTree } from '../clauses/tree.ts';
import type { AgreementDraft } from '../clauses/types.ts';
import { fromPdfText } from '../importer/import-document.ts';
import { importFile, pdfToText } from '../importer/index.ts';
import { type OcrPage, ocrPages } from '../importer/ocr/index.ts';
import type { OcrReader } from '../importer/pdf-reader.ts';
import { toScannedPdf } from '../scripts/scan-fixture.ts';

export interface OcrBenchOptions {
  dpi: number[];
  raw: boolean;
  docs: number;
  /** Only the sample PDFs whose name holds this. */
  only?: string;
  /** A folder where what tesseract read is kept (by the scan's bytes), so clean-up rules can be tried again fast. */
  cache?: string;
}

/**
 * ocrPages through a folder of earlier readings, keyed by the typed PDF's sha256 and the scan's options (the
 * scan's own bytes hold pdf-lib's creation date, so they differ at every run).
 */
function cachedReader(folder: string, typed: Uint8Array, key: string): OcrReader {
  return async (inputs, options) => {
    const file = join(folder, `${createHash('sha256').update(typed).digest('hex').slice(0, 16)}-${key}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OcrPage[];
    const pages = await ocrPages(inputs, options);
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, JSON.stringify(pages));
    return pages;
  };
}

/** Levenshtein distance over two sequences (characters or words), in O(n·m) time and O(m) memory. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = new Uint32Array(b.length + 1).map((_, i) => i);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const rate = (reference: readonly string[], read: readonly string[]) =>
  editDistance(reference, read) / Math.max(1, reference.length);

function headings(draft: AgreementDraft): Set<string> {
  const out = new Set<string>();
  walkTree(draft.tree, (node) => {
    if (node.type === 'article') out.add(foldText(`${node.number} ${node.heading ?? ''}`));
  });
  return out;
}

function verdicts(draft: AgreementDraft): string[] {
  return compareWithFloors(draft, { on: '2026-01-01' })
    .rows.map((r) => `${r.subject}:${r.measure.value}:${r.verdict}`)
    .sort();
}

export async function runOcrBench(options: OcrBenchOptions): Promise<void> {
  const folder = join(import.meta.dirname, '..', 'fixtures', 'formats');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.pdf') && (!options.only || f.includes(options.only)))
    .slice(0, options.docs);
  console.log(
    `OCR bench: ${files.length} sample PDFs scanned at ${options.dpi.join(', ')} dpi${options.raw ? ' (no clean-up)' : ''}`,
  );
  for (const dpi of options.dpi) {
    const totals = { cer: 0, cerFolded: 0, wer: 0, werFolded: 0, chars: 0, words: 0 };
    let headingsFound = 0;
    let headingsAll = 0;
    let verdictsSame = 0;
    let verdictsAll = 0;
    let seconds = 0;
    let cpuSeconds = 0;
    let pages = 0;
    let confidence = 0;
    for (const file of files) {
      const typedBytes = readFileSync(join(folder, file));
      const reference = squash((await pdfToText(typedBytes, file)).text);
      const typed = await importFile(typedBytes, { filename: file });
      const scanBytes = await toScannedPdf(typedBytes, { dpi });
      const started = Date.now();
      const cpuStarted = process.cpuUsage();
      const read = await pdfToText(scanBytes, file, {
        ocr: {
          clean: !options.raw,
          ...(options.cache
            ? { read: cachedReader(options.cache, typedBytes, `${dpi}-${options.raw ? 'raw' : 'clean'}`) }
            : {}),
        },
      });
      const took = (Date.now() - started) / 1000;
      // The whole process's CPU (tesseract reads in a worker thread of it): the machine's load does not inflate it.
      const cpuUsed = process.cpuUsage(cpuStarted);
      const cpuTook = (cpuUsed.user + cpuUsed.system) / 1e6;
      const scanned = fromPdfText(read, 'pdf', scanBytes, file, { filename: file });
      const text = squash(read.text);
      const chars = rate([...reference], [...text]);
      const charsFolded = rate([...foldText(reference)], [...foldText(text)]);
      const words = rate(reference.split(' '), text.split(' '));
      const wordsFolded = rate(foldText(reference).split(' '), foldText(text).split(' '));
      const wanted = headings(typed);
      const got = headings(scanned);
      const found = [...wanted].filter((h) => got.has(h)).length;
      const typedVerdicts = verdicts(typed);
      const scanVerdicts = verdicts(scanned);
      const left = [...scanVerdicts];
      let same = 0;
      for (const v of typedVerdicts) {
        const at = left.indexOf(v);
        if (at >= 0) {
          same++;
          left.splice(at, 1);
        }
      }
      const meanConfidence = read.scan!.confidence.reduce((a, b) => a + b, 0) / read.scan!.confidence.length;
      console.log(
        `  ${dpi} dpi ${file}: ${read.pageCount} pages, CER ${(chars * 100).toFixed(2)} % (folded ${(charsFolded * 100).toFixed(2)} %), WER ${(words * 100).toFixed(2)} % (folded ${(wordsFolded * 100).toFixed(2)} %), headings ${found}/${wanted.size}, verdicts ${same}/${typedVerdicts.length} same (${scanVerdicts.length} read), confidence ${meanConfidence.toFixed(1)}, ${(took / read.pageCount).toFixed(1)} s/page (CPU ${(cpuTook / read.pageCount).toFixed(1)} s)`,
      );
      if (found < wanted.size)
        console.log(`    missing headings: ${[...wanted].filter((h) => !got.has(h)).join(' · ')}`);
      if (same < typedVerdicts.length)
        console.log(
          `    verdicts differ: typed only ${typedVerdicts.filter((v) => !scanVerdicts.includes(v)).join(' ')} · scan only ${scanVerdicts.filter((v) => !typedVerdicts.includes(v)).join(' ')}`,
        );
      totals.cer += chars * reference.length;
      totals.cerFolded += charsFolded * reference.length;
      totals.chars += reference.length;
      totals.wer += words * reference.split(' ').length;
      totals.werFolded += wordsFolded * reference.split(' ').length;
      totals.words += reference.split(' ').length;
      headingsFound += found;
      headingsAll += wanted.size;
      verdictsSame += same;
      verdictsAll += typedVerdicts.length;
      seconds += took;
      cpuSeconds += cpuTook;
      pages += read.pageCount;
      confidence += meanConfidence * read.pageCount;
    }
    console.log(
      `${dpi} dpi: CER ${((totals.cer / totals.chars) * 100).toFixed(2)} % (folded ${((totals.cerFolded / totals.chars) * 100).toFixed(2)} %), WER ${((totals.wer / totals.words) * 100).toFixed(2)} % (folded ${((totals.werFolded / totals.words) * 100).toFixed(2)} %), headings ${headingsFound}/${headingsAll}, verdicts ${verdictsSame}/${verdictsAll} same, mean confidence ${(confidence / pages).toFixed(1)}, ${(seconds / pages).toFixed(1)} s/page (CPU ${(cpuSeconds / pages).toFixed(1)} s) over ${pages} pages, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  }
}
