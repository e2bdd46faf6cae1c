/**
 * The pieces a header or signature line is made of. Word, PDF and text
 * extraction deliver the two columns of a Vietnamese header (Nghị định
 * 30/2020/NĐ-CP layout) as table cells (`a | b`), as one glued line, or as
 * interleaved lines; these helpers cut a line back into the pieces a reader
 * sees: the national motto, the slogan, "place, ngày … tháng … năm …",
 * "Số: …", organisation names, titles and person names.
 */

import { squashSpaces } from '../clauses/text.ts';

/**
 * Folds text character by character, so that indices in the folded text are
 * indices in the original: no diacritics, `đ` → `d`, lower case.
 */
export function alignedFold(text: string): string {
  let out = '';
  for (const c of text) {
    const base = c.normalize('NFD')[0] ?? c;
    const folded = c === 'đ' || c === 'Đ' ? 'd' : base.toLowerCase();
    out += folded.length === c.length ? folded : c;
  }
  return out;
}

// Labels of contact fields that stay when a template's blanks are removed ("Số ĐT: ……, fax: ……").
const CONTACT_LABELS = /(?:số đt|đtdđ|đt|dđ|fax|email|e-mail|điện thoại)\s*:?/giu;

/** True for a value a template leaves to be filled in (`…………`, `.........`, `___`, `……, ĐTDĐ: ……`). */
export function isBlank(text: string): boolean {
  const rest = text
    .replace(/[.…_]{2,}|…/g, ' ')
    .replace(CONTACT_LABELS, ' ')
    .replace(/[^\p{L}\d]/gu, '');
  if (rest.length === 0) return true;
  return /[.…_]{3,}|…/.test(text) && rest.length < 3;
}

// In folded text. The motto and slogan of the national header (quốc hiệu, tiêu ngữ).
const MOTTO = /cong\s*hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam/;
const SLOGAN = /doc\s+lap\s*[-–—,.]?\s*tu\s+do\s*[-–—,.]?\s*hanh\s+phuc/;
const PLACE_DATE =
  /,?\s*ngay\s+(?:\d{1,2}|[.…_]+)\s+thang\s+(?:\d{1,2}|[.…_]+)\s*nam\s+(?:\d{4}|20[.…_\d]*|[.…_]+)/;
const NUMBER = /(?<![\p{L}])so\s*:\s*\S+/u;
// Contact and address labels: what follows them is not part of a name.
const LABEL = /(?<![\p{L}])(?:dia chi|tru so|so dt|dien thoai|dtdd|fax|email|ma so thue|mst)\s*:/u;

// Organisation names as they open a line or a cell, in folded text; "Sở", "Bộ" and "Trường" are checked with
// their diacritics ("Số ĐT" is not a department, "Trương" is a family name).
const ORGANISATION =
  /^(?:tap doan|tong cong ty|cong ty|ngan hang|benh vien|chi nhanh|cong doan|lien doan lao dong|doanh nghiep|xi nghiep|nha may|khach san|hop tac xa|ban chap hanh|bch|uy ban nhan dan|ubnd|vien )/;

/** True for a text that opens with an organisation's name (Công ty, Tổng công ty, Công đoàn, Sở, Bộ …). */
export function isOrganisation(text: string): boolean {
  const t = text.trim();
  return ORGANISATION.test(`${alignedFold(t)} `) || /^(?:Sở|SỞ|Bộ|BỘ|Trường|TRƯỜNG)\s(?!hợp|HỢP)/u.test(t);
}

/** Bodies that stand above an employer or a union: the first line of a two-line issuing side. */
export const PARENT_BODY =
  /^(?:tap doan|tong cong ty|bo |uy ban nhan dan|ubnd|so |lien doan lao dong|cong doan (?:nganh|tong cong ty|tap doan|cac khu|khu)|tong lien doan|ngan hang nha nuoc)/;

// Capital words that open an organisation inside a glued line; the word before must not bind them
// ("CÔNG ĐOÀN CÔNG TY X", "TỔNG CÔNG TY", "CHI NHÁNH CÔNG TY", "CÔNG TY CON CỦA CÔNG TY").
const GLUED_ORGANISATION = /(?<=\s)(?:TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG)(?=\s)/gu;
const BINDING_WORD = /(?:ĐOÀN|SỞ|TỔNG|NHÁNH|CỦA|THUỘC|TẠI|BCH|HÀNH|VÀ|VỚI|GIỮA)$/u;

/**
 * Cuts one line of a header into its pieces: the cells of a table row, then
 * in each cell the motto, the slogan, the place-and-date, the number and
 * organisation names glued together by text extraction.
 *
 * @example segmentHeaderLine('CÔNG TY X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') // ['CÔNG TY X', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
 */
export function segmentHeaderLine(text: string): string[] {
  const out: string[] = [];
  for (const cell of text.split(/\s+\|\s+|^\|\s*|\s*\|$/)) {
    let rest = squashSpaces(cell);
    while (rest) {
      const cut = firstCut(rest);
      if (!cut) {
        out.push(...splitGluedOrganisations(rest));
        break;
      }
      const before = squashSpaces(rest.slice(0, cut.start));
      if (before) out.push(...splitGluedOrganisations(before));
      out.push(squashSpaces(rest.slice(cut.start, cut.end)));
      rest = squashSpaces(rest.slice(cut.end));
    }
  }
  return out.filter((s) => s !== '' && !/^[-=_*~.–—]+$/.test(s));
}

function firstCut(text: string): { start: number; end: number } | undefined {
  const folded = alignedFold(text);
  const cuts: Array<{ start: number; end: number }> = [];
  for (const re of [MOTTO, SLOGAN, NUMBER, LABEL]) {
    const m = re.exec(folded);
    if (m) cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  const date = PLACE_DATE.exec(folded);
  if (date) cuts.push({ start: placeStart(text, date.index), end: date.index + date[0].length });
  cuts.sort((a, b) => a.start - b.start);
  // A piece that is the whole text is not cut further.
  return cuts.find((c) => !(c.start === 0 && c.end >= text.length));
}

/** Where the place before ", ngày …" begins: after the number, the slogan or an organisation's name. */
function placeStart(text: string, dateAt: number): number {
  const before = text.slice(0, dateAt);
  const words = [...before.matchAll(/\S+/g)];
  let start = dateAt;
  const capitals = (w: string) => /\p{L}{2}/u.test(w) && w === w.toUpperCase() && !/^\p{Lu}{1,3}\.$/u.test(w);
  let mixed = false;
  // Up to five words back: "TP. Hồ Chí Minh", "Thành phố Thủ Dầu Một", "Biên Hòa", "…………".
  for (let i = words.length - 1; i >= 0 && words.length - i <= 5; i--) {
    const word = words[i]![0];
    if (/\d/.test(word) && !/^\d{1,2}$/.test(word)) break;
    if (!/^[\p{Lu}.…_]/u.test(word) && !/^(tỉnh|thành|phố|thị|xã|huyện|quận)$/u.test(word)) break;
    // A place in mixed case ends at the organisation in capitals before it ("CÔNG TY AN BÌNH Hà Nội, ngày …").
    if (mixed && capitals(word)) break;
    if (/\p{Ll}/u.test(word)) mixed = true;
    start = words[i]!.index;
    // A place name in capitals would swallow the organisation before it: stop at a lower-case-to-capital change.
    if (i > 0 && word === word.toUpperCase() && /\p{Ll}/u.test(words[i - 1]![0])) break;
  }
  return start;
}

function splitGluedOrganisations(text: string): string[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(GLUED_ORGANISATION)) {
    const before = text.slice(0, m.index).trimEnd();
    if (!before || BINDING_WORD.test(before)) continue;
    // Only in capitals: a mixed-case sentence is one name ("Công đoàn cơ sở Công ty X").
    if (before !== before.toUpperCase()) continue;
    cuts.push(m.index);
  }
  const pieces: string[] = [];
  let from = 0;
  for (const at of cuts) {
    pieces.push(text.slice(from, at).trim());
    from = at;
  }
  pieces.push(text.slice(from).trim());
  return pieces.filter(Boolean);
}

/** What a piece of a header line is. */
export type HeaderPieceKind =
  | 'motto'
  | 'slogan'
  | 'place_date'
  | 'number'
  | 'label'
  | 'organisation'
  | 'other';

/** Classifies one piece returned by {@link segmentHeaderLine}. */
export function classifyHeaderPiece(piece: string): HeaderPieceKind {
  const folded = alignedFold(piece).trim();
  if (MOTTO.test(folded)) return 'motto';
  if (SLOGAN.test(folded)) return 'slogan';
  if (PLACE_DATE.test(folded) && !/^(can cu|hom nay)/.test(folded)) return 'place_date';
  if (/^so\s*:/.test(folded)) return 'number';
  if (LABEL.test(folded) && LABEL.exec(folded)?.index === 0) return 'label';
  if (isOrganisation(piece)) return 'organisation';
  return 'other';
}

// Titles a signatory signs with (in folded text), longest first so "pho giam doc" is one title.
const ROLE =
  /(?:tm\.?\s*|kt\.?\s*|q\.?\s*)?(?:pho\s+)?(?:tong\s+)?(?:giam doc|chu tich|hieu truong|truong phong|truong ban|thu truong|nguoi dai dien|dai dien theo phap luat|giam doc dieu hanh)/g;

/** True for a title line ("GIÁM ĐỐC", "Chủ tịch Công đoàn cơ sở", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"). */
export function isTitle(text: string): boolean {
  const folded = alignedFold(text).trim();
  ROLE.lastIndex = 0;
  const m = ROLE.exec(folded);
  return m !== null && m.index === 0;
}

/** Cuts a line of glued titles ("CHỦ TỊCH CÔNG ĐOÀN GIÁM ĐỐC") into one title per column. */
export function splitGluedTitles(text: string): string[] {
  const folded = alignedFold(text);
  const starts: number[] = [];
  ROLE.lastIndex = 0;
  for (const m of folded.matchAll(ROLE)) {
    // "Phó Giám đốc" inside "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" is the same column's second line.
    const before = folded.slice(0, m.index).trim();
    if (starts.length > 0 && /(?:kt\.?|tm\.?)\s*(?:tong\s+)?giam doc$/.test(before) && /^pho/.test(m[0]))
      continue;
    starts.push(m.index);
  }
  if (starts.length < 2) return [squashSpaces(text)];
  return starts.map((s, i) => squashSpaces(text.slice(s, starts[i + 1] ?? text.length)));
}

const SURNAMES = new Set([
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dinh',
  'trinh',
  'truong',
  'mai',
  'cao',
  'luong',
  'lam',
  'ha',
  'ta',
  'doan',
  'vuong',
  'trieu',
  'quach',
  'thai',
  'luu',
  'chu',
  'to',
  'kieu',
  'lai',
  'tong',
  'nghiem',
  'au',
  'khuat',
]);

/** True for a person's name: two to six capitalised syllables, not a title, not an organisation. */
export function isPersonName(text: string): boolean {
  const name = text.replace(/^(?:Ông|Bà|ÔNG|BÀ|Ông\/Bà)\s*:?\s*/u, '').trim();
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (!words.every((w) => /^\p{Lu}[\p{L}\p{M}]*$/u.test(w))) return false;
  if (isTitle(name) || isOrganisation(name)) return false;
  return SURNAMES.has(alignedFold(words[0]!));
}

/**
 * Cuts glued person names ("Trần Thị Hoa Lê Văn Nam") at the family name
 * that starts the second one; one name comes back whole.
 */
export function splitGluedNames(text: string): string[] {
  const words = text.trim().split(/\s+/);
  if (words.length < 4) return [text.trim()];
  let best: number | undefined;
  for (let i = 2; i <= words.length - 2; i++) {
    if (!SURNAMES.has(alignedFold(words[i]!))) continue;
    if (best === undefined || Math.abs(i - words.length / 2) < Math.abs(best - words.length / 2)) best = i;
  }
  if (best === undefined) return [text.trim()];
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}
