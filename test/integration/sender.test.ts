// The background sender against a real tracker: outbox → events exactly once, summary at the end, opt-outs, auth.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { appendToOutbox } from '../../src/capture/outbox/writer.js';
import { readAck } from '../../src/capture/delivery/sender/ack.js';
import { kickSender } from '../../src/capture/delivery/sender/kick.js';
import { senderPaths } from '../../src/capture/delivery/sender/paths.js';
import { runSender, type SenderOptions } from '../../src/capture/delivery/sender/run-sender.js';
import { readStatus } from '../../src/capture/delivery/sender/status.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { createTranscriptWriter } from '../helpers/transcript-writer.js';

let tracker: WebTracker;
let client: TrackerClient;
let root: string;
let dataDir: string;

beforeAll(async () => {
  tracker = await startWebTracker();
  client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
});
afterAll(async () => {
  await client?.close();
  await tracker?.close();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-sender-'));
  dataDir = join(root, 'data');
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** What a hook does: copy the transcript's new lines (and its own entry) into the outbox. */
function hook(
  sessionId: string,
  transcript: string,
  entries: Array<{ k: string } & Record<string, unknown>> = [],
) {
  appendToOutbox(dataDir, sessionId, entries, { sweep: [{ path: transcript }] });
}

const fast = (extra: Partial<SenderOptions> = {}): SenderOptions => ({
  dataDir,
  client,
  apiKey: tracker.ownerKey,
  idleMs: 0,
  pollMs: 10,
  minIntervalMs: 0,
  ...extra,
});

async function allEventUuids(sessionId: string): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ;) {
    const page = await client.sessions.get(sessionId, { offset, limit: 5000 });
    out.push(...page.events.map((e) => e.event.uuid));
    if (page.eventsPage.nextOffset === null) return out;
    offset = page.eventsPage.nextOffset;
  }
}

describe('background sender', () => {
  it('delivers a session incrementally, then its end with the summary, and never resends', async () => {
    const cwd = join(root, 'proj-alpha');
    mkdirSync(cwd);
    const t = createTranscriptWriter(join(root, 'tr', 's-alpha.jsonl'), 's-alpha', cwd);
    hook('s-alpha', t.path, [{ k: 'start', cwd }]);
    t.turn('fix the <private>hunter2</private> flaky retry test please');
    t.turn();
    hook('s-alpha', t.path, [{ k: 'stop' }]);
    expect(await runSender(fast())).toBe('idle');
    let detail = await client.sessions.get('s-alpha', { limit: 0 });
    expect(detail.session.eventCount).toBe(8);
    expect(detail.session.status).toBe('active');
    expect(readAck(dataDir, 's-alpha').seq).toBe(3);

    t.turn();
    hook('s-alpha', t.path, [{ k: 'end', reason: 'other' }]);
    await runSender(fast());
    detail = await client.sessions.get('s-alpha', { limit: 100 });
    expect(detail.session.eventCount).toBe(12);
    expect(detail.session.status).toBe('completed');
    // The deterministic summary: title, first prompt, files, tools, tokens, duration.
    expect(detail.meta.firstPrompt).toBe('fix the [private] flaky retry test please');
    expect(detail.meta.title).toBe('fix the [private] flaky retry test please');
    expect(detail.session.totals.tools).toEqual({ Edit: 3 });
    expect(detail.session.totals.filesTouched.length).toBe(3);
    expect(detail.session.totals.tokens.input).toBe(300);
    expect(detail.session.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(detail.events)).not.toContain('hunter2');
    // The project's latest session moved.
    expect((await client.projects.resume('proj-alpha')).sessionId).toBe('s-alpha');

    // Nothing new: a fresh sender skips the finished session without sending.
    await runSender(fast());
    expect(readStatus(dataDir)?.delivered).toBe(0);
    expect(readAck(dataDir, 's-alpha').doneBytes).toBeGreaterThan(0);
    expect((await allEventUuids('s-alpha')).length).toBe(12);
  });

  it('resumes from the acknowledged position after losing its memory (kill) with no duplicates', async () => {
    const t = createTranscriptWriter(join(root, 'tr', 's-kill.jsonl'), 's-kill', join(root, 'p'));
    for (let i = 0; i < 30; i++) {
      t.turn();
      hook('s-kill', t.path);
    }
    // A sender limited to tiny batches that "dies" after its first request.
    const stop = new AbortController();
    let calls = 0;
    const counting = {
      ...client,
      sessions: {
        ...client.sessions,
        appendEvents: async (...a: Parameters<TrackerClient['sessions']['appendEvents']>) => {
          calls++;
          const r = await client.sessions.appendEvents(...a);
          stop.abort();
          return r;
        },
      },
    } as TrackerClient;
    await runSender(fast({ client: counting, signal: stop.signal, limits: { maxEvents: 10 } }));
    expect(calls).toBe(1);
    expect(readAck(dataDir, 's-kill').events).toBe(10);
    await runSender(fast());
    const uuids = await allEventUuids('s-kill');
    expect(uuids.length).toBe(120);
    expect(new Set(uuids).size).toBe(120);
  });

  it('skips projects with a .baton-ignore file or listed in syncIgnore', async () => {
    const ignored = join(root, 'secret-proj');
    mkdirSync(ignored);
    writeFileSync(join(ignored, '.baton-ignore'), '');
    const t1 = createTranscriptWriter(join(root, 'tr', 's-ign1.jsonl'), 's-ign1', ignored);
    t1.turn();
    hook('s-ign1', t1.path, [{ k: 'end' }]);
    const t2 = createTranscriptWriter(join(root, 'tr', 's-ign2.jsonl'), 's-ign2', join(root, 'listed-proj'));
    t2.turn();
    hook('s-ign2', t2.path, [{ k: 'end' }]);
    await runSender(fast({ syncIgnore: ['listed-proj'] }));
    for (const sid of ['s-ign1', 's-ign2']) {
      const err = await client.sessions.get(sid).catch((e: { code: string }) => e);
      expect((err as { code: string }).code).toBe('not_found');
      expect(readAck(dataDir, sid).ignored).toBe(true);
    }
  });

  it('stops on a revoked key, tells hooks once, and delivers everything once a new key is set', async () => {
    const made = await client.account.keys.create({ name: 'sender key' });
    const keyed = createTrackerClient({ baseUrl: tracker.url, apiKey: made.rawKey });
    const t = createTranscriptWriter(join(root, 'tr', 's-auth.jsonl'), 's-auth', join(root, 'p2'));
    t.turn();
    hook('s-auth', t.path);
    await runSender(fast({ client: keyed, apiKey: made.rawKey }));
    await client.account.keys.revoke(made.key.id);
    t.turn();
    hook('s-auth', t.path, [{ k: 'end' }]);
    expect(await runSender(fast({ client: keyed, apiKey: made.rawKey }))).toBe('auth');
    expect(readStatus(dataDir)?.state).toBe('auth');

    // Hooks: one notice for this key, then silence; no sender is started for the rejected key.
    const plugin = join(root, 'plugin');
    mkdirSync(plugin);
    writeFileSync(join(plugin, 'sender.cjs'), 'process.exit(0)');
    const env = {
      HOME: root,
      BATON_URL: tracker.url,
      BATON_API_KEY: made.rawKey,
      BATON_CONFIG: join(root, 'none.json'),
    };
    const k1 = await kickSender({ hookScript: join(plugin, 'hook.cjs'), env, dataDir });
    expect(k1.action).toBe('auth-blocked');
    expect(k1.notice).toMatch(/^Baton: API key revoked — create a new one at .*\/settings/);
    const k2 = await kickSender({ hookScript: join(plugin, 'hook.cjs'), env, dataDir });
    expect(k2).toEqual({ action: 'auth-blocked' });
    // A new key: the marker goes, a sender starts, and all events arrive.
    const k3 = await kickSender({
      hookScript: join(plugin, 'hook.cjs'),
      env: { ...env, BATON_API_KEY: tracker.ownerKey },
      dataDir,
    });
    expect(k3.action).toBe('spawned');
    expect(existsSync(senderPaths(dataDir).authError)).toBe(false);
    await runSender(fast());
    expect((await allEventUuids('s-auth')).length).toBe(8);
    expect((await client.sessions.get('s-auth', { limit: 0 })).session.status).toBe('completed');
    await keyed.close();
  });

  it('does not upload what was captured while paused (outbox never holds it)', async () => {
    const { setCapturePaused } = await import('../../src/capture/session/capture-pause.js');
    const t = createTranscriptWriter(join(root, 'tr', 's-pause.jsonl'), 's-pause', join(root, 'p3'));
    t.turn('before pause');
    hook('s-pause', t.path);
    setCapturePaused(dataDir, 's-pause', true);
    t.turn('during pause');
    appendToOutbox(dataDir, 's-pause', [], { sweep: [{ path: t.path }], discardSweep: true });
    setCapturePaused(dataDir, 's-pause', false);
    t.turn('after pause');
    hook('s-pause', t.path, [{ k: 'end' }]);
    expect(readFileSync(join(dataDir, 'outbox', 's-pause.jsonl'), 'utf8')).not.toContain('during pause');
    await runSender(fast());
    const texts = (await client.sessions.get('s-pause')).events
      .filter((e) => e.event.kind === 'prompt')
      .map((e) => (e.event as { text: string }).text);
    expect(texts).toEqual(['before pause', 'after pause']);
  });
});
