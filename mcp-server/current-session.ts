// Resolves "the current session" for tools: hook pointer for this Claude Code process, its env, else newest transcript.
import { z } from 'zod';
import { BatonError } from '../src/core/errors.js';
import { readCurrentSession } from '../src/capture/session/current-session.js';
import { findTranscriptById, newestTranscript, projectsDir } from '../src/core/transcript/index.js';
import type { ServerDeps } from './server-deps.js';

/** The `sessionId` argument of tools that act on a session: an id, or nothing / "current" for this one. */
export const SessionIdArg = z
  .string()
  .max(200)
  .optional()
  .describe('Session id; omit (or "current") for the session you are in.');

export interface SessionRef {
  sessionId: string;
  /** The transcript file, when it exists on this machine. */
  transcriptPath: string | null;
  source: 'argument' | 'hook-pointer' | 'env' | 'newest-transcript';
}

/** `ref` undefined or "current" means the session this server runs in. */
export async function resolveSession(deps: ServerDeps, ref?: string): Promise<SessionRef> {
  const dir = deps.config.claudeConfigDir;
  const find = async (id: string) => findTranscriptById(id, dir).catch(() => null);
  if (ref && ref !== 'current')
    return { sessionId: ref, transcriptPath: await find(ref), source: 'argument' };
  const pointer = readCurrentSession(deps.config.dataDir, deps.claudePid);
  if (pointer)
    return {
      sessionId: pointer.sessionId,
      transcriptPath: pointer.transcriptPath ?? (await find(pointer.sessionId)),
      source: 'hook-pointer',
    };
  const fromEnv = deps.env.CLAUDE_CODE_SESSION_ID;
  if (fromEnv) return { sessionId: fromEnv, transcriptPath: await find(fromEnv), source: 'env' };
  const newest = await newestTranscript(dir, deps.cwd);
  if (newest)
    return { sessionId: newest.sessionId, transcriptPath: newest.path, source: 'newest-transcript' };
  throw new BatonError(
    'not_found',
    `cannot tell which session this is: no Claude Code transcripts under ${projectsDir(dir)}`,
  );
}

/** Like resolveSession, but the transcript must exist locally. */
export async function resolveLocalSession(
  deps: ServerDeps,
  ref?: string,
): Promise<SessionRef & { transcriptPath: string }> {
  const s = await resolveSession(deps, ref);
  if (!s.transcriptPath) {
    throw new BatonError(
      'not_found',
      `no transcript for session ${s.sessionId} on this machine (under ${projectsDir(deps.config.claudeConfigDir)})`,
    );
  }
  return s as SessionRef & { transcriptPath: string };
}
