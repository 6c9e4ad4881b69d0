// Issue #10: one poison record (a tool input nested ~4,500 levels) crashed the sender on every restart, and a 70 MB
// line vanished silently. Both are quarantined with their reason; everything else is delivered and completed.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { quarantinePath, quarantineSummary, readQuarantine } from '../../src/capture/outbox/quarantine.js';
import { runSender, type SenderOptions } from '../../src/capture/delivery/sender/run-sender.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { runBaton } from '../helpers/cli-run.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
  root = mkdtempSync(join(tmpdir(), 'baton-poison-'));
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Claude Code writes it as text: building it as an object would overflow this test's own JSON.stringify. */
function deepToolUseLine(sid: string, depth: number): string {
  const deep = `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
  const rec = {
    type: 'assistant',
    uuid: 'poison-uuid',
    parentUuid: `${sid}-r0`,
    sessionId: sid,
    requestId: 'req-poison',
    timestamp: '2026-11-01T09:10:00.000Z',
    message: {
      id: 'msg-poison',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'tool_use', id: 'tu-poison', name: 'Bash', input: '@DEEP@' }],
      usage: { input_tokens: 1, output_tokens: 1 },
    },
  };
  return JSON.stringify(rec).replace('"@DEEP@"', deep);
}

describe('issue #10: a record the tracker cannot take is quarantined, reported, and never blocks the rest', () => {
  it('a 4,500-level tool input and a 70 MB line: the sender survives, delivers the rest, completes, and says why', async () => {
    const sid = 's-poison';
    const dataDir = join(root, 'data');
    const t = createTranscriptWriter(join(root, 'tr', `${sid}.jsonl`), sid, join(root, 'proj'));
    t.turn('before the poison');
    const deepLine = deepToolUseLine(sid, 4500);
    appendFileSync(t.path, `${deepLine}\n`);
    const hugeFrom = Buffer.byteLength(readFileSync(t.path));
    appendFileSync(
      t.path,
      `${JSON.stringify({ type: 'user', uuid: 'huge', message: { role: 'user', content: 'y'.repeat(70 * 1024 * 1024) } })}\n`,
    );
    t.turn('after the poison');
    appendToOutbox(dataDir, sid, [{ k: 'start', cwd: join(root, 'proj') }], { sweep: [{ path: t.path }] });
    appendToOutbox(dataDir, sid, [{ k: 'end', reason: 'other' }], { sweep: [{ path: t.path }] });

    const opts: SenderOptions = {
      dataDir,
      client,
      apiKey: tracker.ownerKey,
      idleMs: 0,
      pollMs: 10,
      minIntervalMs: 0,
    };
    // Twice: a restart must neither crash on it again nor report it twice.
    expect(await runSender(opts)).toBe('idle');
    expect(await runSender(opts)).toBe('idle');

    const detail = await client.sessions.get(sid, { limit: 100 });
    expect(detail.session.status).toBe('completed');
    const prompts = detail.events
      .filter((e) => e.event.kind === 'prompt')
      .map((e) => (e.event as { text: string }).text);
    expect(prompts).toEqual(['before the poison', 'after the poison']);
    expect(detail.events.map((e) => e.event.uuid)).not.toContain('poison-uuid');

    const q = readQuarantine(dataDir, sid);
    // Where it fails depends on the walker (the normalizer, or the gate and serializer for its event and for its raw
    // line bound for the transcript mirror): either way it is named, with the error, and the rest goes on.
    const deep = q.filter((e) => e.reason !== 'line_too_large');
    expect(deep.length).toBeGreaterThan(0);
    for (const d of deep) {
      expect(['normalize_failed', 'event_failed', 'entry_failed']).toContain(d.reason);
      expect(d).toMatchObject({ sessionId: sid, code: 'RangeError' });
      if (d.reason === 'normalize_failed') expect(d.line).toBe(deepLine);
      else expect(d.uuid).toMatch(/^poison-uuid/);
    }
    // A line the normalizer could not read is not mirrored either: one entry for it, not two.
    if (deep.some((d) => d.reason === 'normalize_failed')) expect(deep).toHaveLength(1);
    expect(q).toHaveLength(deep.length + 1);
    expect(q.find((e) => e.reason === 'line_too_large')).toMatchObject({ path: t.path, from: hugeFrom });
    expect(q.find((e) => e.reason === 'line_too_large')!.line).toBeUndefined();
    const byReason: Record<string, number> = { line_too_large: 1 };
    for (const d of deep) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
    expect(quarantineSummary(dataDir)).toEqual([
      { sessionId: sid, total: q.length, byReason, file: quarantinePath(dataDir, sid) },
    ]);
    // Nothing of the poison line reached the tracker's mirror; the lines around it did.
    const mirrored = await client.sessions.listEntries(sid, { limit: 1000 });
    expect(mirrored.entries.map((e) => e.uuid)).not.toContain('poison-uuid');
    expect(mirrored.entries.length).toBeGreaterThan(4);

    // And the user is told: `baton status` (text and --json) lists the session, the counts and the reasons.
    const env = { BATON_DATA_DIR: dataDir, HOME: join(root, 'home'), PATH: process.env.PATH };
    const json = await runBaton(['status', '--json'], { env, cwd: root, home: join(root, 'home') });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as { skipped: unknown }).skipped).toEqual(quarantineSummary(dataDir));
    const text = await runBaton(['status'], { env, cwd: root, home: join(root, 'home') });
    expect(text.out).toContain(`${q.length} line(s) or event(s) quarantined in 1 session(s)`);
    expect(text.out).toContain(`${sid}: `);
    expect(text.out).toContain('1 line over 8 MiB');
    expect(text.out).toContain(quarantinePath(dataDir, sid));
  }, 120_000);
});
