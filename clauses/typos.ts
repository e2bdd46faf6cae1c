/**
 * One-typo spellings of a folded word, for "Có phải bạn muốn tìm …?": the
 * words one deletion, insertion, substitution or swap of neighbours away,
 * over the letters and digits a folded Vietnamese word is made of.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every word one edit away from a folded word (itself excluded), in a stable
 * order: swaps first (the commonest slip), then deletions, substitutions and
 * insertions.
 *
 * @param word a folded word (`a`–`z`, digits)
 * @example oneEditAway('luogn').includes('luong') // true
 */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++)
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i < word.length; i++)
    for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++)
    for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i));
  out.delete(word);
  out.delete('');
  return [...out];
}
