// The real Baton MCP server and a real MCP client joined in memory (the SDK's InMemoryTransport linked pair), for
// integration tests. Optionally the tracker is reached through a recording proxy, to see every request a tool makes.
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { copyFileSync } from 'node:fs';
import { writeCurrentSession } from '../../src/capture/session/current-session.js';
import { depsFromProcess } from '../../mcp-server/deps.js';
import { createServer } from '../../mcp-server/server.js';

/** Structured content as tests read it: loosely typed, since the assertions that read a field are its check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ToolData = Record<string, any>;

export interface ToolCall extends CallToolResult {
  /** The text blocks joined: what the model reads. */
  text: string;
  /** The structured content. */
  data: ToolData | undefined;
}

export interface McpHarness {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<ToolCall>;
  close(): Promise<void>;
}

export async function connectMcp(opts: {
  env: Record<string, string | undefined>;
  cwd: string;
  /** The Claude Code pid the server believes started it (the hooks' current-session pointer is keyed by it). */
  claudePid: number;
  relayScript?: string | null;
}): Promise<McpHarness> {
  const server = createServer(
    depsFromProcess(opts.env, {
      cwd: opts.cwd,
      ppid: opts.claudePid,
      relayScript: opts.relayScript ?? null,
      log: () => undefined,
    }),
    'test',
  );
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'baton-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client,
    async call(name, args = {}) {
      const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
      return { ...r, text, data: r.structuredContent as ToolData | undefined };
    },
    close: () => client.close(),
  };
}

/**
 * Makes the sandbox's session the recorded 3-turn one, and the current session of Claude Code process `claudePid`
 * (what the SessionStart hook records for the process that starts the server).
 */
export function recordedCurrentSession(
  sb: { config: { dataDir: string }; sessionId: string; transcriptPath: string },
  claudePid: number,
  recorded: string,
): void {
  copyFileSync(recorded, sb.transcriptPath);
  writeCurrentSession(sb.config.dataDir, claudePid, {
    sessionId: sb.sessionId,
    transcriptPath: sb.transcriptPath,
    at: new Date().toISOString(),
  });
}

export interface RecordingProxy {
  url: string;
  /** Every request forwarded, as "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
}

/** A pass-through HTTP proxy in front of `target` that records each request's method and path. */
export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const upstream = new URL(target);
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const fwd = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(fwd);
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
