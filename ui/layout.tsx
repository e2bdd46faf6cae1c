/** The page frame: language, landmarks, navigation, the language switch. */

import type { Child } from 'hono/jsx';
import type { Language, Translate } from './messages.ts';

export interface PageContext {
  lang: Language;
  t: Translate;
  /** The current URL (path and query), to switch language in place. */
  url: string;
  /** The session's CSRF token: every write form carries it when someone is signed in. */
  csrf?: string | undefined;
  /** The signed-in user's name. */
  signedInAs?: string | undefined;
}

/**
 * A write form's credentials: the session's CSRF token when signed in, or the write token field.
 */
export function FormCredentials(props: { ctx: PageContext; id: string }) {
  const { ctx, id } = props;
  if (ctx.csrf) return <input type="hidden" name="csrf" value={ctx.csrf} />;
  return (
    <>
      <label for={id}>{ctx.t('token')}</label>
      <input id={id} name="token" type="password" required autocomplete="off" />
    </>
  );
}

/** The same URL in the other language. */
export function otherLanguageUrl(url: string, lang: Language): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('lang', lang === 'vi' ? 'en' : 'vi');
  return `${parsed.pathname}${parsed.search}`;
}

/** Adds the language to an internal link when it is not the default. */
export function href(ctx: PageContext, path: string): string {
  if (ctx.lang === 'vi') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

export function Layout(props: { ctx: PageContext; title: string; children: Child; active?: string }) {
  const { ctx, title, active } = props;
  const { t } = ctx;
  const nav: Array<[string, string]> = [
    ['/', t('navSearch')],
    ['/check', t('navCheck')],
    ['/drafts', t('navDrafts')],
    ['/versions', t('navVersions')],
    ['/benchmarks', t('navBenchmarks')],
    ['/expiry', t('navExpiry')],
    ['/below-floor', t('navBelow')],
    ['/grades', t('navGrades')],
    ['/import', t('navImport')],
  ];
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('appName')}`}</title>
        <link rel="stylesheet" href="/static/style.css" />
        <script src="/static/app.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="top">
          <a class="brand" href={href(ctx, '/')}>
            {t('appName')}
          </a>
          <nav aria-label={t('mainNav')}>
            <ul>
              {nav.map(([path, label]) => (
                <li>
                  <a href={href(ctx, path)} aria-current={active === path ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                {ctx.signedInAs ? (
                  <form method="post" action="/logout" class="inline-form">
                    <a href={href(ctx, '/account')}>{ctx.signedInAs}</a>{' '}
                    <input type="hidden" name="csrf" value={ctx.csrf ?? ''} />
                    <button type="submit">{ctx.lang === 'vi' ? 'Đăng xuất' : 'Sign out'}</button>
                  </form>
                ) : (
                  <a href={href(ctx, '/login')}>{ctx.lang === 'vi' ? 'Đăng nhập' : 'Sign in'}</a>
                )}
              </li>
              <li>
                <a
                  href={otherLanguageUrl(ctx.url, ctx.lang)}
                  hreflang={ctx.lang === 'vi' ? 'en' : 'vi'}
                  lang={ctx.lang === 'vi' ? 'en' : 'vi'}
                >
                  {t('switchLanguage')}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer>
          <p>{t('tagline')}</p>
        </footer>
      </body>
    </html>
  );
}
