import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BusyError, ImportError } from '../../clauses/errors.ts';
import { importFile, type OcrProgress } from '../../importer/index.ts';
import { toScannedPdf } from '../../scripts/scan-fixture.ts';
import { statusOf } from '../../server/errors.ts';
import { createParsePool } from '../../server/parse-pool.ts';
import { readSample } from '../helpers.ts';
import { typedAgreement } from '../importer/ocr/samples.ts';

const SAMPLE = 'det-may-phu-hung-2021.md';

describe('the parse pool', { timeout: 60_000 }, () => {
  const pool = createParsePool({ workers: 1, timeoutMs: 30_000, memoryMb: 512 });
  afterAll(() => pool.close());

  it('reads a document in a worker into the same draft as in this process', async () => {
    const bytes = readSample(SAMPLE);
    const inWorker = await pool.read(bytes, { filename: SAMPLE });
    const here = await importFile(bytes, { filename: SAMPLE });
    expect(inWorker).toEqual(here);
  });

  it('checks a draft against the law in a worker', async () => {
    const { draft, comparison } = await pool.check(readSample(SAMPLE), {
      filename: SAMPLE,
      on: '2026-01-01',
    });
    expect(draft.stats.clauses).toBeGreaterThan(0);
    expect(comparison.rows.length).toBeGreaterThan(0);
  });

  it('keeps the class and code of an import error thrown in the worker', async () => {
    const yaml = new TextEncoder().encode('---\nnganh: [chưa đóng\n---\n# Điều 1. Thời giờ làm việc\n');
    const failure = await pool.read(yaml, { filename: 'a.md' }).catch((e) => e);
    expect(failure).toBeInstanceOf(ImportError);
    expect(failure).toMatchObject({ code: 'invalid_front_matter', location: { file: 'a.md', line: 2 } });
    expect(failure.messageVi).toMatch(/Front matter YAML/);
  });

  it('tells the page being read of a multi-page scan, from the worker through a message port', async () => {
    const scan = await toScannedPdf(await typedAgreement(), { dpi: 150, stamp: false, signature: false });
    const progress: OcrProgress[] = [];
    const draft = await pool.read(scan, { filename: 'ban-quet.pdf', onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => p.message)).toEqual(['đang nhận dạng trang 1/2', 'đang nhận dạng trang 2/2']);
    expect(progress.map((p) => p.page)).toEqual([1, 2]);
    expect(draft.warnings.map((w) => w.code)).toContain('scanned_text');
  }, 180_000);

  it('draws a PDF report in a worker', async () => {
    const { comparison } = await pool.check(readSample(SAMPLE), { filename: SAMPLE, on: '2026-01-01' });
    const pdf = await pool.draw({ report: 'check', data: { filename: SAMPLE, comparison } });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('a task past its limits', { timeout: 60_000 }, () => {
  it('is ended at its time limit (counted from when a loaded worker takes it) with an ImportError', async () => {
    const pool = createParsePool({ workers: 1, timeoutMs: 1, memoryMb: 512 });
    try {
      const failure = await pool.read(readSample(SAMPLE), { filename: SAMPLE }).catch((e) => e);
      expect(failure).toBeInstanceOf(ImportError);
      expect(failure).toMatchObject({ code: 'document_too_complex' });
      expect(failure.messageVi).toMatch(/quá phức tạp/);
    } finally {
      await pool.close();
    }
  });

  it('gives a PDF the time a scan needs (its pages may be read by OCR), not the time of a text', async () => {
    const pool = createParsePool({ workers: 1, timeoutMs: 1, scanTimeoutMs: 50_000, memoryMb: 512 });
    try {
      const bytes = new Uint8Array(
        readFileSync(new URL('../../fixtures/formats/nhua-thuan-an-2024.pdf', import.meta.url)),
      );
      const draft = await pool.read(bytes, { filename: 'nhua-thuan-an-2024.pdf' });
      expect(draft.source.format).toBe('pdf');
      expect(draft.stats.articles).toBeGreaterThan(5);
    } finally {
      await pool.close();
    }
  });

  it('is ended at its memory limit with an ImportError that answers 413', async () => {
    // The time limit is far off: on a loaded machine the worker's start alone takes tens of seconds.
    const pool = createParsePool({ workers: 1, timeoutMs: 170_000, memoryMb: 192 });
    // Forty thousand articles of long lines: an honest document, too big to read within 192 MB.
    const articles = Array.from(
      { length: 40_000 },
      (_, i) =>
        `Điều ${i + 1}. Quy định số ${i + 1}\n${'Người lao động được hưởng các chế độ theo thỏa ước. '.repeat(8)}`,
    );
    try {
      const failure = await pool
        .read(new TextEncoder().encode(articles.join('\n')), {
          filename: 'lon.txt',
          maxBytes: 64 * 1024 * 1024,
        })
        .catch((e) => e);
      expect(failure).toBeInstanceOf(ImportError);
      expect(failure.code).toBe('document_too_big');
    } finally {
      await pool.close();
    }
  }, 180_000);
});

describe('the queue of the parse pool', { timeout: 120_000 }, () => {
  it('refuses a task past its bound at once with a BusyError (503) and reads the ones before it', async () => {
    const pool = createParsePool({ workers: 1, timeoutMs: 60_000, maxQueue: 1 });
    try {
      const bytes = readSample(SAMPLE);
      // Submitted in one turn: one task runs or waits for the worker to load, one waits, the third is refused.
      const tasks = [0, 1, 2].map(() =>
        pool.read(bytes, { filename: SAMPLE }).then(
          () => 'read',
          (e: unknown) => e,
        ),
      );
      expect(pool.full()).toBe(10);
      const [first, , third] = await Promise.all(tasks);
      expect(first).toBe('read');
      expect(third).toBeInstanceOf(BusyError);
      expect(statusOf(third as BusyError)).toBe(503);
      expect(third).toMatchObject({ code: 'parse_queue_full', retryAfter: 10 });
      expect(pool.full()).toBeUndefined();
    } finally {
      await pool.close();
    }
  }, 120_000);
});
