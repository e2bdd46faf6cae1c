/**
 * What the Word review says, in Vietnamese: for each measured clause its
 * verdict, floor and citation, the library's figures and the better clause;
 * for each blank what to write; and the suggested words — for a blank, the
 * library's median (never below the floor); for a clause below the law, the
 * floor or the library's median, whichever is better for workers.
 */

import type { Comparison, ComparisonRow } from '../../clauses/compare.ts';
import { formatNumber } from '../../clauses/compare.ts';
import type { Suggestion } from '../../clauses/suggestions.ts';
import type { Blank } from '../../clauses/types.ts';
import { formatFloor } from '../format.ts';
import { translator } from '../messages.ts';
import type { ReviewNote } from './word-review.ts';

const t = translator('vi');

/** Some words of a clause before and around a place in it, to find its paragraph in the document. */
function contextOf(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 40), end);
}

function shorten(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The value to write: the local median, else the national one, else the floor — never below the floor. */
export function suggestedValue(suggestion: Suggestion | undefined, floorValue?: number): number | undefined {
  if (!suggestion) return floorValue;
  const local = suggestion.local?.enough ? suggestion.local.median : undefined;
  const national = suggestion.national.enough ? suggestion.national.median : undefined;
  const library = local ?? national;
  const floor = floorValue ?? suggestion.floor?.value;
  if (library === undefined) return floor;
  if (floor === undefined) return library;
  return suggestion.better === 'lower' ? Math.min(library, floor) : Math.max(library, floor);
}

function libraryLines(suggestion: Suggestion | undefined): string[] {
  if (!suggestion) return [];
  const lines: string[] = [];
  if (suggestion.writeAtLeast) lines.push(suggestion.writeAtLeast.vi);
  if (suggestion.local) {
    const where = [suggestion.local.industryName?.vi ?? suggestion.local.industry, suggestion.local.province]
      .filter(Boolean)
      .join(', ');
    lines.push(`Thư viện (${where}): ${suggestion.local.text.vi}`);
  }
  lines.push(`Thư viện (cả nước): ${suggestion.national.text.vi}`);
  const best = suggestion.best[0];
  if (best)
    lines.push(
      `Điều khoản tốt hơn — ${best.meta.employer ?? 'một thỏa ước'}${best.year ? ` (${best.year})` : ''}: «${shorten(best.text)}»`,
    );
  return lines;
}

/**
 * The notes of a checked draft for `reviewWordDocument`, in document order (blanks and measured clauses).
 *
 * @param comparison the draft's comparison
 * @param blanks its blanks
 * @param suggestions the workbench's suggestions for them
 */
export function reviewNotes(
  comparison: Pick<Comparison, 'rows'>,
  blanks: readonly Blank[],
  suggestions: readonly Suggestion[],
): ReviewNote[] {
  const forBlank = new Map<Blank, Suggestion>();
  const forRow = new Map<ComparisonRow, Suggestion>();
  for (const s of suggestions) {
    if (s.target.kind === 'blank') forBlank.set(s.target.blank, s);
    else forRow.set(s.target.row, s);
  }
  // Suggestions that came through JSON are new objects: match them by place too.
  const blankKey = (b: Blank) => `${b.nodeId}#${b.row ?? ''}#${b.start}`;
  const rowKey = (r: ComparisonRow) => `${r.nodeId}#${r.row ?? ''}#${r.subject}#${r.measure.written}`;
  const byBlankKey = new Map(
    suggestions.flatMap((s) => (s.target.kind === 'blank' ? [[blankKey(s.target.blank), s] as const] : [])),
  );
  const byRowKey = new Map(
    suggestions.flatMap((s) => (s.target.kind === 'clause' ? [[rowKey(s.target.row), s] as const] : [])),
  );
  const notes: Array<ReviewNote & { order: string }> = [];
  for (const blank of blanks) {
    const suggestion = forBlank.get(blank) ?? byBlankKey.get(blankKey(blank));
    const value = suggestedValue(suggestion);
    const comment = [`Chỗ trống: ${blank.label || blank.path}`, ...libraryLines(suggestion)];
    const note: ReviewNote & { order: string } = {
      order: `${blank.nodeId}#${String(blank.start).padStart(6, '0')}`,
      context: contextOf(blank.text, blank.start, blank.end),
      anchor: blank.written,
      comment,
    };
    if (value !== undefined && blank.kind === 'amount') {
      const glued = /^[\p{L}\p{M}]/u.test(blank.text.slice(blank.end));
      note.replacement = `${formatNumber(value, 'vi')}${glued ? ' ' : ''}`;
      comment.push(
        `Đề xuất: ${formatFloor(value, blank.unit, 'vi')} (thay đổi có theo dõi, chấp nhận hoặc từ chối trong Word)`,
      );
    }
    notes.push(note);
  }
  for (const row of comparison.rows) {
    const at = row.text.indexOf(row.measure.written);
    if (at < 0) continue;
    const suggestion = forRow.get(row) ?? byRowKey.get(rowKey(row));
    const verdict = t(`verdict_${row.verdict}`);
    const comment = [
      `${verdict}${row.difference ? ` (${row.difference.text})` : ''}${row.reason ? ` — ${row.reason.vi}` : ''}`,
    ];
    if (row.floor)
      comment.push(
        `Mức sàn: ${row.floor.value !== undefined ? `${formatFloor(row.floor.value, row.floor.unit, 'vi')}, ` : ''}${row.floor.citation.text}`,
      );
    comment.push(...libraryLines(suggestion).filter((line) => !line.startsWith('Viết ')));
    const note: ReviewNote & { order: string } = {
      order: `${row.nodeId}#${String(at).padStart(6, '0')}`,
      context: contextOf(row.text, at, at + row.measure.written.length),
      anchor: row.measure.written,
      comment,
    };
    if (row.verdict === 'below') {
      const value = suggestedValue(suggestion, row.floor?.value);
      if (value !== undefined) {
        note.replacement = row.measure.written.replace(/\d[\d.,]*/u, formatNumber(value, 'vi'));
        comment.push(`Đề xuất: ${note.replacement} (thay đổi có theo dõi)`);
      }
    }
    notes.push(note);
  }
  const natural = new Intl.Collator('en', { numeric: true });
  return notes.sort((a, b) => natural.compare(a.order, b.order)).map(({ order: _order, ...note }) => note);
}
