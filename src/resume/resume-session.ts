// The resume use case, shared by `baton resume` and the MCP resume_session tool: fetch a session's transcript
// files from the tracker into this machine's project dir (cwd mapped onto this checkout) and say how to reopen it.
import { resolve } from 'node:path';
import { recordRestored } from '../capture/session/restored.js';
import { TranscriptSubKey } from '../core/api/index.js';
import { BatonError, isBatonError } from '../core/errors.js';
import { createGitRunner, remoteUrl, repoRoot } from '../handoff/git.js';
import { resumeCommand } from '../handoff/format.js';
import { checkSessionId, projectDirOf } from './paths.js';
import {
  chooseTargetDir,
  type LocalCheckout,
  type ResumeRefusal,
  type SessionPlace,
  type TargetDir,
} from './target-dir.js';
import { writeSessionFiles, type SessionsClient, type WrittenFile } from './write-session.js';

export interface ResumeDeps {
  sessions: SessionsClient;
  /** Claude Code's config dir (`CLAUDE_CONFIG_DIR`, else ~/.claude). */
  claudeConfigDir: string;
  /** The current directory: its checkout is where the session lands unless `cwd` says otherwise. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Baton's data dir (the config's): where the record of the lines written from the tracker goes. */
  dataDir: string;
  /** The tracker's address, for messages. */
  trackerUrl?: string;
}

export interface ResumeOptions {
  sessionId: string;
  /** --cwd: resume in this directory, whatever the session's own was. */
  cwd?: string;
  /** Replace a local transcript even when it has entries the tracker's copy lacks. */
  force?: boolean;
}

export interface ResumeResult {
  sessionId: string;
  title: string | null;
  project: string | null;
  /** Where `claude --resume` runs on this machine. */
  directory: string;
  /** Claude Code's project dir that now holds the transcript. */
  projectDir: string;
  via: TargetDir['via'];
  /** The cwd rewrite applied to every record, when the directory differs from the session's. */
  cwdMapping: TargetDir['rewrite'];
  files: WrittenFile[];
  /** `cd '<dir>' && claude --resume <id>`. */
  command: string;
}

/** This machine's checkout around `cwd`, or null outside a git repository. */
export async function localCheckout(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LocalCheckout | null> {
  const git = createGitRunner({ timeoutMs: 5_000, env });
  const root = await repoRoot(git, resolve(cwd));
  return root ? { root, remote: await remoteUrl(git, root) } : null;
}

/** The session's sub keys on the tracker; none means it was stored before transcripts were kept. */
export async function subKeysOf(sessions: SessionsClient, sessionId: string): Promise<string[]> {
  const { subKeys } = await sessions.listSubkeys(sessionId);
  if (subKeys.length === 0) {
    throw new BatonError(
      'not_found',
      `the tracker holds no transcript lines for session ${sessionId} (it was uploaded before the tracker kept ` +
        'transcripts): run `baton sync` on the machine that has it, then resume again',
      { details: { kind: 'no_entries' satisfies ResumeRefusal } },
    );
  }
  // A sub key becomes a path on this machine: only plain relative names are written (checked again in paths.ts).
  return subKeys.map((k) => TranscriptSubKey.parse(k));
}

/** The cwd the first lines of the main file (or the first file) name: for sessions whose meta has none. */
async function cwdFromEntries(
  sessions: SessionsClient,
  sessionId: string,
  subKeys: string[],
): Promise<string | null> {
  const key = subKeys.includes('') ? '' : subKeys[0]!;
  const page = await sessions.listEntries(sessionId, { subKey: key, limit: 50 });
  for (const e of page.entries) if (typeof e.line.cwd === 'string' && e.line.cwd) return e.line.cwd;
  return null;
}

/** The session's detail, with a tracker 404 said in words. */
export async function sessionDetail(deps: Pick<ResumeDeps, 'sessions' | 'trackerUrl'>, sessionId: string) {
  try {
    return await deps.sessions.get(sessionId, { limit: 0 });
  } catch (err) {
    if (isBatonError(err) && err.code === 'not_found')
      throw new BatonError(
        'not_found',
        `session ${sessionId} is not on the tracker${deps.trackerUrl ? ` (${deps.trackerUrl})` : ''}, or not yours`,
        { cause: err },
      );
    throw err;
  }
}

export async function resumeSession(deps: ResumeDeps, opts: ResumeOptions): Promise<ResumeResult> {
  const sessionId = checkSessionId(opts.sessionId);
  const detail = await sessionDetail(deps, sessionId);
  const subKeys = await subKeysOf(deps.sessions, sessionId);
  const place: SessionPlace = {
    cwd: detail.meta.cwd ?? detail.session.cwd ?? (await cwdFromEntries(deps.sessions, sessionId, subKeys)),
    gitRemote: detail.meta.gitRemote ?? null,
    gitRoot: detail.meta.gitRoot ?? null,
  };
  const target = chooseTargetDir({
    session: place,
    ...(opts.cwd !== undefined ? { flagCwd: resolve(deps.cwd, opts.cwd) } : {}),
    here: opts.cwd !== undefined ? null : await localCheckout(deps.cwd, deps.env),
  });
  const projectDir = projectDirOf(deps.claudeConfigDir, target.dir);
  const files = await writeSessionFiles({
    sessions: deps.sessions,
    sessionId,
    subKeys,
    projectDir,
    rewrite: target.rewrite,
    force: opts.force === true,
  });
  // The capture on this machine must not mirror these lines back to the tracker (see capture/session/restored.ts).
  recordRestored(deps.dataDir, sessionId, files);
  return {
    sessionId,
    title: detail.session.title ?? detail.meta.title ?? null,
    project: detail.session.project?.name ?? detail.meta.project ?? null,
    directory: target.dir,
    projectDir,
    via: target.via,
    cwdMapping: target.rewrite,
    files,
    command: resumeCommand(sessionId, target.dir),
  };
}
