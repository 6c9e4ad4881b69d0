// Security headers for every HTML page and asset: a strict CSP (scripts only from /assets, no inline code at all).
import type { MiddlewareHandler } from 'hono';

/**
 * No 'unsafe-inline' anywhere: every script is a same-origin file under /assets and every style comes from
 * /assets/app.css, so even markup that slipped through escaping could neither run script nor load a beacon.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Rebuilt rather than mutated: @hono/node-server may write a response from a snapshot taken when it was
    // constructed, so headers set later on `c.res.headers` would silently never reach the wire.
    const res = c.res;
    const headers = new Headers(res.headers);
    // A route may only tighten the CSP (exports add 'sandbox'); nothing loosens it.
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    for (const [k, v] of Object.entries(HEADERS)) headers.set(k, v);
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    c.res = undefined as unknown as Response;
    c.res = new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
