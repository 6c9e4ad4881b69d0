// Maps one transcript record (user, assistant or system) to the SessionEvents it contributes.
import type { ReadStats, SessionEvent } from '../model/session.js';
import {
  classifyUserText,
  flattenToolResultContent,
  taskNotificationText,
  type UserText,
} from './content.js';
import { isObj, objAt, str, type Obj } from './guards.js';
import { countUnknownType } from './read-stats.js';

/** Fields shared by every event of one record. */
export interface RecordContext {
  uuid: string;
  parentUuid?: string | null;
  timestamp?: string;
  agentId?: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event without the fields every event of a record shares. */
type EventFields = DistributiveOmit<SessionEvent, 'uuid' | 'parentUuid' | 'timestamp' | 'agentId'>;

/** Collects a record's events, numbering uuids `uuid`, `uuid#1`, `uuid#2`… in block order. */
class EventList {
  readonly events: SessionEvent[] = [];
  constructor(private readonly ctx: RecordContext) {}

  add(fields: EventFields): void {
    const n = this.events.length;
    const e = { uuid: n === 0 ? this.ctx.uuid : `${this.ctx.uuid}#${n}`, ...fields } as SessionEvent;
    if (this.ctx.parentUuid !== undefined) e.parentUuid = this.ctx.parentUuid;
    if (this.ctx.timestamp !== undefined) e.timestamp = this.ctx.timestamp;
    if (this.ctx.agentId !== undefined) e.agentId = this.ctx.agentId;
    this.events.push(e);
  }

  addUserText(t: UserText): void {
    if (t.kind === 'system') this.add({ kind: 'system', subtype: t.subtype, text: t.text });
    else if (t.command) this.add({ kind: 'prompt', text: t.text, command: t.command });
    else this.add({ kind: 'prompt', text: t.text });
  }
}

/**
 * A user record Claude Code wrote on its own (2.1.332: a background task's completion notice carries
 * `origin.kind: "task-notification"` and `promptSource: "system"`): the system subtype to show it as, else undefined.
 */
function systemOrigin(rec: Obj): string | undefined {
  const kind = str(objAt(rec, 'origin')?.kind);
  if (kind === 'task-notification') return 'task_notification';
  if (rec.promptSource === 'system') return kind !== undefined ? kind.replace(/-/g, '_') : 'system_prompt';
  return undefined;
}

/** Events of a non-meta `user` record: the typed prompt and/or tool results. */
export function userRecordEvents(rec: Obj, ctx: RecordContext): SessionEvent[] {
  const list = new EventList(ctx);
  const content = objAt(rec, 'message')?.content;
  if (rec.isCompactSummary === true) {
    const text = typeof content === 'string' ? content : flattenToolResultContent(content);
    list.add({ kind: 'system', subtype: 'compaction_summary', text });
    return list.events;
  }
  const origin = systemOrigin(rec);
  if (origin !== undefined && (typeof content === 'string' || !hasToolResult(content))) {
    const raw = typeof content === 'string' ? content : flattenToolResultContent(content);
    const text = origin === 'task_notification' ? taskNotificationText(raw) : raw;
    list.add({ kind: 'system', subtype: origin, text });
    return list.events;
  }
  if (typeof content === 'string') {
    if (content.trim() !== '') list.addUserText(classifyUserText(content));
    return list.events;
  }
  if (!Array.isArray(content)) return list.events;
  // Text (and image) blocks form one prompt, placed where its first block was; tool results keep their order.
  const texts: string[] = [];
  let firstText = -1;
  for (let i = 0; i < content.length; i++) {
    const t = userBlockText(content[i]);
    if (t === undefined) continue;
    texts.push(t);
    if (firstText === -1) firstText = i;
  }
  for (let i = 0; i < content.length; i++) {
    const block: unknown = content[i];
    if (i === firstText) list.addUserText(classifyUserText(texts.join('\n\n')));
    else if (isObj(block) && block.type === 'tool_result') {
      list.add({
        kind: 'tool_result',
        toolUseId: str(block.tool_use_id) ?? '',
        content: flattenToolResultContent(block.content),
        isError: block.is_error === true,
      });
    }
  }
  return list.events;
}

function hasToolResult(content: unknown): boolean {
  return Array.isArray(content) && content.some((b) => isObj(b) && b.type === 'tool_result');
}

/**
 * Events of an `attachment` record, or null when it is bookkeeping (skipped and counted). Claude Code 2.1.332
 * writes a prompt typed while a turn runs ONLY as `attachment.type: "queued_command"` (`prompt`, `commandMode`),
 * at the point it delivered it to the model; a background task's completion notice can come the same way.
 */
export function attachmentRecordEvents(rec: Obj, ctx: RecordContext): SessionEvent[] | null {
  const att = objAt(rec, 'attachment');
  if (att?.type !== 'queued_command') return null;
  const raw = att.prompt;
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) ? queuedBlocksText(raw) : '';
  const list = new EventList(ctx);
  if (text.trim() === '') return list.events;
  const mode = str(att.commandMode);
  if (mode === 'task-notification' || str(objAt(att, 'origin')?.kind) === 'task-notification') {
    list.add({ kind: 'system', subtype: 'task_notification', text: taskNotificationText(text) });
  } else if (mode === 'bash') {
    list.add({ kind: 'prompt', text: text.startsWith('!') ? text : `!${text}` });
  } else {
    list.addUserText(classifyUserText(text));
  }
  return list.events;
}

function queuedBlocksText(blocks: unknown[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    const t = userBlockText(b);
    if (t !== undefined) parts.push(t);
  }
  return parts.join('\n\n');
}

function userBlockText(block: unknown): string | undefined {
  if (!isObj(block)) return undefined;
  if (block.type === 'image') return '[image]';
  if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') return block.text;
  return undefined;
}

/** Events of an `assistant` record: text, thinking and tool calls; API error records become system events. */
export function assistantRecordEvents(rec: Obj, ctx: RecordContext, stats: ReadStats): SessionEvent[] {
  const list = new EventList(ctx);
  const msg = objAt(rec, 'message');
  const content = msg?.content;
  if (rec.isApiErrorMessage === true) {
    const text =
      typeof content === 'string' ? content : Array.isArray(content) ? flattenToolResultContent(content) : '';
    list.add({ kind: 'system', subtype: 'api_error', text: text || str(rec.error) || 'API error' });
    return list.events;
  }
  const messageId = str(msg?.id);
  const model = str(msg?.model);
  if (typeof content === 'string') {
    if (content !== '') list.add(textEvent(content, messageId, model));
    return list.events;
  }
  if (!Array.isArray(content)) return list.events;
  for (const block of content) {
    if (!isObj(block)) continue;
    const type = block.type;
    if (type === 'text') {
      if (typeof block.text === 'string' && block.text !== '')
        list.add(textEvent(block.text, messageId, model));
    } else if (type === 'thinking') {
      if (typeof block.thinking === 'string' && block.thinking !== '') {
        list.add({ kind: 'thinking', text: block.thinking });
      }
    } else if (type === 'tool_use' || type === 'server_tool_use' || type === 'mcp_tool_use') {
      list.add({
        kind: 'tool_call',
        toolUseId: str(block.id) ?? '',
        name: str(block.name) ?? 'unknown',
        input: block.input ?? {},
      });
    } else if (typeof type === 'string' && type.endsWith('_tool_result')) {
      list.add({
        kind: 'tool_result',
        toolUseId: str(block.tool_use_id) ?? '',
        content: flattenToolResultContent(block.content),
        isError: block.is_error === true,
      });
    } else if (type !== 'redacted_thinking') {
      countUnknownType(stats, `block:${typeof type === 'string' ? type : 'untyped'}`);
    }
  }
  return list.events;
}

function textEvent(text: string, messageId: string | undefined, model: string | undefined) {
  const e: { kind: 'text'; text: string; messageId?: string; model?: string } = { kind: 'text', text };
  if (messageId !== undefined) e.messageId = messageId;
  if (model !== undefined) e.model = model;
  return e;
}

/**
 * A `system` record's event, if it is one worth showing: compaction boundaries, API errors, and other records
 * Claude Code marked as errors. Bookkeeping subtypes (stop_hook_summary, turn_duration, …) yield none.
 */
export function systemRecordEvents(rec: Obj, ctx: RecordContext, stats: ReadStats): SessionEvent[] {
  const list = new EventList(ctx);
  const subtype = str(rec.subtype) ?? '';
  if (subtype === 'compact_boundary') {
    stats.compactions++;
    const meta = objAt(rec, 'compactMetadata');
    const trigger = str(meta?.trigger);
    const pre = typeof meta?.preTokens === 'number' ? meta.preTokens : undefined;
    const detail = [trigger, pre !== undefined ? `${pre} tokens before` : undefined]
      .filter(Boolean)
      .join(', ');
    const text = str(rec.content) ?? 'Conversation compacted';
    list.add({ kind: 'system', subtype: 'compaction', text: detail ? `${text} (${detail})` : text });
  } else if (subtype === 'api_error') {
    list.add({ kind: 'system', subtype: 'api_error', text: apiErrorText(rec) });
  } else if (rec.level === 'error') {
    list.add({ kind: 'system', subtype: subtype || 'error', text: str(rec.content) ?? subtype });
  }
  return list.events;
}

function apiErrorText(rec: Obj): string {
  const err = rec.error;
  let message = str(rec.content) ?? str(err);
  if (message === undefined && isObj(err)) {
    message = str(err.message) ?? str(objAt(err, 'error')?.message) ?? str(err.type);
    const status = typeof err.status === 'number' ? err.status : undefined;
    if (status !== undefined) message = `${status} ${message ?? ''}`.trim();
  }
  const attempt = typeof rec.retryAttempt === 'number' ? rec.retryAttempt : undefined;
  const max = typeof rec.maxRetries === 'number' ? rec.maxRetries : undefined;
  const retry = attempt !== undefined ? ` (retry ${attempt}${max !== undefined ? `/${max}` : ''})` : '';
  return `API error: ${message ?? 'unknown'}${retry}`;
}
