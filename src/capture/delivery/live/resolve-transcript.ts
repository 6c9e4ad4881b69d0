// Finds a session's transcript for the relay, even before Claude Code has created the file (the first turn).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeProjectDir, findTranscriptById, projectsDir } from '../../../core/transcript/index.js';
import { outboxPaths } from '../../outbox/paths.js';
import { readNewLines } from './read-new-lines.js';

/**
 * The transcript path: an existing file with this session id, else the path the SessionStart hook reported (the
 * outbox `start` record), else where Claude Code will put it for `cwd`. Never throws for a missing file.
 */
export async function resolveLiveTranscript(
  sessionId: string,
  dataDir: string,
  claudeConfigDir: string,
  cwd?: string,
): Promise<string> {
  const found = await findTranscriptById(sessionId, claudeConfigDir).catch(() => null);
  if (found) return found;
  const fromHook = await transcriptFromOutbox(dataDir, sessionId);
  if (fromHook) return fromHook;
  return join(projectsDir(claudeConfigDir), encodeProjectDir(cwd ?? process.cwd()), `${sessionId}.jsonl`);
}

async function transcriptFromOutbox(dataDir: string, sessionId: string): Promise<string | null> {
  const path = outboxPaths(dataDir, sessionId).outbox;
  if (!existsSync(path)) return null;
  const { lines } = await readNewLines(path, 0, { skip: (head) => !head.includes('"k":"start"') });
  for (const line of lines.reverse()) {
    try {
      const o = JSON.parse(line) as { transcriptPath?: unknown };
      if (typeof o.transcriptPath === 'string') return o.transcriptPath;
    } catch {
      // torn line
    }
  }
  return null;
}
