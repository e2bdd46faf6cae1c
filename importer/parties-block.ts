/**
 * The parties and who signed: the parties' paragraph of the header
 * ("Đại diện người sử dụng lao động: Ông … – Giám đốc …", "Đại diện tập thể
 * người lao động: Bà … – Chủ tịch Công đoàn …", address, tax code) and the
 * two-column signature block (ĐẠI DIỆN TẬP THỂ LAO ĐỘNG / ĐẠI DIỆN NGƯỜI SỬ
 * DỤNG LAO ĐỘNG, titles, names), delivered as cells, glued lines,
 * interleaved lines or one column after the other.
 */

import { squashSpaces } from '../clauses/text.ts';
import type { Signatory } from '../clauses/types.ts';
import type { SourceLine } from './blocks.ts';
import type { Found } from './header-block.ts';
import {
  alignedFold,
  isBlank,
  isOrganisation,
  isPersonName,
  isTitle,
  splitGluedNames,
  splitGluedTitles,
} from './layout.ts';

export type Side = Signatory['side'];

/** A signatory with the line it was read from. */
export type FoundSignatory = Signatory & { line?: number };

export interface PartiesRead {
  employer?: Found<string>;
  unionSide?: Found<string>;
  address?: Found<string>;
  taxCode?: Found<string>;
  signatories: FoundSignatory[];
  /** Organisations named in a signatory's title ("Giám đốc Công ty X"), by side. */
  fromTitles: Partial<Record<Side, Found<string>>>;
}

// In folded text.
const PARTY =
  /^(?:\d+\s*[.)]\s*|[-+•*]\s*|[ab]\s*[.)]\s*)?(?:dai dien|ben)\s+(?:cho\s+)?(?:ben\s+)?(tap the (?:nguoi )?lao dong|nguoi lao dong|nld|nguoi su dung lao dong|su dung lao dong|nsdld|ban chap hanh cong doan[^:]*|cong doan co so|theo phap luat)\s*(?:\([^)]*\))?\s*(?:[:：]\s*(.*))?$/;
const LABEL =
  /^(?:[-+•]\s*)?(chuc vu|chuc danh|dia chi|tru so|ma so thue|mst|ma so doanh nghiep|ho va ten|ho ten|ten don vi|ten|dien thoai|so dt|dtdd|email|fax|gioi tinh|quoc tich|so tai khoan|tai khoan)\s*:\s*(.*)$/;
const HONORIFIC = /^(?:Ông\/Bà|Ông|Bà|ÔNG|BÀ|Ông \/ Bà)\s*:?\s*/u;

/**
 * Reads the parties' paragraph.
 *
 * @param lines the preamble lines, in order (a table row's cells are read one by one)
 */
export function readParties(lines: readonly SourceLine[]): PartiesRead {
  const read: PartiesRead = { signatories: [], fromTitles: {} };
  let side: Side | undefined;
  const cells = lines.flatMap((l) =>
    l.text
      .split(/\s*\|\s*/)
      .filter((cell) => cell.trim() !== '')
      .map((text) => ({ text: squashSpaces(text), line: l.line })),
  );

  const setOrganisation = (who: Side, text: string, line?: number) => {
    const name = cleanName(text.split(/,\s/)[0]!);
    if (!name || isBlank(name) || /^(?:CÔNG TY|Công ty)\s*(?:TNHH|CP|Cổ phần|CỔ PHẦN)?\s*[.…_]*$/u.test(name))
      return;
    if (who === 'employer') read.employer ??= { value: name, line };
    else read.unionSide ??= { value: name, line };
  };
  const addPerson = (who: Side, text: string, line?: number) => {
    const person = readPerson(text);
    if (!person) return;
    const signatory: FoundSignatory = { side: who, name: person.name, line };
    if (person.title) signatory.title = person.title;
    read.signatories.push(signatory);
    if (person.organisation) read.fromTitles[who] ??= { value: person.organisation, line };
  };

  for (let i = 0; i < cells.length; i++) {
    const { line } = cells[i]!;
    const text = cells[i]!.text.replace(/^[-+•*]\s+/, '');
    if (text.length > 500) continue;
    const folded = alignedFold(text);
    const party = PARTY.exec(folded);
    if (party) {
      const who: Side = /su dung|nsdld|theo phap luat/.test(party[1]!) ? 'employer' : 'workers';
      side = who;
      const rest = party[2] === undefined ? '' : text.slice(text.length - party[2].length).trim();
      if (!rest || isBlank(rest)) continue;
      if (isOrganisation(rest)) setOrganisation(who, rest, line);
      else addPerson(who, rest, line);
      continue;
    }
    const label = LABEL.exec(folded);
    if (label) {
      const value = text.slice(text.length - label[2]!.length).trim();
      const kind = label[1]!;
      if (isBlank(value)) continue;
      if (kind === 'chuc vu' || kind === 'chuc danh') {
        const last = read.signatories.findLast((s) => s.side === side) ?? read.signatories.at(-1);
        if (last && !last.title) {
          last.title = cleanName(value);
          const organisation = organisationIn(value);
          if (organisation) read.fromTitles[last.side] ??= { value: organisation, line };
        }
      } else if ((kind === 'dia chi' || kind === 'tru so') && side !== 'workers') {
        read.address ??= { value: cleanName(value), line };
      } else if (kind === 'ma so thue' || kind === 'mst' || kind === 'ma so doanh nghiep') {
        const digits = /\d[\d\s.-]{8,16}\d/.exec(value)?.[0].replace(/[\s.]/g, '');
        if (digits && /^\d{10}(?:-\d{3})?$/.test(digits)) read.taxCode ??= { value: digits, line };
      } else if ((kind === 'ten' || kind === 'ten don vi') && side) {
        setOrganisation(side, value, line);
      } else if ((kind === 'ho va ten' || kind === 'ho ten') && side) {
        addPerson(side, value, line);
      }
      continue;
    }
    if (HONORIFIC.test(text) && side) {
      addPerson(side, text, line);
      continue;
    }
    if (side && isOrganisation(text)) {
      setOrganisation(side, text, line);
      continue;
    }
    // A name line right above its tax code ("HESEM ENGINEERING" / "Mã số thuế: …") is the employer's.
    const next = cells[i + 1];
    if (
      next &&
      /^(?:ma so thue|mst)\s*:/.test(alignedFold(next.text)) &&
      !text.includes(':') &&
      text.length <= 120
    ) {
      read.employer ??= { value: cleanName(text), line };
    }
  }
  return read;
}

/**
 * A person as the parties' paragraph writes them: "Ông Lê Văn Nam – Giám đốc",
 * "Bà: Trần Thị Hoa - Chức vụ: Chủ tịch Công đoàn cơ sở", "VÕ NGỌC SANH".
 */
function readPerson(text: string): { name: string; title?: string; organisation?: string } | undefined {
  const honoured = HONORIFIC.test(text);
  const bare = text.replace(HONORIFIC, '').trim();
  const m =
    /^([^—–,;(:]+?)\s*(?:(?:\s[—–-]\s|[—–,;]|\s\s)\s*(?:(?:Chức vụ|Chức danh|chức vụ|chức danh)\s*:?\s*)?(.+))?$/u.exec(
      bare,
    );
  if (!m) return undefined;
  const name = toNameCase(cleanName(m[1]!));
  // After "Ông"/"Bà" any capitalised name is a person's (Park Jun Ho); without, it must look Vietnamese.
  const plausible = honoured
    ? /^\p{Lu}/u.test(name) && name.split(' ').length <= 6 && !isTitle(name)
    : isPersonName(name);
  if (!name || isBlank(name) || !plausible) return undefined;
  const title = m[2] && !isBlank(m[2]) ? cleanName(m[2]) : undefined;
  return { name, title, organisation: title ? organisationIn(title) : undefined };
}

/** The organisation a title names: "Giám đốc Công ty X" → "Công ty X", "Chủ tịch Công đoàn cơ sở Công ty X" → "Công đoàn cơ sở Công ty X". */
function organisationIn(title: string): string | undefined {
  const m =
    /(?:^|\s)((?:Công đoàn|CÔNG ĐOÀN|Ban Chấp hành|Công ty|CÔNG TY|Tổng công ty|Tổng Công ty|Tập đoàn|Ngân hàng|Bệnh viện|Trường)\s.*)$/u.exec(
      title,
    );
  const name = m?.[1] ? cleanName(m[1]) : undefined;
  // "Chủ tịch Công đoàn cơ sở" names no one union in particular.
  if (!name || /^(?:công đoàn|cong doan)(?: cơ sở| co so)?$/iu.test(name) || isBlank(name)) return undefined;
  return name.split(/\s+/).length >= 3 ? name : undefined;
}

// Headings of the signature block's columns, in folded text.
const WORKERS_HEAD =
  /(?:dai dien|tm\.?)\s*(?:cho\s+)?(?:ben\s+)?(?:tap the (?:nguoi )?lao dong|nguoi lao dong|ban chap hanh(?: cong doan)?(?: co so)?|bch(?: cong doan| cdcs)?(?: co so)?|cong doan(?: co so)?|cdcs|nld)/g;
const EMPLOYER_HEAD =
  /(?:dai dien\s+)?(?:cho\s+)?(?:ben\s+)?(?:nguoi su dung lao dong|nsdld)|dai dien (?:doanh nghiep|cong ty|ban giam doc)/g;

interface Column {
  side: Side;
  line?: number;
  titles: string[];
  name?: string;
  nameLine?: number;
  organisation?: string;
}

/** The sides whose column headings a line holds, left to right; empty when the line is not a heading row. */
function headingsIn(text: string): Side[] {
  const sides: Side[] = [];
  for (const cell of text.split(/\s+\|\s+/)) {
    const folded = alignedFold(cell.trim());
    const found: Array<{ at: number; side: Side }> = [];
    for (const m of folded.matchAll(EMPLOYER_HEAD)) found.push({ at: m.index, side: 'employer' });
    for (const m of folded.matchAll(WORKERS_HEAD)) found.push({ at: m.index, side: 'workers' });
    found.sort((a, b) => a.at - b.at);
    // A heading opens its cell and is the cell (in capitals, or nearly all of it): "NSDLĐ tạo điều kiện …" is a sentence.
    if (found[0]?.at !== 0) continue;
    const covered = found.reduce((n, f) => n + (f.side === 'employer' ? 20 : 18), 0);
    const trimmed = cell.trim();
    if (trimmed.length > 90 || /:\s*\S|\d/.test(trimmed)) continue;
    if (trimmed !== trimmed.toUpperCase() && covered < trimmed.length * 0.6) continue;
    sides.push(...found.map((f) => f.side));
  }
  return sides;
}

/**
 * Reads the signature block: the columns' headings, then under each the
 * titles, the organisation and the signer's name.
 *
 * @param lines the closing lines (or the last lines of the text when it has no separate closing block)
 */
export function readSignatures(lines: readonly SourceLine[]): {
  signatories: FoundSignatory[];
  organisations: Partial<Record<Side, Found<string>>>;
} {
  const columns: Column[] = [];
  let current: Column[] = [];
  let lastWasHeading = false;
  let run: { kind: string; index: number } = { kind: '', index: 0 };

  for (const source of lines) {
    // Signature lines are short; a paragraph is not one (and is not worth folding).
    if (source.text.length > 300) {
      lastWasHeading = false;
      continue;
    }
    const text = squashSpaces(source.text);
    if (!text) continue;
    // The addressees, an annex or the next part end the signature block.
    if (/^(?:\*?\s*noi nhan|phu luc|chuong\s|dieu\s+\d)/.test(alignedFold(text))) break;
    const sides = headingsIn(text);
    if (sides.length > 0) {
      const opened = sides.map((side) => ({ side, line: source.line, titles: [] }));
      current =
        lastWasHeading &&
        sides.length === 1 &&
        current.length >= 1 &&
        current.every((c) => c.titles.length === 0 && !c.name)
          ? [...current, ...opened]
          : opened;
      columns.push(...opened);
      lastWasHeading = true;
      run = { kind: '', index: 0 };
      continue;
    }
    lastWasHeading = false;
    if (current.length === 0) continue;
    const k = current.length;
    for (const [col, piece] of piecesOf(text, k).entries()) {
      const kind = kindOf(piece.text);
      if (kind === 'noise') continue;
      let column = current[piece.col ?? col];
      if (piece.col === undefined && k > 1) {
        run = run.kind === kind ? { kind, index: run.index + 1 } : { kind, index: 0 };
        column = current[run.index % k];
      }
      if (!column) continue;
      if (kind === 'title') column.titles.push(piece.text);
      else if (kind === 'name' && !column.name) {
        column.name = toNameCase(
          piece.text.replace(HONORIFIC, '').replace(/^(?:Họ và tên|Họ tên)\s*:\s*/iu, ''),
        );
        column.nameLine = source.line;
      } else if (
        kind === 'organisation' &&
        column.titles.length === 0 &&
        !column.name &&
        !column.organisation
      )
        // The organisation's name stands right under the heading ("ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG" / "CÔNG TY X").
        column.organisation = cleanName(piece.text);
    }
  }

  const signatories: FoundSignatory[] = [];
  const organisations: Partial<Record<Side, Found<string>>> = {};
  for (const column of columns) {
    if (column.name) {
      const signatory: FoundSignatory = { side: column.side, name: column.name, line: column.nameLine };
      const title = column.titles.at(-1);
      if (title) signatory.title = toSentenceCase(title.replace(/^(?:TM|KT|Q)\.?\s*/u, ''));
      signatories.push(signatory);
    }
    if (column.organisation) organisations[column.side] ??= { value: column.organisation, line: column.line };
  }
  return { signatories, organisations };
}

/** A line's pieces, one per column when the line gives them (cells, glued titles, glued names). */
function piecesOf(text: string, k: number): Array<{ text: string; col?: number }> {
  const cells = text
    .split(/\s+\|\s+|\t+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (cells.length === k && k > 1) return cells.map((c, col) => ({ text: c, col }));
  if (k > 1) {
    const titles = splitGluedTitles(text);
    if (titles.length === k && titles.every(isTitle)) return titles.map((t, col) => ({ text: t, col }));
    const names = splitGluedNames(text.replace(HONORIFIC, ''));
    if (names.length === k && names.every(isPersonName)) return names.map((n, col) => ({ text: n, col }));
  }
  return cells.length > 1 ? cells.map((c) => ({ text: c })) : [{ text }];
}

function kindOf(text: string): 'title' | 'name' | 'organisation' | 'noise' {
  const folded = alignedFold(text);
  if (/^\(.*\)$/.test(text) || /^(?:da ky|ky ten|ky,|\(?ky|dong dau)/.test(folded) || isBlank(text))
    return 'noise';
  const named = /^(?:ho va ten|ho ten)\s*:\s*(.*)$/.exec(folded);
  if (named) return isBlank(named[1]!) ? 'noise' : 'name';
  if (/^(?:chuc vu|chuc danh)\s*:/.test(folded))
    return isBlank(text.replace(/^[^:]*:/, '')) ? 'noise' : 'title';
  if (isTitle(text)) return 'title';
  if (isPersonName(text)) return 'name';
  if (/^to chuc dai dien/.test(folded)) return 'noise';
  if (text.includes(':')) return 'noise';
  if (isOrganisation(text) || (text === text.toUpperCase() && /\p{Lu}{2}/u.test(text))) return 'organisation';
  return 'noise';
}

function cleanName(text: string): string {
  return squashSpaces(text.replace(/\s*[.;,]\s*$/, ''));
}

/** "VÕ NGỌC SANH" → "Võ Ngọc Sanh"; a name already in mixed case is kept. */
function toNameCase(name: string): string {
  const n = squashSpaces(name);
  if (n !== n.toUpperCase()) return n;
  return n
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "CHỦ TỊCH CÔNG ĐOÀN" → "Chủ tịch Công đoàn"; a title in mixed case is kept. */
function toSentenceCase(title: string): string {
  const t = squashSpaces(title);
  if (t !== t.toUpperCase()) return t;
  const lower = t
    .toLowerCase()
    .replace(/công đoàn/g, 'Công đoàn')
    .replace(/công ty/g, 'Công ty');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
