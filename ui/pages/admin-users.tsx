/** The administrator's pages: users (add, disable, role and places, API keys) and the rubric in force. Render props only. */

import { Alert } from '../components.tsx';
import { FormCredentials, href, Layout, type PageContext } from '../layout.tsx';

export interface UserRowView {
  username: string;
  displayName: string;
  role: string;
  provinces: string[];
  unions: string[];
  agreements: string[];
  disabled: boolean;
  keys: Array<{
    id: string;
    label: string;
    createdAt: string;
    lastUsedAt?: string | undefined;
    revoked: boolean;
  }>;
}

const ROLE_LABELS: Record<string, [string, string]> = {
  administrator: ['Quản trị viên', 'Administrator'],
  officer: ['Cán bộ (tỉnh, công đoàn theo dõi)', 'Officer (provinces, unions followed)'],
  chair: ['Chủ tịch công đoàn cơ sở', 'Grassroots union chair'],
  reader: ['Người đọc', 'Reader'],
};

function RoleSelect(props: { ctx: PageContext; id: string; roles: readonly string[]; value?: string }) {
  const vi = props.ctx.lang === 'vi';
  return (
    <select id={props.id} name="role">
      {props.roles.map((r) => (
        <option value={r} selected={r === props.value}>
          {ROLE_LABELS[r]?.[vi ? 0 : 1] ?? r}
        </option>
      ))}
    </select>
  );
}

/** The places and agreements fields of a user form (comma-separated lists). */
function PlaceFields(props: { ctx: PageContext; prefix: string; user?: UserRowView }) {
  const vi = props.ctx.lang === 'vi';
  const { prefix, user } = props;
  return (
    <>
      <label for={`${prefix}-provinces`}>
        {vi ? 'Tỉnh, thành phố (cách nhau bằng dấu phẩy)' : 'Provinces (comma-separated)'}
      </label>
      <input
        id={`${prefix}-provinces`}
        name="provinces"
        value={user?.provinces.join(', ') ?? ''}
        maxlength={1000}
      />
      <label for={`${prefix}-unions`}>
        {vi ? 'Công đoàn, quận huyện theo dõi' : 'Unions or districts followed'}
      </label>
      <input id={`${prefix}-unions`} name="unions" value={user?.unions.join(', ') ?? ''} maxlength={1000} />
      <label for={`${prefix}-agreements`}>
        {vi ? 'Thỏa ước được giao (mã)' : 'Agreements assigned (ids)'}
      </label>
      <input
        id={`${prefix}-agreements`}
        name="agreements"
        value={user?.agreements.join(', ') ?? ''}
        maxlength={4000}
      />
    </>
  );
}

export function UsersPage(props: {
  ctx: PageContext;
  users: UserRowView[];
  roles: readonly string[];
  /** A key just issued: shown once. */
  newKey?: { username: string; key: string } | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { ctx, roles } = props;
  const vi = ctx.lang === 'vi';
  const action = (path: string) => href(ctx, path);
  return (
    <Layout ctx={ctx} title={vi ? 'Người dùng' : 'Users'}>
      <p>
        <a href={href(ctx, '/admin/audit')}>{vi ? 'Nhật ký thay đổi' : 'Audit log'}</a>
        {' · '}
        <a href={href(ctx, '/admin/rubric')}>{vi ? 'Thang điểm đang áp dụng' : 'Rubric in force'}</a>
      </p>
      <Alert message={props.error} />
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : (
        ''
      )}
      {props.newKey ? (
        <p class="notice" role="status">
          {vi
            ? `Khóa API mới của ${props.newKey.username} (chỉ hiện một lần, hãy chuyển cho người dùng): `
            : `New API key for ${props.newKey.username} (shown once, hand it over): `}
          <code>{props.newKey.key}</code>
        </p>
      ) : (
        ''
      )}
      <table>
        <thead>
          <tr>
            <th>{vi ? 'Tên đăng nhập' : 'Username'}</th>
            <th>{vi ? 'Vai trò và phạm vi' : 'Role and scope'}</th>
            <th>{vi ? 'Khóa API' : 'API keys'}</th>
            <th>{vi ? 'Trạng thái' : 'Status'}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => {
            const base = `/admin/users/${encodeURIComponent(u.username)}`;
            const prefix = `u-${u.username.replace(/[^\w-]/g, '_')}`;
            return (
              <tr>
                <td>
                  <strong>{u.username}</strong>
                  <br />
                  {u.displayName}
                </td>
                <td>
                  <form method="post" action={action(base)} class="stack">
                    <label for={`${prefix}-role`}>{vi ? 'Vai trò' : 'Role'}</label>
                    <RoleSelect ctx={ctx} id={`${prefix}-role`} roles={roles} value={u.role} />
                    <PlaceFields ctx={ctx} prefix={prefix} user={u} />
                    <FormCredentials ctx={ctx} id={`${prefix}-token`} />
                    <button type="submit">{vi ? 'Lưu' : 'Save'}</button>
                  </form>
                </td>
                <td>
                  <ul>
                    {u.keys.map((k) => (
                      <li>
                        {`${k.label} · ${k.createdAt.slice(0, 10)}`}
                        {k.lastUsedAt
                          ? ` · ${vi ? 'dùng lần cuối' : 'last used'} ${k.lastUsedAt.slice(0, 10)}`
                          : ''}
                        {k.revoked ? (
                          ` · ${vi ? 'đã thu hồi' : 'revoked'}`
                        ) : (
                          <form
                            method="post"
                            action={action(`${base}/keys/${k.id}/revoke`)}
                            class="inline-form"
                          >
                            <FormCredentials ctx={ctx} id={`${prefix}-${k.id}-token`} />
                            <button type="submit">{vi ? 'Thu hồi' : 'Revoke'}</button>
                          </form>
                        )}
                      </li>
                    ))}
                  </ul>
                  <form method="post" action={action(`${base}/keys`)} class="stack">
                    <label for={`${prefix}-label`}>{vi ? 'Tên khóa mới' : 'New key label'}</label>
                    <input id={`${prefix}-label`} name="label" required maxlength={200} />
                    <FormCredentials ctx={ctx} id={`${prefix}-key-token`} />
                    <button type="submit">{vi ? 'Cấp khóa API' : 'Issue an API key'}</button>
                  </form>
                </td>
                <td>
                  {u.disabled ? (vi ? 'Đã khóa' : 'Disabled') : vi ? 'Đang hoạt động' : 'Active'}
                  <form
                    method="post"
                    action={action(`${base}/${u.disabled ? 'enable' : 'disable'}`)}
                    class="inline-form"
                  >
                    <FormCredentials ctx={ctx} id={`${prefix}-status-token`} />
                    <button type="submit">
                      {u.disabled ? (vi ? 'Mở khóa' : 'Enable') : vi ? 'Khóa tài khoản' : 'Disable'}
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{vi ? 'Thêm người dùng' : 'Add a user'}</h2>
      <form method="post" action={action('/admin/users')} class="stack">
        <label for="new-username">{vi ? 'Tên đăng nhập' : 'Username'}</label>
        <input id="new-username" name="username" required maxlength={64} autocomplete="off" />
        <label for="new-name">{vi ? 'Họ tên' : 'Name'}</label>
        <input id="new-name" name="displayName" maxlength={200} />
        <label for="new-role">{vi ? 'Vai trò' : 'Role'}</label>
        <RoleSelect ctx={ctx} id="new-role" roles={roles} value="reader" />
        <PlaceFields ctx={ctx} prefix="new" />
        <label for="new-password">
          {vi
            ? 'Mật khẩu (ít nhất 10 ký tự; để trống: chỉ dùng khóa API)'
            : 'Password (10+ characters; empty: API keys only)'}
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          autocomplete="new-password"
          maxlength={1024}
        />
        <FormCredentials ctx={ctx} id="new-token" />
        <button type="submit">{vi ? 'Thêm' : 'Add'}</button>
      </form>
    </Layout>
  );
}

export interface RubricView {
  version: string;
  provisional: boolean;
  note: string;
  /** Where it was read from: the bundled file, or `CBA_RUBRIC`. */
  source: string;
  thresholds: { A: number; B: number; C: number };
  criteria: Array<{ id: string; dimension: string; label: string; points: number; evaluation: string }>;
  exclusions: Array<{ id: string; label: string }>;
}

export function RubricPage(props: { ctx: PageContext; rubric: RubricView }) {
  const { ctx, rubric } = props;
  const vi = ctx.lang === 'vi';
  const total = rubric.criteria.reduce((n, c) => n + c.points, 0);
  return (
    <Layout ctx={ctx} title={vi ? 'Thang điểm xếp loại đang áp dụng' : 'Grading rubric in force'}>
      <dl>
        <dt>{vi ? 'Phiên bản' : 'Version'}</dt>
        <dd>
          <code>{rubric.version}</code>
          {rubric.provisional ? ` — ${vi ? 'tạm thời' : 'provisional'}` : ''}
        </dd>
        <dt>{vi ? 'Nguồn' : 'Source'}</dt>
        <dd>{rubric.source}</dd>
        <dt>{vi ? 'Căn cứ' : 'Basis'}</dt>
        <dd>{rubric.note}</dd>
        <dt>{vi ? 'Ngưỡng' : 'Thresholds'}</dt>
        <dd>{`A ≥ ${rubric.thresholds.A}, B ≥ ${rubric.thresholds.B}, C ≥ ${rubric.thresholds.C} / ${total}`}</dd>
      </dl>
      <p>
        {vi
          ? 'Chỉ xem: thang điểm là tệp dữ liệu; thay bằng biến CBA_RUBRIC rồi khởi động lại máy chủ.'
          : 'Read only: the rubric is a data file; replace it with CBA_RUBRIC and restart the server.'}
      </p>
      <table>
        <thead>
          <tr>
            <th>{vi ? 'Tiêu chí' : 'Criterion'}</th>
            <th>{vi ? 'Nhóm' : 'Dimension'}</th>
            <th>{vi ? 'Điểm' : 'Points'}</th>
            <th>{vi ? 'Cách chấm' : 'Evaluated'}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((c) => (
            <tr>
              <td>
                {c.label} <code>{c.id}</code>
              </td>
              <td>{c.dimension}</td>
              <td>{c.points}</td>
              <td>{c.evaluation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{vi ? 'Không xếp loại khi' : 'Not ranked when'}</h2>
      <ul>
        {rubric.exclusions.map((e) => (
          <li>{e.label}</li>
        ))}
      </ul>
    </Layout>
  );
}
