// `/settings`: list, create (raw key shown once) and revoke API keys; "Connect Claude Code" instructions.
import type { Context } from 'hono';
import { z } from 'zod';
import { CreateKeyRequest } from '../../../src/core/api/index.js';
import { BatonError } from '../../../src/core/errors.js';
import { createKey, toKeyInfo } from '../../services/keys.js';
import { html, type PageCtx, type WebDeps } from '../web-deps.js';
import { confirmPage } from '../pages/confirm.js';
import { revokeSpec, settingsPage } from '../pages/settings.js';
import { PAGE, REDIRECT, pageCtx, pageRoute, pageRoutes } from './page-route.js';

const render = async (
  d: WebDeps,
  c: Context,
  ctx: PageCtx,
  extra: { newKey?: { name: string; raw: string }; message?: string; error?: string },
  status = 200,
) => {
  const keys = (await d.services.store.keys.listForUser(ctx.user.userId)).map(toKeyInfo);
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

const page = { tag: 'web', auth: 'session', rateLimit: 'none' } as const;

export const SETTINGS_ROUTES = [
  pageRoute({
    ...page,
    method: 'get',
    path: '/settings',
    summary: 'API keys and "Connect Claude Code"',
    responses: PAGE,
    handler: ({ c, deps: d }) =>
      render(d, c, pageCtx(c), { message: c.req.query('revoked') ? 'The key was revoked.' : undefined }),
  }),
  pageRoute({
    ...page,
    method: 'post',
    path: '/settings/keys',
    summary: 'Create a key (its raw value shown once, on this response)',
    bodyLimit: false,
    form: z.object({ name: z.string().optional(), expiresIn: z.string().optional() }),
    responses: { 201: { contentType: 'text/html' } },
    errors: [403],
    handler: async ({ c, deps: d, form }) => {
      const ctx = pageCtx(c);
      const store = d.services.store;
      const req = CreateKeyRequest.safeParse({
        name: form.name ?? '',
        ...(form.expiresIn ? { expiresIn: form.expiresIn } : {}),
      });
      if (!req.success)
        return render(
          d,
          c,
          ctx,
          { error: 'Give the key a name (up to 100 characters) and a valid expiry.' },
          400,
        );
      // The browser session acts for the key it logged in with: a new key is bounded by (and revoked with) it.
      const parent = await store.keys.findById(ctx.user.keyId);
      const { row, rawKey } = await createKey(store, ctx.user.userId, req.data, {
        now: d.services.now(),
        defaultRate: d.services.config.defaultRateLimitPerMinute,
        parent,
      });
      // Rendered directly (no redirect): this response is the only place the raw key ever appears.
      return render(d, c, ctx, { newKey: { name: row.name, raw: rawKey } }, 201);
    },
  }),
  // One click on "Revoke" only asks (this page, or its <dialog> with JavaScript); the POST below revokes.
  pageRoute({
    ...page,
    method: 'get',
    path: '/settings/keys/{id}/revoke',
    summary: 'Confirm: revoke a key',
    responses: PAGE,
    errors: [404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      const key = (await d.services.store.keys.listForUser(ctx.user.userId)).find((k) => k.id === params.id);
      if (!key || key.revoked_at) throw new BatonError('not_found', 'No such key.');
      c.header('cache-control', 'no-store');
      return html(
        c,
        confirmPage({
          ...revokeSpec(toKeyInfo(key)),
          user: ctx.view,
          csrfToken: ctx.csrf,
          nav: 'settings',
          cancelHref: '/settings',
        }),
      );
    },
  }),
  pageRoute({
    ...page,
    method: 'post',
    path: '/settings/keys/{id}/revoke',
    summary: 'Revoke a key (and the keys it made)',
    bodyLimit: false,
    form: z.object({}),
    responses: REDIRECT,
    errors: [403, 404],
    handler: async ({ c, deps: d, params }) => {
      const ctx = pageCtx(c);
      const ok = await d.services.store.keys.revoke(ctx.user.userId, params.id, d.services.now());
      if (!ok) throw new BatonError('not_found', 'No such key.');
      // Revoking the key this browser logged in with ends this browser session too: /settings then asks to log in.
      return c.redirect('/settings?revoked=1', 303);
    },
  }),
];

export function createSettingsRoutes(d: WebDeps) {
  return pageRoutes(d, SETTINGS_ROUTES);
}
