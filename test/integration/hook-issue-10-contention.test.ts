// Issue #10: a hook that cannot get the outbox lock spills its entry instead of dropping it; SessionEnd always
// leaves its end marker. Real hook bundle, many processes, CPU load, and a lock held past every wait.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxPaths, readOutbox } from '../../src/capture/index.js';
import { acquireLock } from '../../src/capture/session/lock.js';
import { hookEnv, requireBuiltHook, runHookAsync, runHookSync } from './hook-harness.js';

beforeAll(requireBuiltHook);

let root: string;
let burners: ChildProcess[] = [];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-spill-'));
});
afterEach(() => {
  for (const b of burners) b.kill('SIGKILL');
  burners = [];
  rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** One busy-loop child per core: the "loaded machine" of the bug report. */
function loadCpus(): void {
  for (let i = 0; i < Math.max(2, cpus().length); i++)
    burners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
}

/** The lock is a symlink to nowhere: lstat, not exists. */
function lockHeld(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function prompts(records: Array<{ k: string; text?: unknown }>): string[] {
  return records.flatMap((r) => (r.k === 'prompt' ? [String(r.text)] : [])).sort();
}

describe('issue #10: hooks never drop a record for lock contention', () => {
  it('64 parallel hooks under CPU load, the lock held longer than any hook waits: every entry lands exactly once', async () => {
    const env = hookEnv(root);
    const dataDir = env.BATON_DATA_DIR!;
    const sid = 'sess-contended';
    const transcript = join(root, 'proj', `${sid}.jsonl`);
    mkdirSync(join(root, 'proj'));
    appendFileSync(
      transcript,
      `${JSON.stringify({ type: 'user', uuid: 'u0', message: { content: 'hi' } })}\n`,
    );
    loadCpus();
    // Someone (a slow hook, a sender catching up) sits on the lock for longer than the old 2 s wait.
    const release = acquireLock(outboxPaths(dataDir, sid).lock, { waitMs: 1000, staleMs: 60_000 })!;
    expect(release).toBeTypeOf('function');
    const N = 64;
    const held = Promise.all(
      Array.from({ length: N / 2 }, (_, i) =>
        runHookAsync(
          'UserPromptSubmit',
          { session_id: sid, transcript_path: transcript, prompt: `held ${i}` },
          env,
        ),
      ),
    );
    // Every hook returned while the lock was still held: nobody waited on it past the budget.
    const heldRuns = await held;
    expect(lockHeld(outboxPaths(dataDir, sid).lock)).toBe(true);
    release();
    // Then a free-for-all: half the hooks again, racing each other, while the CPU stays busy.
    const free = await Promise.all(
      Array.from({ length: N / 2 }, (_, i) =>
        runHookAsync(
          'UserPromptSubmit',
          { session_id: sid, transcript_path: transcript, prompt: `free ${i}` },
          env,
        ),
      ),
    );
    for (const r of [...heldRuns, ...free]) expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    // The next hook (here a Stop) merges whatever was spilled.
    appendFileSync(
      transcript,
      `${JSON.stringify({ type: 'assistant', uuid: 'a1', message: { content: [] } })}\n`,
    );
    expect(runHookSync('Stop', { session_id: sid, transcript_path: transcript }, env).status).toBe(0);

    const out = await readOutbox(dataDir, sid);
    expect(out.invalid).toBe(0);
    expect(prompts(out.records)).toEqual(
      [
        ...Array.from({ length: N / 2 }, (_, i) => `held ${i}`),
        ...Array.from({ length: N / 2 }, (_, i) => `free ${i}`),
      ].sort(),
    );
    expect(out.records.map((r) => r.seq)).toEqual(out.records.map((_, i) => i + 1));
    // The transcript was copied exactly once, in order, to its end.
    const ranges = out.records.flatMap((r) => (r.k === 'records' ? [r] : []));
    expect(ranges.flatMap((r) => r.lines).map((l) => (JSON.parse(l) as { uuid: string }).uuid)).toEqual([
      'u0',
      'a1',
    ]);
    const spillDir = join(dataDir, 'outbox', 'spill');
    expect(existsSync(spillDir) ? readdirSync(spillDir) : []).toEqual([]);
  }, 120_000);

  it('SessionEnd with the lock held: returns at once and its end marker still lands (the next lock holder merges it)', async () => {
    const env = hookEnv(root);
    const dataDir = env.BATON_DATA_DIR!;
    const sid = 'sess-end';
    const release = acquireLock(outboxPaths(dataDir, sid).lock, { waitMs: 1000, staleMs: 60_000 })!;
    const r = await runHookAsync('SessionEnd', { session_id: sid, reason: 'prompt_input_exit' }, env);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(lockHeld(outboxPaths(dataDir, sid).lock)).toBe(true);
    release();
    expect(runHookSync('SessionStart', { session_id: sid, source: 'resume' }, env).status).toBe(0);
    expect((await readOutbox(dataDir, sid)).records.map((x) => x.k)).toEqual(['end', 'start']);
  }, 60_000);
});
