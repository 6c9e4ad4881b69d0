// A live relay's options, its working state and how it opens: the stream, its sources, their read positions, the sink.
import type { FSWatcher } from 'node:fs';
import { openEgressGate } from '../../session/egress.js';
import { outboxPaths } from '../../outbox/paths.js';
import { LiveMerger } from './merge.js';
import { livePaths } from './paths.js';
import { LiveSink } from './sink.js';
import { readLiveState } from './state.js';
import { readRelayProgress } from './relay-progress.js';
import { resolveLiveTranscript } from './resolve-transcript.js';
import { TranscriptTail } from './transcript-tail.js';
import type { TrackerClient } from '../../../client/index.js';

export interface LiveRelayOptions {
  dataDir: string;
  sessionId: string;
  client: TrackerClient;
  /** The client holds an API key: the transcript can be pushed before the post is made. */
  canPush: boolean;
  redact: boolean;
  claudeConfigDir: string;
  /** Safety-net polling when fs.watch misses a change (default 250 ms). */
  pollMs?: number;
  /**
   * How long after SessionEnd the stream stays open for a `--resume` to continue it, by SessionEnd reason.
   * `other` is what `claude -p` reports at the end of every run (default 30 s); any other reason 1.5 s.
   */
  endGraceMs?: { other: number; default: number };
  /** Exit (without ending the stream) after this long with nothing new; the next hook restarts the relay. */
  idleExitMs?: number;
  log?: (msg: string) => void;
  now?: () => number;
}

export interface Loop {
  isRunning(): boolean;
  waitForWake(ms: number): Promise<void>;
  wake(): void;
}

/** One relay's working state: the stream, its sources and their read positions, and the sink. */
export interface RelayRun {
  o: LiveRelayOptions;
  loop: Loop;
  log: (msg: string) => void;
  now: () => number;
  paths: ReturnType<typeof livePaths>;
  liveId: string;
  gate: ReturnType<typeof openEgressGate>;
  tail: TranscriptTail;
  merger: LiveMerger;
  sink: LiveSink;
  outbox: string;
  outboxByte: number;
  inboxByte: number;
  ending: { since: number; reason?: string } | null;
  lastActivity: number;
  lastResolve: number;
  lastSaved: string;
  pollMs: number;
  watchers: FSWatcher[];
  watched: Set<string>;
}

/** Picks up where the last relay of this stream left off: saved offsets, and the tracker's own last seq. */
export async function openRelay(
  o: LiveRelayOptions,
  loop: Loop,
  watchers: FSWatcher[],
): Promise<RelayRun | null> {
  const log = o.log ?? (() => undefined);
  const now = o.now ?? Date.now;
  const paths = livePaths(o.dataDir, o.sessionId);
  const initial = readLiveState(o.dataDir, o.sessionId);
  if (!initial) return null;
  const liveId = initial.liveId;
  // Every streamed event passes the egress gate: the pauses recorded here, <private> spans, redaction.
  // The pause log is read fresh (no cache): a pause must stop the very next event, not one 200 ms later.
  const gate = openEgressGate({ dataDir: o.dataDir, redact: o.redact, pauseTtlMs: 0 });
  const w = { producerToken: initial.producerToken };
  const saved = readRelayProgress(paths.progress, liveId);
  let tracker = 0;
  try {
    tracker = (await o.client.live.get(liveId, w, { timeoutMs: 5000 })).lastSeq;
  } catch (err) {
    log(`could not read the stream's position (${String(err)}); continuing from the saved one`);
  }
  const transcriptPath =
    initial.transcriptPath ??
    saved?.transcriptPath ??
    (await resolveLiveTranscript(o.sessionId, o.dataDir, o.claudeConfigDir, initial.cwd));
  const tail = new TranscriptTail(transcriptPath, saved?.transcript ?? {}, () =>
    gate.recordFilter(o.sessionId),
  );
  const sink = new LiveSink({
    append: (events) =>
      o.client.live.append(liveId, gate.body({ events }, o.sessionId), w, { timeoutMs: 10_000 }),
    nextSeq: Math.max(saved?.nextSeq ?? 1, tracker + 1),
    log,
  });
  log(`relay ${process.pid} started for ${liveId}; transcript ${transcriptPath}; next seq ${sink.nextSeq}`);
  return {
    o,
    loop,
    log,
    now,
    paths,
    liveId,
    gate,
    tail,
    sink,
    watchers,
    merger: new LiveMerger(saved?.merge),
    outbox: outboxPaths(o.dataDir, o.sessionId).outbox,
    outboxByte: saved?.outboxByte ?? 0,
    inboxByte: saved?.inboxByte ?? 0,
    ending: null,
    lastActivity: now(),
    lastResolve: now(),
    lastSaved: '',
    pollMs: o.pollMs ?? 250,
    watched: new Set(),
  };
}
