/**
 * The whole library-wide lists as JSON bytes: each line of a kept list (a below-floor agreement, a grade)
 * encoded once and kept beside it, so an answer of 30,000 lines is bytes joined, not objects built and
 * stringified again. A write replaces the lines it moves (new objects), which are encoded afresh; the
 * texts go with their lines (a `WeakMap`), so memory follows the library, not the requests.
 */

import type { MeasuredRow } from '../clauses/measured.ts';
import type { GradesDashboard } from './grades.ts';
import type { BelowFloor } from './questions.ts';

type BelowItem = BelowFloor['items'][number];
type GradeItem = GradesDashboard['items'][number];

/** A below-floor line's bytes up to its day, which is the last value (`…comparison?on=` + day + `"}}`). */
const belowBytes = new WeakMap<BelowItem, Uint8Array>();
const gradeBytes = new WeakMap<GradeItem, Uint8Array>();

const COMMA = Buffer.from(',');
const LINK_END = Buffer.from('"}}');

/** The short form of a below-floor row for lists. */
function belowRow(row: MeasuredRow) {
  return {
    nodeId: row.nodeId,
    path: row.path,
    subject: row.subject,
    written: row.measure.written,
    floor: row.floor?.value,
    difference: row.difference,
    citation: row.floor?.citation.text,
  };
}

/** A below-floor line as the API lists it, on a day. */
export function belowFloorLine({ agreement, unlawful }: BelowItem, on: string) {
  const { employer, industry, province, district, wageRegion, expiresOn } = agreement.meta;
  return {
    id: agreement.id,
    employer,
    industry,
    province,
    district,
    wageRegion,
    expiresOn,
    below: unlawful.length,
    clauses: unlawful.map(belowRow),
    links: {
      agreement: `/api/agreements/${agreement.id}`,
      comparison: `/api/agreements/${agreement.id}/comparison?on=${on}`,
    },
  };
}

function encodedBelow(item: BelowItem): Uint8Array {
  let bytes = belowBytes.get(item);
  if (!bytes) {
    const text = JSON.stringify(belowFloorLine(item, ''));
    bytes = Buffer.from(text.slice(0, -LINK_END.length));
    belowBytes.set(item, bytes);
  }
  return bytes;
}

/**
 * The JSON of below-floor lines on a day, as pieces to join: equal to `JSON.stringify` of each
 * `belowFloorLine`, separated by commas.
 */
export function belowFloorPieces(items: readonly BelowItem[], on: string): Uint8Array[] {
  const day = Buffer.from(JSON.stringify(on).slice(1, -1));
  const pieces: Uint8Array[] = [];
  for (const [i, item] of items.entries()) {
    if (i) pieces.push(COMMA);
    pieces.push(encodedBelow(item), day, LINK_END);
  }
  return pieces;
}

/** The JSON of grade lines, as pieces to join: equal to `JSON.stringify` of each, separated by commas. */
export function gradePieces(items: readonly GradeItem[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (const [i, item] of items.entries()) {
    if (i) pieces.push(COMMA);
    let bytes = gradeBytes.get(item);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(item));
      gradeBytes.set(item, bytes);
    }
    pieces.push(bytes);
  }
  return pieces;
}
