// The sender's status file (what it is doing, last delivery, last error) and its log, for `baton status`.
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../../../core/fs/write-atomic.js';
import { senderPaths } from './paths.js';

export type SenderState =
  'starting' | 'sending' | 'idle' | 'waiting' | 'rate_limited' | 'auth' | 'stopped' | 'error';

export interface SenderStatus {
  pid: number;
  state: SenderState;
  trackerUrl?: string;
  startedAt: string;
  updatedAt: string;
  lastDeliveryAt?: string;
  /** Events confirmed by the tracker during this run. */
  delivered: number;
  /** Events read but not yet confirmed. */
  pending: number;
  lastError?: { code: string; message: string; at: string };
  /** Why the last run ended (idle, lifetime, auth, busy, stopped, config). */
  exit?: string;
}

export function writeStatus(dataDir: string, status: SenderStatus): void {
  const { status: path } = senderPaths(dataDir);
  try {
    writeFileAtomic(path, JSON.stringify(status));
  } catch {
    // status is informational: never let it stop delivery
  }
}

export function readStatus(dataDir: string): SenderStatus | null {
  try {
    return JSON.parse(readFileSync(senderPaths(dataDir).status, 'utf8')) as SenderStatus;
  } catch {
    return null;
  }
}

const LOG_MAX = 512 * 1024;

/** One JSON line in sender.log (rotated once at 512 KB). Never throws. */
export function senderLog(dataDir: string, entry: Record<string, unknown>): void {
  const { dir, log } = senderPaths(dataDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      if (statSync(log).size > LOG_MAX) renameSync(log, `${log}.1`);
    } catch {
      // no log yet
    }
    appendFileSync(log, `${JSON.stringify({ ts: new Date().toISOString(), pid: process.pid, ...entry })}\n`, {
      mode: 0o600,
    });
  } catch {
    // logging must not fail delivery
  }
}
