// "Which session is this Claude Code process running?": a pointer the SessionStart hook records per Claude Code pid.
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';

/**
 * Hooks and the plugin's MCP server are both children of the Claude Code process, so its pid is a key both can
 * compute (`CLAUDE_PID`, else the parent pid). The pointer follows `/clear` and `--resume`, which an MCP server's
 * environment (`CLAUDE_CODE_SESSION_ID`, fixed at its start) does not.
 */
export interface CurrentSession {
  sessionId: string;
  transcriptPath?: string;
  cwd?: string;
  /** ISO time the SessionStart hook wrote it. */
  at: string;
}

export function currentSessionPath(dataDir: string, claudePid: number): string {
  return join(dataDir, 'current', `${claudePid}.json`);
}

/** The Claude Code pid as a hook sees it. */
export function claudePidFromHook(env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = Number(env.CLAUDE_PID);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : process.ppid;
}

export function writeCurrentSession(dataDir: string, claudePid: number, value: CurrentSession): void {
  const path = currentSessionPath(dataDir, claudePid);
  writeFileAtomic(path, JSON.stringify(value));
}

export function readCurrentSession(dataDir: string, claudePid: number): CurrentSession | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(currentSessionPath(dataDir, claudePid), 'utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.sessionId !== 'string' || o.sessionId === '') return null;
  return {
    sessionId: o.sessionId,
    at: typeof o.at === 'string' ? o.at : '',
    ...(typeof o.transcriptPath === 'string' ? { transcriptPath: o.transcriptPath } : {}),
    ...(typeof o.cwd === 'string' ? { cwd: o.cwd } : {}),
  };
}

/** Removes the pointer when it still names `sessionId` (a later SessionStart of the same process may own it now). */
export function clearCurrentSession(dataDir: string, claudePid: number, sessionId: string): void {
  if (readCurrentSession(dataDir, claudePid)?.sessionId !== sessionId) return;
  try {
    unlinkSync(currentSessionPath(dataDir, claudePid));
  } catch {
    // already gone
  }
}
