// Accumulates SessionMeta from records: ids, cwd, branch, models, time span, title, fork parent.
import type { SessionMeta } from '../model/session.js';
import { str, type Obj } from './guards.js';
import { titleFromPrompt } from './content.js';
import { SYNTHETIC_MODEL } from './totals-accumulator.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MetaAccumulator {
  /** Distinct sessionIds of main-file records, in order of first appearance. */
  private readonly sessionIds: string[] = [];
  /** Distinct `requestSessionId`s: on records a fork copied, Claude Code keeps the parent's id there. */
  private readonly requestSessionIds: string[] = [];
  private cwd: string | undefined;
  private gitBranch: string | undefined;
  private version: string | undefined;
  private readonly models = new Set<string>();
  private startMs = Infinity;
  private endMs = -Infinity;
  private startedAt: string | undefined;
  private endedAt: string | undefined;
  private customTitle: string | undefined;
  private aiTitle: string | undefined;
  private summary: string | undefined;
  private firstPromptTitle: string | undefined;

  /** Any record: its timestamp widens the session's time span. */
  observeTime(rec: Obj): void {
    const ts = rec.timestamp;
    if (typeof ts !== 'string') return;
    const ms = Date.parse(ts);
    if (Number.isNaN(ms)) return;
    if (ms < this.startMs) {
      this.startMs = ms;
      this.startedAt = ts;
    }
    if (ms > this.endMs) {
      this.endMs = ms;
      this.endedAt = ts;
    }
  }

  /** Records of the main transcript file: where and with what the session ran. */
  observeMain(rec: Obj): void {
    const sid = str(rec.sessionId);
    if (sid !== undefined && !this.sessionIds.includes(sid)) this.sessionIds.push(sid);
    const rsid = str(rec.requestSessionId);
    if (rsid !== undefined && !this.requestSessionIds.includes(rsid)) this.requestSessionIds.push(rsid);
    this.cwd ??= str(rec.cwd);
    // Latest wins for branch and client version: what the session is on now matters to whoever picks it up.
    const branch = str(rec.gitBranch);
    if (branch !== undefined) this.gitBranch = branch;
    const version = str(rec.version);
    if (version !== undefined) this.version = version;
  }

  observeModel(model: string | undefined): void {
    if (model !== undefined && model !== SYNTHETIC_MODEL) this.models.add(model);
  }

  /** Title records: the last of each kind wins, as in Claude Code's own session list. */
  observeTitle(rec: Obj): void {
    if (rec.type === 'custom-title') this.customTitle = str(rec.customTitle) ?? this.customTitle;
    else if (rec.type === 'ai-title') this.aiTitle = str(rec.aiTitle) ?? this.aiTitle;
    else if (rec.type === 'summary') this.summary = str(rec.summary) ?? this.summary;
  }

  observeFirstPrompt(text: string): void {
    this.firstPromptTitle ??= titleFromPrompt(text);
  }

  /** Earliest timestamp seen (ms), or Infinity. */
  get startTime(): number {
    return this.startMs;
  }

  /** Newest timestamp seen (ms), or -Infinity. */
  get endTime(): number {
    return this.endMs;
  }

  get durationMs(): number {
    return Number.isFinite(this.startMs) && this.endMs >= this.startMs
      ? Math.round(this.endMs - this.startMs)
      : 0;
  }

  /**
   * The session id is the file's own name when it is a UUID or records carry it (Claude Code names files by
   * session id), else the newest sessionId seen, else the file name. A forked file (`--fork-session`) starts with
   * history copied from its parent: Claude Code 2.1.330 rewrites their sessionId but keeps the parent's id in
   * `requestSessionId` of copied assistant records; other versions may keep the old sessionId. The first id that
   * differs from the session's own is the parent.
   */
  finish(fileStem: string): SessionMeta {
    const ids = this.sessionIds;
    const id =
      UUID_RE.test(fileStem) || ids.includes(fileStem) ? fileStem : (ids[ids.length - 1] ?? fileStem);
    const meta: SessionMeta = { id, models: [...this.models] };
    if (this.cwd !== undefined) {
      meta.cwd = this.cwd;
      const project = lastPathSegment(this.cwd);
      if (project !== undefined) meta.project = project;
    }
    if (this.gitBranch !== undefined) meta.gitBranch = this.gitBranch;
    if (this.startedAt !== undefined) meta.startedAt = this.startedAt;
    if (this.endedAt !== undefined) meta.endedAt = this.endedAt;
    const title = this.customTitle ?? this.aiTitle ?? this.summary ?? this.firstPromptTitle;
    if (title !== undefined) meta.title = title;
    const parent = ids.find((s) => s !== id) ?? this.requestSessionIds.find((s) => s !== id);
    if (parent !== undefined) meta.parentSessionId = parent;
    if (this.version !== undefined) meta.claudeVersion = this.version;
    return meta;
  }
}

/** Basename that works for POSIX and Windows paths alike (a transcript may come from another machine). */
function lastPathSegment(p: string): string | undefined {
  const parts = p.split(/[\\/]+/).filter((s) => s !== '');
  return parts[parts.length - 1];
}
