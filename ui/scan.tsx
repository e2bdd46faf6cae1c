/** The scan notice of an agreement page: text from a scan, how sure, and the page images to check it against. */

import type { ScanSummary } from '../clauses/scan.ts';
import type { PageContext } from './layout.tsx';

const percent = (n: number) => `${n.toFixed(1).replace('.', ',')} %`;

export function ScanNotice(props: {
  ctx: PageContext;
  agreementId: string;
  scan: ScanSummary;
  pages: number[];
}) {
  const { ctx, agreementId, scan } = props;
  const vi = ctx.lang === 'vi';
  const page = (n: number) => (
    <a href={`/api/agreements/${agreementId}/pages/${n}.png`} target="_blank" rel="noopener">
      {vi ? `trang ${n}` : `page ${n}`}
    </a>
  );
  return (
    <section class="scan-notice">
      <p>
        <strong>{vi ? 'Văn bản từ bản quét' : 'Text from a scan'}</strong>
        {vi
          ? ` — đọc bằng nhận dạng ký tự (OCR), độ tin cậy trung bình ${percent(scan.meanConfidence)}. Đối chiếu với ảnh trang: `
          : ` — read by OCR, mean confidence ${percent(scan.meanConfidence)}. Check against the page images: `}
        {props.pages.map((n, i) => (
          <>
            {i ? ', ' : ''}
            {page(n)}
          </>
        ))}
        .
      </p>
      {scan.lowPages.length || scan.lowNodes.length ? (
        <p>
          {vi ? 'Cần kiểm tra (độ tin cậy thấp): ' : 'To check (low confidence): '}
          {scan.lowPages.map((n, i) => (
            <>
              {i ? ', ' : ''}
              {page(n)}
            </>
          ))}
          {scan.lowPages.length && scan.lowNodes.length ? '; ' : ''}
          {scan.lowNodes.slice(0, 10).map((n, i) => (
            <>
              {i ? '; ' : ''}
              <a href={`#${n.id}`}>{n.path}</a> ({percent(n.confidence)})
            </>
          ))}
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
