// The bundled hook runner as Claude Code runs it: a child process per event, real payloads, every failure mode.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxPaths, readOutbox } from '../../src/capture/index.js';
import { acquireLock } from '../../src/capture/session/lock.js';
import {
  hookEnv,
  hookFixtures,
  logLines,
  requireBuiltHook,
  runHookSync,
  transcriptLines,
} from './hook-harness.js';

beforeAll(requireBuiltHook);

let root: string;
let env: Record<string, string>;
let dataDir: string;
let transcript: string;
const SID = '1abbf6e0-9581-42f0-a908-ab9754388ca4';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-hook-'));
  env = hookEnv(root);
  dataDir = env.BATON_DATA_DIR!;
  mkdirSync(env.TMPDIR!, { recursive: true });
  mkdirSync(join(root, 'proj'));
  transcript = join(root, 'proj', `${SID}.jsonl`);
});
afterEach(() => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const stopPayload = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  session_id: SID,
  transcript_path: transcript,
  hook_event_name: 'Stop',
  last_assistant_message: 'done',
  ...extra,
});

describe('hook runner: a whole session', () => {
  it('captures every event and every transcript line exactly once, silently, exit 0', async () => {
    const lines = transcriptLines();
    const handled = new Set([
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'Stop',
      'SubagentStop',
      'PreCompact',
      'SessionEnd',
    ]);
    const payloads = hookFixtures().filter((p) => handled.has(p.hook_event_name as string));
    // The transcript grows between hooks, cut at arbitrary points: usually a line is still half-written.
    const full = lines.map((l) => `${l}\n`).join('');
    let written = 0;
    for (const [i, p] of payloads.entries()) {
      const cut = Math.floor((full.length * (i + 1)) / (payloads.length + 1));
      appendFileSync(transcript, full.slice(written, cut));
      written = cut;
      const r = runHookSync(p.hook_event_name as string, { ...p, transcript_path: transcript }, env);
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    }
    const complete = full
      .slice(0, full.lastIndexOf('\n', written - 1) + 1)
      .split('\n')
      .filter(Boolean);
    expect(complete.length).toBeGreaterThan(10);

    const out = await readOutbox(dataDir, SID);
    expect(out.invalid).toBe(0);
    const kinds = out.records.filter((r) => r.k !== 'records').map((r) => r.k);
    expect(kinds).toEqual(
      payloads.map(
        (p) =>
          ({
            SessionStart: 'start',
            UserPromptSubmit: 'prompt',
            PreToolUse: 'tool_start',
            PostToolUse: 'tool_end',
            Stop: 'stop',
            SubagentStop: 'subagent_stop',
            PreCompact: 'compact',
            SessionEnd: 'end',
          })[p.hook_event_name as string],
      ),
    );
    expect(out.records.map((r) => r.seq)).toEqual(out.records.map((_, i) => i + 1));
    const copied = out.records.flatMap((r) => (r.k === 'records' && r.path === transcript ? r.lines : []));
    expect(copied).toEqual(complete);
    expect(out.records.find((r) => r.k === 'prompt')).toMatchObject({
      text: 'CALL_TOOL mcp__plugin_demo-plugin_probe__add {"a":2,"b":3}',
    });
    expect(out.records.find((r) => r.k === 'tool_end')).toMatchObject({
      response: '{"sum":5}',
      durationMs: 11,
    });
    expect(logLines(dataDir)).toEqual([]);
  });

  it('SessionEnd copies the main transcript and leaves subagent files to the sender (issue #10: it timed out on them)', async () => {
    writeFileSync(transcript, `${transcriptLines()[0]}\n`);
    const agentDir = join(root, 'proj', SID, 'subagents');
    mkdirSync(agentDir, { recursive: true });
    writeFileSync(join(agentDir, 'agent-abc123.jsonl'), '{"type":"user","isSidechain":true,"uuid":"x"}\n');
    const r = runHookSync(
      'SessionEnd',
      { session_id: SID, transcript_path: transcript, reason: 'other' },
      env,
    );
    expect(r.status).toBe(0);
    const out = await readOutbox(dataDir, SID);
    expect(out.records.map((x) => x.k)).toEqual(['records', 'end']);
    // The end names the transcript: the sender's final sweep finds the subagent files from it.
    expect(out.records[1]).toMatchObject({ k: 'end', transcriptPath: transcript });
  });
});

describe('hook runner: BATON_DISABLE=1', () => {
  it('exits 0 and writes nothing at all, not even the data dir', () => {
    for (const stdin of [stopPayload(), 'garbage']) {
      const r = runHookSync('Stop', stdin, { ...env, BATON_DISABLE: '1' });
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(root, 'home'))).toBe(false);
  });
});

describe('hook runner: fails open', () => {
  it.each([
    ['malformed stdin', '{"session_id": "abc", oops'],
    ['empty stdin', ''],
    ['a payload without session id', '{"hook_event_name":"Stop"}'],
  ])('%s: exit 0, no output, one log line, no outbox', (_name, stdin) => {
    const r = runHookSync('Stop', stdin, env);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(logLines(dataDir)).toEqual([
      expect.objectContaining({ level: 'warn', event: 'Stop', code: 'invalid_input' }),
    ]);
    expect(existsSync(join(dataDir, 'outbox'))).toBe(false);
  });

  it('an unknown event name is logged, not fatal', () => {
    const r = runHookSync('NotAnEvent', { session_id: SID }, env);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(logLines(dataDir)[0]).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/unknown hook event/),
    });
  });

  it('a missing transcript (not written yet) still records the event, silently', async () => {
    const r = runHookSync('Stop', stopPayload({ transcript_path: join(root, 'nope.jsonl') }), env);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    const out = await readOutbox(dataDir, SID);
    expect(out.records.map((x) => x.k)).toEqual(['stop']);
    expect(logLines(dataDir)).toEqual([]);
  });

  it('an unreadable transcript: the event is still recorded, the error logged, the user not bothered', async () => {
    mkdirSync(transcript);
    const r = runHookSync('Stop', stopPayload(), env);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await readOutbox(dataDir, SID)).records.map((x) => x.k)).toEqual(['stop']);
    expect(logLines(dataDir)).toEqual([
      expect.objectContaining({ level: 'warn', code: 'EISDIR', event: 'Stop' }),
    ]);
  });

  it('an unwritable data dir: exit 0 and ONE systemMessage per session', () => {
    writeFileSync(join(root, 'not-a-dir'), '');
    const broken = { ...env, BATON_DATA_DIR: join(root, 'not-a-dir', 'data') };
    const first = runHookSync('Stop', stopPayload(), broken);
    expect(first.status).toBe(0);
    const lines = first.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const msg = JSON.parse(lines[0]!) as { systemMessage: string };
    expect(Object.keys(msg)).toEqual(['systemMessage']);
    expect(msg.systemMessage).toMatch(/Baton could not save this session locally \(ENOTDIR\)/);
    // Rate-limited: the same session is not told again; another session is.
    expect(runHookSync('UserPromptSubmit', { session_id: SID, prompt: 'x' }, broken)).toMatchObject({
      status: 0,
      stdout: '',
    });
    const other = runHookSync('Stop', stopPayload({ session_id: 'another-session' }), broken);
    expect(other.stdout).toMatch(/^\{"systemMessage":"Baton could not save/);
  });

  it('a full disk (ENOSPC): exit 0, one systemMessage, logged, and nothing half-recorded in the state', () => {
    const paths = outboxPaths(dataDir, SID);
    mkdirSync(paths.dir, { recursive: true });
    symlinkSync('/dev/full', paths.outbox);
    writeFileSync(transcript, `${transcriptLines()[0]}\n`);
    const r = runHookSync('Stop', stopPayload(), env);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^\{"systemMessage":"Baton could not save this session locally \(ENOSPC\)[^\n]*hook\.log/,
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(logLines(dataDir)).toEqual([
      expect.objectContaining({ level: 'error', code: 'ENOSPC', sessionId: SID }),
    ]);
    expect(readFileSync(paths.state, 'utf8')).toBe('');
    expect(runHookSync('Stop', stopPayload(), env).stdout).toBe('');
  });

  it('a lock held by a live process: spills its entry after a bounded wait, exit 0, no message; the next holder merges it', async () => {
    const release = acquireLock(outboxPaths(dataDir, SID).lock, { waitMs: 0, staleMs: 60_000 })!;
    try {
      const r = runHookSync('SessionEnd', { session_id: SID, reason: 'other' }, env);
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
      expect(logLines(dataDir)).toEqual([]);
      expect(readdirSync(join(dataDir, 'outbox', 'spill'))).toHaveLength(1);
    } finally {
      release();
    }
    expect(runHookSync('Stop', { session_id: SID }, env).status).toBe(0);
    expect((await readOutbox(dataDir, SID)).records.map((x) => x.k)).toEqual(['end', 'stop']);
    expect(readdirSync(join(dataDir, 'outbox', 'spill'))).toEqual([]);
  });

  it('recovers once the problem is gone: the next hook copies what was missed', async () => {
    writeFileSync(transcript, `${transcriptLines()[0]}\n`);
    const paths = outboxPaths(dataDir, SID);
    mkdirSync(paths.dir, { recursive: true });
    symlinkSync('/dev/full', paths.outbox);
    runHookSync('Stop', stopPayload(), env);
    rmSync(paths.outbox);
    expect(runHookSync('Stop', stopPayload(), env)).toMatchObject({ status: 0, stdout: '' });
    const out = await readOutbox(dataDir, SID);
    expect(out.records.map((x) => x.k)).toEqual(['records', 'stop']);
    expect(readFileSync(paths.outbox, 'utf8')).toContain('"seq":1,');
  });
});
