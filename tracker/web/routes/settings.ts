// `/settings`: list, create (raw key shown once) and revoke API keys; "Connect Claude Code" instructions.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { CreateKeyRequest } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import { createKey, toKeyInfo } from '../../services/keys.js';
import { html, renderError, requireUser, type PageCtx, type WebDeps } from '../context.js';
import { settingsPage } from '../pages/settings.js';

export function createSettingsRoutes(d: WebDeps): Hono {
  const app = new Hono();
  app.onError((err, c) => renderError(c, d, err));
  const store = d.services.store;

  const render = async (
    c: Context,
    ctx: PageCtx,
    extra: { newKey?: { name: string; raw: string }; message?: string; error?: string },
    status = 200,
  ) => {
    const keys = (await store.keys.listForUser(ctx.user.userId)).map(toKeyInfo);
    // The raw key must never be cached by the browser or a proxy.
    c.header('cache-control', 'no-store');
    return html(
      c,
      settingsPage({
        user: ctx.view,
        csrfToken: ctx.csrf,
        keys,
        newKey: extra.newKey ?? null,
        currentKeyId: ctx.user.keyId,
        trackerUrl: ctx.caller.baseUrl,
        marketplaceRepo: d.marketplaceRepo,
        message: extra.message ?? null,
        error: extra.error ?? null,
      }),
      status,
    );
  };

  app.get('/settings', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    return render(c, ctx, { message: c.req.query('revoked') ? 'The key was revoked.' : undefined });
  });

  app.post('/settings/keys', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    const form = await d.csrf.verifiedForm(c);
    const req = CreateKeyRequest.safeParse({
      name: form.name ?? '',
      ...(form.expiresIn ? { expiresIn: form.expiresIn } : {}),
    });
    if (!req.success)
      return render(c, ctx, { error: 'Give the key a name (up to 100 characters) and a valid expiry.' }, 400);
    // The browser session acts for the key it logged in with: a new key is bounded by (and revoked with) it.
    const parent = await store.keys.findById(ctx.user.keyId);
    const { row, rawKey } = await createKey(store, ctx.user.userId, req.data, {
      now: d.services.now(),
      defaultRate: d.services.config.defaultRateLimitPerMinute,
      parent,
    });
    // Rendered directly (no redirect): this response is the only place the raw key ever appears.
    return render(c, ctx, { newKey: { name: row.name, raw: rawKey } }, 201);
  });

  app.post('/settings/keys/:id/revoke', async (c) => {
    const ctx = await requireUser(c, d);
    if (ctx instanceof Response) return ctx;
    await d.csrf.verifiedForm(c);
    const ok = await store.keys.revoke(ctx.user.userId, c.req.param('id'), d.services.now());
    if (!ok) throw new BatonError('not_found', 'No such key.');
    // Revoking the key this browser logged in with ends this browser session too: /settings then asks to log in.
    return c.redirect('/settings?revoked=1', 303);
  });

  return app;
}
