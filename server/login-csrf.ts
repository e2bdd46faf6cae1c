/**
 * The sign-in form's CSRF token. Signing in happens before there is a session
 * to bind a token to, so the form is bound to a pre-session instead (OWASP's
 * advice for login CSRF): `GET /login` gives the browser a random pre-session
 * cookie (HttpOnly, SameSite=Strict, `__Host-` over https) and the form a
 * token that is the HMAC of that cookie under a key of this process. A forged
 * cross-site post carries neither the cookie (SameSite) nor a token that fits
 * it (the attacker cannot read the victim's cookie), so it is refused.
 *
 * Why signed and not a plain double-submit copy: nothing is stored for an
 * anonymous visitor (a flood of `GET /login` costs no memory), and the token
 * in the page is not the cookie itself. A request a browser marks
 * `Sec-Fetch-Site: cross-site` is refused as well.
 */

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** How long a sign-in form stays usable. */
const PRE_SESSION_SECONDS = 2 * 3600;

export interface LoginCsrf {
  /** The token for a sign-in form, giving the browser its pre-session cookie when it has none. */
  issue(c: Context): string;
  /** Whether a posted sign-in comes from our own form: same-site, with the token of its pre-session cookie. */
  verify(c: Context, token: string): boolean;
}

/** Whether the browser says the request was started by another site. */
export function crossSite(c: Context): boolean {
  return c.req.header('sec-fetch-site') === 'cross-site';
}

/**
 * The sign-in form's CSRF protection.
 * @param secure whether the public URL is https (the cookie is then Secure and `__Host-`)
 * @param key the HMAC key (random per process by default: a restart asks open forms to be reloaded)
 */
export function loginCsrf(secure: boolean, key: Buffer = randomBytes(32)): LoginCsrf {
  const cookie = secure ? '__Host-cba_login' : 'cba_login';
  const tokenOf = (nonce: string) => createHmac('sha256', key).update(`login:${nonce}`).digest();
  return {
    issue(c) {
      let nonce = getCookie(c, cookie);
      if (!nonce || !/^[\w-]{43}$/.test(nonce)) {
        nonce = randomBytes(32).toString('base64url');
        setCookie(c, cookie, nonce, {
          httpOnly: true,
          sameSite: 'Strict',
          secure,
          path: '/',
          maxAge: PRE_SESSION_SECONDS,
        });
      }
      return tokenOf(nonce).toString('base64url');
    },
    verify(c, token) {
      if (crossSite(c)) return false;
      const nonce = getCookie(c, cookie);
      if (!nonce || !/^[\w-]{43}$/.test(nonce)) return false;
      const given = Buffer.from(token, 'base64url');
      const expected = tokenOf(nonce);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
