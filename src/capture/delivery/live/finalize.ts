// Ends a live stream the way the user chose: keep it as a post (from the full transcript) or discard it.
import { existsSync } from 'node:fs';
import { isBatonError } from '../../../core/errors.js';
import type { TrackerClient } from '../../../client/index.js';
import type { EgressGate } from '../../../core/egress/index.js';
import { uploadSession } from '../../../export/upload-session.js';
import { openEgressGate } from '../../session/egress.js';
import { endLiveState, type LiveState } from './state.js';

export interface FinalizeDeps {
  client: TrackerClient;
  dataDir: string;
  /** Redact before the transcript is pushed (config `redact`, on by default). */
  redact: boolean;
  /** The client carries an API key (needed to push the session itself; the producer token only writes the stream). */
  canPush: boolean;
  log?: (msg: string) => void;
}

/**
 * keep: the stream is paused (so the tracker stops fanning synced events into it), the session is pushed from its
 * transcript — so the stored session has the transcript's uuids and a later auto-sync never duplicates a prompt the
 * live view showed early — then completed with `createPost`. discard: DELETE (revoke) the stream.
 * A stream the tracker already ended (gone) is recorded as such. Returns the final state, or null when another
 * process ended it first.
 */
export async function finalizeLive(
  state: LiveState,
  keep: boolean,
  deps: FinalizeDeps,
  opts: { title?: string } = {},
): Promise<LiveState | null> {
  const w = { producerToken: state.producerToken };
  const { client, dataDir } = deps;
  // The post is built from the transcript: it leaves through the gate like any push (pauses, private spans, secrets).
  const gate = openEgressGate({ dataDir, redact: deps.redact });
  try {
    if (!keep) {
      await client.live.revoke(state.liveId, w, { purge: true });
      return endLiveState(dataDir, state.sessionId, state.liveId, { outcome: 'discarded', postUrl: null });
    }
    await client.live.pause(state.liveId, w).catch((err: unknown) => {
      if (isBatonError(err) && err.code === 'gone') throw err;
      deps.log?.(`pause before completing failed: ${String(err)}`);
    });
    if (deps.canPush) await pushTranscript(state, deps, gate);
    const title = opts.title ?? state.title;
    const info = await client.live.complete(
      state.liveId,
      gate.body({ createPost: true as const, ...(title ? { title } : {}) }),
      w,
    );
    return endLiveState(dataDir, state.sessionId, state.liveId, { outcome: 'kept', postUrl: info.postUrl });
  } catch (err) {
    if (isBatonError(err) && err.code === 'gone') {
      return endLiveState(dataDir, state.sessionId, state.liveId, { outcome: 'gone', error: err.message });
    }
    throw err;
  }
}

/**
 * Best effort: without it the post is built from the streamed events, which is still a faithful record. Pushed the
 * way `baton push` does it, raw transcript lines included (issue 12), so the kept session can be resumed elsewhere
 * even when auto-sync is off.
 */
async function pushTranscript(state: LiveState, deps: FinalizeDeps, gate: EgressGate): Promise<void> {
  const path = state.transcriptPath;
  if (!path || !existsSync(path)) return;
  try {
    const session = await gate.loadSession(path);
    await uploadSession(
      deps.client,
      gate,
      session,
      { visibility: state.visibility, source: 'cli-stream' },
      { transcriptPath: path },
    );
  } catch (err) {
    deps.log?.(`pushing the transcript before completing failed: ${String(err)}`);
  }
}
