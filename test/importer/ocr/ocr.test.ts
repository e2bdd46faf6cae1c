import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { compareWithFloors, walkTree } from '../../../clauses/index.ts';
import type { StructureNode } from '../../../clauses/types.ts';
import { importFile, type OcrProgress, renderPdfPagePng } from '../../../importer/index.ts';
import { vieDataPath } from '../../../importer/ocr/index.ts';
import { toScannedPdf } from '../../../scripts/scan-fixture.ts';
import { agreementPhotos, typedAgreement } from './samples.ts';

const require = createRequire(import.meta.url);

/** Page 1 typed, page 2 the scan of its typed version: a mixed PDF. */
async function mixedAgreement(): Promise<Uint8Array> {
  const typed = await typedAgreement();
  const scanned = await PDFDocument.load(
    await toScannedPdf(typed, {
      dpi: 220,
      pages: [2],
      rotate: 1,
      noise: 0.0005,
      stamp: false,
      signature: false,
    }),
  );
  const out = await PDFDocument.load(typed);
  out.removePage(1);
  const [page] = await out.copyPages(scanned, [0]);
  out.addPage(page!);
  return out.save();
}

/** Imports photos in a child process whose network calls all throw; its last line of output. */
async function importOffline(photos: string[], timeout: number): Promise<string> {
  const args = [
    '--import',
    require.resolve('./no-network.mjs'),
    '--import',
    'tsx',
    require.resolve('./import-photo.ts'),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, [...args, ...photos], { timeout });
  return stdout;
}

describe('scanned agreements (OCR)', () => {
  it('reads a mixed PDF page by page: the typed page from its text layer, the scanned one by OCR', async () => {
    const progress: OcrProgress[] = [];
    const draft = await importFile(await mixedAgreement(), {
      filename: 'ban-quet.pdf',
      onProgress: (p) => progress.push(p),
    });
    const articles: StructureNode[] = [];
    walkTree(draft.tree, (node) => {
      if (node.type === 'article') articles.push(node as StructureNode);
    });
    expect(articles.map((a) => [a.number, a.heading, a.position?.start.page])).toEqual([
      ['1', 'Thời giờ làm việc', 1],
      ['2', 'Nghỉ hằng năm', 2],
      ['3', 'Nghỉ việc riêng', 2],
    ]);
    // Only the scanned page carries an OCR confidence.
    expect(articles[0]!.ocr).toBeUndefined();
    expect(articles[1]!.ocr?.confidence).toBeGreaterThan(70);
    expect(progress.map((p) => p.message)).toEqual(['đang nhận dạng trang 1/1']);
    expect(draft.report?.summary[0]?.message).toMatch(
      /^Văn bản từ bản quét \(OCR\) — 1 trang nhận dạng, 1 trang có lớp chữ; độ tin cậy trung bình \d+,\d %\.$/,
    );
    expect(draft.warnings.map((w) => w.code)).toContain('scanned_text');
    // The same verdicts as typed: 14 days of annual leave is above the floor of 12.
    const rows = compareWithFloors(draft, { on: '2026-01-01' }).rows;
    expect(rows.find((r) => r.subject === 'annual_leave')).toMatchObject({
      verdict: 'above',
      measure: { value: 14 },
    });
  }, 120_000);

  it('imports a photo with the network refused: the OCR data and core come from node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cba-ocr-'));
    const photo = join(dir, 'anh.png');
    writeFileSync(photo, (await renderPdfPagePng(await typedAgreement(), 2, 200))!);
    const stdout = await importOffline([photo], 110_000);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      fetchRefused: true,
      format: 'image',
      articles: 2,
      headings: ['Nghỉ hằng năm', 'Nghỉ việc riêng'],
      ocr: true,
    });
    expect(vieDataPath()).not.toMatch(/^https?:/);
  }, 120_000);

  it('imports a set of phone photos as one agreement with the network refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cba-ocr-'));
    const files = (await agreementPhotos()).map((png, i) => {
      const file = join(dir, `trang-${i + 1}.png`);
      writeFileSync(file, png);
      return file;
    });
    const stdout = await importOffline(files, 170_000);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      fetchRefused: true,
      format: 'pdf',
      articles: 3,
      headings: ['Thời giờ làm việc', 'Nghỉ hằng năm', 'Nghỉ việc riêng'],
      ocr: true,
    });
  }, 180_000);

  it('refuses more pages than the limit before reading any', async () => {
    await expect(
      importFile(await toScannedPdf(await typedAgreement(), { dpi: 72 }), {
        filename: 'dai.pdf',
        ocr: { maxPages: 1 },
      }),
    ).rejects.toMatchObject({ code: 'ocr_too_many_pages' });
  });
});
