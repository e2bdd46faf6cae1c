/**
 * The measures and verdicts of a comparison: the parts the library-wide
 * questions read (below the floor, benchmarks, the N-way table, grades, the
 * medians of a draft's suggestions), and a compact stored form of them that
 * names each floor by its key instead of carrying the floor and the words of
 * the law. A library keeps this form per agreement, so a library-wide
 * question reads a few hundred bytes an agreement instead of comparing it.
 */

import { type Comparison, type ComparisonRow, type FloorReference, floorReference } from './compare.ts';
import { type FloorsFile, LEGAL_FLOORS } from './floors.ts';

/**
 * A comparison row without what only the agreement's own page shows: the words of the law, why the
 * number was measured, the reason of an unclear verdict.
 */
export type MeasuredRow = Omit<ComparisonRow, 'law' | 'basis' | 'reason'>;

/** What library-wide questions read of a comparison: its judged rows (unclear ones left out) and those below. */
export interface MeasuredComparison {
  on: string;
  /** Rows above, equal to, below the floor or with no floor, in the comparison's order. */
  rows: MeasuredRow[];
  /** Rows below the floor. */
  unlawful: MeasuredRow[];
}

/** A measured row as stored: its floor named by key. */
type StoredRow = Omit<MeasuredRow, 'floor'> & { floor?: string };

/** The stored form of an agreement's measures and verdicts (valid for one floor period and one data set). */
export interface StoredVerdicts {
  rows: StoredRow[];
}

/**
 * The stored form of a comparison: judged rows only, each floor by its key.
 * @example toStoredVerdicts(compareWithFloors(agreement, { on })).rows[0].floor // 'annual_leave.113-1'
 */
export function toStoredVerdicts(comparison: Pick<Comparison, 'rows'>): StoredVerdicts {
  const rows: StoredRow[] = [];
  for (const row of comparison.rows) {
    if (row.verdict === 'unclear') continue;
    const { law: _law, basis: _basis, reason: _reason, floor, ...rest } = row;
    rows.push(floor ? { ...rest, floor: floor.key } : rest);
  }
  return { rows };
}

const references = new WeakMap<FloorsFile, Map<string, FloorReference>>();

/** The floor references of a floors file by key, built once per file. */
function referencesOf(file: FloorsFile): Map<string, FloorReference> {
  let known = references.get(file);
  if (!known) {
    known = new Map(file.floors.map((rule) => [rule.key, floorReference(rule)]));
    references.set(file, known);
  }
  return known;
}

/**
 * The measured comparison a stored form stands for, its floors read back from the floors file.
 * @param on the day asked (the stored form holds for every day of its floor period)
 * @param floors the floors file the stored form was made with (the bundled one by default)
 */
export function fromStoredVerdicts(
  stored: StoredVerdicts,
  on: string,
  floors: FloorsFile = LEGAL_FLOORS,
): MeasuredComparison {
  const byKey = referencesOf(floors);
  const rows = stored.rows.map((row): MeasuredRow => {
    const { floor, ...rest } = row;
    const reference = floor === undefined ? undefined : byKey.get(floor);
    return reference ? { ...rest, floor: reference } : rest;
  });
  return { on, rows, unlawful: rows.filter((row) => row.verdict === 'below') };
}

/** The measured parts of a full comparison, exactly as they read back from the stored form. */
export function toMeasured(
  comparison: Pick<Comparison, 'rows' | 'on'>,
  floors?: FloorsFile,
): MeasuredComparison {
  return fromStoredVerdicts(toStoredVerdicts(comparison), comparison.on, floors);
}
