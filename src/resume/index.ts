// Resume anywhere (issue 12): a session's transcript from the tracker onto this machine, for the CLI and MCP alike.
export {
  resumeSession,
  localCheckout,
  type ResumeDeps,
  type ResumeOptions,
  type ResumeResult,
} from './resume-session.js';
export { latestSessionId } from './latest.js';
export { restoreSessions, type RestoreOptions, type RestoreReport, type RestoredSession } from './restore.js';
export { resumeRefusal, type ResumeRefusal } from './target-dir.js';
export { normalizeRemote, sameRemote } from './remote.js';
export type { WrittenFile } from './write-session.js';
