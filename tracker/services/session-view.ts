// Maps stored session rows to API shapes (summary, meta, totals) and back into the in-memory Session model.
import type {
  ProjectRef,
  SessionSource,
  SessionStatus,
  SessionSummary,
  Visibility,
} from '../../src/core/api/index.js';
import {
  InheritedTotals,
  ReadStats,
  RedactionReport,
  SessionMeta,
  SubagentUsage,
  type Session,
  type SessionTotals,
} from '../../src/core/model/session.js';
import type { EventRow, ProjectRow, Repositories, SessionRow } from '../db/repositories/index.js';
import { fromEventRow, safeJson } from './event-rows.js';
import { iso, isoOrNull } from './time.js';
import { sessionUrl } from './urls.js';

export function toTotals(r: SessionRow): SessionTotals {
  return {
    tokens: {
      input: Number(r.tokens_input),
      output: Number(r.tokens_output),
      cacheRead: Number(r.tokens_cache_read),
      cacheWrite: Number(r.tokens_cache_write),
    },
    costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
    turns: Number(r.turns),
    prompts: Number(r.prompts),
    messages: Number(r.messages),
    toolCalls: Number(r.tool_calls),
    toolErrors: Number(r.tool_errors),
    tools: (safeJson(r.tools) as Record<string, number> | undefined) ?? {},
    filesTouched: (safeJson(r.files_touched) as string[] | undefined) ?? [],
    durationMs: Number(r.duration_ms),
    ...inherited(r),
    ...subagentUsage(r),
  };
}

/** Each subagent's usage by spawning call; a row written before migration 7, or unreadable, has none. */
function subagentUsage(r: SessionRow): { subagents?: SubagentUsage[] } {
  if (r.subagent_usage === null || r.subagent_usage === undefined) return {};
  const parsed = SubagentUsage.array().safeParse(safeJson(r.subagent_usage));
  return parsed.success && parsed.data.length > 0 ? { subagents: parsed.data } : {};
}

function inherited(r: SessionRow): { inherited?: InheritedTotals } {
  if (r.inherited_totals === null || r.inherited_totals === undefined) return {};
  const parsed = InheritedTotals.safeParse(safeJson(r.inherited_totals));
  return parsed.success ? { inherited: parsed.data } : {};
}

/** The reader stats the client sent (skipped lines and why), when it sent them. */
export function toReadStats(r: SessionRow): ReadStats | undefined {
  if (r.read_stats === null || r.read_stats === undefined) return undefined;
  const parsed = ReadStats.safeParse(safeJson(r.read_stats));
  return parsed.success ? parsed.data : undefined;
}

export function toMeta(r: SessionRow): SessionMeta {
  const parsed = SessionMeta.safeParse(safeJson(r.meta));
  const meta: SessionMeta = parsed.success ? parsed.data : { id: r.id, models: [] };
  const title = r.title ?? undefined;
  return {
    ...meta,
    id: r.id,
    ...(title ? { title } : {}),
    ...(r.started_at !== null ? { startedAt: iso(Number(r.started_at)) } : {}),
    ...(r.ended_at !== null ? { endedAt: iso(Number(r.ended_at)) } : {}),
  };
}

export function toProjectRef(p: ProjectRow | null | undefined): ProjectRef | null {
  return p ? { id: p.id, slug: p.slug, name: p.name } : null;
}

export function toSummary(
  r: SessionRow & { score?: number },
  ctx: { project: ProjectRow | null | undefined; tags: string[]; baseUrl: string },
): SessionSummary {
  const meta = toMeta(r);
  const out: SessionSummary = {
    id: r.id,
    title: r.title,
    status: r.status as SessionStatus,
    source: r.source as SessionSource,
    visibility: r.visibility as Visibility,
    shareSlug: r.visibility === 'private' ? null : r.share_slug,
    project: toProjectRef(ctx.project),
    cwd: r.cwd,
    gitBranch: r.git_branch,
    models: meta.models,
    parentSessionId: r.parent_session_id,
    tags: ctx.tags,
    starred: Number(r.starred) === 1,
    archived: Number(r.archived) === 1,
    startedAt: isoOrNull(r.started_at),
    endedAt: isoOrNull(r.ended_at),
    durationMs: Number(r.duration_ms),
    createdAt: iso(Number(r.created_at)),
    updatedAt: iso(Number(r.updated_at)),
    eventCount: Number(r.event_count),
    entryCount: Number(r.entry_count ?? 0),
    projectKey: r.project_key ?? null,
    totals: toTotals(r),
    url: sessionUrl(ctx.baseUrl, r),
  };
  if (r.score !== undefined) out.score = r.score;
  return out;
}

/** Summaries for many rows with their projects and tags fetched in two queries. */
export async function toSummaries(
  repos: Repositories,
  rows: Array<SessionRow & { score?: number }>,
  baseUrl: string,
): Promise<SessionSummary[]> {
  const pks = rows.map((r) => Number(r.pk));
  const projectIds = [...new Set(rows.map((r) => r.project_id).filter((p): p is string => p !== null))];
  const [tags, projects] = await Promise.all([repos.sessions.tagsFor(pks), repos.projects.byIds(projectIds)]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return rows.map((r) =>
    toSummary(r, {
      project: r.project_id ? byId.get(r.project_id) : null,
      tags: tags.get(Number(r.pk)) ?? [],
      baseUrl,
    }),
  );
}

/** The client's redaction report, when the pushed session carried one. */
export function toRedaction(r: SessionRow): RedactionReport | undefined {
  const blob = safeJson(r.meta) as { redaction?: unknown } | undefined;
  const parsed = RedactionReport.safeParse(blob?.redaction);
  return parsed.success ? parsed.data : undefined;
}

type TurnInfo = { index: number; startedAt?: string; endedAt?: string };
type SidechainInfo = { agentId: string; toolUseId?: string };

export function turnInfo(r: SessionRow): TurnInfo[] {
  return (safeJson(r.turn_info) as TurnInfo[] | undefined) ?? [];
}

export function sidechainInfo(r: SessionRow): SidechainInfo[] {
  return (safeJson(r.sidechain_info) as SidechainInfo[] | undefined) ?? [];
}

/**
 * Sidechains in the order the client listed them (the order the parent spawned them, as every export shows them),
 * not the storage order; any the client did not list keep their stored order, after the listed ones.
 */
export function inSpawnOrder<T extends { agentId: string }>(list: T[], r: SessionRow): T[] {
  const rank = new Map(sidechainInfo(r).map((s, i) => [s.agentId, i]));
  const at = (x: T): number => rank.get(x.agentId) ?? Number.MAX_SAFE_INTEGER;
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => at(a.x) - at(b.x) || a.i - b.i)
    .map(({ x }) => x);
}

/** Rebuilds the in-memory Session from a row and its events (in stored order). */
export function toSession(r: SessionRow, events: EventRow[]): Session {
  const turns = new Map<number, Session['turns'][number]>();
  const sidechains = new Map<string, Session['sidechains'][number]>();
  const infoByTurn = new Map(turnInfo(r).map((t) => [t.index, t]));
  const toolUseByAgent = new Map(sidechainInfo(r).map((s) => [s.agentId, s.toolUseId]));
  for (const row of events) {
    const { event, turnIndex } = fromEventRow(row);
    if (row.agent_id === '') {
      let t = turns.get(turnIndex);
      if (!t) {
        const info = infoByTurn.get(turnIndex);
        t = {
          index: turnIndex,
          ...(info?.startedAt ? { startedAt: info.startedAt } : {}),
          ...(info?.endedAt ? { endedAt: info.endedAt } : {}),
          events: [],
        };
        turns.set(turnIndex, t);
      }
      t.events.push(event);
    } else {
      let sc = sidechains.get(row.agent_id);
      if (!sc) {
        const toolUseId = toolUseByAgent.get(row.agent_id);
        sc = { agentId: row.agent_id, ...(toolUseId ? { toolUseId } : {}), events: [] };
        sidechains.set(row.agent_id, sc);
      }
      sc.events.push(event);
    }
  }
  const redaction = toRedaction(r);
  const stats = toReadStats(r);
  return {
    schemaVersion: 1,
    meta: toMeta(r),
    turns: [...turns.values()].sort((a, b) => a.index - b.index),
    sidechains: inSpawnOrder([...sidechains.values()], r),
    totals: toTotals(r),
    ...(stats ? { stats } : {}),
    ...(redaction ? { redaction } : {}),
  };
}
