// Where a session's files go under Claude Code's config dir: `projects/<project dir>/<id>.jsonl` and
// `projects/<project dir>/<id>/<subKey>.jsonl` (e.g. `<id>/subagents/agent-<x>.jsonl`).
import { join } from 'node:path';
import { TranscriptSubKey } from '../core/api/index.js';
import { BatonError } from '../core/errors.js';
import { encodeProjectDir, projectsDir } from '../core/transcript/locate.js';

const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** A session id is a file name here: refuse anything that could climb out of the project dir. */
export function checkSessionId(id: string): string {
  if (!SESSION_ID.test(id) || id.includes('..'))
    throw new BatonError('invalid_input', `not a session id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

export function projectDirOf(claudeConfigDir: string, cwd: string): string {
  return join(projectsDir(claudeConfigDir), encodeProjectDir(cwd));
}

/** The file of one sub key; the key comes from the tracker, so it is checked again here (plain names only). */
export function transcriptFile(projectDir: string, sessionId: string, subKey: string): string {
  if (subKey === '') return join(projectDir, `${checkSessionId(sessionId)}.jsonl`);
  const key = TranscriptSubKey.safeParse(subKey);
  if (!key.success)
    throw new BatonError(
      'server',
      `the tracker named a transcript file this client will not write: ${subKey}`,
    );
  return join(projectDir, checkSessionId(sessionId), ...`${key.data}.jsonl`.split('/'));
}
