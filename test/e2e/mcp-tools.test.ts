// E2E: the real claude, scripted to call the plugin's MCP tools (list_sessions, push_session) via --allowedTools.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTrackerClient } from '../../src/client/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { RECORDED } from '../helpers/live-sandbox.js';
import { lastToolResults, startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runClaudeOk,
  transcriptFor,
  type ClaudeOkRun,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';
import { gated } from '../helpers/gated.js';

const LIST = 'mcp__plugin_baton_tracker__list_sessions';
const PUSH = 'mcp__plugin_baton_tracker__push_session';
const SEEDED = '5eeded00-0000-4000-8000-00000000e2e0';

/**
 * Claude Code 2.1.330 gives the model a tool's structuredContent (as JSON) instead of its text block when there is
 * one: the server puts the readable result in its `text` field. This is what the model reads.
 */
function readable(toolResult: string): string {
  try {
    const parsed = JSON.parse(toolResult) as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : toolResult;
  } catch {
    return toolResult;
  }
}

describeClaude('e2e: the model calls Baton MCP tools', () => {
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let tracker: WebTracker;
  let run: ClaudeOkRun;

  beforeAll(async () => {
    requireDist('hook.cjs', 'mcp-server.js');
    tracker = await startWebTracker();
    // Something for list_sessions to find.
    const seed = await loadSession(RECORDED);
    const api = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
    await api.sessions.push(
      gated({ session: { ...seed, meta: { ...seed.meta, id: SEEDED, title: 'seeded e2e session' } } }),
    );
    await api.close();

    fake = await startFakeAnthropic();
    sb = createSandbox();
    fake.enqueue(
      {
        blocks: [
          { type: 'text', text: 'Looking at your sessions.' },
          { type: 'tool_use', name: LIST, input: { limit: 5 } },
        ],
      },
      {
        blocks: [{ type: 'tool_use', name: PUSH, input: { createPost: true, title: 'pushed by the model' } }],
      },
      {
        reply: (req) => ({
          blocks: [
            {
              type: 'text',
              text: `DONE: ${readable(lastToolResults(req.body)[0]?.text ?? '').split('\n')[0]}`,
            },
          ],
        }),
      },
    );
    run = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      prompt: 'list my sessions, then push this one',
      allowedTools: [LIST, PUSH],
      env: { ENABLE_TOOL_SEARCH: 'false', BATON_URL: tracker.url, BATON_API_KEY: tracker.ownerKey },
      timeoutMs: 120_000,
    });
  });

  afterAll(async () => {
    await fake?.close();
    await tracker?.close();
    sb?.cleanup();
  });

  it('offered the tools to the model up front, with their descriptions and input schemas', () => {
    const first = fake.requests.find(
      (r) =>
        r.path === '/v1/messages' &&
        Array.isArray((r.body as { tools?: unknown[] }).tools) &&
        (r.body as { tools: unknown[] }).tools.length > 0,
    )!;
    const tools = (
      first.body as {
        tools: Array<{ name: string; description?: string; input_schema?: { properties?: object } }>;
      }
    ).tools;
    const names = tools
      .map((t) => t.name)
      .filter((n) => n.startsWith('mcp__plugin_baton_tracker__'))
      .sort();
    // Issue #11: live_update (seven actions in one tool) became one tool per action.
    expect(names).toEqual(
      [
        'export_session',
        'get_live_status',
        'get_session',
        'list_sessions',
        'pause_live',
        'push_session',
        'resume_live',
        'resume_session',
        'send_live_note',
        'set_live_status',
        'start_live',
        'stop_live',
      ].map((t) => `mcp__plugin_baton_tracker__${t}`),
    );
    const list = tools.find((t) => t.name === LIST)!;
    expect(list.description).toContain('Lists or searches');
    expect(Object.keys(list.input_schema?.properties ?? {})).toContain('search');
  });

  it('list_sessions returned the table of tracker sessions to the model', () => {
    const results = fake.requests.flatMap((r) => (r.path === '/v1/messages' ? lastToolResults(r.body) : []));
    const listed = results.find((r) => r.text.includes(SEEDED));
    expect(listed, JSON.stringify(results).slice(0, 2000)).toBeDefined();
    expect(listed!.isError).toBe(false);
    // The running session itself may already be there: auto-sync starts delivering it at SessionStart.
    expect(readable(listed!.text)).toMatch(/^[12] session\(s\); page 1 of 1:\nid +started/);
    expect(readable(listed!.text)).toContain('seeded e2e session');
  });

  it('push_session uploaded the running session itself and the model saw the URLs', async () => {
    const last = fake.requests.filter((r) => r.path === '/v1/messages').at(-1)!;
    const pushed = lastToolResults(last.body)[0]!;
    expect(pushed.isError).toBe(false);
    expect(readable(pushed.text)).toMatch(new RegExp(`^Pushed session ${run.sessionId} `));
    expect(readable(pushed.text)).toMatch(/\nPost: http/);
    const api = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
    const stored = await api.sessions.get(run.sessionId);
    await api.close();
    expect(
      stored.events.some(
        (e) => e.event.kind === 'prompt' && e.event.text === 'list my sessions, then push this one',
      ),
    ).toBe(true);
    expect(run.result.result).toMatch(/^DONE: Pushed session /);
    // The tool calls are in the transcript like any other.
    const records = readJsonl(transcriptFor(sb, run.sessionId));
    const toolUses = records
      .flatMap((r) =>
        (r.message as { content?: unknown })?.content instanceof Array
          ? (r.message as { content: Array<{ type: string; name?: string }> }).content
          : [],
      )
      .filter((b) => b.type === 'tool_use');
    expect(toolUses.map((b) => b.name)).toEqual([LIST, PUSH]);
  });
});
