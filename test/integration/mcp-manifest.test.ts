// The MCP tool manifest, pinned: every tool's name, title, annotations and input keys. Changing one is a reviewed
// diff here, not a silent change in what Claude Code asks the user before a call.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectMcp, type McpHarness } from '../helpers/mcp-harness.js';

const MANIFEST = {
  push_session: {
    title: 'Push session to tracker',
    hints: 'openWorld',
    input: ['sessionId', 'createPost', 'postId', 'title', 'visibility'],
    required: [],
  },
  start_live: {
    title: 'Start live stream',
    hints: 'idempotent openWorld',
    input: ['title', 'discardOnEnd'],
    required: [],
  },
  send_live_note: {
    title: 'Send a note to live viewers',
    hints: 'openWorld',
    input: ['text'],
    required: ['text'],
  },
  set_live_status: {
    title: 'Set the live status line',
    hints: 'openWorld',
    input: ['text'],
    required: ['text'],
  },
  pause_live: { title: 'Pause live stream', hints: 'idempotent openWorld', input: [], required: [] },
  resume_live: { title: 'Resume live stream', hints: 'idempotent openWorld', input: [], required: [] },
  stop_live: {
    title: 'Stop live stream',
    hints: 'destructive idempotent openWorld',
    input: ['keep', 'title'],
    required: [],
  },
  get_live_status: { title: 'Live stream status', hints: 'readOnly idempotent', input: [], required: [] },
  list_sessions: {
    title: 'List tracker sessions',
    hints: 'readOnly idempotent openWorld',
    input: ['search', 'project', 'status', 'tag', 'starred', 'archived', 'page', 'limit'],
    required: [],
  },
  resume_session: {
    title: 'Resume a session',
    hints: 'idempotent openWorld',
    input: ['target', 'fetch'],
    required: [],
  },
  get_session: {
    title: 'Get session summary',
    hints: 'readOnly idempotent openWorld',
    input: ['sessionId', 'turns'],
    required: [],
  },
  export_session: {
    title: 'Export session to a file',
    hints: 'destructive idempotent',
    input: ['sessionId', 'format', 'out', 'force', 'redact', 'comments'],
    required: [],
  },
};

let h: McpHarness;
beforeAll(async () => {
  h = await connectMcp({
    env: { HOME: '/nonexistent', BATON_DATA_DIR: '/nonexistent/data' },
    cwd: '/nonexistent',
    claudePid: 1,
  });
});
afterAll(() => h?.close());

it('every tool matches the pinned manifest (name, title, the four hints, input keys), in this order', async () => {
  const { tools } = await h.client.listTools();
  const seen = Object.fromEntries(
    tools.map((t) => {
      const a = t.annotations ?? {};
      const hints = (['readOnly', 'destructive', 'idempotent', 'openWorld'] as const).filter(
        (k) => a[`${k}Hint`] === true,
      );
      for (const k of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const)
        expect(typeof a[k], `${t.name}.${k} must be set`).toBe('boolean');
      expect(a.title, `${t.name}: annotation title`).toBe(t.title);
      return [
        t.name,
        {
          title: t.title,
          hints: hints.join(' '),
          input: Object.keys(t.inputSchema.properties ?? {}),
          required: t.inputSchema.required ?? [],
        },
      ];
    }),
  );
  expect(seen).toEqual(MANIFEST);
  expect(tools.map((t) => t.name)).toEqual(Object.keys(MANIFEST));
});

it('no tool is both read-only and destructive, and every name is verb_first snake_case', async () => {
  const { tools } = await h.client.listTools();
  for (const t of tools) {
    expect(t.annotations!.readOnlyHint && t.annotations!.destructiveHint, t.name).toBe(false);
    expect(t.name).toMatch(/^[a-z]+(_[a-z]+)+$/);
  }
});

it('the MCP server calls use cases below the CLI, never the CLI itself (no fake CLI context)', () => {
  const root = join(import.meta.dirname, '..', '..', 'mcp-server');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((f) =>
    /from '(\.\.\/)+src\/cli\//.test(readFileSync(join(root, f), 'utf8')),
  );
  expect(offenders).toEqual([]);
});
