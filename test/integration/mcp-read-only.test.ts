// Every tool annotated readOnlyHint really is read-only: calling it changes no file under the data dir and sends the
// tracker no write request (only GET/HEAD pass the recording proxy in front of it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLive } from '../../src/capture/delivery/live/control.js';
import { loadSession } from '../../src/core/transcript/index.js';
import { gated } from '../helpers/gated.js';
import { createLiveSandbox, RECORDED, type LiveSandbox } from '../helpers/live-sandbox.js';
import {
  connectMcp,
  recordedCurrentSession,
  recordingProxy,
  type McpHarness,
  type RecordingProxy,
} from '../helpers/mcp-harness.js';

const CLAUDE_PID = 737_373;
const OTHER = '0b0b0b0b-2222-4333-8444-555555555555';

/** Arguments that make each read-only tool do real work (a tracker lookup, not only a local one). */
const ARGS: Record<string, Record<string, unknown>> = {
  list_sessions: { search: 'recorded-marker-42' },
  get_session: { sessionId: OTHER, turns: 2 },
};

let sb: LiveSandbox;
let proxy: RecordingProxy;
let mcp: McpHarness;

/** Path → size, mtime and content of every file under `dir`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        out[`${relative(dir, p)}/`] = 'dir';
        walk(p);
      } else {
        const st = statSync(p);
        out[relative(dir, p)] = `${st.size} ${st.mtimeMs} ${readFileSync(p).toString('base64')}`;
      }
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  sb = await createLiveSandbox();
  recordedCurrentSession(sb, CLAUDE_PID, RECORDED);
  // Something on the tracker to read, and a running stream for get_live_status to report.
  const session = await loadSession(sb.transcriptPath);
  await sb.client.sessions.push(gated({ session: { ...session, meta: { ...session.meta, id: OTHER } } }));
  await startLive(sb.control(), { sessionId: sb.sessionId, cwd: sb.cwd });
  proxy = await recordingProxy(sb.tracker.url);
  mcp = await connectMcp({ env: { ...sb.env, BATON_URL: proxy.url }, cwd: sb.cwd, claudePid: CLAUDE_PID });
});
afterAll(async () => {
  await mcp?.close();
  await proxy?.close();
  await sb?.close();
});

it('read-only tools change no file under the data dir and make no write request to the tracker', async () => {
  const { tools } = await mcp.client.listTools();
  const readOnly = tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name);
  expect(readOnly.length).toBeGreaterThanOrEqual(3);
  const before = snapshot(sb.config.dataDir);
  for (const name of readOnly) {
    const r = await mcp.call(name, ARGS[name] ?? {});
    expect(r.isError, `${name}: ${r.text}`).toBeFalsy();
  }
  expect(snapshot(sb.config.dataDir)).toEqual(before);
  // The tracker was asked (list_sessions, get_session of a tracker-only session), but only asked.
  expect(proxy.seen.length).toBeGreaterThan(0);
  expect(proxy.seen.filter((r) => !/^(GET|HEAD) /.test(r))).toEqual([]);
});

it('the check itself sees writes: a non-read-only tool trips both', async () => {
  const before = snapshot(sb.config.dataDir);
  const seen = proxy.seen.length;
  const r = await mcp.call('pause_live');
  expect(r.isError, r.text).toBeFalsy();
  expect(snapshot(sb.config.dataDir)).not.toEqual(before);
  expect(proxy.seen.slice(seen).some((x) => x.startsWith('POST '))).toBe(true);
});
