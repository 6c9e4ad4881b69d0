// The Agent SDK with Baton's SessionStore, for real: the pinned SDK drives the pinned claude against the offline fake
// model, the store mirrors to a real tracker; a second query on a fresh machine (fresh CLAUDE_CONFIG_DIR and cwd)
// resumes from the tracker alone, and the session shows on the tracker like any other.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTrackerSessionStore } from '../../src/session-store/index.js';
import type { SessionKey, TrackerSessionStore } from '../../src/session-store/types.js';
import { describeWithExternal } from '../helpers/externals.js';
import { client as rawClient, startTracker, type TestTracker } from '../tracker/helpers/harness.js';
import { ensureAgentSdk, importAgentSdk, type AgentSdk, type SdkMessage } from './helpers/agent-sdk.js';
import { nonce } from './helpers/assertions.js';
import { until } from './helpers/exact.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { conversationOf, requestFor } from './helpers/resume-machines.js';
import {
  createSandbox,
  findTranscript,
  readJsonl,
  sandboxEnv,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude } from './helpers/setup.js';

const sdkInstall = await ensureAgentSdk();
const describeSdk =
  sdkInstall.reason === null ? describeClaude : describeWithExternal('Agent SDK', sdkInstall.reason);

describeSdk('Agent SDK query with the tracker SessionStore', () => {
  let sdk: AgentSdk;
  let tracker: TestTracker;
  let fake: FakeAnthropic;
  let store: TrackerSessionStore;
  let machineA: ClaudeSandbox;
  let machineB: ClaudeSandbox;
  const keys: SessionKey[] = [];

  beforeAll(async () => {
    sdk = await importAgentSdk(sdkInstall.entry!);
    tracker = await startTracker('sqlite');
    fake = await startFakeAnthropic();
    const real = createTrackerSessionStore({ url: tracker.url, key: tracker.ownerKey });
    // The same store, with the keys the SDK used written down.
    store = { ...real, append: (k, e) => (keys.push(k), real.append(k, e)) };
    machineA = createSandbox('baton-sdk-a-');
    machineB = createSandbox('baton-sdk-b-');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await fake?.close();
    await tracker?.close();
    machineA?.cleanup();
    machineB?.cleanup();
  });

  async function run(prompt: string, sb: ClaudeSandbox, extra: Record<string, unknown> = {}) {
    const messages: SdkMessage[] = [];
    for await (const m of sdk.query({
      prompt,
      options: {
        sessionStore: store,
        sessionStoreFlush: 'eager',
        pathToClaudeCodeExecutable: claudeBin,
        cwd: sb.projectDir,
        env: sandboxEnv(sb, fake),
        settingSources: [],
        ...extra,
      },
    }))
      messages.push(m);
    const result = messages.find((m) => m.type === 'result');
    expect(result, JSON.stringify(messages.slice(-3)).slice(0, 2000)).toBeDefined();
    expect(messages.filter((m) => m.subtype === 'mirror_error')).toEqual([]);
    return { sessionId: result!.session_id!, messages };
  }

  it('mirrors a session, resumes it from the tracker on a fresh machine, lists it, and the tracker shows it', async () => {
    const word = `tangerine-${nonce()}`;
    const first = await run(`Remember the word ${word}.`, machineA);
    await store.flush();
    const id = first.sessionId;
    const projectKey = keys.find((k) => k.sessionId === id)!.projectKey;

    // The tracker holds machine A's transcript, line for line (nothing secret in it, so nothing redacted).
    const localA = findTranscript(machineA.configDir, id)!;
    const onA = readJsonl(localA);
    const stored = await store.load({ projectKey, sessionId: id });
    expect(stored).not.toBeNull();
    const storedByUuid = new Map(stored!.filter((l) => l.uuid).map((l) => [l.uuid, l]));
    for (const line of onA.filter((l) => typeof l.uuid === 'string'))
      expect(storedByUuid.get(line.uuid as string), `line ${String(line.uuid)}`).toEqual(line);
    const raw = await rawClient(tracker.url, tracker.ownerKey).get(
      `/api/v1/sessions/${id}/entries?limit=1000`,
    );
    expect(raw.text).toContain(word);

    // The SDK's importSessionToStore replays A's local file into the store: uuids make the replay a no-op for every
    // line that has one (lines without one, such as titles, are appended again, as the SessionStore contract says).
    const saved = process.env.CLAUDE_CONFIG_DIR;
    const appendsBefore = keys.length;
    process.env.CLAUDE_CONFIG_DIR = machineA.configDir;
    try {
      await sdk.importSessionToStore(id, store, { dir: machineA.projectDir, batchSize: 3 });
    } finally {
      if (saved === undefined) delete process.env.CLAUDE_CONFIG_DIR;
      else process.env.CLAUDE_CONFIG_DIR = saved;
    }
    expect(keys.length - appendsBefore).toBeGreaterThanOrEqual(Math.ceil(onA.length / 3));
    const replayed = (await store.load({ projectKey, sessionId: id }))!;
    expect(replayed.filter((l) => l.uuid)).toEqual(stored!.filter((l) => l.uuid));

    // Machine B: its own HOME, CLAUDE_CONFIG_DIR and checkout path; nothing of A's on disk.
    const followUp = `What was the word? ${nonce()}`;
    const second = await run(followUp, machineB, { resume: id });
    expect(second.sessionId).toBe(id);
    expect(findTranscript(machineB.configDir, id)).not.toBe(localA);
    const conv = conversationOf(requestFor(fake, followUp));
    const firstAt = conv.findIndex((l) => l.startsWith('user:text:') && l.includes(word));
    const echoAt = conv.findIndex((l) => l.startsWith('assistant:text:') && l.includes(word));
    expect(firstAt, conv.join('\n')).toBeGreaterThanOrEqual(0);
    expect(echoAt).toBeGreaterThan(firstAt);
    expect(conv.findIndex((l) => l.startsWith('user:text:') && l.includes(followUp))).toBeGreaterThan(echoAt);

    // B's turn is mirrored too: the tracker's copy goes on where A's ended.
    await store.flush();
    const after = (await store.load({ projectKey, sessionId: id }))!;
    expect(after.length).toBeGreaterThan(stored!.length);
    expect(JSON.stringify(after.slice(stored!.length))).toContain(followUp);

    // The SDK's own listSessions, through the store (listSessions + load per session).
    const listed = await sdk.listSessions({ dir: machineA.projectDir, sessionStore: store });
    expect(listed.map((s) => s.sessionId)).toContain(id);
    expect((await store.listSessions(projectKey)).map((s) => s.sessionId)).toContain(id);

    // The tracker derives the session's events from its entries (a 'session-store' session, listed like any other).
    const shown = await until('derived events on the tracker', 20_000, async () => {
      const r = await rawClient(tracker.url, tracker.ownerKey).get(`/api/v1/sessions/${id}`);
      return r.status === 200 && r.body.session.eventCount > 0 ? r.body : null;
    });
    expect(shown.session.source).toBe('session-store');
    expect(JSON.stringify(shown.events)).toContain(word);
  }, 240_000);
});
