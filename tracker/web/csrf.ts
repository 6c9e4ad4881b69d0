// CSRF protection for every form POST: a strict same-origin check plus a server-signed token bound to a cookie.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { baseUrlFor, isHttpsOrigin, type UrlConfig } from '../http/base-url.js';
import { HttpError } from '../http/errors.js';
import { SESSION_COOKIE } from './web-sessions.js';

export const CSRF_FIELD = 'csrf';
/** Over https the cookie is `__Host-` prefixed: browsers refuse it from a sibling host or without Secure and Path=/. */
export const CSRF_COOKIE = 'baton_csrf';
export const CSRF_COOKIE_HTTPS = '__Host-baton_csrf';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Csrf {
  /** The token for forms on this page (sets the nonce cookie when there is none yet). */
  token(c: Context): Promise<string>;
  /** Refuses a cross-site or badly-tokened form POST (403 `csrf_origin` / `csrf_token`); returns the parsed form. */
  verifiedForm(c: Context): Promise<Record<string, string>>;
}

/**
 * Why both halves. A page on a sibling host can plant cookies for the tracker's host, so a plain double-submit
 * cookie proves nothing: the attacker plants a pair it knows, posts from a sandboxed iframe (`Origin: null`) and
 * signs the victim in as the attacker (login CSRF). So:
 *  - the origin check refuses `Origin: null`, any Origin other than the tracker's own, and `Sec-Fetch-Site` other
 *    than same-origin/none — every current browser sends one of them on a form POST;
 *  - the token is an HMAC (server secret) of the cookie's nonce and of the browser session it was issued under: a
 *    value the attacker chose is useless, and one minted for the attacker's own visit does not fit a signed-in
 *    victim; over https the cookie is `__Host-` prefixed so a sibling host cannot plant it at all.
 * A request with neither Origin nor Sec-Fetch-Site (old browsers, scripts) must still carry a valid pair.
 */
export function createCsrf(opts: { config: UrlConfig; secret: () => Promise<Buffer> }): Csrf {
  const cookieName = (c: Context) => (isHttpsOrigin(c, opts.config) ? CSRF_COOKIE_HTTPS : CSRF_COOKIE);
  const sign = async (c: Context, nonce: string) => {
    const session = getCookie(c, SESSION_COOKIE);
    const bound = session ? createHash('sha256').update(session).digest('base64url') : '';
    return createHmac('sha256', await opts.secret())
      .update(`csrf\n${nonce}\n${bound}`)
      .digest('base64url');
  };
  const nonceOf = (c: Context) => {
    const v = getCookie(c, cookieName(c));
    return v && /^[A-Za-z0-9_-]{32,64}$/.test(v) ? v : null;
  };

  return {
    async token(c) {
      let nonce = nonceOf(c);
      if (!nonce) {
        nonce = randomBytes(24).toString('base64url');
        const https = isHttpsOrigin(c, opts.config);
        // SameSite=Strict: never sent by another site's request; httpOnly: scripts never need it (it is in the form).
        setCookie(c, cookieName(c), nonce, { httpOnly: true, sameSite: 'Strict', secure: https, path: '/' });
      }
      return sign(c, nonce);
    },

    async verifiedForm(c) {
      refuseCrossSite(c, opts.config);
      const raw = await c.req.parseBody();
      const form: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') form[k] = v;
      const nonce = nonceOf(c);
      const field = form[CSRF_FIELD];
      if (!nonce || !field || !same(await sign(c, nonce), field))
        throw new HttpError(403, 'csrf_token', 'The form expired; reload the page and try again.');
      return form;
    },
  };
}

function refuseCrossSite(c: Context, config: UrlConfig): void {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new HttpError(403, 'csrf_origin', 'Cross-site form submission refused.');
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  if (!ownOrigins(c, config).has(origin))
    throw new HttpError(403, 'csrf_origin', 'Cross-site form submission refused.');
}

/**
 * The tracker's own origin (from the same base URL its links use). On loopback without a public URL, the other
 * loopback spellings of the same scheme and port are the same machine's tracker, so `localhost` works as well.
 */
function ownOrigins(c: Context, config: UrlConfig): Set<string> {
  const base = new URL(baseUrlFor(c, config));
  const own = new Set([base.origin]);
  if (!config.publicUrl && LOOPBACK.has(base.hostname)) {
    const port = base.port ? `:${base.port}` : '';
    for (const h of LOOPBACK) own.add(`${base.protocol}//${h}${port}`);
  }
  return own;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
