/**
 * Template blanks: the places a model agreement leaves for the parties to fill
 * ("Trợ cấp đi lại: ………..đồng/tháng", "Quà sinh nhật: ______ đồng/người",
 * "[số tiền] đồng", "(ghi rõ)"). A blank is read with the unit written after it
 * and the subject its words give — the subject recognition of the measures, run
 * on the clause with a stand-in number where the blank is — so a blank on the
 * meal allowance is known to be one, and gets the meal allowance's suggestions.
 * A blank is never a verdict: it promises nothing yet.
 */

import { compareWithFloors } from './compare.ts';
import { readNumbers } from './measures.ts';
import { extractQuantities } from './quantities.ts';
import type { AgreementMeta, Blank, ClauseNode, StructureNode, TableNode, WageRegion } from './types.ts';

/** A blank found in a piece of text, before its subject is known. */
export interface BlankSpan {
  /** The blank as written (`………..`, `_____`, `[số tiền]`, `ngày … tháng … năm 20…`). */
  written: string;
  start: number;
  end: number;
  kind: Blank['kind'];
  /** The unit written right after it (`đồng/tháng`, `%`, `ngày`), as written. */
  unitWritten?: string;
}

const DOTS = String.raw`(?:[…]|\.{2,})(?: ?[.…])*`;
const UNDERSCORES = '_{3,}';
// `[số tiền]`, `[…]`, `[tên công ty]`: a bracket with no digit, not a Markdown link `[x](url)`.
const BRACKET = String.raw`\[[^\]\d\n]{1,30}\](?!\()`;
const WRITE_IN = String.raw`\((?:ghi\s+rõ|điền|ghi\s+cụ\s+thể)[^)\n]{0,30}\)`;
const BLANK_PART = `(?:${DOTS}|${UNDERSCORES}|${BRACKET}|${WRITE_IN})`;
const BLANK = new RegExp(BLANK_PART, 'gu');
const DATE_PART = String.raw`(?:\d{1,4})?${BLANK_PART}|\d{1,4}`;
// "ngày … tháng … năm 20…", "ngày …/…/20…": one blank, a date.
const DATE = new RegExp(
  String.raw`ngày\s*(?:${DATE_PART})\s*(?:tháng|\/)\s*(?:${DATE_PART})\s*(?:năm|\/)\s*(?:${DATE_PART})`,
  'giu',
);
const UNIT_AFTER =
  /\s*(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)\s*)?(?:%|phần\s+trăm|đồng|vnđ|vnd|đ(?![\p{L}\p{M}])|phút|giờ|ngày\s+làm\s+việc|ngày|tuần|tháng\s+(?:tiền\s+)?lương|tháng|năm|lần|buổi)(?![\p{L}\p{M}])(?:\s*(?:\/|mỗi|cho\s+mỗi)\s*[\p{L}\p{M}]+)*/iuy;

/** How much a run of dots weighs: `…` counts as three dots. */
function dotWeight(run: string): number {
  let weight = 0;
  for (const ch of run) weight += ch === '…' ? 3 : ch === '.' ? 1 : 0;
  return weight;
}

/**
 * Finds the blanks of a text: runs of dots (`………`, `....`), underscores, bracketed
 * placeholders and "(ghi rõ)", each with the unit written after it, and dates left
 * blank as one blank. A lone `…` or `...` glued to a word and followed by words is
 * an ellipsis ("sản xuất… mang lại"), not a blank.
 *
 * @example findBlankSpans('Trợ cấp đi lại: ………..đồng/tháng')[0]?.unitWritten // 'đồng/tháng'
 */
export function findBlankSpans(text: string): BlankSpan[] {
  const spans: BlankSpan[] = [];
  const dates: Array<[number, number]> = [];
  for (const m of text.matchAll(DATE)) {
    BLANK.lastIndex = 0;
    if (!BLANK.test(m[0])) continue;
    dates.push([m.index, m.index + m[0].length]);
    spans.push({ written: m[0], start: m.index, end: m.index + m[0].length, kind: 'date' });
  }
  BLANK.lastIndex = 0;
  for (const m of text.matchAll(BLANK)) {
    const start = m.index;
    const end = start + m[0].length;
    if (dates.some(([from, to]) => start < to && end > from)) continue;
    UNIT_AFTER.lastIndex = end;
    const matched = UNIT_AFTER.exec(text);
    // "Công ty ……… ngày … tháng … năm": the date's "ngày" is not the blank's unit.
    const unit =
      matched && !dates.some(([from]) => from >= end && from < end + matched[0].length) ? matched : null;
    const isDots = /^[.…]/u.test(m[0]);
    if (isDots && dotWeight(m[0]) < 4 && !unit) {
      const glued = start > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[start - 1]!);
      const wordsAfter = /^\s*[\p{L}\p{M}]/u.test(text.slice(end));
      // "…" after a word and before more words, or "..." ending a sentence: an ellipsis.
      if (glued || (wordsAfter && start > 0 && text[start - 1] !== ' ' && text[start - 1] !== ':')) continue;
      if (glued === false && /^\s*$/u.test(text.slice(end)) && /\p{L}\s*$/u.test(text.slice(0, start)))
        continue;
    }
    const span: BlankSpan = { written: m[0], start, end, kind: unit ? 'amount' : 'text' };
    if (unit) span.unitWritten = unit[0].trim();
    spans.push(span);
  }
  return mergeAdjacent(
    text,
    spans.sort((a, b) => a.start - b.start),
  );
}

/** "…………… (ghi rõ cơ quan nhận)", "____ [số tiền]": two marks with only spaces between are one blank. */
function mergeAdjacent(text: string, spans: BlankSpan[]): BlankSpan[] {
  const out: BlankSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (
      last &&
      last.kind !== 'date' &&
      span.kind !== 'date' &&
      !last.unitWritten &&
      /^\s*$/u.test(text.slice(last.end, span.start))
    ) {
      const merged: BlankSpan = {
        written: text.slice(last.start, span.end),
        start: last.start,
        end: span.end,
        kind: span.kind,
      };
      if (span.unitWritten) merged.unitWritten = span.unitWritten;
      out[out.length - 1] = merged;
    } else out.push(span);
  }
  return out;
}

/** Stand-in numbers: distinct within a clause, in a range no agreement writes for these units. */
function standIn(span: BlankSpan, k: number, textBefore: string): string {
  if (/^(?:%|phần)/iu.test(span.unitWritten ?? '')) {
    // "cộng thêm …%" is a premium below 100, "ít nhất bằng …%" a rate above it.
    return String(/thêm\s*$/iu.test(textBefore.slice(-20)) ? 11 + k : 171 + k);
  }
  return String(7001 + k);
}

interface Rewritten {
  text: string;
  spans: BlankSpan[];
  /** Stand-in number → blank. */
  blanks: Map<string, BlankSpan>;
}

function rewrite(text: string): Rewritten {
  const spans = findBlankSpans(text);
  const blanks = new Map<string, BlankSpan>();
  let out = '';
  let at = 0;
  spans.forEach((span, k) => {
    out += text.slice(at, span.start);
    if (span.kind === 'amount') {
      const number = standIn(span, k, out);
      blanks.set(number, span);
      out += ` ${number} `;
    } else out += ' ';
    at = span.end;
  });
  return { text: out + text.slice(at), blanks, spans };
}

/** The words before a blank that say what goes in it: "Trợ cấp đi lại", "ca đêm". */
function labelOf(text: string, start: number): string {
  const before = text.slice(0, start);
  const sentence = [...before.matchAll(/(?<![.…])\.\s/gu)].at(-1)?.index ?? -1;
  const stop = Math.max(sentence, ...[';', '\n', '|'].map((c) => before.lastIndexOf(c)));
  const blank = before.search(/[.…_]{3,}[^.…_]*$/u);
  let words = before.slice(Math.max(stop, blank) + 1).replace(/^[^\p{L}\p{N}]+/u, '');
  // The unit of the blank before it ("………… đồng, 20 năm là …").
  if (blank > stop)
    words = words.replace(/^(?:đồng|vnđ|đ|%|ngày|tháng|năm|giờ)(?:\/[\p{L}\p{M}]+)*[\s,]*/iu, '');
  words = words
    .replace(/(?:\s*(?:là|bằng|:|=|mức|từ|trị giá))+\s*$/iu, '')
    .replace(/^(?:\p{L}\)|\d+(?:\.\d+)*[.)])\s*/u, '')
    .trim();
  return words.length > 80 ? `…${words.slice(-79)}` : words;
}

export interface BlankOptions {
  /** With a day, each blank gets the legal floor in force on it for its subject (`floor`). */
  on?: string;
  /** The agreement's metadata (wage region, industry), for the floors that depend on them. */
  meta?: AgreementMeta;
  region?: WageRegion;
}

/**
 * The blanks of a clause tree, in document order, each with its unit and the
 * subject its words give (the meal allowance, overtime pay, …) when one is
 * recognised, and with `on`, the legal floor in force for it. Numbers written
 * in the same clause are measured as usual; only the blanks come out here.
 *
 * @param tree the agreement's clause tree
 * @param options the day whose floors apply, the agreement's metadata
 * @returns one blank per place left to fill
 */
export function readBlanks(tree: readonly ClauseNode[], options: BlankOptions = {}): Blank[] {
  const found: Array<{ blank: Blank; span: BlankSpan }> = [];
  const byKey = new Map<string, Map<string, BlankSpan>>();
  const keyOf = (nodeId: string, row?: number) => `${nodeId}#${row ?? ''}`;
  const collect = (
    node: ClauseNode,
    text: string,
    row: number | undefined,
    offset: number,
    span: BlankSpan,
  ) => {
    const blank: Blank = {
      nodeId: node.id,
      path: node.path,
      text,
      written: span.written,
      start: offset + span.start,
      end: offset + span.end,
      kind: span.kind,
      label: labelOf(text, offset + span.start),
    };
    if (row !== undefined) blank.row = row;
    if (span.unitWritten) blank.unitWritten = span.unitWritten;
    found.push({ blank, span });
  };
  const copy = mapTree(tree, (node) => {
    if (node.type === 'table') {
      const rows = node.rows.map((cells, r) => {
        const rowBlanks = new Map<string, BlankSpan>();
        const joined = cells.join(' | ');
        let offset = 0;
        const rewritten = cells.map((cell) => {
          const { text, blanks, spans } = rewrite(cell);
          for (const [number, span] of blanks) rowBlanks.set(number, span);
          for (const span of spans) collect(node, joined, r, offset, span);
          offset += cell.length + 3;
          return text;
        });
        if (rowBlanks.size > 0) byKey.set(keyOf(node.id, r), rowBlanks);
        return rewritten;
      });
      return { ...node, rows };
    }
    const { text, blanks, spans } = rewrite(node.text);
    for (const span of spans) collect(node, node.text, undefined, 0, span);
    if (blanks.size > 0) byKey.set(keyOf(node.id), blanks);
    return { ...node, text };
  });
  const reads = new Map<BlankSpan, Partial<Blank>>();
  if (byKey.size > 0) {
    const spanOf = (nodeId: string, row: number | undefined, written: string) => {
      const number = /^\d+/.exec(written.trim())?.[0];
      return number ? byKey.get(keyOf(nodeId, row))?.get(number) : undefined;
    };
    const { on } = options;
    const compared = on
      ? compareWithFloors(
          { tree: copy, meta: options.meta ?? { signatories: [], level: 'enterprise' } },
          { on, ...(options.region ? { region: options.region } : {}) },
        )
      : undefined;
    const reading = compared
      ? {
          measures: compared.rows.map((row) => ({
            nodeId: row.nodeId,
            row: row.row,
            written: row.measure.written,
            subject: row.subject,
            conditions: row.measure.conditions,
            unit: row.measure.unit,
            per: row.measure.per ?? [],
            floor: row.floor,
          })),
          skipped: compared.skipped,
        }
      : (() => {
          const numbers = readNumbers(copy);
          return {
            measures: numbers.measures.map((m) => ({
              nodeId: m.nodeId,
              row: m.row,
              written: m.quantity.text,
              subject: m.subject,
              conditions: m.conditions,
              unit: m.unit,
              per: m.quantity.per,
              floor: undefined,
            })),
            skipped: numbers.skipped,
          };
        })();
    for (const measure of reading.measures) {
      const span = spanOf(measure.nodeId, measure.row, measure.written);
      if (!span || reads.has(span)) continue;
      reads.set(span, {
        subject: measure.subject,
        conditions: measure.conditions,
        unit: measure.unit,
        per: measure.per,
        ...(measure.floor ? { floor: measure.floor } : {}),
      });
    }
    for (const skipped of reading.skipped) {
      const span = spanOf(skipped.nodeId, skipped.row, skipped.written);
      if (span && !reads.has(span))
        reads.set(span, {
          ...unitOf(span),
          ...(skipped.unit ? { unit: skipped.unit } : {}),
          reason: skipped.reason,
        });
    }
  }
  return found.map(({ blank, span }) => Object.assign(blank, reads.get(span) ?? unitOf(span)));
}

/** The unit alone, for a blank whose subject was not recognised (read from the stand-in and its unit). */
function unitOf(span: BlankSpan): Pick<Blank, 'unit' | 'per'> {
  if (!span.unitWritten) return {};
  const quantity = extractQuantities(`7001 ${span.unitWritten}`)[0];
  return quantity ? { unit: quantity.unit, per: quantity.per } : {};
}

function mapTree(nodes: readonly ClauseNode[], change: (node: ClauseNode) => ClauseNode): ClauseNode[] {
  return nodes.map((node) => {
    const changed = change(node);
    if (changed.type === 'table') return changed as TableNode;
    return { ...changed, children: mapTree(node.children, change) } as StructureNode;
  });
}
