/**
 * Dates of an agreement as its text writes them: the signing place and
 * date, the effective date ("có hiệu lực từ ngày …", "kể từ ngày ký") and a
 * written expiry date ("đến hết ngày …").
 */

import { findDates } from '../clauses/dates.ts';
import { squashSpaces } from '../clauses/text.ts';
import type { AgreementMeta, MetaField } from '../clauses/types.ts';
import type { SourceLine } from './blocks.ts';

const PLACE_DATE =
  /^([^\d,;:]{2,40}?),\s*(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const SIGNED_ON =
  /(?:ký(?: kết)?(?: vào)?|ký tại [^,]+,?)\s*(?:ngày\s*)?(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const EFFECTIVE =
  /hiệu lực(?: thi hành)?[^.;\n]{0,40}?(?:kể\s+)?từ\s+(ngày\s+ký|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const TERM_FROM_SIGNING = /thời hạn[^.;\n]{0,25}?(?:năm|tháng)\s*,?\s*(?:kể\s+)?từ\s+ngày\s+ký/iu;
const EXPIRES =
  /(?:đến hết ngày|đến ngày|hết hạn(?: vào)? ngày|hết hiệu lực(?: vào)? ngày)\s*(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;

export type Setter = <K extends MetaField>(
  field: K,
  value: AgreementMeta[K] | undefined,
  line?: number,
) => void;

/**
 * The signing place and date ("Hà Nội, ngày … tháng … năm …" in the header or the closing, "ký ngày …"),
 * the effective date and a written expiry date, each set with its line.
 */
export function readPlaceAndDates(
  header: readonly SourceLine[],
  closing: readonly SourceLine[],
  body: readonly SourceLine[],
  meta: AgreementMeta,
  set: Setter,
  headerWasBlank: boolean,
) {
  const setDate = (
    field: 'signedOn' | 'effectiveOn' | 'expiresOn',
    value: string | undefined,
    line?: number,
  ) => set(field, value, line);
  // A header that left place and date blank (a model agreement) is not filled from the signing line.
  if (!headerWasBlank) {
    for (const l of [...header, ...closing]) {
      for (const piece of l.text.split(/\s+\|\s+/)) {
        const m = PLACE_DATE.exec(piece);
        if (m && !/^(Căn cứ|Hôm nay)/iu.test(m[1]!)) {
          set('signingPlace', squashSpaces(m[1]!), l.line);
          setDate('signedOn', findDates(piece)[0]?.iso, l.line);
          break;
        }
      }
      if (meta.signedOn) break;
    }
  }
  const all = [...header, ...body, ...closing];
  if (!meta.signedOn) {
    for (const l of all) {
      const m = SIGNED_ON.exec(l.text);
      const date = m ? findDates(m[1]!)[0] : undefined;
      if (date) {
        setDate('signedOn', date.iso, l.line);
        break;
      }
    }
  }
  for (const l of body) {
    const line = l.text;
    if (!meta.effectiveOn) {
      const m = EFFECTIVE.exec(line);
      if (m) {
        if (/^ngày\s+ký$/iu.test(m[1]!)) setDate('effectiveOn', meta.signedOn, l.line);
        else setDate('effectiveOn', findDates(m[1]!)[0]?.iso, l.line);
      } else if (TERM_FROM_SIGNING.test(line)) {
        setDate('effectiveOn', meta.signedOn, l.line);
      }
    }
    if (!meta.expiresOn && /hiệu lực|thời hạn|hết hạn/iu.test(line)) {
      const m = EXPIRES.exec(line);
      const raw = m?.[1];
      if (raw) setDate('expiresOn', findDates(raw.includes('/') ? raw : `ngày ${raw}`)[0]?.iso, l.line);
    }
  }
}
