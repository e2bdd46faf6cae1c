/**
 * The place of an agreement: its superior union, its province — from the
 * address, the signing place, the addressees ("Nơi nhận: Sở … tỉnh …") or
 * the parties, in that order of trust — placed on the map of 01/07/2025
 * (Nghị quyết 202/2025/QH15), and the district or area of the union that
 * follows it up. The place is kept as written: minimum-wage regions follow
 * the former district.
 */

import { findProvinces } from '../clauses/provinces.ts';
import { squashSpaces } from '../clauses/text.ts';
import type { AgreementMeta, MetaProvenance } from '../clauses/types.ts';
import type { SourceLine } from './blocks.ts';

// Place names are written in capitals word by word ("quận Hoàng Mai", "Khu công nghiệp Biên Hòa 2");
// a name ends at the first lower-case word ("… và Sở Nội vụ", "… trong thời hạn").
const PLACE_NAME = String.raw`(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|\d+))+`;
const SUPERIOR_UNION = new RegExp(
  [
    String.raw`Liên (?:đoàn|Đoàn) Lao (?:động|Động) (?:quận|huyện|thị xã|thành phố|TP\.?|tỉnh|Quận|Huyện|Thị xã|Thành phố|Tỉnh)${PLACE_NAME}`,
    String.raw`Công đoàn (?:các )?Khu (?:công nghiệp|chế xuất|kinh tế|công nghệ cao)(?:\s+(?:tỉnh|thành phố))?${PLACE_NAME}`,
    String.raw`Công đoàn (?:Tổng Công ty|Tổng công ty|Tập đoàn)${PLACE_NAME}(?:\s+(?:miền|khu vực)${PLACE_NAME})?`,
    String.raw`Công đoàn (?!cơ sở)\p{Lu}[^,;.()\n]*? Việt Nam`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'u',
);
const ADDRESS_DISTRICT = /(quận|huyện|thị xã|Quận|Huyện|Thị xã)\s+([\p{Lu}\d][^,;.()\n]*)/u;
const ADDRESS = /^(?:[-+•]\s*)?(?:Địa chỉ|Trụ sở)/iu;
// Addressees: the "Nơi nhận" list, or "gửi …: 01 bản" lines naming the authorities.
const ADDRESSEE =
  /^(?:[-+•*]\s*)?(?:Sở |Liên đoàn Lao động|LĐLĐ|UBND|Ủy ban nhân dân|Phòng Lao động|Ban Quản lý)/iu;

export interface PlaceSources {
  header: readonly SourceLine[];
  closing: readonly SourceLine[];
  body: readonly SourceLine[];
}

/**
 * Sets `superiorUnion`, `province`, `currentProvince`, `placeAsWritten` and
 * `district` on `meta`, and where each came from on `provenance`.
 */
export function readPlaces(
  { header, closing, body }: PlaceSources,
  meta: AgreementMeta,
  provenance: MetaProvenance,
): void {
  // The superior union: named in the header or in "Nơi nhận". The closest one (district, zone) wins over the province.
  // The agreement's own union (a corporation's union signing for its workers) is not its superior.
  const named = (lines: readonly SourceLine[]) =>
    lines
      .map((l) => ({ text: SUPERIOR_UNION.exec(l.text)?.[0], line: l.line }))
      .filter((u): u is { text: string; line: number | undefined } => u.text !== undefined)
      .map((u) => ({ ...u, text: cleanName(u.text) }))
      .filter((u) => !meta.unionSide?.startsWith(u.text) && !meta.parentGroup?.startsWith(u.text));
  // The body ("gửi Liên đoàn Lao động quận …" in the last article) only when the header and "Nơi nhận" are silent.
  let unions = named([...header, ...closing]);
  if (unions.length === 0) unions = named(body);
  const union =
    unions.find((u) => !/tỉnh|thành phố Hà Nội|thành phố Hồ Chí Minh/iu.test(u.text)) ?? unions[0];
  if (union && !meta.superiorUnion) {
    meta.superiorUnion = union.text;
    provenance.superiorUnion = { from: 'text', line: union.line };
  }

  const addresses = header.filter((l) => ADDRESS.test(l.text));
  const addressees = [...closing, ...body.slice(-40)].filter((l) => ADDRESSEE.test(l.text.trim()));
  const candidates: Array<{ text: string; line?: number; last: boolean }> = [
    ...(meta.address ? [{ text: meta.address, line: lineOf(provenance.address), last: true }] : []),
    ...addresses.map((l) => ({ text: l.text, line: l.line, last: true })),
    ...(meta.signingPlace
      ? [{ text: meta.signingPlace, line: lineOf(provenance.signingPlace), last: false }]
      : []),
    ...addressees.map((l) => ({ text: l.text, line: l.line, last: false })),
    ...(meta.superiorUnion
      ? [{ text: meta.superiorUnion, line: lineOf(provenance.superiorUnion), last: false }]
      : []),
    ...(meta.employer ? [{ text: meta.employer, line: lineOf(provenance.employer), last: false }] : []),
  ];
  if (!meta.province) {
    for (const candidate of candidates) {
      const provinces = findProvinces(candidate.text);
      // An address ends with its province: "…, phường X, quận Y, TP. Hồ Chí Minh".
      const province = candidate.last ? provinces.at(-1) : provinces[0];
      if (province) {
        meta.province = province.name;
        meta.currentProvince = province.now;
        meta.placeAsWritten = squashSpaces(
          candidate.text
            .replace(/^(?:[-+•*]\s*)?(?:Địa chỉ|Trụ sở)\s*:\s*/iu, '')
            .replace(/\s*:\s*\d+\s*bản\b.*$/iu, '')
            .replace(/[;.,]$/, ''),
        );
        provenance.province = { from: 'text', line: candidate.line };
        provenance.currentProvince = { from: 'derived', rule: 'Nghị quyết 202/2025/QH15' };
        provenance.placeAsWritten = { from: 'text', line: candidate.line };
        break;
      }
    }
  }

  const zone =
    meta.superiorUnion &&
    /(?:các )?Khu (?:công nghiệp|chế xuất|kinh tế|công nghệ cao)[^,;.()\n]*/u.exec(meta.superiorUnion)?.[0];
  const unionArea =
    meta.superiorUnion && /(?:quận|huyện|thị xã|thành phố)\s+[^,;.()\n]+/u.exec(meta.superiorUnion)?.[0];
  if (zone) {
    meta.district = zone.charAt(0).toUpperCase() + zone.slice(1);
    provenance.district = provenance.superiorUnion;
  } else if (unionArea && !/Hà Nội|Hồ Chí Minh/u.test(unionArea)) {
    meta.district = unionArea;
    provenance.district = provenance.superiorUnion;
  } else {
    for (const address of meta.address
      ? [{ text: meta.address, line: lineOf(provenance.address) }, ...addresses]
      : addresses) {
      const m = ADDRESS_DISTRICT.exec(address.text);
      if (m) {
        meta.district = `${m[1]!.toLowerCase()} ${cleanName(m[2]!)}`;
        provenance.district = { from: 'text', line: address.line };
        break;
      }
    }
  }
}

function lineOf(source: MetaProvenance[keyof MetaProvenance]): number | undefined {
  return source?.from === 'text' ? source.line : undefined;
}

function cleanName(text: string): string {
  return squashSpaces(text.replace(/\s*[.;,]\s*$/, ''));
}
