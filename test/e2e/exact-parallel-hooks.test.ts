// Issue #10 (f): many hook processes at once on a loaded CPU (the real bundled hook, real payload shapes from
// /work/shared/reference/hook-inputs.jsonl, a real transcript): every record reaches the outbox and the tracker once.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, nonce } from './helpers/assertions.js';
import { repoRoot } from './helpers/claude-binary.js';
import {
  countTranscript,
  exportAll,
  inflateTranscript,
  jsonMainEvents,
  outboxPrompts,
  promptTexts,
  readOutbox,
  settled,
  startTracker,
  trackerMain,
  type Exports,
  type Tracker,
  type TrackerSession,
  type TranscriptCount,
  trackerEnv,
  teardown,
} from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  runClaudeOk,
  sandboxEnv,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const TURNS = 30;

describeClaude('issue #10 (f): parallel hooks under CPU load', () => {
  const n = nonce();
  let fake: FakeAnthropic;
  let tracker: Tracker;
  let sb: ClaudeSandbox;
  let sid: string;
  let bulk: string[];
  let counted: TranscriptCount;
  let exports: Exports;
  let stored: TrackerSession;
  const burners: ChildProcess[] = [];
  const exitCodes: (number | undefined)[] = [];

  beforeAll(async () => {
    requireDist('hook.cjs', 'sender.cjs', 'cli.js', 'tracker.js');
    [fake, tracker] = await Promise.all([startFakeAnthropic(), startTracker()]);
    sb = createSandbox('baton-e2e-parallel-hooks-');
    const env = trackerEnv(tracker);
    // A real transcript (recorded without the plugin), grown by TURNS recorded Bash turns.
    sid = (
      await runClaudeOk({
        bin: claudeBin,
        sandbox: sb,
        fake,
        prompt: `RUN_BASH: echo hooks-${n}`,
        pluginDir: null,
      })
    ).sessionId;
    const transcript = transcriptFor(sb, sid);
    bulk = inflateTranscript(transcript, n, { turns: TURNS }, 20);
    counted = countTranscript(transcript);

    const common = {
      session_id: sid,
      transcript_path: transcript,
      cwd: sb.projectDir,
      permission_mode: 'default',
    };
    const hookEnv = sandboxEnv(sb, null, {
      ...env,
      CLAUDE_PLUGIN_ROOT: repoRoot,
      CLAUDE_PROJECT_DIR: sb.projectDir,
    });
    const hook = (event: string, payload: Record<string, unknown>) =>
      execa(process.execPath, [join(repoRoot, 'dist', 'hook.cjs'), event], {
        input: JSON.stringify({ ...common, hook_event_name: event, ...payload }),
        env: hookEnv,
        extendEnv: false,
        cwd: sb.projectDir,
        reject: false,
        timeout: 120_000,
      });
    exitCodes.push((await hook('SessionStart', { source: 'resume', model: 'claude-sonnet-4-5' })).exitCode);

    // Load both cores, then fire every prompt, tool and stop hook of the TURNS turns at once.
    for (let i = 0; i < 2; i++)
      burners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const runs = bulk.flatMap((prompt, i) => {
      const tool = {
        tool_name: 'Bash',
        tool_use_id: `toolu_bulk_${n}_${i}`,
        tool_input: { command: `echo hooks-${n}`, description: 'd' },
      };
      return [
        hook('UserPromptSubmit', { prompt, prompt_id: `p-${i}` }),
        hook('PreToolUse', tool),
        hook('PostToolUse', {
          ...tool,
          tool_response: { stdout: `bulk-result-${i}`, stderr: '', interrupted: false },
          duration_ms: 5,
        }),
        hook('Stop', { stop_hook_active: false, last_assistant_message: `BASH_DONE: bulk-result-${i}` }),
      ];
    });
    exitCodes.push(...(await Promise.all(runs)).map((r) => r.exitCode));
    exitCodes.push((await hook('SessionEnd', { reason: 'other' })).exitCode);
    for (const b of burners) b.kill('SIGKILL');
    stored = await settled(tracker, sb, sid, 300_000);
    exports = await exportAll(sb, sid, env);
  }, 600_000);

  afterAll(async () => {
    for (const b of burners) b.kill('SIGKILL');
    await teardown(sb, fake, tracker);
  });

  it('every hook exited 0', () => {
    expect(exitCodes).toHaveLength(2 + 4 * TURNS);
    expect(exitCodes.filter((c) => c !== 0)).toEqual([]);
  });

  it('the outbox holds every hook observation exactly once', () => {
    const o = readOutbox(sb.dataDir, sid);
    expect([...outboxPrompts(o)].sort()).toEqual([...bulk].sort());
    for (const k of ['tool_start', 'tool_end']) {
      const ids = o.lines.filter((l) => l.k === k).map((l) => String(l.toolUseId));
      expect(ids.sort(), k).toEqual(bulk.map((_, i) => `toolu_bulk_${n}_${i}`).sort());
    }
    expect(o.lines.filter((l) => l.k === 'stop')).toHaveLength(TURNS);
    expect(o.lines.filter((l) => l.k === 'end')).toHaveLength(1);
  });

  it('the outbox holds every transcript record exactly once', () => {
    const o = readOutbox(sb.dataDir, sid);
    expect(duplicateUuids(o.units)).toEqual([]);
    const prompts = o.units.filter((u) => u.kind === 'prompt').map((u) => u.text.trim());
    expect(prompts).toEqual(counted.prompts);
  });

  it('the tracker holds every prompt and tool call exactly once, in order', () => {
    const events = trackerMain(stored);
    expect(promptTexts(events)).toEqual(counted.prompts);
    const calls = events.filter((e) => e.kind === 'tool_call').map((e) => String(e.toolUseId));
    expect(calls).toEqual(counted.toolCallIds);
    expect(new Set(stored.events.map((e) => e.event.uuid)).size).toBe(stored.events.length);
  });

  it('the exports hold every prompt exactly once', () => {
    expect(promptTexts(jsonMainEvents(exports.json))).toEqual(counted.prompts);
    for (const f of ['md', 'txt'] as const)
      expect(exports[f]).toMatch(new RegExp(`\\b${counted.prompts.length} prompt\\(s\\)`));
    for (const p of bulk) expect(exports.md.split(`${p}\n`).length - 1, p).toBe(1);
  });
});
