// AgentPipe bridge ingest: conversation/message events mapped onto sessions and events, then published live.
import { createHash } from 'node:crypto';
import type { EventItem, IngestEvent, IngestResult, StoredEvent } from '../../src/core/api/index.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Caller, ServiceDeps } from './service-deps.js';
import { writeSession, type SessionWrite } from './session-writer.js';
import { parseTime } from './time.js';

/** Cuts content past `max` characters, with a visible marker; returns the original length when it cut. */
export function capContent(content: string, max: number): { text: string; originalLength: number | null } {
  if (content.length <= max) return { text: content, originalLength: null };
  return {
    text: `${content.slice(0, max)}\n[truncated: ${content.length} characters, ${max} kept]`,
    originalLength: content.length,
  };
}

function digest(...parts: Array<string | number | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\0'))
    .digest('base64url')
    .slice(0, 22);
}

interface Mapped {
  write: SessionWrite | null;
  truncated: boolean;
}

type EventOf<T extends IngestEvent['type']> = Extract<IngestEvent, { type: T }>;

/** What every mapped write shares, and the event's time and the content cap. */
interface MapContext {
  base: { userId: string; source: 'ingest'; pointerSource: 'ingest'; items: EventItem[] };
  at: ReturnType<typeof parseTime>;
  maxChars: number;
}

function mapEvent(e: IngestEvent, caller: Caller, maxChars: number): Mapped {
  const base = {
    userId: caller.userId,
    source: 'ingest' as const,
    pointerSource: 'ingest' as const,
    items: [] as EventItem[],
  };
  const m: MapContext = { base, at: parseTime(e.timestamp), maxChars };
  switch (e.type) {
    case 'conversation.started':
      return mapStarted(e, m);
    case 'message.created':
      return mapMessage(e, m);
    case 'conversation.completed':
      return {
        truncated: false,
        write: {
          ...base,
          sessionId: e.data.conversation_id,
          status: e.data.status,
          times: { endedAt: m.at },
        },
      };
    case 'conversation.error':
      return mapError(e, m);
    case 'bridge.test':
      return { write: null, truncated: false };
  }
}

/** A new conversation: its session, with the initial prompt as the first event and the agents' models. */
function mapStarted(e: EventOf<'conversation.started'>, { base, at, maxChars }: MapContext): Mapped {
  const d = e.data;
  const agents = d.participants ?? d.agents ?? [];
  const items: EventItem[] = [];
  let truncated = false;
  if (d.initial_prompt) {
    const c = capContent(d.initial_prompt, maxChars);
    truncated = c.originalLength !== null;
    items.push({
      seq: 0,
      turnIndex: 0,
      event: { kind: 'prompt', uuid: `${d.conversation_id}:prompt`, timestamp: e.timestamp, text: c.text },
    });
  }
  const models = [...new Set(agents.map((a) => a.model ?? a.agent_type).filter((m): m is string => !!m))];
  const truncMap = truncated
    ? new Map([[`${d.conversation_id}:prompt`, d.initial_prompt!.length]])
    : undefined;
  return {
    truncated,
    write: {
      ...base,
      sessionId: d.conversation_id,
      meta: {
        models,
        ...(d.project ? { project: d.project } : {}),
        ...(d.cwd ? { cwd: d.cwd } : {}),
        ...(d.initial_prompt ? { title: d.initial_prompt.slice(0, 120) } : {}),
      },
      items,
      truncated: truncMap,
      status: 'active',
      times: { startedAt: at },
    },
  };
}

/** One message: a prompt (user), a system note, or an agent's text, with its token and cost increments. */
function mapMessage(e: EventOf<'message.created'>, { base, at, maxChars }: MapContext): Mapped {
  const d = e.data;
  const uuid =
    d.message_id ??
    `${d.conversation_id}:${d.sequence_number ?? digest(e.timestamp, d.agent_name, d.content)}`;
  const c = capContent(d.content, maxChars);
  const role = (d.role ?? 'agent').toLowerCase();
  const author = d.agent_name ?? d.agent ?? d.agent_type;
  let event: SessionEvent;
  if (role === 'user') event = { kind: 'prompt', uuid, timestamp: e.timestamp, text: c.text };
  else if (role === 'system')
    event = { kind: 'system', uuid, timestamp: e.timestamp, subtype: 'agentpipe', text: c.text };
  else
    event = {
      kind: 'text',
      uuid,
      timestamp: e.timestamp,
      text: c.text,
      ...((d.model ?? author) ? { model: d.model ?? author } : {}),
    };
  const tokensOut = d.output_tokens ?? d.tokens_used ?? d.tokens ?? 0;
  return {
    truncated: c.originalLength !== null,
    write: {
      ...base,
      sessionId: d.conversation_id,
      items: [{ seq: d.sequence_number ?? 0, turnIndex: d.turn_number ?? 0, event }],
      truncated: c.originalLength !== null ? new Map([[uuid, c.originalLength]]) : undefined,
      increments: {
        tokensInput: d.input_tokens ?? 0,
        tokensOutput: tokensOut,
        ...(d.cost !== undefined ? { costUsd: d.cost } : {}),
      },
      times: { endedAt: at },
    },
  };
}

/** A failed conversation: status error, and the error as a system event. */
function mapError(e: EventOf<'conversation.error'>, { base, at, maxChars }: MapContext): Mapped {
  const d = e.data;
  const c = capContent(d.error_message, maxChars);
  const uuid = `${d.conversation_id}:error:${digest(e.timestamp, d.error_message)}`;
  const event: SessionEvent = {
    kind: 'system',
    uuid,
    timestamp: e.timestamp,
    subtype: d.error_type ?? 'error',
    text: c.text,
  };
  return {
    truncated: c.originalLength !== null,
    write: {
      ...base,
      sessionId: d.conversation_id,
      status: 'error',
      items: [{ seq: 0, turnIndex: 0, event }],
      times: { endedAt: at },
    },
  };
}

/** Applies a batch of ingest events in order, in one transaction. */
export async function ingest(
  deps: ServiceDeps,
  caller: Caller,
  events: IngestEvent[],
): Promise<IngestResult[]> {
  const now = deps.now();
  const max = deps.config.limits.ingestContentChars;
  const published: Array<{ sessionId: string | null; event: IngestEvent; inserted: StoredEvent[] }> = [];
  const results = await deps.store.transaction(async (repos: Repositories) => {
    const out: IngestResult[] = [];
    for (const e of events) {
      const mapped = mapEvent(e, caller, max);
      if (!mapped.write) {
        out.push({ type: e.type, sessionId: null, eventsInserted: 0, truncated: false });
        published.push({ sessionId: null, event: e, inserted: [] });
        continue;
      }
      const r = await writeSession(repos, mapped.write, now);
      // conversation.completed totals are authoritative for what AgentPipe counted.
      if (e.type === 'conversation.completed') await applyCompletedTotals(repos, r.row.pk, e);
      out.push({
        type: e.type,
        sessionId: r.row.id,
        eventsInserted: r.inserted.length,
        truncated: mapped.truncated,
      });
      published.push({ sessionId: r.row.id, event: e, inserted: r.inserted });
    }
    return out;
  });
  for (const p of published) {
    if (p.sessionId && p.inserted.length > 0) {
      deps.events.publish(p.sessionId, {
        type: 'events.appended',
        userId: caller.userId,
        sessionId: p.sessionId,
        events: p.inserted,
      });
    }
    deps.events.publish(p.sessionId ?? '', {
      type: 'ingest',
      userId: caller.userId,
      sessionId: p.sessionId,
      ingestType: p.event.type,
      data: p.event.data,
    });
  }
  return results;
}

async function applyCompletedTotals(
  repos: Repositories,
  pk: number,
  e: Extract<IngestEvent, { type: 'conversation.completed' }>,
) {
  const d = e.data;
  const patch: Record<string, number> = {};
  if (d.total_messages !== undefined) patch.messages = d.total_messages;
  if (d.total_turns !== undefined) patch.turns = d.total_turns;
  if (d.total_cost !== undefined) patch.cost_usd = d.total_cost;
  if (d.duration_seconds !== undefined) patch.duration_ms = Math.round(d.duration_seconds * 1000);
  if (Object.keys(patch).length > 0) await repos.sessions.update(pk, patch);
}
