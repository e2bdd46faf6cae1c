/**
 * What an import of a scan says about how sure its reading is: that the
 * text came from a scan, the mean OCR confidence, and the pages and clauses
 * below the threshold — as report lines and as warnings kept with the
 * agreement (so its page says it too).
 */

import { OCR_LOW_CONFIDENCE, scanSummary } from '../clauses/scan.ts';
import type { ClauseNode, ImportMessage, ImportWarning } from '../clauses/types.ts';
import type { ScanReading } from './pdf-reader.ts';

export interface ScanReport {
  summary: ImportMessage[];
  technical: string[];
  warnings: ImportWarning[];
}

const percent = (n: number) => `${n.toFixed(1).replace('.', ',')} %`;
const list = (pages: readonly number[]) => pages.join(', ');

/** The report lines and warnings of a scan's import. */
export function scanReport(scan: ScanReading, tree: readonly ClauseNode[], pageCount: number): ScanReport {
  const summary = scanSummary(tree);
  const pageMean = scan.confidence.reduce((a, b) => a + b, 0) / Math.max(1, scan.confidence.length);
  const mean = summary?.meanConfidence ?? Math.round(pageMean * 10) / 10;
  const lowPages = scan.pages.filter((_, i) => scan.confidence[i]! < OCR_LOW_CONFIDENCE);
  for (const page of summary?.lowPages ?? []) if (!lowPages.includes(page)) lowPages.push(page);
  lowPages.sort((a, b) => a - b);
  const typed = pageCount - scan.pages.length;
  const warnings: ImportWarning[] = [
    {
      code: 'scanned_text',
      message: `Văn bản từ bản quét: ${scan.pages.length}/${pageCount} trang đọc bằng nhận dạng ký tự (OCR), độ tin cậy trung bình ${percent(mean)}; hãy đối chiếu với ảnh trang.`,
      messageEn: `Text from a scan: ${scan.pages.length}/${pageCount} pages read by OCR, mean confidence ${percent(mean)}; check it against the page images.`,
    },
  ];
  const low = summary?.lowNodes ?? [];
  if (lowPages.length || low.length)
    warnings.push({
      code: 'scan_low_confidence',
      message: `Đọc kém chắc chắn (dưới ${OCR_LOW_CONFIDENCE} %): ${lowPages.length ? `trang ${list(lowPages)}` : ''}${lowPages.length && low.length ? '; ' : ''}${
        low.length
          ? `${low.length} đoạn (${low
              .slice(0, 5)
              .map((n) => n.path)
              .join('; ')}${low.length > 5 ? '; …' : ''})`
          : ''
      }.`,
      messageEn: `Read with low confidence (below ${OCR_LOW_CONFIDENCE} %): ${lowPages.length ? `page ${list(lowPages)}` : ''}${lowPages.length && low.length ? '; ' : ''}${low.length ? `${low.length} clauses` : ''}.`,
    });
  return {
    summary: [
      {
        kind: 'note',
        message: `Văn bản từ bản quét (OCR) — ${scan.pages.length} trang nhận dạng${typed ? `, ${typed} trang có lớp chữ` : ''}; độ tin cậy trung bình ${percent(mean)}.`,
        messageEn: `Text from a scan (OCR) — ${scan.pages.length} pages recognised${typed ? `, ${typed} typed pages` : ''}; mean confidence ${percent(mean)}.`,
      },
    ],
    technical: [
      `OCR: tesseract.js vie, ${scan.seconds.toFixed(1)} s; độ tin cậy từng trang: ${scan.pages.map((p, i) => `${p}: ${Math.round(scan.confidence[i]!)}`).join(', ')}`,
      ...(scan.skew.some((s) => s !== 0)
        ? [`OCR: trang được xoay thẳng lại ${scan.pages.map((p, i) => `${p}: ${scan.skew[i]}°`).join(', ')}`]
        : []),
    ],
    warnings,
  };
}
