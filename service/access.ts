/**
 * Who may do what: one authorisation function, {@link can}, asked by every
 * write (API and page forms), and {@link visibleTo}, what a reader may see.
 *
 * - administrator: users, rubric, everything (the bootstrap `CBA_API_TOKEN` acts as one);
 * - officer: writes on agreements of their provinces (on the 2025 map, former provinces included)
 *   or of the unions they follow up (district or superior union);
 * - grassroots chair: writes on their own agreements (imported by them or assigned) and drafts;
 * - reader: reads, union-internal agreements included.
 */

import { ForbiddenError, UnauthenticatedError } from '../clauses/errors.ts';
import { provinceFilterNames } from '../clauses/provinces.ts';
import { foldText } from '../clauses/text.ts';
import type { AgreementMeta } from '../clauses/types.ts';
import type { AgreementAccess, User, Visibility } from '../library/index.ts';

/** Who is asking: a signed-in user (session or API key) or the bootstrap token; anonymous is `undefined`. */
export type Principal = { kind: 'user'; user: User; via: 'session' | 'key' } | { kind: 'token' };

/** The name the audit log records for the bootstrap token. */
export const TOKEN_ACTOR = 'token quản trị';

export type Action =
  /** Import a document into the library. */
  | 'import'
  | 'remove'
  /** Correct a comparison row or withdraw a correction. */
  | 'correct'
  /** Record an event (filed, negotiation, replaced, extended). */
  | 'event'
  /** Answer the grading checklist. */
  | 'assess'
  /** Edit an agreement's metadata or visibility. */
  | 'edit'
  /** Work on drafts (the drafting workbench). */
  | 'draft'
  /** Manage users and the rubric. */
  | 'users'
  /** Read the audit log. */
  | 'audit';

/** The agreement a write is about: its id, metadata and access record. */
export interface AccessTarget {
  id: string;
  meta: Pick<AgreementMeta, 'province' | 'currentProvince' | 'district' | 'superiorUnion'>;
  access?: AgreementAccess | undefined;
}

const AGREEMENT_ACTIONS: ReadonlySet<Action> = new Set(['remove', 'correct', 'event', 'assess', 'edit']);

/** Whether an officer follows an agreement: one of their provinces, or one of their unions. */
function follows(user: User, meta: AccessTarget['meta']): boolean {
  const places = [meta.currentProvince, meta.province].filter((p): p is string => !!p).map(foldText);
  for (const province of user.provinces) {
    const names = (provinceFilterNames(province) ?? [province]).map(foldText);
    if (places.some((p) => names.includes(p))) return true;
  }
  const unions = [meta.district, meta.superiorUnion].filter((u): u is string => !!u).map(foldText);
  return user.unions.some((u) => {
    const folded = foldText(u);
    return folded !== '' && unions.some((w) => w.includes(folded));
  });
}

/**
 * Whether `principal` may do `action` (on `target` for the writes on one agreement).
 * @example can({ kind: 'token' }, 'remove', target) // true
 */
export function can(principal: Principal | undefined, action: Action, target?: AccessTarget): boolean {
  if (!principal) return false;
  if (principal.kind === 'token') return true;
  const { user } = principal;
  if (user.disabled) return false;
  switch (user.role) {
    case 'administrator':
      return true;
    case 'reader':
      return false;
    case 'officer':
      if (action === 'users' || action === 'audit') return false;
      if (action === 'import' || action === 'draft') return true;
      return AGREEMENT_ACTIONS.has(action) && target !== undefined && follows(user, target.meta);
    case 'chair':
      if (action === 'users' || action === 'audit') return false;
      if (action === 'import' || action === 'draft') return true;
      return (
        AGREEMENT_ACTIONS.has(action) &&
        target !== undefined &&
        (target.access?.ownerId === user.id || user.agreements.includes(target.id))
      );
  }
}

/**
 * Refuses what {@link can} does not allow.
 * @throws UnauthenticatedError for an anonymous request, ForbiddenError for a role that may not
 */
export function authorize(principal: Principal | undefined, action: Action, target?: AccessTarget): void {
  if (can(principal, action, target)) return;
  if (!principal) {
    throw new UnauthenticatedError(
      'unauthorized',
      'Cần đăng nhập hoặc mã truy cập (Authorization: Bearer <khóa>).',
      'Sign in or send an access key (Authorization: Bearer <key>).',
    );
  }
  throw new ForbiddenError(
    'forbidden',
    `Vai trò của bạn không được phép thực hiện "${action}"${target ? ` trên thỏa ước ${target.id}` : ''}.`,
    `Your role may not "${action}"${target ? ` on agreement ${target.id}` : ''}.`,
  );
}

/** The visibilities a reader sees in lists (summary-only ones without their text). */
export function visibleTo(principal: Principal | undefined): Visibility[] {
  return principal ? ['public', 'internal', 'summary'] : ['public', 'summary'];
}

/** Whether a reader may see an agreement's text (and original document, and clause search hits). */
export function textVisible(principal: Principal | undefined, visibility: Visibility): boolean {
  return principal !== undefined || visibility === 'public';
}

/** The actor an audit entry names. */
export function actorOf(principal: Principal | undefined): { actorId?: string; actorName: string } {
  if (!principal) return { actorName: 'ẩn danh' };
  if (principal.kind === 'token') return { actorName: TOKEN_ACTOR };
  return { actorId: principal.user.id, actorName: principal.user.username };
}
