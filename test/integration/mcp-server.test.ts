// The MCP server through a real MCP client (in-memory transport pair) against a real tracker and real transcripts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/core/model/session.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { connectMcp, recordedCurrentSession, type McpHarness } from '../helpers/mcp-harness.js';
import { createLiveSandbox, RECORDED, type LiveSandbox } from '../helpers/live-sandbox.js';
import { gated } from '../helpers/gated.js';

const CLAUDE_PID = 424_242;
// Issue #11: live_update (one tool, seven actions) became one tool per action.
const TOOLS = [
  'push_session',
  'start_live',
  'send_live_note',
  'set_live_status',
  'pause_live',
  'resume_live',
  'stop_live',
  'get_live_status',
  'list_sessions',
  'resume_session',
  'get_session',
  'export_session',
];

const connect = (env: Record<string, string>, cwd: string) => connectMcp({ env, cwd, claudePid: CLAUDE_PID });
const call = (h: McpHarness, name: string, args: Record<string, unknown> = {}) => h.call(name, args);

let sb: LiveSandbox;
let client: McpHarness;

beforeAll(async () => {
  sb = await createLiveSandbox();
  recordedCurrentSession(sb, CLAUDE_PID, RECORDED);
  client = await connect(sb.env, sb.cwd);
});
afterAll(async () => {
  await client?.close();
  await sb?.close();
});

describe('MCP server (in-memory client, real tracker)', () => {
  it('lists every tool, each with a title, description, input and output schemas and all four annotations', async () => {
    const { tools } = await client.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const t of tools) {
      expect(t.title, t.name).toMatch(/\S/);
      expect(t.description!.length, t.name).toBeGreaterThan(60);
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
        expect(typeof t.annotations?.[hint], `${t.name}.${hint}`).toBe('boolean');
      }
    }
    const readOnly = tools
      .filter((t) => t.annotations?.readOnlyHint)
      .map((t) => t.name)
      .sort();
    expect(readOnly).toEqual(['get_live_status', 'get_session', 'list_sessions']);
  });

  it('push_session pushes the current session (redacted) as a new post and returns its URLs', async () => {
    const r = await call(client, 'push_session', {
      createPost: true,
      title: 'MCP pushed',
      visibility: 'unlisted',
    });
    expect(r.isError, r.text).toBeFalsy();
    expect(r.data!.sessionId).toBe(sb.sessionId);
    expect(r.data!.url).toContain(sb.tracker.url);
    expect(r.data!.postUrl).toMatch(/^http/);
    expect(r.text).toContain(r.data!.url);
    expect(r.text).toContain(r.data!.postUrl);
    const stored = await sb.client.sessions.get(sb.sessionId);
    expect(stored.events.length).toBe(r.data!.eventCount);
  });

  it('list_sessions shows a compact table and searches', async () => {
    const all = await call(client, 'list_sessions');
    expect(all.isError, all.text).toBeFalsy();
    expect(all.text.split('\n')[1]).toMatch(/^id\s+started\s+project\s+turns\s+dur\s+title$/);
    expect(all.text).toContain(sb.sessionId);
    expect(all.data!.sessions[0].turns).toBe(3);
    const hit = await call(client, 'list_sessions', { search: 'recorded-marker-42' });
    expect(hit.data!.sessions.map((s: { id: string }) => s.id)).toEqual([sb.sessionId]);
    const miss = await call(client, 'list_sessions', { search: 'zzzz-no-such-words' });
    expect(miss.text).toMatch(/^No sessions found for search=zzzz-no-such-words/);
  });

  it('get_session summarizes the current session from its transcript, and another from the tracker', async () => {
    const local = await call(client, 'get_session', { turns: 2 });
    expect(local.isError, local.text).toBeFalsy();
    expect(local.data!.source).toBe('local');
    expect(local.data!.recent.map((t: { index: number }) => t.index)).toEqual([1, 2]);
    expect(local.text).toContain('tools: Bash');
    expect(local.text).toContain('reply: BASH_DONE: recorded-marker-42');

    // A session that exists only on the tracker.
    const other = '0a0a0a0a-1111-4222-8333-444444444444';
    const session = await loadSession(sb.transcriptPath);
    await sb.client.sessions.push(gated({ session: { ...session, meta: { ...session.meta, id: other } } }));
    const remote = await call(client, 'get_session', { sessionId: other });
    expect(remote.isError, remote.text).toBeFalsy();
    expect(remote.data!.source).toBe('tracker');
    expect(remote.data!.recent).toHaveLength(3);
    expect(remote.text).toContain('On the tracker: ');
  });

  it('export_session writes a local file and refuses to overwrite without force', async () => {
    const r = await call(client, 'export_session', { format: 'json', out: 'exported.json' });
    expect(r.isError, r.text).toBeFalsy();
    const path = join(sb.cwd, 'exported.json');
    expect(r.data!.path).toBe(path);
    expect(Session.parse(JSON.parse(readFileSync(path, 'utf8'))).meta.id).toBe(sb.sessionId);
    const again = await call(client, 'export_session', { format: 'json', out: 'exported.json' });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/^Error \(/);
    rmSync(path);
  });

  it('resume_session gives the resume command and a summary (no handoff written), for an id and for "latest"', async () => {
    const byId = await call(client, 'resume_session', { target: sb.sessionId });
    expect(byId.isError, byId.text).toBeFalsy();
    expect(byId.data!.resumeCommand).toContain(`claude --resume ${sb.sessionId}`);
    expect(byId.data!.handoff).toBeNull();
    expect(byId.text).toContain('No handoff document was written for it');
    const latest = await call(client, 'resume_session', {});
    expect(latest.isError, latest.text).toBeFalsy();
    // The tracker's pointer for project "project" is the session pushed last, never the asking session itself.
    expect(latest.data!.resumeCommand).toMatch(/claude --resume /);
    expect(latest.data!.sessionId).not.toBe(sb.sessionId);
  });

  it('resume_session returns the handoff written for a session when there is one', async () => {
    const other = '0a0a0a0a-1111-4222-8333-444444444444';
    await sb.client.handoffs.create(
      gated({
        sessionId: other,
        project: 'project',
        title: 'Where we stopped',
        markdown: '# Where we stopped\n\n## Next steps\n\n- wire the relay into the hooks\n',
      }),
    );
    const r = await call(client, 'resume_session', { target: other });
    expect(r.isError, r.text).toBeFalsy();
    expect(r.data!.handoff).toMatchObject({ origin: 'tracker' });
    expect(r.data!.handoff.text).toContain('wire the relay into the hooks');
    expect(r.text).toMatch(new RegExp(`^Resume session ${other}`));
    expect(r.text).toContain('continue from this');
  });

  it('start_live, send_live_note, get_live_status and stop_live run the current session stream', async () => {
    const start = await call(client, 'start_live', { title: 'from MCP' });
    expect(start.isError, start.text).toBeFalsy();
    expect(start.data!.viewUrl).toContain('/live/');
    expect(start.text).toContain(start.data!.viewUrl);
    const note = await call(client, 'send_live_note', { text: 'hello viewers' });
    expect(note.isError, note.text).toBeFalsy();
    const noText = await call(client, 'set_live_status', {});
    expect(noText.isError).toBe(true);
    // The input schema now requires text: the SDK rejects the call before the handler runs.
    expect(noText.text).toMatch(/Invalid arguments for tool set_live_status: .* at text$/);
    const check = await call(client, 'get_live_status');
    expect(check.data!.live).toBe(true);
    // No relay script in this test: completing falls back to ending the stream from the server itself.
    const done = await call(client, 'stop_live');
    expect(done.isError, done.text).toBeFalsy();
    expect(done.data!.outcome).toBe('kept');
    expect(done.data!.postUrl).toMatch(/^http/);
    expect((await call(client, 'get_live_status')).data!.live).toBe(false);
  });

  it('offers no tools when Baton is disabled (BATON_DISABLE=1)', async () => {
    const off = await connect({ ...sb.env, BATON_DISABLE: '1' }, sb.cwd);
    expect(off.client.getServerCapabilities()?.tools).toBeUndefined();
    await off.close();
  });

  it('reports actionable tool errors: unknown session, and no tracker configured', async () => {
    const missing = await call(client, 'get_session', { sessionId: 'ffffffff-0000-4000-8000-000000000000' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(/^Error \(not_found\)/);
    const { BATON_URL: _u, BATON_API_KEY: _k, ...noTracker } = sb.env;
    const offline = await connect(noTracker, sb.cwd);
    const r = await call(offline, 'list_sessions');
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^Error \(config\): no Baton tracker is configured/);
    expect(r.text).toContain('baton login');
    // Local tools still work without a tracker.
    const exp = await call(offline, 'export_session', { format: 'md', out: 'offline.md' });
    expect(exp.isError, exp.text).toBeFalsy();
    expect(existsSync(join(sb.cwd, 'offline.md'))).toBe(true);
    await offline.close();
  });
});
