/**
 * Plain-text rendering of an agreement for the terminal: metadata, then the
 * clause tree indented by level.
 */

import { getIndustry } from '../clauses/industries.ts';
import type { Agreement, ClauseNode } from '../clauses/types.ts';

const NUMBER_STYLE: Partial<Record<ClauseNode['type'], (n: string) => string>> = {
  part: (n) => `PHẦN ${n}`,
  chapter: (n) => `Chương ${n}`,
  section: (n) => `Mục ${n}`,
  article: (n) => `Điều ${n}`,
  clause: (n) => `${n}.`,
  point: (n) => `${n})`,
  item: (n) => n,
};

/** The agreement as indented text. */
export function formatAgreement(agreement: Agreement): string {
  const { meta } = agreement;
  const out: string[] = [];
  const row = (label: string, value: unknown) => {
    if (value !== undefined && value !== '') out.push(`${label.padEnd(22)} ${value}`);
  };
  row('Mã / id', agreement.id);
  row('Tên / title', meta.title);
  row('NSDLĐ / employer', meta.employer);
  row('Công đoàn / union', meta.unionSide);
  row('Ngành / industry', meta.industry && (getIndustry(meta.industry)?.name ?? meta.industry));
  row('Tỉnh / province', meta.province);
  row('Khu vực / district', meta.district);
  row('CĐ cấp trên / superior', meta.superiorUnion);
  row('Ký / signed', [meta.signingPlace, meta.signedOn].filter(Boolean).join(', '));
  row('Hiệu lực / effective', meta.effectiveOn);
  row('Thời hạn / term', meta.termMonths && `${meta.termMonths} tháng`);
  row('Hết hạn / expires', meta.expiresOn);
  row('Vùng / wage region', meta.wageRegion);
  row('Cảnh báo / warnings', agreement.warnings.length || undefined);
  out.push('');
  const walk = (nodes: readonly ClauseNode[], depth: number) => {
    for (const node of nodes) {
      const indent = '  '.repeat(depth);
      if (node.type === 'table') {
        for (const r of node.rows) out.push(`${indent}| ${r.join(' | ')} |`);
      } else {
        const number =
          node.number !== undefined
            ? (NUMBER_STYLE[node.type]?.(node.number) ?? node.number)
            : node.type === 'item'
              ? '-'
              : '';
        const head = [number, node.heading].filter(Boolean).join('. ');
        const line = [head, node.text].filter(Boolean).join(node.heading ? `\n${indent}  ` : ' ');
        if (line) out.push(`${indent}${line}`);
        walk(node.children, depth + 1);
      }
    }
  };
  walk(agreement.tree, 0);
  return out.join('\n');
}
