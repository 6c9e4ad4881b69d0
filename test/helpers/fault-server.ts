// Tiny real node:http servers that misbehave on cue (5xx, 429, hang, garbage) for client fault tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply = (req: SeenRequest, res: ServerResponse, n: number) => void;

export interface FaultServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Answers request number n (0-based) with `replies[min(n, last)]`. */
export async function startFaultServer(replies: Reply[]): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const s: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      const n = seen.length;
      seen.push(s);
      replies[Math.min(n, replies.length - 1)]!(s, res, n);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

/** Never answers (the client's timeout must fire). */
export const hang: Reply = () => undefined;

/** Drops the connection without a response. */
export const reset: Reply = (_req, res) => res.socket?.destroy();
