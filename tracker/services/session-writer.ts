// The one write path for sessions (push, append, upload, ingest): upsert by session id, insert events by uuid.
import type {
  EventItem,
  PointerSource,
  SessionSource,
  SessionStatus,
  StoredEvent,
  Visibility,
} from '../../src/core/api/index.js';
import { projectName, projectSlug } from '../../src/core/api/index.js';
import type { ReadStats, Session, SessionMeta, SessionTotals } from '../../src/core/model/session.js';
import type { Repositories, SessionPatch, SessionRow } from '../db/repositories/index.js';
import { searchableText, sessionEventItems, toEventRow, safeJson } from './event-rows.js';
import { newSlug, projectId as projectIdFor } from './ids.js';
import { parseTime } from './time.js';

export interface SessionWrite {
  userId: string;
  sessionId: string;
  /** Meta fields known now; merged over what is stored. */
  meta?: Partial<SessionMeta>;
  items: EventItem[];
  /** Original lengths of events whose content was cut (by uuid). */
  truncated?: Map<string, number>;
  /** Replaces the stored totals (the client knows tokens and cost); a fork's `inherited` part is kept apart. */
  totals?: SessionTotals;
  /** Replaces the stored reader stats (skipped lines and why). */
  stats?: ReadStats;
  /** Added to the stored totals (ingest reports per-message usage). */
  increments?: { tokensInput?: number; tokensOutput?: number; costUsd?: number; messages?: number };
  status?: SessionStatus;
  source: SessionSource;
  visibility?: Visibility;
  title?: string;
  tags?: string[];
  turnInfo?: Array<{ index: number; startedAt?: string; endedAt?: string }>;
  sidechainInfo?: Array<{ agentId: string; toolUseId?: string }>;
  /** Explicit activity times (ingest): merged like event timestamps. */
  times?: { startedAt?: number | null; endedAt?: number | null };
  pointerSource: PointerSource;
}

export interface SessionWriteResult {
  row: SessionRow;
  /** The session's project id (null when neither cwd nor project name is known). */
  projectId: string | null;
  inserted: StoredEvent[];
  duplicates: number;
  created: boolean;
}

/** A whole Session as one write (push, upload, and a session derived from its entries): replaces totals and stats. */
export function fullSessionWrite(
  userId: string,
  s: Session,
  extra: {
    source: SessionSource;
    status?: SessionStatus;
    visibility?: Visibility;
    title?: string;
    tags?: string[];
  },
): SessionWrite {
  return {
    userId,
    sessionId: s.meta.id,
    // The redaction report rides along in the stored meta blob so exports can show it.
    meta: (s.redaction ? { ...s.meta, redaction: s.redaction } : s.meta) as Partial<SessionMeta>,
    items: sessionEventItems(s),
    totals: s.totals,
    status: extra.status ?? 'completed',
    source: extra.source,
    visibility: extra.visibility,
    title: extra.title,
    tags: extra.tags,
    turnInfo: s.turns.map((t) => ({ index: t.index, startedAt: t.startedAt, endedAt: t.endedAt })),
    sidechainInfo: s.sidechains.map((sc) => ({ agentId: sc.agentId, toolUseId: sc.toolUseId })),
    stats: s.stats,
    pointerSource: extra.source,
  };
}

export async function writeSession(
  repos: Repositories,
  w: SessionWrite,
  now: number,
): Promise<SessionWriteResult> {
  const items = dedupe(w.items);
  let existing = await repos.sessions.lockByUserAndId(w.userId, w.sessionId);
  const storedMeta = existing ? (safeJson(existing.meta) as Partial<SessionMeta> | undefined) : undefined;
  const meta: SessionMeta = { models: [], ...storedMeta, ...definedOnly(w.meta ?? {}), id: w.sessionId };

  const projectId = await resolveProject(repos, w.userId, meta, existing, now);
  const created = !existing;
  if (!existing) {
    await repos.sessions.insertIfAbsent(newRow(w, meta, projectId, now));
    existing = await repos.sessions.lockByUserAndId(w.userId, w.sessionId);
    if (!existing) throw new Error('session row vanished after insert');
  }
  const row = existing;

  const insertedUuids = await repos.events.insertMany(
    row.pk,
    items.map((it) => toEventRow(it, w.truncated?.get(it.event.uuid) ?? null)),
  );
  const insertedItems = items.filter((it) => insertedUuids.has(it.event.uuid));
  const searchable = insertedItems
    .map((it) => searchableText(it.event))
    .filter((t): t is string => t !== null);
  if (searchable.length > 0) await repos.events.index(row.pk, searchable);

  const patch: SessionPatch = {
    ...counters(row, insertedItems, w),
    ...timing(row, meta, insertedItems, w),
    project_id: projectId ?? row.project_id,
    meta: JSON.stringify(meta),
    main_model: meta.models?.[0] ?? null,
    cwd: meta.cwd ?? row.cwd,
    git_branch: meta.gitBranch ?? row.git_branch,
    parent_session_id: meta.parentSessionId ?? row.parent_session_id,
    title: w.title ?? row.title ?? meta.title ?? null,
    status: w.status ?? row.status,
    updated_at: now,
  };
  if (w.visibility && w.visibility !== row.visibility) {
    patch.visibility = w.visibility;
    if (w.visibility === 'private') patch.share_slug = newSlug();
  }
  if (w.turnInfo) patch.turn_info = JSON.stringify(w.turnInfo);
  if (w.sidechainInfo) patch.sidechain_info = JSON.stringify(w.sidechainInfo);
  if (w.stats) patch.read_stats = JSON.stringify(w.stats);
  await repos.sessions.update(row.pk, patch);
  if (w.tags) await repos.sessions.setTags(row.pk, w.tags);

  const updated: SessionRow = { ...row, ...(patch as Partial<SessionRow>) };
  // The usage report's own tool counts follow the totals, and a fork's own tool_call events (session-tools.ts).
  if (w.totals || insertedItems.some((it) => it.event.kind === 'tool_call'))
    await repos.sessionTools.sync({ ...updated, pk: Number(row.pk) });
  // A trashed session keeps receiving appends (session-actions.ts) but never becomes a project's latest again.
  if (projectId && updated.deleted_at === null) {
    await repos.projects.movePointer(
      projectId,
      { sessionId: w.sessionId, at: updated.activity_at, source: w.pointerSource },
      false,
    );
  }
  return {
    row: updated,
    projectId,
    inserted: insertedItems.map((it) => {
      const t = w.truncated?.get(it.event.uuid);
      return t === undefined ? it : { ...it, truncatedFrom: t };
    }),
    duplicates: items.length - insertedItems.length + (w.items.length - items.length),
    created,
  };
}

/** The project id for the session, creating or refreshing the project row only when something changed. */
async function resolveProject(
  repos: Repositories,
  userId: string,
  meta: SessionMeta,
  existing: SessionRow | undefined,
  now: number,
): Promise<string | null> {
  const slug = projectSlug(meta);
  if (!slug) return existing?.project_id ?? null;
  const id = projectIdFor(userId, slug);
  // The hot append path: same project, same cwd, nothing to write (the FK guarantees the row exists).
  if (existing?.project_id === id && (meta.cwd ?? null) === existing.cwd) return id;
  const row = await repos.projects.upsert({
    id,
    userId,
    slug,
    name: projectName(meta) ?? slug,
    cwd: meta.cwd ?? null,
    now,
  });
  return row.id;
}

function newRow(w: SessionWrite, meta: SessionMeta, projectId: string | null, now: number) {
  return {
    id: w.sessionId,
    user_id: w.userId,
    project_id: projectId,
    title: w.title ?? meta.title ?? null,
    status: w.status ?? 'active',
    source: w.source,
    visibility: w.visibility ?? 'private',
    share_slug: newSlug(),
    starred: 0,
    archived: 0,
    cwd: meta.cwd ?? null,
    git_branch: meta.gitBranch ?? null,
    parent_session_id: meta.parentSessionId ?? null,
    meta: JSON.stringify(meta),
    turn_info: '[]',
    sidechain_info: '[]',
    started_at: null,
    ended_at: null,
    duration_ms: 0,
    activity_at: now,
    event_count: 0,
    tokens_input: 0,
    tokens_output: 0,
    tokens_cache_read: 0,
    tokens_cache_write: 0,
    cost_usd: null,
    turns: 0,
    prompts: 0,
    messages: 0,
    tool_calls: 0,
    tool_errors: 0,
    tools: '{}',
    files_touched: '[]',
    created_at: now,
    updated_at: now,
  };
}

function counters(row: SessionRow, inserted: EventItem[], w: SessionWrite): SessionPatch {
  const out: SessionPatch = { event_count: Number(row.event_count) + inserted.length };
  if (w.totals) {
    const t = w.totals;
    Object.assign(out, {
      tokens_input: t.tokens.input,
      tokens_output: t.tokens.output,
      tokens_cache_read: t.tokens.cacheRead,
      tokens_cache_write: t.tokens.cacheWrite,
      cost_usd: t.costUsd,
      turns: t.turns,
      prompts: t.prompts,
      messages: t.messages,
      tool_calls: t.toolCalls,
      tool_errors: t.toolErrors,
      tools: JSON.stringify(t.tools),
      files_touched: JSON.stringify(t.filesTouched),
      ...inheritedColumns(t),
      subagent_usage: t.subagents?.length ? JSON.stringify(t.subagents) : null,
    });
  } else if (inserted.length > 0) {
    const tools = (safeJson(row.tools) as Record<string, number> | undefined) ?? {};
    let prompts = 0,
      messages = 0,
      toolCalls = 0,
      toolErrors = 0,
      maxTurn = -1;
    for (const { event: e, turnIndex } of inserted) {
      if (!e.agentId) maxTurn = Math.max(maxTurn, turnIndex);
      if (e.kind === 'prompt') prompts++;
      else if (e.kind === 'text') messages++;
      else if (e.kind === 'tool_call') {
        toolCalls++;
        tools[e.name] = (tools[e.name] ?? 0) + 1;
      } else if (e.kind === 'tool_result' && e.isError) toolErrors++;
    }
    Object.assign(out, {
      prompts: Number(row.prompts) + prompts,
      messages: Number(row.messages) + messages,
      tool_calls: Number(row.tool_calls) + toolCalls,
      tool_errors: Number(row.tool_errors) + toolErrors,
      turns: Math.max(Number(row.turns), maxTurn + 1),
      tools: toolCalls > 0 ? JSON.stringify(tools) : row.tools,
    });
  }
  // Usage belongs to its message: a redelivered (duplicate) message must not count twice.
  const inc = w.items.length === 0 || inserted.length > 0 ? w.increments : undefined;
  if (inc) {
    out.tokens_input = Number(out.tokens_input ?? row.tokens_input) + (inc.tokensInput ?? 0);
    out.tokens_output = Number(out.tokens_output ?? row.tokens_output) + (inc.tokensOutput ?? 0);
    if (inc.costUsd !== undefined) out.cost_usd = Number(out.cost_usd ?? row.cost_usd ?? 0) + inc.costUsd;
  }
  return out;
}

/** A fork's inherited part: JSON for the API, numbers for project sums (zero when the session is no fork). */
function inheritedColumns(t: SessionTotals): SessionPatch {
  const i = t.inherited;
  return {
    inherited_totals: i ? JSON.stringify(i) : null,
    inherited_duration_ms: i?.durationMs ?? 0,
    inherited_tokens_input: i?.tokens.input ?? 0,
    inherited_tokens_output: i?.tokens.output ?? 0,
    inherited_tokens_cache_read: i?.tokens.cacheRead ?? 0,
    inherited_tokens_cache_write: i?.tokens.cacheWrite ?? 0,
    inherited_cost_usd: i?.costUsd ?? 0,
  };
}

/** started = earliest, ended = latest of what is stored, the meta, the new events and explicit times. */
function timing(row: SessionRow, meta: SessionMeta, inserted: EventItem[], w: SessionWrite): SessionPatch {
  let started = row.started_at === null ? null : Number(row.started_at);
  let ended = row.ended_at === null ? null : Number(row.ended_at);
  const see = (ms: number | null | undefined) => {
    if (ms === null || ms === undefined) return;
    started = started === null ? ms : Math.min(started, ms);
    ended = ended === null ? ms : Math.max(ended, ms);
  };
  see(parseTime(meta.startedAt));
  see(parseTime(meta.endedAt));
  see(w.times?.startedAt);
  see(w.times?.endedAt);
  for (const t of w.turnInfo ?? []) {
    see(parseTime(t.startedAt));
    see(parseTime(t.endedAt));
  }
  for (const it of inserted) see(parseTime(it.event.timestamp));
  const duration = started !== null && ended !== null ? Math.max(0, ended - started) : 0;
  return {
    started_at: started,
    ended_at: ended,
    duration_ms: duration,
    activity_at: ended ?? started ?? Number(row.activity_at),
  };
}

function dedupe(items: EventItem[]): EventItem[] {
  const seen = new Set<string>();
  return items.filter((it) => (seen.has(it.event.uuid) ? false : (seen.add(it.event.uuid), true)));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
