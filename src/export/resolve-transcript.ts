// Turns "<session-id> | <transcript.jsonl> | nothing (the current session)" into a transcript path.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { BatonError } from '../core/errors.js';
import { findTranscriptById, newestTranscript, projectsDir } from '../core/transcript/index.js';

export async function resolveTranscript(
  ref: string | undefined,
  where: { cwd: string; claudeConfigDir: string },
): Promise<string> {
  if (ref !== undefined && ref !== '') {
    const looksLikePath = ref.endsWith('.jsonl') || ref.includes('/') || isAbsolute(ref);
    const asPath = resolve(where.cwd, ref);
    if (looksLikePath || existsSync(asPath)) {
      if (!existsSync(asPath) || !statSync(asPath).isFile()) {
        throw new BatonError('not_found', `no transcript file at ${asPath}`);
      }
      return asPath;
    }
    const found = await findTranscriptById(ref, where.claudeConfigDir);
    if (!found) {
      throw new BatonError('not_found', `no session "${ref}" under ${projectsDir(where.claudeConfigDir)}`);
    }
    return found;
  }
  const newest = await newestTranscript(where.claudeConfigDir, where.cwd);
  if (!newest) {
    throw new BatonError(
      'not_found',
      `no Claude Code sessions found under ${projectsDir(where.claudeConfigDir)} (set CLAUDE_CONFIG_DIR if they live elsewhere)`,
    );
  }
  return typeof newest === 'string' ? newest : (newest as { path: string }).path;
}
