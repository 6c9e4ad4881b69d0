// GET /api/v1/openapi.json and GET /docs: the API document and a small server-rendered reference page.
import { baseUrlFor } from '../http/base-url.js';
import { apiRoute, type ApiDocument } from './route-deps.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// Built once per process: the routes are fixed at build time, only `servers` depends on the request.
let cached: Record<string, unknown> | null = null;
const doc = (d: ApiDocument) => (cached ??= d.build({ version: process.env.BATON_BUILD_VERSION ?? '1' }));
let html: string | null = null;

const open = { auth: 'none', rateLimit: 'none', tag: 'meta' } as const;

export const DOCS_ROUTES = [
  apiRoute({
    ...open,
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI document',
    responses: { 200: { contentType: 'application/json' } },
    handler: ({ c, deps }) =>
      c.json({ ...doc(deps.apiDocument), servers: [{ url: baseUrlFor(c, deps.config) }] }),
  }),
  apiRoute({
    ...open,
    method: 'get',
    path: '/docs',
    summary: 'Human-readable API reference (HTML)',
    responses: { 200: { contentType: 'text/html' } },
    handler: ({ c, deps }) => {
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html((html ??= renderDocs(deps.apiDocument)));
    },
  }),
];

function renderDocs(d: ApiDocument): string {
  const paths = doc(d).paths as Record<string, Record<string, unknown>>;
  const rows = d
    .routes()
    .map((r) => {
      const op = JSON.stringify(paths[r.path]?.[r.method] ?? {}, null, 2);
      const keyless = r.auth === 'none' ? ' <em>(no key)</em>' : '';
      return `<details><summary><code class="m ${r.method}">${r.method.toUpperCase()}</code> <code>${esc(r.path)}</code> — ${esc(r.summary)}${keyless}</summary><pre>${esc(op)}</pre></details>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Baton tracker API</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
summary{cursor:pointer;padding:.3rem 0}pre{background:#f6f6f6;padding:1rem;overflow:auto;font-size:12px}
.m{display:inline-block;min-width:4.5rem;font-weight:600}.get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c33}
</style></head><body><h1>Baton tracker API</h1>
<p>Authenticate with <code>Authorization: Bearer bt_…</code>. Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
${rows}</body></html>`;
}
