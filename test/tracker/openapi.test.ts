// The OpenAPI document covers every route the app registers, is served, and docs/api.md is current.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore } from '../../tracker/db/store.js';
import { createLive } from '../../tracker/live/index.js';
import { buildOpenApi, documentedRoutes, renderApiMarkdown } from '../../tracker/openapi.js';
import { WEB_ROUTES } from '../../tracker/web/routes/catalog.js';
import { liveWebExtension } from '../../tracker/web/mount.js';

it('documents every registered API route, live streams included (and nothing that does not exist)', async () => {
  const store = await openStore({ engine: 'sqlite', file: ':memory:' });
  try {
    const config = testConfig({ db: { engine: 'sqlite', file: ':memory:' } });
    // The live module registers on the app itself (no sub-app of its own): its routes are API routes like the rest.
    const app = createApp({
      store,
      config,
      extensions: [
        (a, ctx) =>
          createLive({
            db: store.db,
            engine: 'sqlite',
            auth: { userFromCookie: async () => null },
            config,
          }).register(a, ctx.auth),
      ],
    });
    const registered = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)),
    );
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !registered.has(r))).toEqual([]);

    const served = await app.request('/api/v1/openapi.json');
    expect(served.status).toBe(200);
    const json = (await served.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      servers: Array<{ url: string }>;
    };
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths).length).toBe(Object.keys(doc.paths).length);
    // In-process (no socket), the configured listen address: never the request's Host.
    expect(json.servers[0]!.url).toBe('http://127.0.0.1:0');
    const push = (
      doc.paths['/api/v1/sessions'] as {
        post: { requestBody: { content: Record<string, { schema: { properties: object } }> } };
      }
    ).post;
    expect(Object.keys(push.requestBody.content['application/json']!.schema.properties)).toContain('session');
    const html = await app.request('/docs');
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('/api/v1/sessions/{id}/export');
    expect(page).toContain('/api/v1/live/{liveId}/events');
  } finally {
    await store.close();
  }
});

it('keeps docs/api.md in sync with the schemas (regenerate: npx tsx test/tracker/helpers/cli-main.ts openapi --markdown > docs/api.md)', () => {
  expect(readFileSync('docs/api.md', 'utf8')).toBe(renderApiMarkdown());
});

it('mounts exactly the defined routes: every Hono route (web pages and forms too) has a definition, and each definition is mounted', async () => {
  const store = await openStore({ engine: 'sqlite', file: ':memory:' });
  const lw = liveWebExtension({ version: 'test' });
  try {
    const config = testConfig({ db: { engine: 'sqlite', file: ':memory:' } });
    const app = createApp({ store, config, events: lw.publisher, extensions: [lw.extension] });
    const mounted = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const defined = [...documentedRoutes(), ...WEB_ROUTES].map((r) => `${r.method} ${r.path}`);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...mounted].filter((r) => !defined.includes(r))).toEqual([]);
    expect(defined.filter((r) => !mounted.has(r))).toEqual([]);
    // Pages are defined the same way but stay out of the public document.
    expect(WEB_ROUTES.every((r) => !r.public && r.tag === 'web')).toBe(true);
    expect(Object.keys((buildOpenApi() as { paths: object }).paths)).not.toContain('/login');
  } finally {
    await lw.close();
    await store.close();
  }
});
