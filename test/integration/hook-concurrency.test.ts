// Many hook processes at once, for two sessions, while the transcripts grow: the outboxes must stay exact.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { outboxPaths, readOutbox } from '../../src/capture/index.js';
import { hookEnv, requireBuiltHook, runHookAsync, runHookSync } from './hook-harness.js';

beforeAll(requireBuiltHook);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-conc-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const HOOKS_PER_SESSION = 20;
const EVENTS = ['PreToolUse', 'PostToolUse', 'UserPromptSubmit', 'Stop'] as const;

describe('hook runner under concurrency', () => {
  it('two sessions, parallel hooks, growing transcripts: valid lines, unique seqs, each range copied once', async () => {
    const env = hookEnv(root);
    const dataDir = env.BATON_DATA_DIR!;
    mkdirSync(join(root, 'proj'));
    const sessions = ['session-a', 'session-b'].map((sid) => {
      const transcript = join(root, 'proj', `${sid}.jsonl`);
      const text = Array.from(
        { length: 400 },
        (_, i) =>
          `${JSON.stringify({ type: 'assistant', uuid: `${sid}-${i}`, message: { content: [{ type: 'text', text: `ünïcode ${i} ${'x'.repeat(i % 50)}` }] } })}\n`,
      ).join('');
      return { sid, transcript, text, written: 0 };
    });
    const payload = (sid: string, transcript: string, i: number) => ({
      session_id: sid,
      transcript_path: transcript,
      prompt: `prompt ${i}`,
      tool_name: 'Bash',
      tool_input: { command: `echo ${i}` },
      tool_response: { stdout: `${i}\n`.repeat(200) },
      tool_use_id: `toolu_${i}`,
      last_assistant_message: `reply ${i}`,
    });

    // The transcript writer: appends arbitrary slices (often ending mid-line) while the hooks run.
    let running = true;
    const writer = (async () => {
      while (running) {
        for (const s of sessions) {
          const next = Math.min(s.text.length, s.written + 200 + Math.floor(Math.random() * 2000));
          appendFileSync(s.transcript, s.text.slice(s.written, next));
          s.written = next;
        }
        await sleep(2);
      }
    })();
    const runs = await Promise.all(
      sessions.flatMap((s) =>
        Array.from({ length: HOOKS_PER_SESSION }, (_, i) =>
          runHookAsync(EVENTS[i % EVENTS.length]!, payload(s.sid, s.transcript, i), env),
        ),
      ),
    );
    running = false;
    await writer;
    for (const r of runs) expect(r).toEqual({ status: 0, stdout: '', stderr: '' });

    for (const s of sessions) {
      // Finish the transcript and let one last hook sweep the rest.
      appendFileSync(s.transcript, s.text.slice(s.written));
      expect(runHookSync('Stop', payload(s.sid, s.transcript, 999), env).status).toBe(0);

      const raw = readFileSync(outboxPaths(dataDir, s.sid).outbox, 'utf8');
      const lines = raw.split('\n');
      expect(lines.pop()).toBe('');
      const parsed = lines.map((l) => JSON.parse(l) as { seq: number; sid: string; k: string });
      expect(parsed.map((p) => p.seq)).toEqual(parsed.map((_, i) => i + 1));
      expect(new Set(parsed.map((p) => p.sid))).toEqual(new Set([s.sid]));

      const out = await readOutbox(dataDir, s.sid);
      expect(out.invalid).toBe(0);
      expect(out.records).toHaveLength(
        HOOKS_PER_SESSION + 1 + out.records.filter((r) => r.k === 'records').length,
      );
      const ranges = out.records.flatMap((r) => (r.k === 'records' ? [r] : []));
      let expectFrom = 0;
      for (const r of ranges) {
        expect(r.from).toBe(expectFrom);
        expectFrom = r.to;
      }
      expect(expectFrom).toBe(statSync(s.transcript).size);
      expect(ranges.flatMap((r) => r.lines).join('\n') + '\n').toBe(s.text);

      const toolIds = out.records.flatMap((r) =>
        r.k === 'tool_start' || r.k === 'tool_end' ? [`${r.k}:${r.toolUseId}`] : [],
      );
      expect(new Set(toolIds).size).toBe(toolIds.length);
      const prompts = out.records.flatMap((r) => (r.k === 'prompt' ? [r.text] : []));
      expect(prompts.sort()).toEqual(
        Array.from({ length: HOOKS_PER_SESSION }, (_, i) => i)
          .filter((i) => EVENTS[i % EVENTS.length] === 'UserPromptSubmit')
          .map((i) => `prompt ${i}`)
          .sort(),
      );
    }
  });
});
