/** The key an agreement is recognised by across its files: a hash of its clause tree's normalised text. */

import { createHash } from 'node:crypto';
import { contentText } from '../clauses/content-key.ts';
import type { ClauseNode } from '../clauses/types.ts';

/**
 * The sha256 of `contentText(tree)`: equal for a Word file and its PDF export, different for a renewal.
 * @returns an empty string for a tree without words (such trees are never recognised as one another)
 */
export function contentKey(tree: readonly ClauseNode[]): string {
  const text = contentText(tree);
  return text ? createHash('sha256').update(text).digest('hex') : '';
}
