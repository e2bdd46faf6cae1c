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
    setLink(ctx, successor, stored.id, actor);
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
    if (stored) setLink(ctx, stored, undefined, actor);
  }
}

/**
 * After an officer's edit of a stored agreement's metadata (the employer, the signing date), its links
 * follow by the same rule as at import: its own predecessor is looked up again, the agreements linked to it
 * that no longer name it are linked to what they now name (or to none), and those that now name it are
 * linked. Call it in the edit's transaction, after the new metadata is stored.
 * @returns the other agreements whose link changed
 */
export function relink(ctx: ServiceContext, id: string, actor: Actor): string[] {
  let stored = ctx.library.get(id);
  if (!stored) return [];
  const predecessorId = predecessorOf(ctx, stored);
  if (predecessorId !== stored.meta.predecessorId) stored = setLink(ctx, stored, predecessorId, actor);
  const changed: string[] = [];
  for (const successorId of successorsOf(ctx, stored)) {
    const successor = ctx.library.get(successorId);
    if (!successor || predecessorOf(ctx, successor) === id) continue;
    setLink(ctx, successor, predecessorOf(ctx, successor), actor);
    changed.push(successorId);
  }
  return [...changed, ...linkSuccessors(ctx, stored, actor)];
}

/** Stores an agreement's link to its predecessor (or none), with an audit entry; returns it as now stored. */
function setLink<T extends Pick<Agreement, 'id' | 'meta'>>(
  ctx: ServiceContext,
  agreement: T,
  predecessorId: string | undefined,
  actor: Actor,
): T {
  const { predecessorId: previous, ...rest } = agreement.meta;
  const meta: AgreementMeta = predecessorId ? { ...rest, predecessorId } : rest;
  ctx.library.setMeta(agreement.id, meta);
  recordAudit(
    ctx,
    actor,
    predecessorId ? 'predecessor.link' : 'predecessor.unlink',
    agreement.id,
    { predecessorId: previous ?? null },
    { predecessorId: predecessorId ?? null },
  );
  ctx.cache.forget(agreement.id);
  return { ...agreement, meta };
}

/** The agreements of the library that replace this one (linked to it as their predecessor), by id. */
export function successorsOf(ctx: ServiceContext, agreement: Pick<Agreement, 'id'>): string[] {
  return ctx.library.findByLink('predecessorId', agreement.id).map((s) => s.id);
}
