// Where the background sender keeps its lock, status, auth-failure marker and per-session ack files.
import { join } from 'node:path';

export interface SenderPaths {
  dir: string;
  /** Held by the one running sender of this data dir for its whole life (`pid host time nonce`). */
  lock: string;
  /** What the sender is doing, for `baton status`. */
  status: string;
  /** Written when the tracker rejected the API key: hooks show it once and stop restarting the sender for that key. */
  authError: string;
  /** Batches the tracker refused as invalid (kept so nothing vanishes silently). */
  rejected: string;
  log: string;
}

export function senderPaths(dataDir: string): SenderPaths {
  const dir = join(dataDir, 'sender');
  return {
    dir,
    lock: join(dir, 'sender.lock'),
    status: join(dir, 'status.json'),
    authError: join(dir, 'auth-error.json'),
    rejected: join(dir, 'rejected.jsonl'),
    log: join(dir, 'sender.log'),
  };
}

/** Per-session acknowledgement: how far the tracker confirmed this session's outbox. */
export function ackPath(dataDir: string, sessionId: string): string {
  return join(dataDir, 'sender', 'ack', `${sessionId}.json`);
}

/** A short non-cryptographic fingerprint of an API key (FNV-1a): tells "same key" from "new key" without storing it. */
export function keyFingerprint(key: string | undefined): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < (key ?? '').length; i++) {
    h ^= key!.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
