// Issue 12: `baton tracker rebuild` re-derives a pushed session from the lines that rode along with it and lands on
// the events the client sent (seq, turn, kind, text); run twice, nothing changes. The client is the real one: its
// egress gate, prepareSession and uploadSession, as `baton push` runs them. SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEgressGate } from '../../src/capture/session/egress.js';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { prepareSession } from '../../src/export/prepare-session.js';
import { uploadSession } from '../../src/export/upload-session.js';
import { runTrackerCommand } from '../../tracker/main.js';
import {
  client,
  forEachEngine,
  startTracker,
  type Body,
  type Client,
  type TestTracker,
} from './helpers/harness.js';

const ROOT = 'test/fixtures/transcripts';
const SESSIONS = [
  // a subagent file beside the main one
  `${ROOT}/projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl`,
  // a recorded session: several turns of tool calls, resumed
  `${ROOT}/recorded/multi-turn-bash-resume.jsonl`,
  // two subagents spawned in parallel
  `${ROOT}/issue-10/parallel/d3000000-0000-4000-8000-000000000003.jsonl`,
];

const brief = (events: Body[]) =>
  events.map((e) => ({
    seq: e.seq,
    turnIndex: e.turnIndex,
    kind: e.event.kind,
    uuid: e.event.uuid,
    agentId: e.event.agentId,
    text: e.event.text ?? e.event.name ?? e.event.content ?? null,
  }));

forEachEngine('tracker rebuild', (engine) => {
  let t: TestTracker;
  let api: Client;
  let baton: TrackerClient;
  let dataDir: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    baton = createTrackerClient({ baseUrl: t.url, apiKey: t.ownerKey });
    dataDir = mkdtempSync(join(tmpdir(), 'baton-rebuild-'));
    for (const path of SESSIONS) {
      const gate = openEgressGate({ dataDir, redact: true });
      const { session } = await prepareSession(gate, path);
      const res = await uploadSession(baton, gate, session, {}, { transcriptPath: path });
      ids.push(res.sessionId);
    }
  });
  afterAll(async () => {
    await baton?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tracker = async (argv: string[]) => {
    let out = '';
    let err = '';
    const db = t.target.engine === 'sqlite' ? t.target.file : t.target.url;
    const env: Record<string, string> = { HOME: dataDir, BATON_DATA_DIR: dataDir };
    if (t.target.engine === 'postgres' && t.target.schema) env.BATON_TRACKER_PG_SCHEMA = t.target.schema;
    const code = await runTrackerCommand([...argv, '--db', db], {
      env,
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      handleSignals: false,
    });
    return { code, out, err };
  };
  const rebuild = (argv: string[] = []) => tracker(['rebuild', ...argv]);
  const snapshot = async (id: string) => {
    const d = (await api.get(`/api/v1/sessions/${id}?limit=5000`)).body;
    return {
      events: brief(d.events),
      title: d.session.title,
      totals: d.session.totals,
      eventCount: d.session.eventCount,
      entryCount: d.session.entryCount,
    };
  };

  it('rebuilt from its lines, a pushed session has the events the client sent; a second run changes nothing', async () => {
    const sent = await Promise.all(ids.map(snapshot));
    for (const s of sent) expect(s.entryCount).toBeGreaterThan(0);
    expect(sent[0]!.events.some((e) => e.agentId)).toBe(true);

    const first = await rebuild();
    expect(first).toMatchObject({ code: 0 });
    // Every stored event is the one the tracker derives: nothing had to be replaced.
    expect(first.out).toMatch(
      new RegExp(
        `^Rebuilt ${ids.length} sessions from their entries: \\d+ events; 0 sessions had events that changed`,
      ),
    );
    const rebuilt = await Promise.all(ids.map(snapshot));
    for (let i = 0; i < ids.length; i++) {
      expect(rebuilt[i]!.events).toEqual(sent[i]!.events);
      expect(rebuilt[i]!.title).toBe(sent[i]!.title);
      expect(rebuilt[i]!.totals).toEqual(sent[i]!.totals);
    }

    expect((await rebuild()).code).toBe(0);
    expect(await Promise.all(ids.map(snapshot))).toEqual(rebuilt);
  });

  it('events that no longer match their lines (an older normalizer, a damaged row) are replaced', async () => {
    const before = await snapshot(ids[1]!);
    const row = await t.store.sessions.findByUserAndId((await t.store.users.list())[0]!.id, ids[1]!);
    const victim = (await t.store.events.page(Number(row!.pk), 2, 1))[0]!;
    await t.store.db
      .updateTable('events')
      .set({ payload: JSON.stringify({ kind: 'system', uuid: victim.uuid, subtype: 'x', text: 'stale' }) })
      .where('id', '=', victim.id)
      .execute();
    await t.store.db
      .deleteFrom('events')
      .where('session_pk', '=', Number(row!.pk))
      .where('seq', '=', 0)
      .execute();
    expect(await snapshot(ids[1]!)).not.toEqual(before);
    const res = await rebuild(['--session', ids[1]!]);
    expect(res.out).toMatch(/; 1 sessions had events that changed and were replaced/);
    expect(await snapshot(ids[1]!)).toEqual(before);
  });

  it('storage reports raw and stored bytes of the lines, compressed at rest', async () => {
    const entries = (await Promise.all(ids.map(snapshot))).reduce((n, s) => n + s.entryCount, 0);
    const res = await tracker(['storage', '--json']);
    expect(res.code).toBe(0);
    const r = JSON.parse(res.out) as Record<string, number | string>;
    expect(r).toMatchObject({ engine, sessions: ids.length, entries });
    expect(r.storedBytes).toBeLessThan(Number(r.rawBytes) * 0.5);
    expect(r.diskBytes).toBeGreaterThan(0);
    console.log(`[${engine}] storage: ${res.out.trim()}`);
    const text = await tracker(['storage']);
    expect(text.out).toMatch(/per MB of transcript: \d+ KB stored \(0\.\d+x\), \d+ KB on disk/);
  });

  it('--session rebuilds one session; an unknown one is an error', async () => {
    const one = await rebuild(['--session', ids[0]!]);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Rebuilt 1 sessions/);
    const none = await rebuild(['--session', 'no-such-session']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no session no-such-session');
  });
});
