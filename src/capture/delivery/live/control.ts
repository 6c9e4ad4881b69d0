// Starting, stopping, pausing and annotating a session's live stream: the one implementation behind CLI and MCP.
import type { TrackerClient } from '../../../client/index.js';
import type { BatonConfig } from '../../../core/config/index.js';
import { BatonError } from '../../../core/errors.js';
import type { RedactionReport } from '../../../core/model/session.js';
import { existsSync } from 'node:fs';
import { openEgressGate } from '../../session/egress.js';
import { isSafeSessionId } from '../../outbox/paths.js';
import { recordPause } from '../../session/pause-log.js';
import { finalizeLive } from './finalize.js';
import { ensureLiveRelay } from './after-hook.js';
import { livePaths } from './paths.js';
import { appendInboxNote } from './sources.js';
import {
  createLiveState,
  readEndedState,
  readLiveState,
  updateLiveState,
  withPause,
  type LiveState,
} from './state.js';
import { lockHolderPid as liveRelayPid } from '../../session/lock.js';
import { resolveLiveTranscript } from './resolve-transcript.js';

export interface LiveControlDeps {
  config: BatonConfig;
  /** Null when no tracker is configured (every call then fails with a `config` error saying what to do). */
  client: TrackerClient | null;
  /** dist/live-relay.cjs; null when it is not there (the stream then starts, but nothing relays until a hook runs). */
  relayScript: string | null;
  env: Readonly<Record<string, string | undefined>>;
  sleep?: (ms: number) => Promise<void>;
}

export interface StartLiveInput {
  sessionId: string;
  cwd?: string;
  title?: string;
  visibility?: 'unlisted' | 'private';
  discardOnEnd?: boolean;
  /** Seconds until the tracker expires the stream (default 24 h). */
  expiresIn?: number;
}

export interface StartLiveResult {
  state: LiveState;
  /** What the gate redacts from the session so far (the stream starts with it), and whether redaction is on. */
  redaction: RedactionReport;
  redacting: boolean;
  /** The session was already live: nothing new was created (discardOnEnd may have been updated). */
  alreadyLive: boolean;
  relay: 'alive' | 'spawned' | 'no-relay' | 'off';
}

function requireClient(deps: LiveControlDeps): TrackerClient {
  if (deps.client && deps.config.apiKey) return deps.client;
  throw new BatonError(
    'config',
    deps.config.trackerUrl
      ? `no API key for the tracker at ${deps.config.trackerUrl}: run \`baton login\` (or set BATON_API_KEY)`
      : 'no tracker configured: run `baton login <url>` (or set BATON_URL and BATON_API_KEY) to stream live',
  );
}

function checkSession(sessionId: string): void {
  if (!isSafeSessionId(sessionId))
    throw new BatonError('invalid_input', `not a session id: ${JSON.stringify(sessionId.slice(0, 80))}`);
}

export async function startLive(deps: LiveControlDeps, input: StartLiveInput): Promise<StartLiveResult> {
  checkSession(input.sessionId);
  const { dataDir } = deps.config;
  const existing = readLiveState(dataDir, input.sessionId);
  if (existing) {
    const state =
      input.discardOnEnd !== undefined && input.discardOnEnd !== existing.discardOnEnd
        ? (updateLiveState(dataDir, input.sessionId, (s) => ({ ...s, discardOnEnd: input.discardOnEnd! })) ??
          existing)
        : existing;
    const relay = await ensureLiveRelay(dataDir, input.sessionId, deps.relayScript, deps.env);
    return { state, alreadyLive: true, relay, ...(await redactionSoFar(deps, existing.transcriptPath)) };
  }
  const client = requireClient(deps);
  const transcriptPath = await resolveLiveTranscript(
    input.sessionId,
    dataDir,
    deps.config.claudeConfigDir,
    input.cwd,
  );
  const gate = openEgressGate({ dataDir, redact: deps.config.redact });
  const created = await client.live.create(
    gate.body({
      sessionId: input.sessionId,
      visibility: input.visibility ?? 'unlisted',
      ...(input.title ? { title: gate.text(input.title) } : {}),
      ...(input.expiresIn ? { expiresIn: input.expiresIn } : {}),
    }),
  );
  const state: LiveState = {
    v: 1,
    sessionId: input.sessionId,
    liveId: created.liveId,
    producerToken: created.producerToken,
    viewUrl: created.viewUrl,
    trackerUrl: client.baseUrl,
    expiresAt: created.expiresAt,
    visibility: input.visibility ?? 'unlisted',
    ...(input.title ? { title: input.title } : {}),
    transcriptPath,
    ...(input.cwd ? { cwd: input.cwd } : {}),
    discardOnEnd: input.discardOnEnd ?? false,
    status: 'active',
    createdAt: new Date().toISOString(),
  };
  try {
    createLiveState(dataDir, state);
  } catch (err) {
    // Another process started a stream for this session a moment ago: end ours, report theirs.
    await client.live.revoke(created.liveId, { producerToken: created.producerToken }).catch(() => undefined);
    throw err;
  }
  const relay = await ensureLiveRelay(dataDir, input.sessionId, deps.relayScript, deps.env);
  return { state, alreadyLive: false, relay, ...(await redactionSoFar(deps, transcriptPath)) };
}

/**
 * The redaction report of the session so far, which the stream replays first: counted by a dry pass of the same
 * gate the relay uses, so the user sees at start what viewers will not.
 */
async function redactionSoFar(
  deps: LiveControlDeps,
  transcriptPath: string | undefined,
): Promise<{ redaction: RedactionReport; redacting: boolean }> {
  const gate = openEgressGate({ dataDir: deps.config.dataDir, redact: deps.config.redact });
  if (transcriptPath && existsSync(transcriptPath))
    await gate.streamSession(transcriptPath, () => undefined).catch(() => undefined);
  return { redaction: gate.report(), redacting: gate.redacting };
}

export interface StopLiveResult {
  /** The final state (outcome, postUrl), or null when the session was not live. */
  state: LiveState | null;
  /** Who ended it: the relay (after flushing everything), or this process because no relay answered in time. */
  endedBy: 'relay' | 'caller' | 'not-live';
}

/**
 * Asks the relay to flush and end the stream (`keep`: as a post; else discard), waits for it up to `waitMs`, and
 * ends it directly when no relay runs or it does not finish in time.
 */
export async function stopLive(
  deps: LiveControlDeps,
  input: { sessionId: string; keep?: boolean; title?: string; waitMs?: number },
): Promise<StopLiveResult> {
  checkSession(input.sessionId);
  const { dataDir } = deps.config;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const cur = readLiveState(dataDir, input.sessionId);
  if (!cur) return { state: null, endedBy: 'not-live' };
  const keep = input.keep ?? !cur.discardOnEnd;
  const requested = updateLiveState(dataDir, input.sessionId, (s) => ({
    ...s,
    stop: { keep, requestedAt: new Date().toISOString(), ...(input.title ? { title: input.title } : {}) },
  }));
  if (!requested) return { state: readEndedState(dataDir, input.sessionId, cur.liveId), endedBy: 'relay' };
  const paths = livePaths(dataDir, input.sessionId);
  if (liveRelayPid(paths.relayLock) === null)
    await ensureLiveRelay(dataDir, input.sessionId, deps.relayScript, deps.env);
  const started = Date.now();
  while (Date.now() - started < (input.waitMs ?? 8000)) {
    if (!readLiveState(dataDir, input.sessionId))
      return { state: readEndedState(dataDir, input.sessionId, cur.liveId), endedBy: 'relay' };
    // A relay that never started (no dist/, spawn failed) will not come: stop waiting for it after a short grace.
    if (liveRelayPid(paths.relayLock) === null && Date.now() - started > 1500) break;
    await sleep(50);
  }
  const client = requireClient(deps);
  const final = await finalizeLive(
    requested,
    keep,
    { client, dataDir, redact: deps.config.redact, canPush: true },
    input.title ? { title: input.title } : {},
  );
  return { state: final ?? readEndedState(dataDir, input.sessionId, cur.liveId), endedBy: 'caller' };
}

/** Pauses or resumes the stream on the tracker (viewers see the status) and tells the relay. */
export async function setLivePaused(
  deps: LiveControlDeps,
  input: { sessionId: string; paused: boolean },
): Promise<LiveState> {
  checkSession(input.sessionId);
  const cur = requireLiveState(deps, input.sessionId);
  const client = requireClient(deps);
  const w = { producerToken: cur.producerToken };
  // Pausing: record the interval first, so nothing captured from now on slips out while the tracker is told. The
  // pause log makes it a pause for every later path too (the kept post, sync, export), not only the stream.
  // A pause starts before the tracker is told; it ends only after (so nothing written meanwhile slips out).
  if (input.paused) recordPause(deps.config.dataDir, input.sessionId, true, cur.transcriptPath);
  if (input.paused) updateLiveState(deps.config.dataDir, input.sessionId, (s) => withPause(s, true));
  if (input.paused) await client.live.pause(cur.liveId, w);
  else await client.live.resume(cur.liveId, w);
  if (!input.paused) recordPause(deps.config.dataDir, input.sessionId, false, cur.transcriptPath);
  return updateLiveState(deps.config.dataDir, input.sessionId, (s) => withPause(s, input.paused)) ?? cur;
}

/** Queues a note (or a status line) for viewers; the relay streams it with the session's events. */
export async function addLiveNote(
  deps: LiveControlDeps,
  input: { sessionId: string; kind: 'note' | 'status'; text: string },
): Promise<LiveState> {
  checkSession(input.sessionId);
  const cur = requireLiveState(deps, input.sessionId);
  if (cur.status === 'paused') throw new BatonError('conflict', 'the live stream is paused: resume it first');
  appendInboxNote(livePaths(deps.config.dataDir, input.sessionId).inbox, input.kind, input.text);
  await ensureLiveRelay(deps.config.dataDir, input.sessionId, deps.relayScript, deps.env);
  return cur;
}

/** The session's current stream, or its last ended one. */
export function liveStatus(
  dataDir: string,
  sessionId: string,
): { live: LiveState | null; ended: LiveState | null } {
  const live = readLiveState(dataDir, sessionId);
  return { live, ended: live ? null : readEndedState(dataDir, sessionId) };
}

/** The session's live state on this machine, or not_found when it is not streaming. */
function requireLiveState(deps: LiveControlDeps, sessionId: string): LiveState {
  const cur = readLiveState(deps.config.dataDir, sessionId);
  if (!cur)
    throw new BatonError(
      'not_found',
      'this session is not streaming live; start it with /baton:export-session --live',
    );
  return cur;
}
