/**
 * The link between an agreement and the one it says it replaces ("thay thế
 * cho Thỏa ước … ký ngày 15/01/2021"), whichever of the two is imported
 * first: the newer one is linked when it arrives after the older, and an
 * older one arriving after the newer completes the newer one's link. Both
 * pages show it: "Thay thế cho" on the newer, "Được thay thế bởi" on the older.
 */

import { foldText } from '../clauses/text.ts';
import type { Agreement, AgreementDraft, AgreementMeta } from '../clauses/types.ts';
import { type Actor, recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';

/** The employer's name as compared: folded (no diacritics, lower case, spaces squashed). */
const sameName = (a: string | undefined, b: string) => a !== undefined && foldText(a) === foldText(b);

/**
 * The agreement a draft says it replaces, when it is in the library: the same employer, signed on the day
 * the draft names, and only one such (unsure, no link: the page shows the words as written).
 */
export function predecessorOf(
  ctx: ServiceContext,
  draft: Pick<AgreementDraft, 'meta'> & { id?: string },
): string | undefined {
  const { employer, replacesSignedOn } = draft.meta;
  if (!employer || !replacesSignedOn) return undefined;
  const found = ctx.library
    .findByLink('signedOn', replacesSignedOn)
    .filter((s) => s.id !== draft.id && sameName(s.meta.employer, employer));
  return found.length === 1 ? found[0]!.id : undefined;
}

/**
 * Links the stored agreements that say they replace one just stored and were not linked yet (it was not
 * in the library when they were imported), by the same rule as {@link predecessorOf}. Call it in the
 * import's transaction.
 * @returns the ids of the agreements now linked to it
 */
export function linkSuccessors(ctx: ServiceContext, stored: Agreement, actor: Actor): string[] {
  const { employer, signedOn } = stored.meta;
  if (!employer || !signedOn) return [];
  const linked: string[] = [];
  for (const successor of ctx.library.findByLink('replacesSignedOn', signedOn)) {
    const meta = successor.meta;
    if (successor.id === stored.id || meta.predecessorId || !sameName(meta.employer, employer)) continue;
    if (predecessorOf(ctx, successor) !== stored.id) continue;
    const next: AgreementMeta = { ...meta, predecessorId: stored.id };
    ctx.library.setMeta(successor.id, next);
    recordAudit(
      ctx,
      actor,
      'predecessor.link',
      successor.id,
      { predecessorId: null },
      { predecessorId: stored.id },
    );
    ctx.cache.forget(successor.id);
    linked.push(successor.id);
  }
  return linked;
}

/**
 * Unlinks the agreements linked to one about to leave the library (removed, or its import undone).
 * Call it in the removal's transaction.
 */
export function unlinkSuccessors(
  ctx: ServiceContext,
  agreement: Pick<Agreement, 'id' | 'meta'>,
  actor: Actor,
): void {
  for (const id of successorsOf(ctx, agreement)) {
    const stored = ctx.library.get(id);
    if (!stored) continue;
    const { predecessorId: _, ...meta } = stored.meta;
    ctx.library.setMeta(id, meta);
    recordAudit(
      ctx,
      actor,
      'predecessor.unlink',
      id,
      { predecessorId: agreement.id },
      { predecessorId: null },
    );
    ctx.cache.forget(id);
  }
}

/** The agreements of the library that replace this one (linked to it as their predecessor), by id. */
export function successorsOf(ctx: ServiceContext, agreement: Pick<Agreement, 'id'>): string[] {
  return ctx.library.findByLink('predecessorId', agreement.id).map((s) => s.id);
}
