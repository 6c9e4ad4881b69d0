// Shared types of the handoff runner: what a run is given, the facts it gathers, and the state steps pass along.
import type { HandoffDocument } from '../core/handoff/document.js';
import type { ParsedNarrative } from '../core/handoff/narrative.js';
import type { NarrativeSectionId, Routine } from '../core/routine/schema.js';
import type { TokenTotals } from '../core/model/session.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface TrackerTarget {
  url: string;
  apiKey: string;
  /** Allow the key over plain http:// to a host that is not loopback (config `allowInsecure`), as for every client. */
  allowInsecure?: boolean;
}

/** Everything a routine run depends on, passed in (never read from process globals deep inside). */
export interface HandoffRunContext {
  cwd: string;
  env: Env;
  dataDir: string;
  /** Claude Code's config dir (transcripts live in <it>/projects). */
  claudeConfigDir: string;
  tracker: TrackerTarget | null;
  /** Redact secrets in everything the handoff writes. */
  redact: boolean;
  now: Date;
  topic?: string;
  /** Explicit session id (`--session`); else CLAUDE_CODE_SESSION_ID, else the newest transcript of cwd. */
  sessionId?: string;
  /** The model-written Markdown narrative; undefined/null when none was given. */
  narrative?: string | null;
  /** Overrides the store step's repoDir (`--in-repo`, `--repo-dir`). */
  repoDir?: string | null;
  dryRun: boolean;
  routine: Routine;
  presetName: string | null;
  batonVersion: string | null;
  /** Where the print step (and a transfer prompt without clipboard) writes. */
  out(text: string): void;
}

export interface CommitFact {
  sha: string;
  subject: string;
  date: string;
  /** Committed after the session started. */
  inSession: boolean;
}

export interface FileChanges {
  created: string[];
  modified: string[];
  deleted: string[];
  /** Files left out by maxFiles. */
  omitted: number;
}

export interface ProjectFacts {
  name: string;
  /** Repository root (or the plain directory when it is not a repository). */
  root: string;
  isRepo: boolean;
  /** The project of the session's working directory. */
  isMain: boolean;
  branch: string | null;
  head: string | null;
  remote: string | null;
  /** `git status --porcelain` entries (XY code + path); null when not gathered. */
  status: { code: string; path: string }[] | null;
  diffStat: string | null;
  commits: CommitFact[];
  /** Repository-relative paths. */
  files: FileChanges;
}

export interface GitFacts {
  projects: ProjectFacts[];
  /** Absolute paths the session touched outside any repository. */
  outside: { created: string[]; modified: string[] };
}

export interface SessionFacts {
  sessionId: string;
  transcriptPath: string;
  cwd: string | null;
  gitBranch: string | null;
  claudeVersion: string | null;
  models: string[];
  title: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number;
  turns: number;
  promptCount: number;
  prompts: string[];
  tools: Record<string, number>;
  toolCalls: number;
  toolErrors: number;
  tokens: TokenTotals;
  costUsd: number | null;
  /** Absolute paths, by what the session's file tools reported. */
  files: { created: string[]; modified: string[] };
}

export interface SyncOutcome {
  status: 'synced' | 'not-configured' | 'skipped' | 'failed';
  message: string;
  id?: string;
  url?: string;
}

export interface HandoffOutputs {
  localFile?: string;
  repoFile?: string;
  transferFile?: string;
  clipboard?: string;
  printedText?: boolean;
  sync?: SyncOutcome;
}

/** What steps hand to each other. */
export interface HandoffState {
  sessionId: string | null;
  /** Why session facts are missing, when they are. */
  sessionNote: string | null;
  session: SessionFacts | null;
  git: GitFacts | null;
  narrative: ParsedNarrative | null;
  narrativeMissing: NarrativeSectionId[];
  contextId: string | null;
  document: HandoffDocument | null;
  /** The rendered text (document Markdown or transfer prompt). */
  text: string | null;
  template: 'document' | 'transfer-prompt' | null;
  outputs: HandoffOutputs;
  warnings: string[];
  /** Dry run: what the mutating steps would have done. */
  plan: string[];
}

export type StepStatus = 'done' | 'skipped' | 'planned' | 'warned';

export interface StepReport {
  id: string;
  kind: string;
  status: StepStatus;
  note?: string;
}

export interface HandoffRunResult {
  state: HandoffState;
  steps: StepReport[];
}
