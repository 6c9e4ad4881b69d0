// Brings every file of a session from the tracker into one project dir: staged first, checked against what is
// already here, then put in place subagent files first and the main file last, so `claude --resume` never finds a
// main transcript whose subagent files are still missing or half written.
import type { TrackerClient } from '../client/index.js';
import { BatonError } from '../core/errors.js';
import { stageFile, type StagedFile } from './download.js';
import { compareLocal, readLocalFacts, type LocalState } from './local-copy.js';
import { transcriptFile } from './paths.js';
import type { ResumeRefusal, TargetDir } from './target-dir.js';

export type SessionsClient = Pick<
  TrackerClient['sessions'],
  'get' | 'list' | 'listEntries' | 'listSubkeys' | 'downloadEntries'
>;

export interface WrittenFile {
  /** '' for the main transcript, else e.g. 'subagents/agent-<id>'. */
  subKey: string;
  path: string;
  lines: number;
  bytes: number;
  /** written: there was none; replaced: the local one was older (or newer, with force); unchanged: same entries. */
  action: 'written' | 'replaced' | 'unchanged';
}

const STAGE_CONCURRENCY = 4;

/**
 * `fn` over `items`, at most `n` at a time, results in input order. On a failure no new item starts, and the
 * running ones finish before it is thrown, so the caller's cleanup sees every file that was opened.
 */
async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failure: { err: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  if (failure !== null) throw (failure as { err: unknown }).err;
  return out;
}

export async function writeSessionFiles(opts: {
  sessions: SessionsClient;
  sessionId: string;
  subKeys: readonly string[];
  projectDir: string;
  rewrite: TargetDir['rewrite'];
  force: boolean;
}): Promise<WrittenFile[]> {
  const { sessions, sessionId, projectDir } = opts;
  // Main file last: it is what makes the session visible to Claude Code.
  const keys = [...opts.subKeys].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const paths = keys.map((k) => transcriptFile(projectDir, sessionId, k));
  const staged: StagedFile[] = [];
  try {
    const results = await pool([...keys.keys()], STAGE_CONCURRENCY, async (i) => {
      const s = await stageFile(sessions, sessionId, keys[i]!, paths[i]!, opts.rewrite);
      staged.push(s);
      return s;
    });
    const states: LocalState[] = [];
    for (const s of results) states.push(compareLocal(await readLocalFacts(s.file.path), s));
    const newer = results.filter((_, i) => states[i] === 'newer').map((s) => s.file.path);
    if (newer.length > 0 && !opts.force) {
      throw new BatonError(
        'conflict',
        `the transcript here has entries the tracker's copy lacks, so it was left as it is: ${newer.join(', ')}. ` +
          'Sync it first (baton sync), or pass --force to replace it with the tracker copy',
        { details: { kind: 'local_newer' satisfies ResumeRefusal, files: newer } },
      );
    }
    const written: WrittenFile[] = [];
    for (const [i, s] of results.entries()) {
      const state = states[i]!;
      const base = { subKey: s.subKey, path: s.file.path, lines: s.lines, bytes: s.file.bytes };
      if (state === 'same') {
        await s.file.abort();
        written.push({ ...base, action: 'unchanged' });
      } else {
        await s.file.commit();
        written.push({ ...base, action: state === 'absent' ? 'written' : 'replaced' });
      }
    }
    return written;
  } finally {
    // Whatever was not committed (a failure, a refusal) leaves no temp file behind.
    await Promise.all(staged.map((s) => s.file.abort()));
  }
}
