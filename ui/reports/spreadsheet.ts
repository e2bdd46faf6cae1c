/**
 * Spreadsheet (CSV) exports that Excel opens safely: UTF-8 with a byte-order
 * mark so Vietnamese shows, Windows line ends, and every cell that a
 * spreadsheet would run as a formula neutralised (OWASP's rule for CSV
 * injection: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage
 * return gets a leading apostrophe, which Excel hides and never evaluates).
 */

import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as written to the sheet: text that would start a formula is prefixed with `'`; numbers stay numbers. */
export function safeCell(value: string | number | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The sheet as CSV text.
 * @param header column names
 * @param rows one array of cells per row
 */
export function toSpreadsheet(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>,
): string {
  const cells = [header.map(safeCell), ...rows.map((row) => row.map(safeCell))];
  return `\uFEFF${stringify(cells, { record_delimiter: 'windows' })}`;
}
