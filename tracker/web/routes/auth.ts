// /login and /logout: an API key in, an httpOnly SameSite=Lax session cookie out; CSRF-checked forms.
import { Hono } from 'hono';
import { clientAddress } from '../../http/client-address.js';
import { HttpError } from '../../http/errors.js';
import { verifyKey } from '../../services/keys.js';
import { createRateLimiter } from '../../services/rate-limit.js';
import { html, renderError, type WebDeps } from '../context.js';
import { loginPage } from '../pages/login.js';

/** Only same-site paths: `/x` but never `//evil.example` or `/\evil` (open-redirect guards). */
export function safeNext(next: string | undefined | null): string {
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    /[\u0000-\u001f]/.test(next)
  )
    return '/';
  return next;
}

export function createAuthRoutes(d: WebDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(c, d, err));
  const { config } = d.services;
  // The API's per-key limiter (shared counters in the database, so every instance counts), keyed by address here:
  // a login form is a key-guessing oracle, and a scripted login CSRF would be too.
  const limiter = createRateLimiter(d.services.store);
  const limitLogin = async (c: Parameters<typeof clientAddress>[0]) => {
    const rate = await limiter.check(
      `login:${clientAddress(c, config)}`,
      config.loginAttemptsPerMinute,
      d.services.now(),
    );
    if (!rate.allowed)
      throw new HttpError(
        429,
        'rate_limited',
        'Too many sign-in attempts from this address; wait a minute.',
        {
          retryAfterSeconds: rate.retryAfterSec,
        },
      );
  };

  app.get('/login', async (c) => {
    if (await d.sessions.current(c)) return c.redirect(safeNext(c.req.query('next')), 303);
    return html(c, loginPage({ csrfToken: await d.csrf.token(c), next: safeNext(c.req.query('next')) }));
  });

  app.post('/login', async (c) => {
    await limitLogin(c);
    const form = await d.csrf.verifiedForm(c);
    const key = (form.apiKey ?? '').trim();
    const next = safeNext(form.next);
    const result = key
      ? await verifyKey(d.services.store, key, d.services.now())
      : ({ ok: false, reason: 'missing' } as const);
    if (!result.ok) {
      const why =
        result.reason === 'revoked'
          ? 'This key has been revoked.'
          : result.reason === 'expired'
            ? 'This key has expired.'
            : 'That is not a valid API key.';
      return html(c, loginPage({ csrfToken: await d.csrf.token(c), error: why, next }), 401);
    }
    await d.sessions.create(c, { userId: result.user.id, keyId: result.key.id });
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    await d.csrf.verifiedForm(c);
    await d.sessions.destroy(c);
    return c.redirect('/login', 303);
  });

  return app;
}
