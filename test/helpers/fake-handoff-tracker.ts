// A stand-in for the tracker's handoff API, validated with the shared API schemas (until the real tracker app can be started in tests).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateHandoffRequest, type Handoff } from '../../src/core/api/handoffs.js';

export interface FakeHandoffTracker {
  url: string;
  handoffs: Handoff[];
  requests: { method: string; url: string; auth: string | undefined; body: unknown }[];
  close(): Promise<void>;
}

/**
 * A stand-in for the tracker's handoff API (POST/GET /api/v1/handoffs, GET /api/v1/handoffs/:id) that validates
 * requests with the shared API schemas. It mirrors tracker/services/handoffs.ts: with `frontmatter` given, the
 * markdown is stored whole as the body.
 */
export function startFakeHandoffTracker(apiKey: string): Promise<FakeHandoffTracker> {
  const handoffs: Handoff[] = [];
  const requests: FakeHandoffTracker['requests'] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(401, { error: { code: 'auth', message: 'bad key' } });
      const url = new URL(req.url!, 'http://x');
      if (req.method === 'POST' && url.pathname === '/api/v1/handoffs') {
        const parsed = CreateHandoffRequest.safeParse(body);
        if (!parsed.success)
          return send(400, { error: { code: 'invalid_request', message: parsed.error.message } });
        const id = `ho_${++n}`;
        const project = parsed.data.project ?? 'unknown';
        handoffs.unshift({
          id,
          sessionId: parsed.data.sessionId,
          project: { id: `p_${project}`, slug: project, name: project },
          title: parsed.data.title ?? null,
          createdAt: new Date(Date.now() + n).toISOString(),
          url: `http://tracker.test/handoffs/${id}`,
          frontmatter: parsed.data.frontmatter ?? {},
          body: parsed.data.markdown,
        });
        return send(201, {
          id,
          sessionId: parsed.data.sessionId,
          projectId: `p_${project}`,
          url: `http://tracker.test/handoffs/${id}`,
        });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/handoffs') {
        const project = url.searchParams.get('project');
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const rows = handoffs.filter((h) => !project || h.project.name === project).slice(0, limit);
        return send(200, { handoffs: rows.map(({ frontmatter: _f, body: _b, ...summary }) => summary) });
      }
      const one = /^\/api\/v1\/handoffs\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && one) {
        const h = handoffs.find((x) => x.id === decodeURIComponent(one[1]!));
        return h
          ? send(200, { handoff: h })
          : send(404, { error: { code: 'not_found', message: 'no handoff' } });
      }
      send(404, { error: { code: 'not_found', message: 'no route' } });
    });
  });
  return new Promise<FakeHandoffTracker>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        handoffs,
        requests,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
