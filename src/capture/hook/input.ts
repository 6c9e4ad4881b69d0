// The one adapter from hook stdin to a typed value: a hand-written guard, because zod costs start-up time here.
import { isSafeSessionId } from '../outbox/paths.js';

export const HOOK_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'Stop',
  'SubagentStop',
  'PreCompact',
  'SessionEnd',
] as const;
export type HookEventName = (typeof HOOK_EVENTS)[number];

export function isHookEventName(v: unknown): v is HookEventName {
  return typeof v === 'string' && (HOOK_EVENTS as readonly string[]).includes(v);
}

/** Every field but the event and session id is optional: Claude Code adds and drops fields between releases. */
export interface HookInput {
  event: HookEventName;
  sessionId: string;
  transcriptPath?: string;
  cwd?: string;
  promptId?: string;
  permissionMode?: string;
  /** SessionStart */
  source?: string;
  model?: string;
  /** UserPromptSubmit */
  prompt?: string;
  /** PreToolUse / PostToolUse */
  toolName?: string;
  toolInput?: unknown;
  toolResponse?: unknown;
  toolUseId?: string;
  durationMs?: number;
  /** Stop / SubagentStop */
  lastAssistantMessage?: string;
  stopHookActive?: boolean;
  agentId?: string;
  agentType?: string;
  agentTranscriptPath?: string;
  /** PreCompact */
  trigger?: string;
  customInstructions?: string;
  /** SessionEnd */
  reason?: string;
}

export type ParsedHookInput = { ok: true; input: HookInput } | { ok: false; reason: string };

/**
 * Parses hook stdin. The event comes from the command line (hooks.json names it), else from `hook_event_name`.
 * Only a usable session id is required; wrongly typed optional fields are dropped, never fatal.
 */
export function parseHookInput(text: string, eventArg: string | undefined): ParsedHookInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `stdin is not JSON (${text.length} chars)` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, reason: 'stdin is not a JSON object' };
  const o = raw as Record<string, unknown>;
  const event = isHookEventName(eventArg) ? eventArg : o.hook_event_name;
  if (!isHookEventName(event))
    return { ok: false, reason: `unknown hook event ${JSON.stringify(eventArg ?? null)}` };
  const sessionId = o.session_id;
  if (typeof sessionId !== 'string' || !isSafeSessionId(sessionId)) {
    return { ok: false, reason: 'missing or unusable session_id' };
  }
  const input: HookInput = { event, sessionId };
  setStr(input, 'transcriptPath', o.transcript_path);
  setStr(input, 'cwd', o.cwd);
  setStr(input, 'promptId', o.prompt_id);
  setStr(input, 'permissionMode', o.permission_mode);
  setStr(input, 'source', o.source);
  setStr(input, 'model', typeof o.model === 'object' && o.model ? (o.model as { id?: unknown }).id : o.model);
  setStr(input, 'prompt', o.prompt);
  setStr(input, 'toolName', o.tool_name);
  if ('tool_input' in o) input.toolInput = o.tool_input;
  if ('tool_response' in o) input.toolResponse = o.tool_response;
  setStr(input, 'toolUseId', o.tool_use_id);
  if (typeof o.duration_ms === 'number' && Number.isFinite(o.duration_ms)) input.durationMs = o.duration_ms;
  setStr(input, 'lastAssistantMessage', o.last_assistant_message);
  if (typeof o.stop_hook_active === 'boolean') input.stopHookActive = o.stop_hook_active;
  setStr(input, 'agentId', o.agent_id);
  setStr(input, 'agentType', o.agent_type);
  setStr(input, 'agentTranscriptPath', o.agent_transcript_path);
  setStr(input, 'trigger', o.trigger);
  setStr(input, 'customInstructions', o.custom_instructions);
  setStr(input, 'reason', o.reason);
  return { ok: true, input };
}

type StrKey = {
  [K in keyof HookInput]-?: HookInput[K] extends string | undefined ? K : never;
}[keyof HookInput];

function setStr(input: HookInput, key: StrKey, value: unknown): void {
  if (typeof value === 'string' && value !== '') (input as unknown as Record<string, string>)[key] = value;
}
