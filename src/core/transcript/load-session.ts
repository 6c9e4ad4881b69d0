// Loads a whole session into the in-memory Session model (the streaming reader, collected).
import type { Session } from '../model/session.js';
import { collectSession } from './collect-session.js';
import { runSession, type StreamSessionOptions } from './stream-session.js';

/** Like streamSession, but collects events into turns and sidechains. Memory grows with the session. */
export function loadSession(transcriptPath: string, opts: StreamSessionOptions = {}): Promise<Session> {
  return collectSession((onEvent) => runSession(transcriptPath, onEvent, opts));
}
