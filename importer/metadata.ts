/**
 * Metadata from the text of an agreement: title, parties, signatories,
 * place and dates, term, expiry, level, industry, province, district,
 * superior union, minimum-wage region, workers covered. What cannot be found
 * stays empty and becomes a warning; nothing is guessed silently.
 */

import { termEnd, wholeMonthsBetween } from '../clauses/dates.ts';
import { detectIndustry } from '../clauses/industries.ts';
import { parseNumberWords, parseOrdinal, parseVietnameseNumber } from '../clauses/numbers.ts';
import { currentProvinceOf } from '../clauses/provinces.ts';
import { foldText, squashSpaces } from '../clauses/text.ts';
import type {
  AgreementMeta,
  ImportWarning,
  MetaField,
  MetaProvenance,
  Signatory,
  WageRegion,
} from '../clauses/types.ts';
import type { SourceLine } from './blocks.ts';
import { readHeader } from './header-block.ts';
import { isBlank } from './layout.ts';
import { readPlaceAndDates } from './metadata-dates.ts';
import { readPlaces } from './metadata-places.ts';
import { type FoundSignatory, readParties, readSignatures } from './parties-block.ts';
import { readReplaces } from './replaces.ts';

type Lines = readonly (string | SourceLine)[];

export interface MetadataSources {
  preamble: Lines;
  closing: Lines;
  /** Headings and texts of the body, in document order. */
  body: Lines;
}

/** Fields a user can set by front matter or on the command line. */
export type MetaOverrides = Partial<Omit<AgreementMeta, 'signatories'>> & { signatories?: Signatory[] };

const FIELD_LABELS: Partial<Record<MetaField, { vi: string; en: string }>> = {
  title: { vi: 'tên thỏa ước', en: 'title' },
  employer: { vi: 'người sử dụng lao động', en: 'employer' },
  unionSide: { vi: 'đại diện tập thể người lao động', en: 'worker side (union)' },
  signingPlace: { vi: 'nơi ký', en: 'signing place' },
  signedOn: { vi: 'ngày ký', en: 'signing date' },
  effectiveOn: { vi: 'ngày có hiệu lực', en: 'effective date' },
  termMonths: { vi: 'thời hạn', en: 'term' },
  expiresOn: { vi: 'ngày hết hạn', en: 'expiry date' },
  industry: { vi: 'ngành', en: 'industry' },
  province: { vi: 'tỉnh/thành phố', en: 'province' },
  district: { vi: 'quận/huyện hoặc khu vực', en: 'district or area' },
  superiorUnion: { vi: 'công đoàn cấp trên trực tiếp', en: 'superior union' },
  wageRegion: { vi: 'vùng lương tối thiểu', en: 'minimum-wage region' },
};

/**
 * Extracts metadata, applies overrides (front matter, then command-line flags),
 * and derives what the law defines: the effective date is the signing date when
 * none is written (Điều 78 khoản 1 BLLĐ 2019); expiry is effective date + term.
 * Each value found keeps where it came from in `meta.provenance`.
 */
export function extractMetadata(
  sources: MetadataSources,
  ...overrides: MetaOverrides[]
): { meta: AgreementMeta; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const { meta: found, provenance, blanks } = readText(sources);
  const meta: AgreementMeta = { ...found };
  for (const o of overrides) {
    const given = stripUndefined(o);
    Object.assign(meta, given);
    for (const key of Object.keys(given)) {
      if (key === 'termYears') continue;
      provenance[key as MetaField] = { from: 'given' };
    }
    if (given.province) {
      meta.currentProvince = currentProvinceOf(given.province);
      meta.placeAsWritten = given.province;
      provenance.currentProvince = { from: 'derived', rule: 'Nghị quyết 202/2025/QH15' };
      provenance.placeAsWritten = { from: 'given' };
    }
  }
  const given = new Set(overrides.flatMap((o) => Object.keys(stripUndefined(o))));

  if (!meta.effectiveOn && meta.signedOn) {
    meta.effectiveOn = meta.signedOn;
    provenance.effectiveOn = { from: 'derived', rule: 'Điều 78 khoản 1 BLLĐ 2019' };
    warnings.push({
      code: 'metadata_derived',
      field: 'effectiveOn',
      message: 'Thỏa ước không ghi ngày có hiệu lực: lấy ngày ký (Điều 78 khoản 1 BLLĐ 2019).',
      messageEn: 'No effective date is written: the signing date applies (Labour Code 2019, Điều 78.1).',
    });
  }
  if (
    meta.effectiveOn &&
    meta.termMonths &&
    (!meta.expiresOn || (given.has('termMonths') && !given.has('expiresOn')))
  ) {
    meta.expiresOn = termEnd(meta.effectiveOn, meta.termMonths);
    provenance.expiresOn = { from: 'derived', rule: 'effectiveOn + termMonths' };
  }
  if (meta.effectiveOn && meta.expiresOn && !meta.termMonths) {
    meta.termMonths = wholeMonthsBetween(meta.effectiveOn, meta.expiresOn);
    if (meta.termMonths !== undefined)
      provenance.termMonths = { from: 'derived', rule: 'expiresOn − effectiveOn' };
  }

  for (const [field, label] of Object.entries(FIELD_LABELS) as Array<
    [MetaField, { vi: string; en: string }]
  >) {
    if (meta[field] === undefined) {
      const blank = (blanks as readonly string[]).includes(field);
      warnings.push({
        code: 'metadata_missing',
        field,
        message: blank
          ? `Văn bản để trống ${label.vi} (mẫu chưa điền).`
          : `Không tìm thấy ${label.vi} trong văn bản.`,
        messageEn: blank
          ? `The ${label.en} is left blank (a template).`
          : `No ${label.en} found in the text.`,
      });
    }
  }
  if (meta.signatories.length === 0) {
    warnings.push({
      code: 'metadata_missing',
      message: 'Không tìm thấy người ký (tên và chức vụ của hai bên) trong văn bản.',
      messageEn: 'No signatories (names and titles of the two sides) found in the text.',
    });
  }
  if (Object.keys(provenance).length > 0) meta.provenance = provenance;
  return { meta, warnings };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const asLines = (lines: Lines): SourceLine[] => lines.map((l) => (typeof l === 'string' ? { text: l } : l));

interface TextRead {
  meta: AgreementMeta;
  provenance: MetaProvenance;
  /** Fields a model agreement leaves blank. */
  blanks: readonly MetaField[];
}

function readText(sources: MetadataSources): TextRead {
  const meta: AgreementMeta = { signatories: [], level: 'enterprise' };
  const provenance: MetaProvenance = {};
  const headerLines = asLines(sources.preamble).map((l) => ({ ...l, text: squashSpaces(l.text) }));
  const closingLines = asLines(sources.closing);
  const bodyLines = asLines(sources.body);
  const header = headerLines.map((l) => l.text);
  const body = bodyLines.map((l) => l.text);
  const set = <K extends MetaField>(field: K, value: AgreementMeta[K] | undefined, line?: number) => {
    if (value === undefined || meta[field] !== undefined) return;
    meta[field] = value;
    provenance[field] = { from: 'text', line };
  };

  // Title: "THỎA ƯỚC LAO ĐỘNG TẬP THỂ", maybe continued on the next line ("NĂM 2025", "CÔNG TY …").
  // A document code may precede it in capitals ("HR-01 — THỎA ƯỚC LAO ĐỘNG TẬP THỂ").
  const titleAt = header.findIndex(
    (l) => foldText(l).startsWith('thoa uoc lao dong tap the') || /THỎA ƯỚC LAO ĐỘNG TẬP THỂ/u.test(l),
  );
  if (titleAt >= 0) {
    const line = header[titleAt]!;
    const from = foldText(line).startsWith('thoa uoc') ? 0 : line.indexOf('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    const next = header[titleAt + 1];
    const continued =
      next !== undefined && /^(NĂM|NGÀNH|CỦA|CÔNG TY|TỔNG CÔNG TY|GIAI ĐOẠN|GIỮA|\(|NHIỀU|CÁC)/u.test(next);
    const title = line.slice(from).split(/\s+\|\s+/)[0]!;
    set('title', continued ? `${title} ${next}` : title, headerLines[titleAt]?.line);
  }
  const folded = foldText(meta.title ?? '');
  if (folded.includes('nhieu doanh nghiep')) meta.level = 'multi_enterprise';
  else if (/\bnganh\b/.test(folded)) meta.level = 'sector';

  const top = readHeader(headerLines);
  const parties = readParties(headerLines);
  const signatureLines = hasSignatureHeading(closingLines)
    ? closingLines
    : [...bodyLines.slice(-30), ...closingLines];
  const signed = readSignatures(signatureLines);

  set('documentNumber', top.documentNumber?.value, top.documentNumber?.line);
  if (!meta.documentNumber) {
    headerLines.some((l) => {
      const m = /^Số\s*:\s*(\S+)/u.exec(l.text);
      if (m && /\d/.test(m[1]!)) set('documentNumber', m[1]!.replace(/[.,;]$/, ''), l.line);
      return meta.documentNumber !== undefined;
    });
  }

  // Employer: the parties' paragraph, then the issuing side of the header (never its parent, never the motto),
  // then the signature block, then a signatory's title ("Giám đốc Công ty X").
  const headerEmployer = top.issuer && !top.issuer.isUnion ? top.issuer : undefined;
  const headerUnion = top.issuer?.isUnion ? top.issuer : undefined;
  const employers = [
    parties.employer,
    headerEmployer,
    signed.organisations.employer,
    parties.fromTitles.employer,
  ];
  const unions = [parties.unionSide, headerUnion, signed.organisations.workers, parties.fromTitles.workers];
  for (const [field, candidates] of [
    ['employer', employers],
    ['unionSide', unions],
  ] as const) {
    const chosen = candidates.find((c) => c !== undefined);
    if (!chosen) continue;
    // The same name in capitals (a header) and in mixed case (a title): keep the one a page can show.
    const spelled = candidates.find(
      (c) => c && foldText(c.value) === foldText(chosen.value) && c.value !== c.value.toUpperCase(),
    );
    set(field, (spelled ?? chosen).value, chosen.line);
  }
  if (!meta.unionSide) {
    const at = headerLines.find((l) =>
      /^(Công đoàn cơ sở|CÔNG ĐOÀN CƠ SỞ|Ban Chấp hành Công đoàn)/u.test(l.text),
    );
    if (at && !isBlank(at.text)) set('unionSide', cleanName(at.text.split(/\s+\|\s+/)[0]!), at.line);
  }
  if (top.parent && !top.parent.isUnion) set('parentGroup', top.parent.value, top.parent.line);
  if (top.parent?.isUnion && top.issuer?.isUnion) set('superiorUnion', top.parent.value, top.parent.line);
  set('address', parties.address?.value, parties.address?.line);
  set('taxCode', parties.taxCode?.value, parties.taxCode?.line);

  meta.signatories = mergeSignatories(parties.signatories, signed.signatories);
  if (meta.signatories.length > 0) {
    const first = [...parties.signatories, ...signed.signatories][0];
    provenance.signatories = { from: 'text', line: first?.line };
  }

  set('signingPlace', top.signingPlace?.value, top.signingPlace?.line);
  set('signedOn', top.signedOn?.value, top.signedOn?.line);
  readPlaceAndDates(headerLines, closingLines, bodyLines, meta, set, top.blanks.length > 0);
  // "thay thế cho Thỏa ước … ký ngày …": the words as written; the service links the agreement when it is there.
  const all = [...headerLines, ...bodyLines, ...closingLines];
  const replaced = readReplaces(all.map((l) => l.text));
  if (replaced) {
    const line = all[replaced.index]?.line;
    set('replaces', replaced.asWritten, line);
    set('replacesSignedOn', replaced.signedOn, line);
  }
  readTerm(body, meta);
  if (meta.termMonths !== undefined) provenance.termMonths = { from: 'text', line: termLine(bodyLines) };

  const industry = detectIndustry([meta.title ?? '', meta.employer ?? '', meta.unionSide ?? ''])?.id;
  if (industry) {
    meta.industry = industry;
    provenance.industry = { from: 'derived', rule: 'title, employer and union names' };
  }
  readPlaces({ header: headerLines, closing: closingLines, body: bodyLines }, meta, provenance);
  readWageRegion(body, meta);
  if (meta.wageRegion !== undefined) provenance.wageRegion = { from: 'text' };
  readCounts(header, meta);
  const blanks: MetaField[] = [...top.blanks];
  return { meta, provenance, blanks };
}

function hasSignatureHeading(lines: readonly SourceLine[]): boolean {
  return (
    readSignatures(lines).signatories.length > 0 ||
    lines.some((l) => /^(?:ĐẠI DIỆN|TM\.)/u.test(l.text.trim()))
  );
}

function termLine(body: readonly SourceLine[]): number | undefined {
  return body.find((l) => /thời hạn|hiệu lực/iu.test(l.text) && /năm|tháng/u.test(l.text))?.line;
}

/** The parties' paragraph first; the signature block adds who it names and the titles the paragraph left out. */
function mergeSignatories(
  fromParties: readonly FoundSignatory[],
  fromBlock: readonly FoundSignatory[],
): Signatory[] {
  const out: Signatory[] = [];
  for (const s of [...fromParties, ...fromBlock]) {
    const same = out.find((o) => foldText(o.name) === foldText(s.name));
    if (same) {
      if (!same.title && s.title) same.title = s.title;
      continue;
    }
    const signatory: Signatory = { side: s.side, name: s.name };
    if (s.title) signatory.title = s.title;
    out.push(signatory);
  }
  return out;
}

function cleanName(text: string): string {
  return squashSpaces(text.replace(/\s*[.;,]\s*$/, ''));
}

const TERM_KEYWORD = /(thời hạn|hiệu lực)/giu;

/** "thời hạn hai (02) năm", "có hiệu lực 03 năm", "có hiệu lực trong 36 tháng", "thời hạn là ba năm". */
function readTerm(body: readonly string[], meta: AgreementMeta) {
  for (const line of body) {
    for (const k of line.matchAll(TERM_KEYWORD)) {
      const after = line.slice(k.index + k[0].length, k.index + k[0].length + 60);
      const unit = /(?<![\p{L}])(năm|tháng)(?![\p{L}])/u.exec(after);
      if (!unit) continue;
      const window = after.slice(0, unit.index);
      if (/ngày|\d{4}/u.test(window)) continue;
      const digits = /(\d{1,3})/.exec(window);
      let n = digits ? Number(digits[1]) : undefined;
      if (n === undefined) {
        const words = window.replace(/[()]/g, ' ').trim().split(/\s+/);
        for (let i = 0; i < words.length && n === undefined; i++)
          n = parseNumberWords(words.slice(i).join(' '));
      }
      if (n !== undefined && n > 0) {
        const months = unit[1] === 'năm' ? n * 12 : n;
        if (months >= 1 && months <= 120) {
          meta.termMonths = months;
          return;
        }
      }
    }
  }
}

function readWageRegion(body: readonly string[], meta: AgreementMeta) {
  for (const line of body) {
    const m =
      /(?:lương tối thiểu vùng|địa bàn vùng|thuộc vùng|áp dụng vùng)\s+(IV|III|II|I|[1-4])(?![\p{L}\d])/iu.exec(
        line,
      );
    if (m) {
      meta.wageRegion = parseOrdinal(m[1]!) as WageRegion;
      return;
    }
  }
}

function readCounts(header: readonly string[], meta: AgreementMeta) {
  for (const line of header) {
    const folded = foldText(line);
    if (meta.workersCovered === undefined && /tong so (nguoi )?lao dong|so lao dong/.test(folded)) {
      const m = /(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:người|lao động|NLĐ)/u.exec(line);
      const n = m ? parseVietnameseNumber(m[1]!) : undefined;
      if (n !== undefined && Number.isInteger(n)) meta.workersCovered = n;
    }
    if (meta.approvalPercent === undefined && /tan thanh|dong y|bieu quyet/.test(folded)) {
      const m = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/u.exec(line);
      const n = m ? parseVietnameseNumber(m[1]!.replace('.', ',')) : undefined;
      if (n !== undefined && n <= 100) meta.approvalPercent = n;
    }
  }
}
