/**
 * What an import says to people: in a few Vietnamese lines, what was found
 * (employer, dates, province, articles, numbers) and what is missing; the
 * Word and PDF readers' own messages apart, as technical details.
 */

import { describeProvince } from '../clauses/provinces.ts';
import { extractQuantities } from '../clauses/quantities.ts';
import { walkTree } from '../clauses/tree.ts';
import type { AgreementDraft, ImportMessage, ImportReport } from '../clauses/types.ts';

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Summarises a draft for the person who imported it.
 *
 * @param draft the imported agreement
 * @param technical the readers' messages (mammoth, pdf.js), kept apart from the warnings
 */
export function summarizeImport(draft: AgreementDraft, technical: readonly string[] = []): ImportReport {
  const { meta, stats } = draft;
  const summary: ImportMessage[] = [];
  const found = (message: string, messageEn: string) => summary.push({ kind: 'found', message, messageEn });

  if (meta.employer) {
    const parent = meta.parentGroup ? ` (thuộc ${meta.parentGroup})` : '';
    const parentEn = meta.parentGroup ? ` (part of ${meta.parentGroup})` : '';
    found(`Người sử dụng lao động: ${meta.employer}${parent}.`, `Employer: ${meta.employer}${parentEn}.`);
  }
  if (meta.unionSide) found(`Đại diện người lao động: ${meta.unionSide}.`, `Worker side: ${meta.unionSide}.`);
  if (meta.signatories.length > 0) {
    const names = meta.signatories.map((s) => (s.title ? `${s.name} (${s.title})` : s.name)).join(', ');
    found(`Người ký: ${names}.`, `Signed by: ${names}.`);
  }
  const dates: Array<[string, string, string | undefined]> = [
    ['ký ngày', 'signed on', meta.signedOn],
    ['hiệu lực từ', 'in force from', meta.effectiveOn],
    ['hết hạn', 'expires on', meta.expiresOn],
  ];
  const known = dates.filter((d) => d[2] !== undefined);
  if (known.length > 0) {
    const place = meta.signingPlace ? ` tại ${meta.signingPlace}` : '';
    found(
      `Ngày: ${known.map(([vi, , d]) => `${vi} ${viDate(d!)}`).join(', ')}${place}.`,
      `Dates: ${known.map(([, en, d]) => `${en} ${viDate(d!)}`).join(', ')}${meta.signingPlace ? ` in ${meta.signingPlace}` : ''}.`,
    );
  }
  if (meta.province) {
    const { vi, en } = describeProvince(meta.province);
    found(`Tỉnh/thành phố: ${vi}.`, `Province: ${en}.`);
  }
  let numbers = 0;
  walkTree(draft.tree, (node) => {
    if (node.type !== 'table') numbers += extractQuantities(node.text).length;
  });
  found(
    `Đã đọc ${stats.articles} điều, ${stats.clauses} khoản; ${numbers} con số (tiền, ngày, phần trăm…).`,
    `Read ${stats.articles} articles, ${stats.clauses} clauses; ${numbers} numbers (amounts, days, percentages…).`,
  );

  const missing = draft.warnings.filter((w) => w.code === 'metadata_missing');
  if (missing.length > 0) {
    summary.push({
      kind: 'missing',
      message: `Chưa tìm thấy (cần điền tay): ${missing.map((w) => fieldName(w.message)).join(', ')}.`,
      messageEn: `Not found (to fill in by hand): ${missing.map((w) => fieldName(w.messageEn)).join(', ')}.`,
    });
  }
  const others =
    draft.warnings.length -
    missing.length -
    draft.warnings.filter((w) => w.code === 'metadata_derived').length;
  if (others > 0) {
    summary.push({
      kind: 'note',
      message: `${others} cảnh báo về cấu trúc văn bản: xem danh sách bên dưới.`,
      messageEn: `${others} warnings about the document's structure: see the list below.`,
    });
  }
  return { summary, technical: [...technical] };
}

/** "Không tìm thấy ngày ký trong văn bản." → "ngày ký"; "No signing date found in the text." → "signing date". */
function fieldName(message: string): string {
  return (
    /^Không tìm thấy (.+?)(?: \(.*\))? trong văn bản\.$/u.exec(message)?.[1] ??
    /^Văn bản để trống (.+?) \(/u.exec(message)?.[1] ??
    /^No (.+?) found in the text\.$/u.exec(message)?.[1] ??
    /^The (.+?) is left blank/u.exec(message)?.[1] ??
    message
  );
}
