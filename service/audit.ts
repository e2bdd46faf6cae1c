/**
 * The audit log: who (a user, or "token quản trị" for the bootstrap token),
 * when, what (action, agreement) and the values before and after, appended
 * in the same transaction as the write it records. The table refuses UPDATE
 * and DELETE, and the product offers neither.
 */

import type { AuditEntry, AuditQuery, PageResult } from '../library/index.ts';
import type { ServiceContext } from './context.ts';

/** Who made a change, as the log records it. */
export interface Actor {
  actorId?: string | undefined;
  actorName: string;
}

/** The actor of a write made from the command line, on the machine that holds the library. */
export const CLI_ACTOR: Actor = { actorName: 'dòng lệnh (cba)' };

/** Appends an entry; call inside the write's own `library.transaction`. */
export function recordAudit(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  agreementId?: string,
  before?: unknown,
  after?: unknown,
): AuditEntry {
  return ctx.library.accounts.appendAudit({
    at: new Date().toISOString(),
    ...(actor.actorId ? { actorId: actor.actorId } : {}),
    actorName: actor.actorName,
    action,
    ...(agreementId ? { agreementId } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  });
}

/** The log, newest first, filtered and paginated. */
export function auditLog(ctx: ServiceContext, query: AuditQuery): PageResult<AuditEntry> {
  return ctx.library.accounts.audit(query);
}

/** The columns of the CSV export, in order. */
export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actorName',
  'actorId',
  'action',
  'agreementId',
  'before',
  'after',
] as const;

/** An entry as the cells of a CSV row (JSON for the values). */
export function auditRow(entry: AuditEntry): string[] {
  return [
    String(entry.id),
    entry.at,
    entry.actorName,
    entry.actorId ?? '',
    entry.action,
    entry.agreementId ?? '',
    entry.before === undefined ? '' : JSON.stringify(entry.before),
    entry.after === undefined ? '' : JSON.stringify(entry.after),
  ];
}
