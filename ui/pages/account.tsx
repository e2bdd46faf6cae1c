/** Sign-in, the account page (API keys) and the administrator's audit log. Render props only. */

import { Alert } from '../components.tsx';
import { href, Layout, type PageContext } from '../layout.tsx';

export function LoginPage(props: {
  ctx: PageContext;
  /** The form's CSRF token (bound to the browser's pre-session cookie). */
  csrf: string;
  error?: string | undefined;
  next?: string | undefined;
}) {
  const { ctx } = props;
  const vi = ctx.lang === 'vi';
  return (
    <Layout ctx={ctx} title={vi ? 'Đăng nhập' : 'Sign in'}>
      <form method="post" action={href(ctx, '/login')} class="stack">
        <label for="username">{vi ? 'Tên đăng nhập' : 'Username'}</label>
        <input id="username" name="username" required autocomplete="username" maxlength={64} />
        <label for="password">{vi ? 'Mật khẩu' : 'Password'}</label>
        <input id="password" name="password" type="password" required autocomplete="current-password" />
        <input type="hidden" name="csrf" value={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : ''}
        <button type="submit">{vi ? 'Đăng nhập' : 'Sign in'}</button>
      </form>
      <Alert message={props.error} />
    </Layout>
  );
}

export interface AccountView {
  username: string;
  displayName: string;
  role: string;
  provinces: string[];
  unions: string[];
  keys: Array<{
    id: string;
    label: string;
    createdAt: string;
    lastUsedAt?: string | undefined;
    revokedAt?: string | undefined;
  }>;
}

export function AccountPage(props: {
  ctx: PageContext;
  account: AccountView;
  newKey?: string | undefined;
  isAdministrator: boolean;
}) {
  const { ctx, account } = props;
  const vi = ctx.lang === 'vi';
  return (
    <Layout ctx={ctx} title={vi ? 'Tài khoản' : 'Account'}>
      <dl>
        <dt>{vi ? 'Tên đăng nhập' : 'Username'}</dt>
        <dd>{account.username}</dd>
        <dt>{vi ? 'Họ tên' : 'Name'}</dt>
        <dd>{account.displayName}</dd>
        <dt>{vi ? 'Vai trò' : 'Role'}</dt>
        <dd>{account.role}</dd>
        {account.provinces.length ? (
          <>
            <dt>{vi ? 'Tỉnh, thành phố' : 'Provinces'}</dt>
            <dd>{account.provinces.join(', ')}</dd>
          </>
        ) : (
          ''
        )}
        {account.unions.length ? (
          <>
            <dt>{vi ? 'Công đoàn theo dõi' : 'Unions followed'}</dt>
            <dd>{account.unions.join(', ')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {props.isAdministrator ? (
        <p>
          <a href={href(ctx, '/admin/users')}>{vi ? 'Người dùng' : 'Users'}</a>
          {' · '}
          <a href={href(ctx, '/admin/audit')}>{vi ? 'Nhật ký thay đổi' : 'Audit log'}</a>
          {' · '}
          <a href={href(ctx, '/admin/rubric')}>{vi ? 'Thang điểm' : 'Rubric'}</a>
        </p>
      ) : (
        ''
      )}
      <h2>{vi ? 'Khóa API' : 'API keys'}</h2>
      {props.newKey ? (
        <p class="notice" role="status">
          {vi ? 'Khóa mới (chỉ hiện một lần, hãy lưu lại): ' : 'New key (shown once, keep it): '}
          <code>{props.newKey}</code>
        </p>
      ) : (
        ''
      )}
      <ul>
        {account.keys.map((k) => (
          <li>
            {`${k.label} · ${k.createdAt.slice(0, 10)}`}
            {k.lastUsedAt ? ` · ${vi ? 'dùng lần cuối' : 'last used'} ${k.lastUsedAt.slice(0, 10)}` : ''}
            {k.revokedAt ? ` · ${vi ? 'đã thu hồi' : 'revoked'}` : ''}
          </li>
        ))}
      </ul>
      <form method="post" action={href(ctx, '/account/keys')} class="stack">
        <label for="key-label">{vi ? 'Tên khóa (dùng cho việc gì)' : 'Key label (what it is for)'}</label>
        <input id="key-label" name="label" required maxlength={200} />
        <input type="hidden" name="csrf" value={ctx.csrf ?? ''} />
        <button type="submit">{vi ? 'Tạo khóa API' : 'Create an API key'}</button>
      </form>
    </Layout>
  );
}

export interface AuditRowView {
  id: number;
  at: string;
  actorName: string;
  action: string;
  agreementId?: string | undefined;
  before?: string | undefined;
  after?: string | undefined;
}

export function AuditPage(props: {
  ctx: PageContext;
  rows: AuditRowView[];
  total: number;
  page: number;
  pageSize: number;
  filters: { actor?: string; action?: string; agreement?: string; from?: string; to?: string };
  /** The query string of the filters (for the CSV link and the pages). */
  query: string;
  /** The action of failed sign-in entries (a link filters them). */
  failedSignInAction: string;
}) {
  const { ctx, filters } = props;
  const vi = ctx.lang === 'vi';
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const pageLink = (page: number) => `/admin/audit?${props.query}${props.query ? '&' : ''}page=${page}`;
  return (
    <Layout ctx={ctx} title={vi ? 'Nhật ký thay đổi' : 'Audit log'}>
      <form method="get" class="inline-form">
        <label>
          {vi ? 'Người thực hiện' : 'Actor'} <input name="actor" value={filters.actor ?? ''} />
        </label>
        <label>
          {vi ? 'Thao tác' : 'Action'} <input name="action" value={filters.action ?? ''} />
        </label>
        <label>
          {vi ? 'Thỏa ước' : 'Agreement'} <input name="agreement" value={filters.agreement ?? ''} />
        </label>
        <label>
          {vi ? 'Từ ngày' : 'From'} <input name="from" type="date" value={filters.from ?? ''} />
        </label>
        <label>
          {vi ? 'Đến ngày' : 'To'} <input name="to" type="date" value={filters.to ?? ''} />
        </label>
        <button type="submit">{vi ? 'Lọc' : 'Filter'}</button>
      </form>
      <p>
        <a href={href(ctx, `/admin/audit?action=${encodeURIComponent(props.failedSignInAction)}`)}>
          {vi ? 'Chỉ xem các lần đăng nhập thất bại' : 'Failed sign-ins only'}
        </a>
      </p>
      <p>
        {`${props.total} ${vi ? 'mục' : 'entries'} · `}
        <a href={`/admin/audit.csv${props.query ? `?${props.query}` : ''}`}>CSV</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{vi ? 'Thời điểm' : 'When'}</th>
            <th>{vi ? 'Người thực hiện' : 'Who'}</th>
            <th>{vi ? 'Thao tác' : 'Action'}</th>
            <th>{vi ? 'Thỏa ước' : 'Agreement'}</th>
            <th>{vi ? 'Trước' : 'Before'}</th>
            <th>{vi ? 'Sau' : 'After'}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.id}</td>
              <td>{r.at}</td>
              <td>{r.actorName}</td>
              <td>{r.action}</td>
              <td>{r.agreementId ?? ''}</td>
              <td>
                <code>{r.before ?? ''}</code>
              </td>
              <td>
                <code>{r.after ?? ''}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={vi ? 'Trang' : 'Pages'}>
        {props.page > 1 ? <a href={pageLink(props.page - 1)}>←</a> : ''}
        {` ${props.page} / ${pages} `}
        {props.page < pages ? <a href={pageLink(props.page + 1)}>→</a> : ''}
      </nav>
    </Layout>
  );
}
