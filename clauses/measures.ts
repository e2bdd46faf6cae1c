/**
 * Measures: the numbers in an agreement that promise something, each with
 * what it is about (its subject: annual-leave days, overtime pay on a weekly
 * rest day, …), the conditions it applies under (region, heavy work, day
 * type, job, contract) and the words that made it an entitlement. Every other
 * number is accounted for with the reason it is not measured: a condition of
 * another benefit, a date, a reference, a worked example, a restatement, a
 * code, a count — or, for an amount whose subject is not recognised, "not
 * read". Leave tables "theo BLLĐ | theo Thỏa ước" are read row by row.
 */

import {
  conditionAt,
  exampleBefore,
  isExampleHeading,
  looseNumbers,
  procedureWords,
  referenceBefore,
  type SkipReason,
  skipMessage,
} from './entitlements.ts';
import type { FloorConditions } from './floors.ts';
import { conditionsOf } from './measure-conditions.ts';
import { NORMAL_DAY, PAID, type Scope, type SubjectOptions, subjectOf, UNPAID } from './measure-subjects.ts';
import { type PhraseMatcher, phraseMatcher } from './phrases.ts';
import { extractQuantities, type Quantity, type QuantityUnit } from './quantities.ts';
import { type SpecialQuantity, specialQuantities } from './special-quantities.ts';
import { becauseOf, DISCRETION } from './subject-words.ts';
import { convertUnit, type MeasureSubject, SUBJECT_UNITS } from './subjects.ts';
import { walkTree } from './tree.ts';
import type { ClauseNode, Message, StructureNode, TableNode } from './types.ts';

export interface Measure {
  nodeId: string;
  path: string;
  /** 1-based row of a table node (the header is row 0). */
  row?: number;
  /** The clause (or table row) the number was read from. */
  text: string;
  subject: MeasureSubject;
  quantity: Quantity;
  /** The value, the low end of a range, in the subject's unit (`SUBJECT_UNITS`) where it converts. */
  value: number;
  max?: number;
  unit: QuantityUnit;
  /** Conditions read from the clause; what it does not say is absent. */
  conditions: FloorConditions;
  /** Conditions that were not written and were assumed (e.g. `work: normal`). */
  assumed: Array<keyof FloorConditions>;
  /** Whether the clause says the days are paid (`có lương`) or unpaid. */
  paid?: boolean;
  /** The words that made the number an entitlement of its subject. */
  because: string[];
  /** Why no verdict above or below can be given with confidence (an option the employer may choose). */
  caution?: Message;
  /** One value written for every day type (`20% … của ngày làm việc bình thường`): each day's floor applies. */
  allDays?: boolean;
}

/** A number that was not measured, and why. */
export interface SkippedNumber {
  nodeId: string;
  path: string;
  row?: number;
  text: string;
  /** The number as written. */
  written: string;
  value?: number;
  unit?: QuantityUnit;
  reason: SkipReason;
  message: Message;
}

/** Every number of an agreement: the measured ones and the others with their reason. */
export interface NumberReading {
  measures: Measure[];
  skipped: SkippedNumber[];
}

export type MeasureOptions = SubjectOptions;

/**
 * Reads the measures of a clause tree, in document order.
 *
 * @param tree the agreement's clause tree
 * @param options region, industry and the sectors allowed 300 h of overtime
 * @returns one measure per number whose subject is known
 */
export function readMeasures(tree: readonly ClauseNode[], options: MeasureOptions = {}): Measure[] {
  return readNumbers(tree, options).measures;
}

/**
 * Reads every number of a clause tree: the measures, and the numbers that are
 * not entitlements or were not read, each with its reason.
 *
 * @param tree the agreement's clause tree
 * @param options region, industry and the sectors allowed 300 h of overtime
 */
export function readNumbers(tree: readonly ClauseNode[], options: MeasureOptions = {}): NumberReading {
  const out: NumberReading = { measures: [], skipped: [] };
  walkTree(tree, (node, ancestors) => {
    const above = ancestors.map(contextOf).join('\n');
    const parent = ancestors[ancestors.length - 1];
    const where: Where = {
      above,
      options,
      example: [...ancestors, node].some((n) => n.type !== 'table' && isExampleHeading(n.heading)),
      leadIn: phraseMatcher(
        parent && parent.type !== 'table' && introducesList(parent.text) ? parent.text : '',
      ),
      out,
    };
    if (node.type === 'table') readTable(node, where);
    else readText(node, node.text, where);
  });
  dropRestatements(out);
  return out;
}

interface Where {
  above: string;
  options: MeasureOptions;
  /** Under a heading "Ví dụ minh họa": every number illustrates. */
  example: boolean;
  leadIn: PhraseMatcher;
  out: NumberReading;
}

/** A clause that opens a list or a table ("… trong những trường hợp sau:"), whose words its items share. */
function introducesList(text: string): boolean {
  return /:\s*$/u.test(text) || /(?:như sau|sau đây|trường hợp sau)/iu.test(text);
}

function contextOf(node: ClauseNode): string {
  return node.type === 'table' ? '' : [node.heading, node.text].filter(Boolean).join('. ');
}

interface Segment {
  text: string;
  /** The `;`-part before this one in the same sentence, which a list item continues. */
  lead?: string;
}

/** Splits text into sentences and `;` parts. Dots inside numbers (`5.200.000`) do not split. */
function segments(text: string): Segment[] {
  const parts: Segment[] = [];
  let start = 0;
  let lead: string | undefined;
  for (const m of [...text.matchAll(/;|\.(?=\s|$)|\n/g), { index: text.length, 0: '' }]) {
    const part = text.slice(start, m.index);
    if (part.trim()) parts.push(lead === undefined ? { text: part } : { text: part, lead });
    lead = m[0] === ';' ? part : undefined;
    start = m.index + 1;
  }
  return parts;
}

interface RowReading {
  index: number;
  /** The agreement's value of a law/agreement table row, read already. */
  quantity?: Quantity;
  display?: string;
  /** A table row is one unit: its `;` do not split it. */
  whole?: boolean;
}

/** Longest clause text a set-aside number carries whole; a longer one is cut around the number. */
const SKIPPED_TEXT_MAX = 600;
const SKIPPED_TEXT_AROUND = 250;

/**
 * The words around a number set aside, when its clause is long: every number of a clause carries its
 * text, so a 50,000-character clause with 3,000 numbers would answer 150 MB of the same words.
 */
function excerptAround(text: string, written: string): string {
  if (text.length <= SKIPPED_TEXT_MAX) return text;
  const at = Math.max(0, text.indexOf(written));
  const from = Math.max(0, at - SKIPPED_TEXT_AROUND);
  const to = Math.min(text.length, at + written.length + SKIPPED_TEXT_AROUND);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function readText(node: StructureNode, text: string, where: Where, row?: RowReading): void {
  const { out, options } = where;
  const shown = row?.display ?? text;
  const nodeMatcher = phraseMatcher(text);
  const context = phraseMatcher([where.above, node.heading ?? '', text].join('\n'));
  const parts: Segment[] = row?.quantity || row?.whole ? [{ text }] : segments(text);
  const skip = (written: string, reason: SkipReason, words?: string, quantity?: Quantity) => {
    const skipped: SkippedNumber = {
      nodeId: node.id,
      path: node.path,
      text: excerptAround(shown, written),
      written,
      reason,
      message: skipMessage(reason, words),
    };
    if (row) skipped.row = row.index;
    if (quantity) {
      skipped.value = quantity.value;
      skipped.unit = quantity.unit;
    }
    out.skipped.push(skipped);
  };
  for (const part of parts) {
    const segment = phraseMatcher(part.text);
    const lead = phraseMatcher(part.lead ?? '');
    const special: SpecialQuantity[] = row?.quantity ? [] : specialQuantities(part.text, segment, context);
    const taken = special.map((s) => [s.quantity.start, s.quantity.end] as const);
    const found = (row?.quantity ? [row.quantity] : extractQuantities(part.text)).filter(
      (q) => !taken.some(([from, to]) => q.start < to && q.end > from),
    );
    for (const s of special) {
      if (where.example) {
        skip(s.quantity.text, 'example', undefined, s.quantity);
        continue;
      }
      const extras: BuildExtras = { row: row?.index, because: s.because };
      if (s.subject === 'health_check_interval')
        Object.assign(extras, conditionsOf(s.subject, scopeOf(part, s.quantity, [], 0), options));
      out.measures.push(build(node, shown, s.subject, s.quantity, extras));
    }
    if (!row?.quantity) {
      const covered = [...taken, ...found.map((q) => [q.start, q.end] as const)];
      for (const loose of looseNumbers(part.text, covered)) skip(loose.written, loose.reason);
    }
    for (const [i, quantity] of found.entries()) {
      const scope = scopeOf(part, quantity, found, i, {
        segment,
        lead,
        context,
        node: nodeMatcher,
        leadIn: where.leadIn,
      });
      const before = part.text.slice(0, quantity.start);
      const example = where.example ? 'ví dụ' : exampleBefore(part.text, quantity.start);
      if (example) {
        skip(quantity.text, 'example', example, quantity);
        continue;
      }
      const reference = referenceBefore(before);
      if (reference) {
        skip(quantity.text, 'reference', reference, quantity);
        continue;
      }
      const whole = partOf(part.text, found, i);
      if (whole) {
        skip(quantity.text, 'part_of_benefit', whole.text, quantity);
        continue;
      }
      const subject = subjectOf(quantity, scope);
      if (typeof subject === 'object') {
        skip(quantity.text, subject.skip, subject.words, quantity);
        continue;
      }
      const condition = row?.quantity ? undefined : conditionAt(part.text, quantity.start, quantity.end);
      if (condition && !(subject && SCOPE_SUBJECTS.has(subject))) {
        skip(quantity.text, 'condition', condition, quantity);
        continue;
      }
      if (!subject) {
        const procedure = procedureWords((p) => segment.has(p));
        if (procedure) skip(quantity.text, 'procedure', procedure, quantity);
        else skip(quantity.text, 'no_subject', undefined, quantity);
        continue;
      }
      let offset = 0;
      // "bằng 130% tiền lương" for night work is a premium of 30 %; overtime "trả thêm 50%" is 150 %.
      if (subject === 'night_premium' && quantity.value >= 100) offset = -100;
      if (subject === 'ot_rate' && quantity.value < 100 && scope.before.has('thêm')) offset = 100;
      const leave = quantity.unit === 'day' || quantity.unit === 'working_day';
      // Paid or not: the sentence says it, or the lead-in of the list or table it is in.
      const paid = !leave ? undefined : (paidIn(segment) ?? paidIn(where.leadIn));
      const extras: BuildExtras = {
        ...conditionsOf(subject, scope, options),
        paid,
        row: row?.index,
        offset,
        because: becauseOf(subject, scope),
      };
      const chunk = before.slice(
        Math.max(
          before.lastIndexOf(','),
          before.lastIndexOf(':'),
          before.lastIndexOf('('),
          before.lastIndexOf(';'),
        ) + 1,
      );
      const discretion = phraseMatcher(chunk).first(DISCRETION);
      if (discretion)
        extras.caution = {
          vi: `một phương án Công ty có thể chọn ("${discretion}"), không phải cam kết`,
          en: `an option the employer may choose ("${discretion}"), not a commitment`,
        };
      if (subject === 'night_ot_extra') {
        const day = extras.conditions?.day;
        if (scope.after.first(['của ngày đó', 'của chính ngày', 'ngày hôm đó', 'của ngày làm thêm'])) {
          // 20 % of that day's wage is 20 %, 40 % or 60 % of the normal day's: the floors' unit.
          extras.factor = day === 'holiday' ? 3 : day === 'weekly_rest' ? 2 : 1;
          if (!day) extras.allDays = false;
          if (!day && extras.conditions) extras.conditions.day = 'normal';
        } else if (!day && scope.after.first(NORMAL_DAY)) extras.allDays = true;
      }
      out.measures.push(build(node, shown, subject, quantity, extras));
    }
  }
}

/** Subjects whose number is itself the bound of who is covered: a condition is their very content. */
const SCOPE_SUBJECTS: ReadonlySet<MeasureSubject> = new Set<MeasureSubject>([
  'nursing_child_age',
  'training_commitment',
  'reduced_hours_pay',
  'nursing_break_work_pay',
]);

function paidIn(words: PhraseMatcher): boolean | undefined {
  return words.first(UNPAID) ? false : words.first(PAID) ? true : undefined;
}

/**
 * `02 ngày (02/9 và 01 ngày liền kề)`, `05 ngày (01 ngày cuối năm và 04 ngày đầu năm)`: the numbers in
 * a bracket opened right after a number of the same unit explain it. A bracket that offers an
 * alternative ("(trừ khi Công ty lựa chọn 44 giờ/tuần)") is not an explanation.
 * @returns the number the bracket explains
 */
function partOf(text: string, found: readonly Quantity[], i: number): Quantity | undefined {
  const quantity = found[i]!;
  const before = text.slice(0, quantity.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.lastIndexOf(')') > open) return undefined;
  const inside = before.slice(open + 1);
  if (/trừ|hoặc|ngoài|lựa chọn|có thể|tối đa|tùy/iu.test(inside)) return undefined;
  const owner = found.slice(0, i).find((q) => q.end <= open && /^\s*$/.test(text.slice(q.end, open)));
  return owner && owner.unit === quantity.unit ? owner : undefined;
}

function scopeOf(
  part: Segment,
  quantity: Quantity,
  found: readonly Quantity[],
  i: number,
  matchers?: Pick<Scope, 'segment' | 'lead' | 'context' | 'node' | 'leadIn'>,
): Scope {
  const empty = phraseMatcher('');
  return {
    before: phraseMatcher(part.text.slice(found[i - 1]?.end ?? 0, quantity.start)),
    after: phraseMatcher(part.text.slice(quantity.end, found[i + 1]?.start ?? part.text.length)),
    segment: matchers?.segment ?? phraseMatcher(part.text),
    lead: matchers?.lead ?? phraseMatcher(part.lead ?? ''),
    context: matchers?.context ?? empty,
    node: matchers?.node ?? empty,
    leadIn: matchers?.leadIn ?? empty,
  };
}

interface BuildExtras {
  conditions?: FloorConditions;
  assumed?: Array<keyof FloorConditions>;
  paid?: boolean | undefined;
  row?: number | undefined;
  /** Added to a percentage to turn a premium into a rate or back. */
  offset?: number;
  /** Multiplies the value into the subject's base (a share of a rest day's wage into the normal day's). */
  factor?: number;
  because?: string[];
  caution?: Message;
  allDays?: boolean;
}

function build(
  node: ClauseNode,
  text: string,
  subject: MeasureSubject,
  quantity: Quantity,
  extras: BuildExtras,
): Measure {
  const wanted = SUBJECT_UNITS[subject];
  const converts = convertUnit(1, quantity.unit, wanted) !== undefined;
  const unit = converts ? wanted : quantity.unit;
  const offset = extras.offset ?? 0;
  const factor = extras.factor ?? 1;
  const value = (convertUnit(quantity.value, quantity.unit, unit) ?? quantity.value) * factor + offset;
  const max =
    quantity.max === undefined
      ? undefined
      : (convertUnit(quantity.max, quantity.unit, unit) ?? quantity.max) * factor + offset;
  const measure: Measure = {
    nodeId: node.id,
    path: node.path,
    text,
    subject,
    quantity,
    value: round(value),
    unit,
    conditions: extras.conditions ?? {},
    assumed: extras.assumed ?? [],
    because: extras.because ?? [],
  };
  if (max !== undefined) measure.max = round(max);
  if (extras.row !== undefined) measure.row = extras.row;
  if (extras.paid !== undefined) measure.paid = extras.paid;
  if (extras.caution) measure.caution = extras.caution;
  if (extras.allDays) measure.allDays = true;
  return measure;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A number written again in the same article for the same thing (a pay date
 * in a sentence and again in a table) is counted once: the later ones become
 * restatements.
 */
function dropRestatements(out: NumberReading): void {
  const seen = new Map<string, string>();
  const kept: Measure[] = [];
  for (const measure of out.measures) {
    const article = /^dieu-[^.]+/.exec(measure.nodeId)?.[0];
    const key = article
      ? `${article}|${measure.subject}|${measure.value}|${measure.unit}|${JSON.stringify(measure.conditions)}`
      : undefined;
    const first = key ? seen.get(key) : undefined;
    // A table that repeats a sentence of its article (or the other way round), not two items of a list.
    const isTable = (id: string) => /(?:^|\.)bang-\d+$/.test(id);
    if (
      key &&
      first !== undefined &&
      first !== measure.nodeId &&
      isTable(first) !== isTable(measure.nodeId)
    ) {
      const skipped: SkippedNumber = {
        nodeId: measure.nodeId,
        path: measure.path,
        text: measure.text,
        written: measure.quantity.text,
        value: measure.value,
        unit: measure.unit,
        reason: 'restatement',
        message: skipMessage('restatement'),
      };
      if (measure.row !== undefined) skipped.row = measure.row;
      out.skipped.push(skipped);
      continue;
    }
    if (key && first === undefined) seen.set(key, measure.nodeId);
    kept.push(measure);
  }
  out.measures = kept;
}

const BARE_AMOUNT = /^\s*\d{1,3}(?:[.,]\d{3})+(?:\s*[–-]\s*\d{1,3}(?:[.,]\d{3})+)?\s*$/u;

/**
 * Reads a leave or benefit table. With a "theo luật | theo thỏa ước" header,
 * each row is one measure: the row's first cell says what it is about, the
 * agreement's column gives the value (`01 ngày BLLĐ + 01 ngày TƯLĐTT` adds up;
 * a column of extra days is added to the law's column, an empty extra cell
 * adds none). Other tables are read row by row, a row as one sentence, under
 * the words of their header.
 */
function readTable(table: TableNode, where: Where): void {
  const [header, ...rows] = table.rows;
  if (!header) return;
  const heads = header.map((cell) => phraseMatcher(cell));
  const lawColumn = heads.findIndex((h) => h.first(['luật', 'bllđ', 'bộ luật', 'pháp luật']));
  const agreementColumn = heads.findIndex(
    (h, i) =>
      i !== lawColumn && h.first(['thỏa ước', 'tưlđtt', 'công ty', 'doanh nghiệp', 'thêm', 'tăng thêm']),
  );
  const asNode: StructureNode = { type: 'paragraph', id: table.id, path: table.path, text: '', children: [] };
  const under: Where = { ...where, above: [where.above, header.join(' | ')].join('\n') };
  if (lawColumn < 0 || agreementColumn < 0) {
    // A column of amounts ("Mức hỗ trợ (đồng)") may give bare numbers: `910.000`, `300.000 – 2.000.000`.
    const money = heads.map(
      (h) => h.first(['mức', 'số tiền', 'tiền', 'đồng', 'vnđ', 'hỗ trợ', 'trợ cấp', 'thưởng']) !== undefined,
    );
    rows.forEach((cells, i) => {
      const read = cells.map((cell, c) =>
        money[c] && BARE_AMOUNT.test(cell) ? `${cell.trim()} đồng` : cell,
      );
      const text = read.join(' | ');
      readText(asNode, text, under, { index: i + 1, whole: true, display: cells.join(' | ') });
    });
    return;
  }
  const extra = heads[agreementColumn]?.first(['thêm', 'tăng thêm', 'bổ sung']) !== undefined;
  rows.forEach((cells, i) => {
    const cell = cells[agreementColumn] ?? '';
    const lawCell = cells[lawColumn] ?? '';
    const lawDays = extractQuantities(lawCell)[0];
    const found = extractQuantities(cell);
    // An empty cell of extra days adds none: the row gives the law's days.
    const first = found[0] ?? (extra && lawDays && !/\d/.test(cell) ? { ...lawDays, value: 0 } : undefined);
    if (!first) return;
    let value = cell.includes('+')
      ? found.reduce((sum, q) => sum + (q.unit === first.unit ? q.value : 0), 0)
      : first.value;
    // Extra days on top of the law's, unless the law's days are unpaid and the agreement's are paid.
    if (extra && !phraseMatcher(lawCell).first(UNPAID)) value += lawDays?.value ?? 0;
    const written = cell.trim() || lawCell.trim();
    const text = `${cells[0] ?? ''}: ${written}`;
    const quantity: Quantity = {
      ...first,
      value,
      text: written,
      start: text.length - written.length,
      end: text.length,
    };
    readText(asNode, text, under, { index: i + 1, quantity, display: cells.join(' | ') });
  });
}
