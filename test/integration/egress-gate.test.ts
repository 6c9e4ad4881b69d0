// Issue #9: nothing leaves the machine that shouldn't. One session with planted secrets, <private> spans and a
// paused span goes out through every outbound path; none of them may carry any of it, and each must carry the rest.
// Removing the gate from any one path fails its case here (checked by hand: see the closing note of #9).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCurrentSession } from '../../src/capture/session/current-session.js';
import { startLive, stopLive } from '../../src/capture/delivery/live/control.js';
import { startLiveRelay } from '../../src/capture/delivery/live/relay.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { recordPause } from '../../src/capture/session/pause-log.js';
import { subagentTargets } from '../../src/capture/session/end.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import { depsFromProcess } from '../../mcp-server/deps.js';
import { createServer } from '../../mcp-server/server.js';
import { runBaton } from '../helpers/cli-run.js';
import { createLiveSandbox, type LiveSandbox } from '../helpers/live-sandbox.js';
import { openSse } from '../helpers/sse-client.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

/** Real-format secrets, written by hand (not generated from the rules), in the shapes developers paste. */
const SECRETS = {
  github: 'ghp_R2d4Xq9LmZ0vT7bW1cY8nK3pF6sJ5hQ2aE4u',
  awsId: 'AKIA4QWERTYUIOPASDF7',
  awsSecret: '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',
  stripe: 'sk_live_51Hq8ZtLkR9v2XyPq0aBcDeFgHiJ',
  pgPassword: 'Tr0ub4dor-Xq93',
  anthropic: `sk-ant-api03-${'Zq8'.repeat(31)}AA`,
  slack: 'xoxb-2048193847-1938475610293-Qw8eRt6yUi4oPa2sDf0gHj1k',
  mysqlPassword: 'S3cr3tPa55w0rd',
  huggingface: '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',
};
const PRIVATE = 'PRIV-MARK-51c3';
const PAUSED = 'PAUSED-MARK-7d1e';
const BEFORE = 'BEFORE-MARK-0a1b';
const AFTER = 'AFTER-MARK-9c2b';
const FORBIDDEN = [...Object.values(SECRETS), PRIVATE, PAUSED];

const T0 = Date.parse('2026-11-02T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const PAUSE_AT = at(59);
const RESUME_AT = at(119);

/** Claude Code records, one turn: prompt, text, tool call, tool result (`sec` seconds after T0). */
function turn(
  sid: string,
  cwd: string,
  n: number,
  sec: number,
  prompt: string,
  reply: string,
  input: unknown,
  result: string,
) {
  const base = {
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: sid,
    version: '2.1.332',
    gitBranch: 'main',
  };
  const usage = {
    input_tokens: 10,
    output_tokens: 5,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  const u = (k: string) => `${sid}-${k}${n}`;
  return [
    {
      ...base,
      type: 'user',
      uuid: u('u'),
      parentUuid: null,
      timestamp: at(sec),
      message: { role: 'user', content: prompt },
    },
    {
      ...base,
      type: 'assistant',
      uuid: u('a'),
      parentUuid: u('u'),
      timestamp: at(sec + 1),
      requestId: `r${n}`,
      message: {
        id: `m${n}`,
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [{ type: 'text', text: reply }],
        usage,
      },
    },
    {
      ...base,
      type: 'assistant',
      uuid: u('t'),
      parentUuid: u('a'),
      timestamp: at(sec + 2),
      requestId: `r${n}`,
      message: {
        id: `m${n}`,
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [{ type: 'tool_use', id: `tu-${sid}-${n}`, name: 'Bash', input }],
        usage,
      },
    },
    {
      ...base,
      type: 'user',
      uuid: u('r'),
      parentUuid: u('t'),
      timestamp: at(sec + 3),
      message: {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: `tu-${sid}-${n}`, content: result }],
      },
    },
  ];
}

const lines = (recs: object[]) => recs.map((r) => `${JSON.stringify(r)}\n`).join('');

/**
 * Writes the session the way it happened: a clean turn, a turn full of secrets and private spans, then the user
 * pauses (recorded as /export-session --pause records it), a turn while paused, resume, and a last clean turn.
 */
function writeSession(sb: LiveSandbox): void {
  const { sessionId: sid, cwd, transcriptPath: path } = sb;
  const S = SECRETS;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  appendFileSync(
    path,
    lines(turn(sid, cwd, 0, 0, `${BEFORE} set up the deploy`, `${BEFORE} sure`, { command: 'ls' }, 'ok')),
  );
  appendFileSync(
    path,
    lines(
      turn(
        sid,
        cwd,
        1,
        10,
        `Use ${S.github} and <private>${PRIVATE} my home address</private> to deploy; stripe is ${S.stripe}`,
        `I will use the key ${S.anthropic} and connect to postgres://app:${S.pgPassword}@db.internal:5432/prod`,
        {
          command: `mysql -u root -p${S.mysqlPassword} prod`,
          env: { AWS_ACCESS_KEY_ID: S.awsId, note: `<private>${PRIVATE}</private>` },
        },
        `[default]\naws_access_key_id = ${S.awsId}\naws_secret_access_key = ${S.awsSecret}\nSLACK_BOT_TOKEN=${S.slack}\n`,
      ),
    ),
  );
  // A subagent ran during that turn, and one ran while paused.
  const agent = join(dirname(path), sid, 'subagents', 'agent-e9.jsonl');
  mkdirSync(dirname(agent), { recursive: true });
  const side = (uuid: string, sec: number, text: string) => ({
    type: 'assistant',
    uuid,
    parentUuid: null,
    isSidechain: true,
    agentId: 'e9',
    sessionId: sid,
    cwd,
    timestamp: at(sec),
    requestId: `ra-${uuid}`,
    message: {
      id: `ma-${uuid}`,
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text', text }],
      usage: { input_tokens: 1, output_tokens: 1 },
    },
  });
  writeFileSync(
    agent,
    lines([
      side(`${sid}-sa1`, 14, `found HF_TOKEN=${S.huggingface} <private>${PRIVATE}</private>`),
      side(`${sid}-sa2`, 70, `${PAUSED} from the subagent`),
    ]),
  );

  recordPause(sb.config.dataDir, sid, true, path, PAUSE_AT);
  appendFileSync(
    path,
    lines(
      turn(
        sid,
        cwd,
        2,
        60,
        `${PAUSED} my password is hunter2-${PAUSED}`,
        `${PAUSED} noted`,
        { command: `echo ${PAUSED}` },
        `${PAUSED}\n`,
      ),
    ),
  );
  recordPause(sb.config.dataDir, sid, false, path, RESUME_AT);
  appendFileSync(
    path,
    lines(turn(sid, cwd, 3, 120, `${AFTER} all done`, `${AFTER} great`, { command: 'git status' }, 'clean')),
  );
}

let tracker: WebTracker;
const sandboxes: LiveSandbox[] = [];

beforeAll(async () => {
  tracker = await startWebTracker();
});
afterAll(async () => {
  for (const sb of sandboxes) await sb.close();
  await tracker?.close();
});

let n = 0;
async function sandbox(): Promise<LiveSandbox> {
  const sb = await createLiveSandbox({
    tracker,
    sessionId: `e9e9e9e9-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  sandboxes.push(sb);
  writeSession(sb);
  return sb;
}

async function get(url: string, auth = true): Promise<string> {
  const res = await fetch(url, auth ? { headers: { authorization: `Bearer ${tracker.ownerKey}` } } : {});
  expect(res.status, url).toBe(200);
  return res.text();
}

/** Everything the tracker holds and shows of a session: the API's events, its exports, and a page link if any. */
async function trackerViews(sid: string, pageUrl?: string): Promise<Record<string, string>> {
  const api = `${tracker.url}/api/v1/sessions/${sid}`;
  const out: Record<string, string> = {
    'tracker API': await get(`${api}?limit=1000`),
    'tracker export md': await get(`${api}/export?format=md`),
    'tracker export html': await get(`${api}/export?format=html`),
  };
  if (pageUrl) out['share page'] = await get(pageUrl, false);
  return out;
}

async function mcpClient(sb: LiveSandbox): Promise<Client> {
  const claudePid = 515_151;
  writeCurrentSession(sb.config.dataDir, claudePid, {
    sessionId: sb.sessionId,
    transcriptPath: sb.transcriptPath,
    at: new Date().toISOString(),
  });
  const server = createServer(
    depsFromProcess(sb.env, { cwd: sb.cwd, ppid: claudePid, relayScript: null, log: () => undefined }),
    'test',
  );
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'egress-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

async function tool(client: Client, name: string, args: Record<string, unknown>) {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  expect(r.isError, text).toBeFalsy();
  return { text, data: r.structuredContent as Record<string, string> };
}

const baton = (sb: LiveSandbox, argv: string[]) =>
  runBaton(argv, { env: sb.env, cwd: sb.cwd, home: sb.env.HOME! });

/** Each outbound path, run for real; returns what came out of it, by where it came out. */
const PATHS: Record<string, () => Promise<Record<string, string>>> = {
  async 'auto-sync (hooks → outbox → sender)'() {
    const sb = await sandbox();
    // The hooks copied everything, paused lines included (as if a pause was missed): the sender's gate must hold.
    appendToOutbox(sb.config.dataDir, sb.sessionId, [{ k: 'start', cwd: sb.cwd }], {
      sweep: [{ path: sb.transcriptPath }, ...subagentTargets(sb.transcriptPath, sb.sessionId)],
    });
    appendToOutbox(sb.config.dataDir, sb.sessionId, [{ k: 'end', reason: 'other' }]);
    await runSender({
      dataDir: sb.config.dataDir,
      client: sb.client,
      apiKey: tracker.ownerKey,
      idleMs: 0,
      pollMs: 10,
      minIntervalMs: 0,
    });
    return trackerViews(sb.sessionId);
  },
  async 'baton push (and /export-session --push)'() {
    const sb = await sandbox();
    const r = await baton(sb, ['push', sb.sessionId, '--visibility', 'unlisted', '--json']);
    expect(r.code, r.err).toBe(0);
    const o = JSON.parse(r.out) as { postUrl: string };
    return { 'push output': r.out + r.err, ...(await trackerViews(sb.sessionId, o.postUrl)) };
  },
  async 'MCP push_session'() {
    const sb = await sandbox();
    const client = await mcpClient(sb);
    try {
      const r = await tool(client, 'push_session', { createPost: true, visibility: 'unlisted' });
      return {
        'tool result': r.text + JSON.stringify(r.data),
        ...(await trackerViews(sb.sessionId, r.data.postUrl)),
      };
    } finally {
      await client.close();
    }
  },
  async 'MCP get_session (read by the model)'() {
    const sb = await sandbox();
    const client = await mcpClient(sb);
    try {
      const r = await tool(client, 'get_session', { turns: 10 });
      return { 'tool result': r.text + JSON.stringify(r.data) };
    } finally {
      await client.close();
    }
  },
  async 'baton sync --all'() {
    const sb = await sandbox();
    const r = await baton(sb, ['sync', '--all']);
    expect(r.code, r.err).toBe(0);
    return { 'sync output': r.out + r.err, ...(await trackerViews(sb.sessionId)) };
  },
  async 'live relay and live finalize (kept as a post)'() {
    const sb = await sandbox();
    const started = await startLive(sb.control(), {
      sessionId: sb.sessionId,
      cwd: sb.cwd,
      title: 'egress live',
    });
    const sse = openSse(`${started.state.viewUrl}/events`);
    await sse.status;
    const relay = startLiveRelay({
      dataDir: sb.config.dataDir,
      sessionId: sb.sessionId,
      client: sb.client,
      canPush: true,
      redact: true,
      claudeConfigDir: sb.config.claudeConfigDir,
      pollMs: 50,
      endGraceMs: { other: 100, default: 100 },
    });
    try {
      await sse.waitFor((m) => m.event === 'event' && m.data.includes(AFTER), 15_000);
      const stopped = await stopLive(sb.control(), { sessionId: sb.sessionId, keep: true });
      expect(stopped.state?.outcome).toBe('kept');
      await sse.waitFor((m) => m.event === 'end', 15_000);
      const streamed = sse.messages.map((m) => m.data).join('\n');
      return {
        'live stream (SSE)': streamed,
        ...(await trackerViews(sb.sessionId, stopped.state!.postUrl!)),
      };
    } finally {
      relay.stop();
      await relay.done;
      sse.close();
    }
  },
  async 'baton export to files and stdout'() {
    const sb = await sandbox();
    const out: Record<string, string> = {};
    for (const format of ['md', 'json', 'html', 'txt']) {
      const file = join(sb.root, `export.${format}`);
      const r = await baton(sb, ['export', sb.sessionId, '--format', format, '--out', file]);
      expect(r.code, r.err).toBe(0);
      out[`export ${format} file`] = readFileSync(file, 'utf8');
    }
    const r = await baton(sb, ['export', sb.sessionId, '--format', 'md', '--out', '-']);
    expect(r.code, r.err).toBe(0);
    out['export stdout'] = r.out;
    return out;
  },
  async 'handoff (file and tracker sync)'() {
    const sb = await sandbox();
    const r = await runBaton(
      ['handoff', 'create', '--session', sb.sessionId, '--topic', 'deploy', '--narrative', '-'],
      {
        env: sb.env,
        cwd: sb.cwd,
        home: sb.env.HOME!,
        stdin: `## Next steps\n- rotate ${SECRETS.stripe} <private>${PRIVATE}</private>\n- ${AFTER}\n`,
      },
    );
    expect(r.code, r.err).toBe(0);
    const local = /Local: +(\S+\.md)/.exec(r.out)?.[1];
    expect(local, r.out).toBeDefined();
    const list = JSON.parse(await get(`${tracker.url}/api/v1/handoffs?limit=100`)) as {
      handoffs: Array<{ id: string; sessionId: string }>;
    };
    const id = list.handoffs.find((h) => h.sessionId === sb.sessionId)?.id;
    expect(id).toBeDefined();
    return {
      'handoff file': readFileSync(local!, 'utf8'),
      'tracker handoff': await get(`${tracker.url}/api/v1/handoffs/${id}`),
    };
  },
};

describe('the egress gate on every outbound path', () => {
  for (const [name, run] of Object.entries(PATHS)) {
    it(`${name}: no secret, no private span, nothing paused; the rest arrives`, async () => {
      const outputs = await run();
      expect(Object.keys(outputs).length).toBeGreaterThan(0);
      for (const [where, text] of Object.entries(outputs)) {
        for (const bad of FORBIDDEN)
          expect(text.includes(bad), `${name} → ${where} carries ${bad}`).toBe(false);
      }
      // Not vacuous: what was not paused did arrive, through the same outputs.
      const all = Object.values(outputs).join('\n');
      expect(all, name).toContain(AFTER);
    });
  }

  it("the tracker's own exports cut private spans and redact what an ingest client sent unredacted", async () => {
    const sid = 'e9e9e9e9-1111-4000-8000-000000000001';
    const raw = {
      session: {
        schemaVersion: 1,
        meta: { id: sid, models: [], title: `deploy ${SECRETS.github}` },
        turns: [
          {
            index: 0,
            events: [
              {
                kind: 'prompt',
                uuid: `${sid}-p`,
                text: `key ${SECRETS.anthropic} <private>${PRIVATE}</private> ${AFTER}`,
              },
              {
                kind: 'tool_result',
                uuid: `${sid}-r`,
                toolUseId: 'x',
                isError: false,
                content: `aws_secret_access_key = ${SECRETS.awsSecret}`,
              },
            ],
          },
        ],
        sidechains: [],
        totals: {
          tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
          costUsd: 0,
          turns: 1,
          prompts: 1,
          messages: 0,
          toolCalls: 0,
          toolErrors: 0,
          tools: {},
          filesTouched: [],
          durationMs: 0,
        },
      },
      source: 'ingest',
    };
    // Straight over HTTP, not through our client: another tool, with no gate of its own.
    const res = await fetch(`${tracker.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tracker.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(raw),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    for (const format of ['md', 'json', 'html', 'txt']) {
      const text = await get(`${tracker.url}/api/v1/sessions/${sid}/export?format=${format}`);
      expect(text, format).toContain(AFTER);
      for (const bad of [SECRETS.github, SECRETS.anthropic, SECRETS.awsSecret, PRIVATE])
        expect(text.includes(bad), `${format} carries ${bad}`).toBe(false);
    }
  });
});
