// CSRF protection for every form POST: a double-submit token (cookie + hidden field) plus an Origin check.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { BatonError } from '../../src/core/errors.js';
import { isHttps } from './web-sessions.js';

export const CSRF_COOKIE = 'baton_csrf';
export const CSRF_FIELD = 'csrf';

/** The token for forms on this page: the existing cookie's, or a new one (set on the response). */
export function csrfToken(c: Context, trustProxy: boolean): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  // SameSite=Strict: another site can neither read nor send it; httpOnly: scripts never need it (it is in the form).
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    path: '/',
  });
  return token;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Refuses a form POST whose hidden token does not match the cookie, or whose Origin (when the browser sends one)
 * is another site. Returns the parsed form.
 */
export async function verifiedForm(c: Context): Promise<Record<string, string>> {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      // unparseable origin: treated as foreign
    }
    if (!host || originHost !== host)
      throw new BatonError('forbidden', 'Cross-site form submission refused.');
  }
  const raw = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') form[k] = v;
  const cookie = getCookie(c, CSRF_COOKIE);
  const field = form[CSRF_FIELD];
  if (!cookie || !field || !sameToken(cookie, field))
    throw new BatonError('forbidden', 'The form expired; reload the page and try again.');
  return form;
}
