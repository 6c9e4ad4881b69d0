// Where live-stream state lives in the data dir: per session, the active marker, relay progress, lock and inbox.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface LivePaths {
  dir: string;
  /** The active-stream marker and state (0600: holds the producer token). Its existence means "live is on". */
  state: string;
  /** Guards read-modify-write of `state` between the CLI, the MCP server and the relay. */
  stateLock: string;
  /** Relay progress: source offsets, next seq, dedup keys. Written only by the relay holding `relayLock`. */
  progress: string;
  /** Held by the one relay process of this session for its whole life. */
  relayLock: string;
  /** Notes and status lines for viewers, appended by the CLI/MCP server and tailed by the relay. */
  inbox: string;
  /** The relay's own log (one line per notable thing: start, errors, end). */
  log: string;
}

export function liveDir(dataDir: string): string {
  return join(dataDir, 'live');
}

export function livePaths(dataDir: string, sessionId: string): LivePaths {
  const dir = liveDir(dataDir);
  return {
    dir,
    state: join(dir, `${sessionId}.json`),
    stateLock: join(dir, `${sessionId}.state.lock`),
    progress: join(dir, `${sessionId}.relay.json`),
    relayLock: join(dir, `${sessionId}.relay.lock`),
    inbox: join(dir, `${sessionId}.inbox.jsonl`),
    log: join(dir, `${sessionId}.relay.log`),
  };
}

/** Where a finished stream's final state is kept (the active marker is gone, so hooks stop looking). */
export function endedStatePath(dataDir: string, sessionId: string, liveId: string): string {
  return join(liveDir(dataDir), 'ended', `${sessionId}.${liveId}.json`);
}

/** True while the session streams live (its active marker exists). One stat: cheap for hooks and the sender. */
export function isSessionLive(dataDir: string, sessionId: string): boolean {
  return existsSync(livePaths(dataDir, sessionId).state);
}
