/**
 * The header of an agreement as Vietnamese documents lay it out (Nghị định
 * 30/2020/NĐ-CP): the issuing side on the left — a parent body on the first
 * line, the employer or the union under it, the number — and the national
 * motto with "place, ngày … tháng … năm …" on the right, above the title.
 * Whatever way extraction delivered the two columns (cells, one glued line,
 * interleaved lines), the pieces are read in order and sorted by what they
 * are, so the motto never becomes the employer's name.
 */

import { findDates } from '../clauses/dates.ts';
import { squashSpaces } from '../clauses/text.ts';
import type { SourceLine } from './blocks.ts';
import { alignedFold, classifyHeaderPiece, isBlank, PARENT_BODY, segmentHeaderLine } from './layout.ts';

/** A value read from the text, with its source line. */
export interface Found<T> {
  value: T;
  line?: number;
}

export interface HeaderRead {
  /** The issuing side: the employer, or the union when a union issues the text. */
  issuer?: Found<string> & { isUnion: boolean };
  /** The body above the issuing side (Tập đoàn, Tổng công ty, Liên đoàn Lao động). */
  parent?: Found<string> & { isUnion: boolean };
  documentNumber?: Found<string>;
  signingPlace?: Found<string>;
  signedOn?: Found<string>;
  /** Fields the text leaves blank for someone to fill in (a model agreement). */
  blanks: Array<'employer' | 'signingPlace' | 'signedOn'>;
}

const TITLE = /^thoa uoc lao dong tap the/;
const BODY_START = /^(?:[-+•*]\s*)?(?:can cu|hom nay|chung toi|dai dien|ben |\d+\s*[.)]\s*dai dien|i\.\s)/;

/**
 * Reads the header block: the lines before the title (or before the legal
 * bases and the parties when there is no title line).
 *
 * @param lines the preamble lines, in order
 */
export function readHeader(lines: readonly SourceLine[]): HeaderRead {
  const read: HeaderRead = { blanks: [] };
  const organisations: Array<{ text: string; line?: number; open: boolean }> = [];
  let last: (typeof organisations)[number] | undefined;

  for (const source of lines) {
    // Header lines are short: a long one is running text, and the header is over.
    if (source.text.length > 1000) break;
    const folded = alignedFold(squashSpaces(source.text));
    if (BODY_START.test(folded)) break;
    const pieces = segmentHeaderLine(source.text);
    const titleAt = pieces.findIndex((p) => TITLE.test(alignedFold(p)));
    for (const piece of titleAt >= 0 ? pieces.slice(0, titleAt) : pieces) {
      switch (classifyHeaderPiece(piece)) {
        case 'motto':
        case 'slogan':
          break;
        case 'place_date': {
          const m = /^(.*?),?\s*ngày\s/iu.exec(piece);
          const place = squashSpaces(m?.[1] ?? '');
          const date = findDates(piece)[0];
          if (!read.signingPlace && !read.signedOn) {
            if (place && !isBlank(place)) read.signingPlace = { value: place, line: source.line };
            else read.blanks.push('signingPlace');
            if (date) read.signedOn = { value: date.iso, line: source.line };
            else read.blanks.push('signedOn');
          }
          break;
        }
        case 'label':
          if (last) last.open = false;
          break;
        case 'number': {
          const number = /^Số\s*:\s*(\S+)/iu.exec(piece)?.[1]?.replace(/[.,;]$/, '');
          if (number && /\d/.test(number) && !read.documentNumber)
            read.documentNumber = { value: number, line: source.line };
          if (last) last.open = false;
          break;
        }
        case 'organisation':
          last = { text: piece, line: source.line, open: true };
          organisations.push(last);
          break;
        case 'other':
          // "CÔNG TY" / "TNHH MAY X": a name broken over two lines of its column.
          if (last?.open && /^[\p{Lu}\d(…."'“]/u.test(piece) && piece === piece.toUpperCase())
            last.text = `${last.text} ${piece}`;
          else if (last) last.open = false;
          break;
      }
    }
    if (titleAt >= 0) break;
  }

  const named = organisations.map((o) => ({ ...o, text: squashSpaces(o.text) }));
  const issuer = named.at(-1);
  if (issuer) {
    if (isBlank(issuer.text.replace(/^(?:CÔNG TY|Công ty)\s*(?:TNHH|CP|CỔ PHẦN)?/u, '')))
      read.blanks.push('employer');
    else read.issuer = { value: issuer.text, line: issuer.line, isUnion: isUnion(issuer.text) };
  }
  const parent = named.length >= 2 ? named[0] : undefined;
  if (parent && PARENT_BODY.test(`${alignedFold(parent.text)} `))
    read.parent = { value: parent.text, line: parent.line, isUnion: isUnion(parent.text) };
  return read;
}

/** True for a union's name (Công đoàn …, Ban Chấp hành Công đoàn …, Liên đoàn Lao động …). */
function isUnion(name: string): boolean {
  return /^(?:cong doan|ban chap hanh|bch|lien doan lao dong|tong lien doan)/.test(alignedFold(name).trim());
}
