// The real hook bundle never writes <private> spans, and writes nothing of a paused session but its start and end.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCapturePaused } from '../../src/capture/session/capture-pause.js';
import { hookEnv, requireBuiltHook, runHookSync } from './hook-harness.js';

let root: string;
beforeEach(() => {
  requireBuiltHook();
  root = mkdtempSync(join(tmpdir(), 'baton-priv-'));
  mkdirSync(join(root, 'tmp'));
});
afterEach(() => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const line = (uuid: string, content: string) =>
  `${JSON.stringify({ type: 'user', uuid, sessionId: 's1', message: { role: 'user', content } })}\n`;

describe('hook: private spans and pause', () => {
  it('strips <private> from hook payloads and copied transcript lines', () => {
    const env = hookEnv(root);
    const transcript = join(root, 's1.jsonl');
    writeFileSync(transcript, line('u1', 'deploy with <private>hunter2</private> now'));
    const r = runHookSync(
      'UserPromptSubmit',
      { session_id: 's1', transcript_path: transcript, prompt: 'use <private>hunter2</private> please' },
      env,
    );
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    const outbox = readFileSync(join(env.BATON_DATA_DIR!, 'outbox', 's1.jsonl'), 'utf8');
    expect(outbox).not.toContain('hunter2');
    expect(outbox).toContain('use [private] please');
    expect(outbox).toContain('deploy with [private] now');
    for (const l of outbox.trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('while paused copies nothing (and never later), keeping start/end only', () => {
    const env = hookEnv(root);
    const transcript = join(root, 's1.jsonl');
    writeFileSync(transcript, line('u1', 'before'));
    runHookSync('UserPromptSubmit', { session_id: 's1', transcript_path: transcript, prompt: 'before' }, env);
    setCapturePaused(env.BATON_DATA_DIR!, 's1', true);
    appendFileSync(transcript, line('u2', 'during the pause'));
    runHookSync(
      'UserPromptSubmit',
      { session_id: 's1', transcript_path: transcript, prompt: 'during the pause' },
      env,
    );
    setCapturePaused(env.BATON_DATA_DIR!, 's1', false);
    appendFileSync(transcript, line('u3', 'after'));
    runHookSync('SessionEnd', { session_id: 's1', transcript_path: transcript, reason: 'other' }, env);
    const outbox = readFileSync(join(env.BATON_DATA_DIR!, 'outbox', 's1.jsonl'), 'utf8');
    expect(outbox).not.toContain('during the pause');
    expect(outbox).toContain('before');
    expect(outbox).toContain('after');
    expect(outbox).toContain('"k":"end"');
  });
});
