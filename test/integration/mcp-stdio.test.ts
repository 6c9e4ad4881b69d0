// The bundled dist/mcp-server.js over stdio (as Claude Code runs it) with a real MCP client and a real tracker.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSandbox, RECORDED, type LiveSandbox } from '../helpers/live-sandbox.js';

const BUNDLE = join(import.meta.dirname, '../../dist/mcp-server.js');

let sb: LiveSandbox;
let client: Client;
let stderr = '';

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error('dist/mcp-server.js missing: run `npm run build` first');
  sb = await createLiveSandbox();
  copyFileSync(RECORDED, sb.transcriptPath);
  // No hook pointer for this (test runner) parent: the server falls back to Claude Code's session env.
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BUNDLE],
    cwd: sb.cwd,
    env: { ...sb.env, CLAUDE_CODE_SESSION_ID: sb.sessionId, CLAUDE_PROJECT_DIR: sb.cwd },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  client = new Client({ name: 'baton-stdio-test', version: '1.0.0' });
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  await sb?.close();
});

async function call(name: string, args: Record<string, unknown> = {}) {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    ...r,
    text: r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n'),
    data: r.structuredContent as Record<string, unknown>,
  };
}

describe('dist/mcp-server.js over stdio', () => {
  it('answers tools/list and logs only to stderr', async () => {
    const { tools } = await client.listTools();
    // Issue #11: live_update became seven tools (one per action): 12 in all, as the committed manifest test pins.
    expect(tools).toHaveLength(12);
    expect(stderr).toContain('baton-mcp: ready');
    expect(client.getServerVersion()?.name).toBe('baton-tracker');
  });

  it('pushes the current session and lists it back', async () => {
    const push = await call('push_session', {});
    expect(push.isError, push.text).toBeFalsy();
    expect(push.data.sessionId).toBe(sb.sessionId);
    const list = await call('list_sessions', { limit: 5 });
    expect(list.isError, list.text).toBeFalsy();
    expect(list.text).toContain(sb.sessionId);
    expect(list.data.total).toBe(1);
  });

  it('turns a tracker outage into a tool error the model can act on, and keeps serving', async () => {
    await sb.tracker.close();
    const r = await call('list_sessions');
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Error \(network\): cannot reach the tracker/);
    const local = await call('get_session', {});
    expect(local.isError, local.text).toBeFalsy();
    expect(local.data.source).toBe('local');
  });
});
