// Per-session capture pause: a flag file the hook checks (one stat) before copying anything into the outbox.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function pausedFlagPath(dataDir: string, sessionId: string): string {
  return join(dataDir, 'paused', sessionId);
}

export function isCapturePaused(dataDir: string, sessionId: string): boolean {
  return existsSync(pausedFlagPath(dataDir, sessionId));
}

/** Turns the pause on (creating the flag) or off (removing it). Idempotent. */
export function setCapturePaused(dataDir: string, sessionId: string, paused: boolean): void {
  const path = pausedFlagPath(dataDir, sessionId);
  if (!paused) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(join(dataDir, 'paused'), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${new Date().toISOString()}\n`, { mode: 0o600 });
}

/** While paused only these hook entries are kept: they carry no conversation content. */
export const KEPT_WHILE_PAUSED: ReadonlySet<string> = new Set(['start', 'end']);
