/**
 * Metadata from the text of an agreement: title, parties, signatories,
 * place and dates, term, expiry, level, industry, province, district,
 * superior union, minimum-wage region, workers covered. What cannot be found
 * stays empty and becomes a warning; nothing is guessed silently.
 */

import { findDates, termEnd, wholeMonthsBetween } from '../clauses/dates.ts';
import { detectIndustry } from '../clauses/industries.ts';
import { parseNumberWords, parseOrdinal, parseVietnameseNumber } from '../clauses/numbers.ts';
import { findProvinces } from '../clauses/provinces.ts';
import { foldText, squashSpaces } from '../clauses/text.ts';
import type { AgreementMeta, ImportWarning, MetaField, Signatory, WageRegion } from '../clauses/types.ts';

export interface MetadataSources {
  preamble: readonly string[];
  closing: readonly string[];
  /** Headings and texts of the body, in document order. */
  body: readonly string[];
}

/** Fields a user can set by front matter or on the command line. */
export type MetaOverrides = Partial<Omit<AgreementMeta, 'signatories'>> & { signatories?: Signatory[] };

const FIELD_LABELS: Partial<Record<MetaField, { vi: string; en: string }>> = {
  title: { vi: 'tên thỏa ước', en: 'title' },
  employer: { vi: 'người sử dụng lao động', en: 'employer' },
  unionSide: { vi: 'đại diện tập thể người lao động', en: 'worker side (union)' },
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
 */
export function extractMetadata(
  sources: MetadataSources,
  ...overrides: MetaOverrides[]
): { meta: AgreementMeta; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const found = readText(sources);
  const meta: AgreementMeta = { ...found };
  for (const o of overrides) Object.assign(meta, stripUndefined(o));
  const given = new Set(overrides.flatMap((o) => Object.keys(stripUndefined(o))));

  if (!meta.effectiveOn && meta.signedOn) {
    meta.effectiveOn = meta.signedOn;
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
  }
  if (meta.effectiveOn && meta.expiresOn && !meta.termMonths) {
    meta.termMonths = wholeMonthsBetween(meta.effectiveOn, meta.expiresOn);
  }

  for (const [field, label] of Object.entries(FIELD_LABELS) as Array<
    [MetaField, { vi: string; en: string }]
  >) {
    if (meta[field] === undefined) {
      warnings.push({
        code: 'metadata_missing',
        field,
        message: `Không tìm thấy ${label.vi} trong văn bản.`,
        messageEn: `No ${label.en} found in the text.`,
      });
    }
  }
  return { meta, warnings };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function readText({ preamble, closing, body }: MetadataSources): AgreementMeta {
  const meta: AgreementMeta = { signatories: [], level: 'enterprise' };
  const header = preamble.map(squashSpaces);

  // Title: "THỎA ƯỚC LAO ĐỘNG TẬP THỂ", maybe continued on the next line ("NĂM 2025", "CÔNG TY …").
  const titleAt = header.findIndex((l) => foldText(l).startsWith('thoa uoc lao dong tap the'));
  if (titleAt >= 0) {
    const next = header[titleAt + 1];
    const continued =
      next !== undefined && /^(NĂM|NGÀNH|CỦA|CÔNG TY|TỔNG CÔNG TY|GIAI ĐOẠN|GIỮA|\(|NHIỀU|CÁC)/u.test(next);
    meta.title = continued ? `${header[titleAt]} ${next}` : header[titleAt];
  }
  const folded = foldText(meta.title ?? '');
  if (folded.includes('nhieu doanh nghiep')) meta.level = 'multi_enterprise';
  else if (/\bnganh\b/.test(folded)) meta.level = 'sector';

  for (const line of header) {
    const m = /^Số\s*:\s*(\S+)/u.exec(line);
    if (m && /\d/.test(m[1]!)) {
      meta.documentNumber = m[1]!.replace(/[.,;]$/, '');
      break;
    }
  }

  readParties(header, meta);
  readPlaceAndDates(header, closing, body, meta);
  readTerm(body, meta);

  meta.industry = detectIndustry([meta.title ?? '', meta.employer ?? '', meta.unionSide ?? ''])?.id;
  readPlaces(header, closing, body, meta);
  readWageRegion(body, meta);
  readCounts(header, meta);
  return meta;
}

const PARTY =
  /^(?:\d+\s*[.)]\s*|[-+•]\s*)?(?:Đại diện|ĐẠI DIỆN|Bên|BÊN)\s+(?:cho\s+|CHO\s+)?(tập thể người lao động|TẬP THỂ NGƯỜI LAO ĐỘNG|người lao động|NGƯỜI LAO ĐỘNG|NLĐ|người sử dụng lao động|NGƯỜI SỬ DỤNG LAO ĐỘNG|NSDLĐ)\s*(?:\([^)]*\))?\s*(?:[:：]\s*(.*))?$/u;
const PERSON =
  /^(?:[-+•]\s*)?(Ông|Bà|Ông\/Bà|ÔNG|BÀ)\s*:?\s*([^—–,;(]+?)\s*(?:(?:[—–,;-]|\s\s)\s*(?:Chức vụ|Chức danh|chức vụ|chức danh)\s*:?\s*(.+))?$/u;
const TITLE_LINE = /^(?:[-+•]\s*)?(?:Chức vụ|Chức danh)\s*:\s*(.+)$/u;
const ORGANISATION =
  /^(Công ty|CÔNG TY|Tổng công ty|Tổng Công ty|TỔNG CÔNG TY|Ngân hàng|NGÂN HÀNG|Bệnh viện|BỆNH VIỆN|Trường|TRƯỜNG|Tập đoàn|TẬP ĐOÀN|Chi nhánh|CHI NHÁNH|Công đoàn|CÔNG ĐOÀN|Doanh nghiệp|Xí nghiệp|XÍ NGHIỆP|Nhà máy|NHÀ MÁY|Khách sạn|KHÁCH SẠN|Hợp tác xã)\b/u;

function readParties(header: readonly string[], meta: AgreementMeta): void {
  let side: Signatory['side'] | undefined;
  for (const line of header) {
    const party = PARTY.exec(line);
    if (party) {
      side = foldText(party[1]!).includes('su dung') || party[1] === 'NSDLĐ' ? 'employer' : 'workers';
      // "Công đoàn cơ sở của 05 doanh nghiệp, do …": the name ends at the first comma.
      const org = cleanName((party[2] ?? '').split(/,\s/)[0]!);
      if (org && ORGANISATION.test(org)) {
        if (side === 'employer' && !meta.employer) meta.employer = org;
        if (side === 'workers' && !meta.unionSide) meta.unionSide = org;
      }
      continue;
    }
    if (side && ORGANISATION.test(line)) {
      const org = cleanName(line.replace(/^(?:Tên|Tên đơn vị)\s*:\s*/u, ''));
      if (side === 'employer' && !meta.employer) meta.employer = org;
      if (side === 'workers' && !meta.unionSide) meta.unionSide = org;
      continue;
    }
    const person = side ? PERSON.exec(line) : null;
    if (person && side) {
      const signatory: Signatory = { side, name: cleanName(person[2]!) };
      if (person[3]) signatory.title = cleanName(person[3]);
      meta.signatories.push(signatory);
      continue;
    }
    const title = TITLE_LINE.exec(line);
    const last = meta.signatories[meta.signatories.length - 1];
    if (title && last && !last.title) last.title = cleanName(title[1]!);
  }
  // A company named at the top of the document, before any party line.
  if (!meta.employer) {
    const top = header.find((l) => ORGANISATION.test(l) && !/^(Công đoàn|CÔNG ĐOÀN)/u.test(l));
    if (top) meta.employer = cleanName(top);
  }
  if (!meta.unionSide) {
    const union = header.find((l) => /^(Công đoàn cơ sở|CÔNG ĐOÀN CƠ SỞ|Ban Chấp hành Công đoàn)/u.test(l));
    if (union) meta.unionSide = cleanName(union);
  }
}

function cleanName(text: string): string {
  return squashSpaces(text.replace(/\s*[.;,]\s*$/, ''));
}

const PLACE_DATE =
  /^([^\d,;:]{2,40}?),\s*(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const SIGNED_ON =
  /(?:ký(?: kết)?(?: vào)?|ký tại [^,]+,?)\s*(?:ngày\s*)?(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const EFFECTIVE =
  /hiệu lực(?: thi hành)?[^.;\n]{0,40}?(?:kể\s+)?từ\s+(ngày\s+ký|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;
const TERM_FROM_SIGNING = /thời hạn[^.;\n]{0,25}?(?:năm|tháng)\s*,?\s*(?:kể\s+)?từ\s+ngày\s+ký/iu;
const EXPIRES =
  /(?:đến hết ngày|đến ngày|hết hạn(?: vào)? ngày|hết hiệu lực(?: vào)? ngày)\s*(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;

function readPlaceAndDates(
  header: readonly string[],
  closing: readonly string[],
  body: readonly string[],
  meta: AgreementMeta,
) {
  for (const line of [...header, ...closing]) {
    const m = PLACE_DATE.exec(line);
    if (m && !/^(Căn cứ|Hôm nay)/iu.test(m[1]!)) {
      meta.signingPlace = squashSpaces(m[1]!);
      meta.signedOn = findDates(line)[0]?.iso;
      break;
    }
  }
  const all = [...header, ...body, ...closing];
  if (!meta.signedOn) {
    for (const line of all) {
      const m = SIGNED_ON.exec(line);
      const date = m ? findDates(m[1]!)[0] : undefined;
      if (date) {
        meta.signedOn = date.iso;
        break;
      }
    }
  }
  for (const line of body) {
    if (!meta.effectiveOn) {
      const m = EFFECTIVE.exec(line);
      if (m) {
        if (/^ngày\s+ký$/iu.test(m[1]!)) meta.effectiveOn = meta.signedOn;
        else meta.effectiveOn = findDates(m[1]!)[0]?.iso;
      } else if (TERM_FROM_SIGNING.test(line)) {
        meta.effectiveOn = meta.signedOn;
      }
    }
    if (!meta.expiresOn && /hiệu lực|thời hạn|hết hạn/iu.test(line)) {
      const m = EXPIRES.exec(line);
      const raw = m?.[1];
      if (raw) meta.expiresOn = findDates(raw.includes('/') ? raw : `ngày ${raw}`)[0]?.iso;
    }
  }
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

// Place names are written in capitals word by word ("quận Hoàng Mai", "Khu công nghiệp Biên Hòa 2");
// a name ends at the first lower-case word ("… và Sở Nội vụ", "… trong thời hạn").
const PLACE_NAME = String.raw`(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|\d+))+`;
const SUPERIOR_UNION = new RegExp(
  [
    String.raw`Liên đoàn Lao động (?:quận|huyện|thị xã|thành phố|TP\.?|tỉnh)${PLACE_NAME}`,
    String.raw`Công đoàn (?:các )?Khu (?:công nghiệp|chế xuất|kinh tế|công nghệ cao)(?:\s+(?:tỉnh|thành phố))?${PLACE_NAME}`,
    String.raw`Công đoàn (?:Tổng Công ty|Tổng công ty|Tập đoàn)${PLACE_NAME}(?:\s+(?:miền|khu vực)${PLACE_NAME})?`,
    String.raw`Công đoàn (?!cơ sở)\p{Lu}[^,;.()\n]*? Việt Nam`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'u',
);
const ADDRESS_DISTRICT = /(quận|huyện|thị xã|Quận|Huyện|Thị xã)\s+([\p{Lu}\d][^,;.()\n]*)/u;

function readPlaces(
  header: readonly string[],
  closing: readonly string[],
  body: readonly string[],
  meta: AgreementMeta,
) {
  const addresses = header.filter((l) => /^(?:[-+•]\s*)?(Địa chỉ|Trụ sở)/iu.test(l));
  // The superior union: named in the header or in "Nơi nhận". The closest one (district, zone) wins over the province.
  // The agreement's own union (a corporation's union signing for its workers) is not its superior.
  const named = (lines: readonly string[]) =>
    lines
      .map((l) => SUPERIOR_UNION.exec(l)?.[0])
      .filter((u): u is string => u !== undefined)
      .map(cleanName)
      .filter((u) => !meta.unionSide?.startsWith(u));
  // The body ("gửi Liên đoàn Lao động quận …" in the last article) only when the header and "Nơi nhận" are silent.
  let unions = named([...header, ...closing]);
  if (unions.length === 0) unions = named(body);
  meta.superiorUnion =
    unions.find((u) => !/tỉnh|thành phố Hà Nội|thành phố Hồ Chí Minh/iu.test(u)) ?? unions[0];

  const candidates = [meta.signingPlace ?? '', ...addresses, meta.superiorUnion ?? '', meta.employer ?? ''];
  for (const text of candidates) {
    const provinces = findProvinces(text);
    // An address ends with its province: "…, phường X, quận Y, TP. Hồ Chí Minh".
    const province =
      text.startsWith('Địa chỉ') || text.startsWith('Trụ sở') ? provinces.at(-1) : provinces[0];
    if (province) {
      meta.province = province.name;
      break;
    }
  }

  const zone =
    meta.superiorUnion &&
    /(?:các )?Khu (?:công nghiệp|chế xuất|kinh tế|công nghệ cao)[^,;.()\n]*/u.exec(meta.superiorUnion)?.[0];
  const unionArea =
    meta.superiorUnion && /(?:quận|huyện|thị xã|thành phố)\s+[^,;.()\n]+/u.exec(meta.superiorUnion)?.[0];
  if (zone) meta.district = zone.charAt(0).toUpperCase() + zone.slice(1);
  else if (unionArea && !/Hà Nội|Hồ Chí Minh/u.test(unionArea)) meta.district = unionArea;
  else {
    for (const line of addresses) {
      const m = ADDRESS_DISTRICT.exec(line);
      if (m) {
        meta.district = `${m[1]!.toLowerCase()} ${cleanName(m[2]!)}`;
        break;
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
