// Issue #10: resuming a large session that was never captured lost the newest turn. Hooks copy at most 8 MiB each;
// the sender must sweep every transcript (subagents too) to its end before it marks the session completed.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTranscript } from '../../bench/lib/gen-transcript.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { readOutbox } from '../../src/capture/index.js';
import { runSender } from '../../src/capture/delivery/sender/run-sender.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { hookEnv, requireBuiltHook, runHookSync } from './hook-harness.js';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;

beforeAll(async () => {
  requireBuiltHook();
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-catchup-'));
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** The independent counter: every prompt the user typed, read straight from the transcript lines. */
function typedPrompts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      const r = JSON.parse(l) as { type?: string; message?: { content?: unknown } };
      return r.type === 'user' && typeof r.message?.content === 'string' ? [r.message.content] : [];
    });
}

async function trackerEvents(sid: string) {
  const out: Array<{ uuid: string; kind: string; text?: string; agentId?: string }> = [];
  for (let offset = 0; ;) {
    const page = await client.sessions.get(sid, { offset, limit: 5000 });
    out.push(
      ...page.events.map((e) => e.event as { uuid: string; kind: string; text?: string; agentId?: string }),
    );
    if (page.eventsPage.nextOffset === null) return out;
    offset = page.eventsPage.nextOffset;
  }
}

describe('issue #10: a never-captured 40 MB session resumed for one prompt', () => {
  it('every prompt arrives exactly once, subagents too, and the session is completed only after all', async () => {
    const sid = 'c0ffee00-1111-4222-8333-444455556666';
    const proj = join(root, 'proj');
    mkdirSync(proj);
    const transcript = join(proj, `${sid}.jsonl`);
    await generateTranscript(transcript, 40 * 1024 * 1024, sid);
    // A subagent file beside it that no SubagentStop hook ever named.
    const agentDir = join(proj, sid, 'subagents');
    mkdirSync(agentDir, { recursive: true });
    const agentLine = (i: number, type: 'user' | 'assistant') =>
      JSON.stringify({
        type,
        uuid: `agent-rec-${i}`,
        parentUuid: i ? `agent-rec-${i - 1}` : null,
        isSidechain: true,
        agentId: 'a1b2',
        sessionId: sid,
        timestamp: new Date(Date.parse('2026-11-02T09:00:00Z') + i * 1000).toISOString(),
        message:
          type === 'user'
            ? { role: 'user', content: `agent task ${i}` }
            : {
                id: `agent-msg-${i}`,
                role: 'assistant',
                model: 'claude-sonnet-4-6',
                content: [{ type: 'text', text: `agent reply ${i}` }],
                usage: { input_tokens: 1, output_tokens: 1 },
              },
      });
    writeFileSync(
      join(agentDir, 'agent-a1b2.jsonl'),
      [0, 1, 2, 3].map((i) => agentLine(i, i % 2 ? 'assistant' : 'user')).join('\n') + '\n',
    );

    const env = hookEnv(root);
    const dataDir = env.BATON_DATA_DIR!;
    const base = { session_id: sid, transcript_path: transcript, cwd: proj };
    expect(runHookSync('SessionStart', { ...base, source: 'resume' }, env).status).toBe(0);
    const newPrompt = 'the one new prompt of the resumed run';
    expect(runHookSync('UserPromptSubmit', { ...base, prompt: newPrompt }, env).status).toBe(0);
    const last = JSON.parse(readFileSync(transcript, 'utf8').trimEnd().split('\n').pop()!) as {
      uuid: string;
    };
    appendFileSync(
      transcript,
      [
        {
          type: 'user',
          uuid: 'new-u',
          parentUuid: last.uuid,
          sessionId: sid,
          timestamp: '2026-12-01T10:00:00.000Z',
          message: { role: 'user', content: newPrompt },
        },
        {
          type: 'assistant',
          uuid: 'new-a',
          parentUuid: 'new-u',
          sessionId: sid,
          timestamp: '2026-12-01T10:00:02.000Z',
          requestId: 'req-new',
          message: {
            id: 'msg-new',
            role: 'assistant',
            model: 'claude-sonnet-4-6',
            content: [{ type: 'text', text: 'the newest answer' }],
            usage: { input_tokens: 5, output_tokens: 5 },
          },
        },
      ]
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
    expect(runHookSync('Stop', { ...base, last_assistant_message: 'the newest answer' }, env).status).toBe(0);
    expect(runHookSync('SessionEnd', { ...base, reason: 'prompt_input_exit' }, env).status).toBe(0);
    // The hooks alone did not get there (8 MiB a hook): this is what the sender has to finish.
    const before = await readOutbox(dataDir, sid);
    const copied = before.records.flatMap((r) => (r.k === 'records' && !r.agentId ? [r.to] : []));
    expect(Math.max(...copied)).toBeLessThan(statSync(transcript).size);

    const exit = await runSender({
      dataDir,
      client,
      apiKey: tracker.ownerKey,
      idleMs: 0,
      pollMs: 10,
      minIntervalMs: 0,
    });
    expect(exit).toBe('idle');

    const expected = typedPrompts(transcript);
    expect(expected.length).toBeGreaterThan(500);
    const events = await trackerEvents(sid);
    const prompts = events.filter((e) => e.kind === 'prompt' && !e.agentId).map((e) => e.text);
    expect(prompts).toHaveLength(expected.length);
    expect(new Set(prompts)).toEqual(new Set(expected));
    expect(prompts).toContain(newPrompt);
    expect(events.some((e) => e.kind === 'text' && e.text === 'the newest answer')).toBe(true);
    expect(events.filter((e) => e.agentId === 'a1b2').length).toBeGreaterThanOrEqual(4);
    expect(new Set(events.map((e) => e.uuid)).size).toBe(events.length);
    const detail = await client.sessions.get(sid, { limit: 0 });
    expect(detail.session.status).toBe('completed');
    expect(detail.session.eventCount).toBe(events.length);
  }, 300_000);
});
