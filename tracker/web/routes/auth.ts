// /login and /logout: an API key in, an httpOnly SameSite=Lax session cookie out; CSRF-checked forms.
import { Hono } from 'hono';
import { verifyKey } from '../../services/keys.js';
import { csrfToken, verifiedForm } from '../csrf.js';
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

  app.get('/login', async (c) => {
    if (await d.sessions.current(c)) return c.redirect(safeNext(c.req.query('next')), 303);
    return html(c, loginPage({ csrfToken: csrfToken(c, d.trustProxy), next: safeNext(c.req.query('next')) }));
  });

  app.post('/login', async (c) => {
    const form = await verifiedForm(c);
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
      return html(c, loginPage({ csrfToken: csrfToken(c, d.trustProxy), error: why, next }), 401);
    }
    await d.sessions.create(c, { userId: result.user.id, keyId: result.key.id });
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    await verifiedForm(c);
    await d.sessions.destroy(c);
    return c.redirect('/login', 303);
  });

  return app;
}
