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

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    // A route may only tighten it (exports add 'sandbox'); nothing loosens it.
    if (!h.has('content-security-policy')) h.set('content-security-policy', CONTENT_SECURITY_POLICY);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'same-origin');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!h.has('cache-control')) h.set('cache-control', 'no-store');
  };
}
