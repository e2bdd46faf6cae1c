/**
 * The administrator's pages: `/admin/users` lists the users and, through
 * forms, adds one, disables or enables one, changes their role, provinces,
 * unions and assigned agreements, issues and revokes API keys — each change
 * through the service, so each is in the audit log; `/admin/rubric` shows the
 * grading rubric in force, read only (it is a data file: `CBA_RUBRIC`).
 * Every form carries the session's CSRF token (or the bootstrap token field);
 * other roles get 403, anonymous readers 401.
 */

import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CbaError } from '../clauses/errors.ts';
import type { Rubric } from '../clauses/grading.ts';
import { ROLES, type Role } from '../library/index.ts';
import type { Actor, Service } from '../service/index.ts';
import { RubricPage, type UserRowView, UsersPage } from '../ui/index.ts';
import { checkFormWrite } from './auth.ts';
import { statusOf } from './errors.ts';
import { formOf, htmlError, messageOf, pageContext } from './pages/context.tsx';

export interface AdminRoutesDeps {
  service: Service;
  apiToken: string | undefined;
  rubric: Rubric;
  /** Where the rubric was read from (shown on its page). */
  rubricSource?: string | undefined;
}

type Form = Record<string, string | File | (string | File)[]>;

/** A comma- or line-separated list field, trimmed, empty entries dropped. */
function listOf(form: Form, name: string): string[] {
  const value = form[name];
  if (typeof value !== 'string') return [];
  return value
    .split(/[,\n]/)
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 100);
}

const text = (form: Form, name: string) =>
  typeof form[name] === 'string' ? (form[name] as string).trim() : '';

/** The role chosen; one that is not a role is passed on for the service to refuse with its message. */
const roleOf = (form: Form): Role | undefined => (text(form, 'role') || undefined) as Role | undefined;

export function adminRoutes({ service, apiToken, rubric, rubricSource }: AdminRoutesDeps) {
  const deps = { service, apiToken };
  const vi = (c: Context) => pageContext(c).lang === 'vi';

  /** 401 for anonymous readers, 403 for other roles; undefined for an administrator. */
  const refuseReader = (c: Context) => {
    const principal = c.get('principal');
    if (principal?.kind === 'token') return undefined;
    if (principal?.kind === 'user' && principal.user.role === 'administrator') return undefined;
    return htmlError(c, principal ? 403 : 401, 'Chỉ quản trị viên / administrators only.');
  };

  const usersPage = (
    c: Context,
    extra: { newKey?: { username: string; key: string }; notice?: string; error?: string } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const rows: UserRowView[] = service.users().map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      provinces: u.provinces,
      unions: u.unions,
      agreements: u.agreements,
      disabled: u.disabled,
      keys: service.apiKeysOf(u.id).map((k) => ({
        id: k.id,
        label: k.label,
        createdAt: k.createdAt,
        lastUsedAt: k.lastUsedAt,
        revoked: k.revokedAt !== undefined,
      })),
    }));
    return c.html(<UsersPage ctx={pageContext(c)} users={rows} roles={ROLES} {...extra} />, status);
  };

  /**
   * Runs an administrator's change from a form: credentials and role checked first (401/403, nothing
   * changed), then the change; a failure the service reports is shown on the users page with its status.
   */
  const change = async (
    c: Context,
    work: (
      form: Form,
      actor: Actor,
    ) => Promise<{ notice?: string; newKey?: { username: string; key: string } }>,
  ) => {
    const form = await formOf(c);
    const write = checkFormWrite(c, deps, form, 'users');
    if (!write.ok) return htmlError(c, write.status, write.message);
    try {
      return usersPage(c, await work(form, write.actor));
    } catch (error) {
      if (!(error instanceof CbaError)) throw error;
      return usersPage(c, { error: messageOf(c, error) }, statusOf(error));
    }
  };
  const userParam = (c: Context) => c.req.param('username') ?? '';

  return new Hono()
    .get('/admin/users', (c) => refuseReader(c) ?? usersPage(c))
    .post('/admin/users', (c) =>
      change(c, async (form, actor) => {
        const added = await service.addUser(
          {
            username: text(form, 'username'),
            displayName: text(form, 'displayName') || undefined,
            role: roleOf(form) ?? 'reader',
            provinces: listOf(form, 'provinces'),
            unions: listOf(form, 'unions'),
            agreements: listOf(form, 'agreements'),
            password: text(form, 'password') || undefined,
          },
          actor,
        );
        return { notice: vi(c) ? `Đã thêm ${added.username}.` : `Added ${added.username}.` };
      }),
    )
    .post('/admin/users/:username', (c) =>
      change(c, async (form, actor) => {
        const changed = service.updateUser(
          userParam(c),
          {
            role: roleOf(form),
            displayName: text(form, 'displayName') || undefined,
            provinces: listOf(form, 'provinces'),
            unions: listOf(form, 'unions'),
            agreements: listOf(form, 'agreements'),
          },
          actor,
        );
        return { notice: vi(c) ? `Đã lưu ${changed.username}.` : `Saved ${changed.username}.` };
      }),
    )
    .post('/admin/users/:username/disable', (c) =>
      change(c, async (_form, actor) => {
        const user = service.setUserDisabled(userParam(c), true, actor);
        return { notice: vi(c) ? `Đã khóa ${user.username}.` : `Disabled ${user.username}.` };
      }),
    )
    .post('/admin/users/:username/enable', (c) =>
      change(c, async (_form, actor) => {
        const user = service.setUserDisabled(userParam(c), false, actor);
        return { notice: vi(c) ? `Đã mở khóa ${user.username}.` : `Enabled ${user.username}.` };
      }),
    )
    .post('/admin/users/:username/keys', (c) =>
      change(c, async (form, actor) => {
        const username = userParam(c);
        const key = service.createApiKey(username, text(form, 'label'), actor);
        return { newKey: { username, key } };
      }),
    )
    .post('/admin/users/:username/keys/:id/revoke', (c) =>
      change(c, async (_form, actor) => {
        service.revokeApiKey(userParam(c), c.req.param('id'), actor);
        return { notice: vi(c) ? 'Đã thu hồi khóa.' : 'Key revoked.' };
      }),
    )
    .get('/admin/rubric', (c) => {
      const refused = refuseReader(c);
      if (refused) return refused;
      return c.html(
        <RubricPage
          ctx={pageContext(c)}
          rubric={{
            version: rubric.version,
            provisional: rubric.provisional,
            note: vi(c) ? (rubric.noteVi ?? rubric.note) : rubric.note,
            source:
              rubricSource ??
              (vi(c) ? 'tệp kèm theo (clauses/data/rubric.json)' : 'bundled (clauses/data/rubric.json)'),
            thresholds: rubric.thresholds,
            criteria: rubric.criteria.map((k) => ({
              id: k.id,
              dimension: k.dimension,
              label: vi(c) ? k.label : k.labelEn,
              points: k.points,
              evaluation: k.evaluation,
            })),
            exclusions: rubric.exclusions.map((e) => ({ id: e.id, label: vi(c) ? e.label : e.labelEn })),
          }}
        />,
      );
    });
}
