/**
 * Which agreement an agreement replaces, read from its words: "Thỏa ước này
 * thay thế cho Thỏa ước lao động tập thể … ký ngày 15/01/2021", "thay thế
 * Thỏa ước số 02/TƯ-CĐ ngày 20 tháng 12 năm 2020". The words are kept as
 * written; the signing date and number are read only when they are plain.
 */

import { toIsoDate } from '../clauses/dates.ts';

export interface ReplacedAgreement {
  /** From "thay thế" to the date (or the end of the sentence), as written. */
  asWritten: string;
  /** The replaced agreement's signing date (`YYYY-MM-DD`), when written. */
  signedOn?: string;
  /** Its number ("02/TƯ-CĐ"), when written. */
  documentNumber?: string;
}

const AGREEMENT = String.raw`(?:bản\s+)?(?:th[ỏo][aả]\s*ư[ớo]c|TƯLĐTT)`;
const PHRASE = new RegExp(String.raw`thay\s+th[ếe](?:\s+cho)?\s+${AGREEMENT}[^.;\n]{0,300}`, 'iu');
const DATE = /ngày\s*(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:\/|-|\.|\s+năm\s+)\s*(\d{4})/iu;
const NUMBER = /\bsố\s*:?\s*([0-9][\p{L}\p{N}/.-]*[\p{L}\p{N}])/iu;

/**
 * Reads the first "thay thế (cho) Thỏa ước …" of the lines.
 * @returns what it replaces, or undefined when no line says so
 * @example readReplaces(['Thỏa ước này thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021.'])
 *   // { asWritten: 'thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021', signedOn: '2021-01-15' }
 */
export function readReplaces(lines: readonly string[]): (ReplacedAgreement & { index: number }) | undefined {
  for (const [index, line] of lines.entries()) {
    const phrase = PHRASE.exec(line);
    if (!phrase) continue;
    let asWritten = phrase[0].trim().replace(/[,:]$/, '');
    const date = DATE.exec(asWritten);
    if (date) asWritten = asWritten.slice(0, date.index + date[0].length);
    const result: ReplacedAgreement & { index: number } = { asWritten, index };
    const signedOn = date ? toIsoDate(Number(date[3]), Number(date[2]), Number(date[1])) : undefined;
    if (signedOn) result.signedOn = signedOn;
    const number = NUMBER.exec(asWritten);
    if (number) result.documentNumber = number[1]!;
    return result;
  }
  return undefined;
}
