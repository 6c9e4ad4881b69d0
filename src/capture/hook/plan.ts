// Hook handlers: what each event contributes to the outbox, as plain entries plus the transcripts to sweep.
import type { HookInput } from './input.js';
import type { OutboxEntry, SweepTarget } from '../outbox/writer.js';

/**
 * Hook payload fields above this many characters are cut: the transcript copy carries the full text anyway, and a
 * multi-megabyte tool response should not make every later reader parse it twice.
 */
export const MAX_FIELD_CHARS = 256 * 1024;

export interface HookPlan {
  entries: OutboxEntry[];
  sweep: SweepTarget[];
}

export function planHook(input: HookInput): HookPlan {
  const sweep: SweepTarget[] = input.transcriptPath ? [{ path: input.transcriptPath }] : [];
  if (input.event === 'SubagentStop' && input.agentTranscriptPath) {
    sweep.push(
      input.agentId
        ? { path: input.agentTranscriptPath, agentId: input.agentId }
        : { path: input.agentTranscriptPath },
    );
  }
  const truncated: string[] = [];
  const cap: Cap = (field, value) => {
    const { value: v, cut } = capValue(value);
    if (cut) truncated.push(field);
    return v;
  };
  const entry = compact(entryFor(input, cap));
  return { sweep, entries: [truncated.length ? { ...entry, truncated } : entry] };
}

/** Cuts one field to MAX_FIELD_CHARS, noting its name when it was cut. */
type Cap = (field: string, value: unknown) => unknown;

/** The one outbox entry an event contributes: the payload fields readers need, long ones cut. */
function entryFor(input: HookInput, cap: Cap): OutboxEntry {
  switch (input.event) {
    case 'SessionStart':
      return {
        k: 'start',
        source: input.source,
        model: input.model,
        cwd: input.cwd,
        transcriptPath: input.transcriptPath,
      };
    case 'UserPromptSubmit':
      return {
        k: 'prompt',
        text: cap('text', input.prompt ?? ''),
        promptId: input.promptId,
        permissionMode: input.permissionMode,
        cwd: input.cwd,
      };
    case 'PreToolUse':
      return {
        k: 'tool_start',
        name: input.toolName ?? '',
        toolUseId: input.toolUseId,
        input: cap('input', input.toolInput),
        agentId: input.agentId,
      };
    case 'PostToolUse':
      return {
        k: 'tool_end',
        name: input.toolName ?? '',
        toolUseId: input.toolUseId,
        input: cap('input', input.toolInput),
        response: cap('response', input.toolResponse),
        durationMs: input.durationMs,
        agentId: input.agentId,
      };
    case 'Stop':
      return {
        k: 'stop',
        text: cap('text', input.lastAssistantMessage),
        stopHookActive: input.stopHookActive,
      };
    case 'SubagentStop':
      return {
        k: 'subagent_stop',
        agentId: input.agentId,
        agentType: input.agentType,
        agentTranscriptPath: input.agentTranscriptPath,
        text: cap('text', input.lastAssistantMessage),
      };
    case 'PreCompact':
      return { k: 'compact', trigger: input.trigger, instructions: input.customInstructions };
    case 'SessionEnd':
      // The transcript path lets the sender find the session's files (and its subagents) for the final sweep.
      return { k: 'end', reason: input.reason, transcriptPath: input.transcriptPath };
  }
}

/** Drops undefined fields so records stay small and readers see absent, not null. */
function compact(e: OutboxEntry): OutboxEntry {
  for (const key of Object.keys(e)) if (e[key] === undefined) delete e[key];
  return e;
}

export function capValue(value: unknown, max = MAX_FIELD_CHARS): { value: unknown; cut: boolean } {
  if (typeof value === 'string')
    return value.length > max ? { value: value.slice(0, max), cut: true } : { value, cut: false };
  if (value === null || typeof value !== 'object') return { value, cut: false };
  const json = JSON.stringify(value);
  return json.length > max ? { value: json.slice(0, max), cut: true } : { value, cut: false };
}
