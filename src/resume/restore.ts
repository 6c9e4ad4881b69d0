// `baton restore`: brings back the transcripts Claude Code's cleanup (cleanupPeriodDays) deleted here, from the
// tracker, each into the project dir of its own cwd (the same machine: no mapping).
import type { SessionSummary } from '../core/api/index.js';
import { isBatonError } from '../core/errors.js';
import { findTranscriptById } from '../core/transcript/locate.js';
import { projectDirOf } from './paths.js';
import { subKeysOf } from './resume-session.js';
import { recordRestored } from '../capture/session/restored.js';
import { writeSessionFiles, type SessionsClient, type WrittenFile } from './write-session.js';

export interface RestoreOptions {
  /** Project id, slug or name on the tracker. */
  project?: string;
  /** Sessions that started at or after this time. */
  since?: Date;
  /** Sessions that started before this time. */
  until?: Date;
  dryRun?: boolean;
  force?: boolean;
}

export interface RestoredSession {
  sessionId: string;
  cwd: string;
  projectDir: string;
  files: WrittenFile[];
}

export interface RestoreReport {
  /** Sessions on the tracker in the filter. */
  considered: number;
  /** Written back (or, with dryRun, that would be). */
  restored: RestoredSession[];
  /** Their transcript is still here. */
  present: number;
  /** The tracker holds no transcript lines for them (entryCount 0). */
  withoutEntries: number;
  failed: Array<{ sessionId: string; code: string; message: string }>;
}

const PAGE = 100;

function inRange(s: SessionSummary, o: RestoreOptions): boolean {
  const at = Date.parse(s.startedAt ?? s.createdAt);
  if (o.since && !(at >= o.since.getTime())) return false;
  if (o.until && !(at < o.until.getTime())) return false;
  return true;
}

async function* summaries(
  sessions: SessionsClient,
  project: string | undefined,
): AsyncGenerator<SessionSummary> {
  for (let page = 1; ; page++) {
    const r = await sessions.list({ ...(project ? { project } : {}), page, limit: PAGE });
    yield* r.sessions;
    if (r.sessions.length < PAGE || page * PAGE >= r.pagination.total) return;
  }
}

export async function restoreSessions(
  /** `dataDir`: this machine's Baton data dir, told which lines came from the tracker (capture/session/restored.ts). */
  deps: { sessions: SessionsClient; claudeConfigDir: string; dataDir?: string },
  opts: RestoreOptions,
): Promise<RestoreReport> {
  const report: RestoreReport = { considered: 0, restored: [], present: 0, withoutEntries: 0, failed: [] };
  for await (const s of summaries(deps.sessions, opts.project)) {
    if (!inRange(s, opts)) continue;
    report.considered++;
    // Undefined: a tracker that does not count entries yet; try, and let the sub keys tell.
    if (s.entryCount === 0) {
      report.withoutEntries++;
      continue;
    }
    try {
      if ((await findTranscriptById(s.id, deps.claudeConfigDir)) !== null) {
        report.present++;
        continue;
      }
      const subKeys = await subKeysOf(deps.sessions, s.id).catch((err: unknown) => {
        if (isBatonError(err) && err.code === 'not_found') return null;
        throw err;
      });
      if (subKeys === null) {
        report.withoutEntries++;
        continue;
      }
      const cwd = s.cwd ?? (await deps.sessions.get(s.id, { limit: 0 })).meta.cwd ?? null;
      if (!cwd) throw new Error('the tracker knows no working directory for it');
      const projectDir = projectDirOf(deps.claudeConfigDir, cwd);
      const files = opts.dryRun
        ? []
        : await writeSessionFiles({
            sessions: deps.sessions,
            sessionId: s.id,
            subKeys,
            projectDir,
            rewrite: null,
            force: opts.force === true,
          });
      if (deps.dataDir !== undefined && files.length > 0) recordRestored(deps.dataDir, s.id, files);
      report.restored.push({ sessionId: s.id, cwd, projectDir, files });
    } catch (err) {
      report.failed.push({
        sessionId: s.id,
        code: isBatonError(err) ? err.code : 'error',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return report;
}
