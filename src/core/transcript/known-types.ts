// Record types Claude Code writes that carry no conversation events (bookkeeping, titles, snapshots, state).

/**
 * Taken from the record-type table of Claude Code 2.1.330 (its transcript writer's own list) plus older names.
 * Anything not listed here and not user/assistant/system is counted in `stats.unknownTypes`.
 */
export const NON_EVENT_TYPES: ReadonlySet<string> = new Set([
  'attachment',
  'progress',
  'summary',
  'custom-title',
  'ai-title',
  'tag',
  'last-prompt',
  'queue-operation',
  'cost-state',
  'file-history-snapshot',
  'file-history-delta',
  'attribution-snapshot',
  'ended-by-model',
  'continued-in',
  'relocated',
  'agent-name',
  'agent-color',
  'agent-setting',
  'pr-link',
  'frame-link',
  'artifact-comment-monitor',
  'artifact-autoreact-ledger',
  'bridge-session',
  'history-suppression',
  'mode',
  'permission-mode',
  'isolation-latch',
  'session-owner',
  'dev-mods',
  'memory-mode',
  'atis-latch',
  'tools-used',
  'data-flow-records',
  'data-flow-incomplete',
  'derived-from',
  'worktree-state',
  'content-replacement',
  'api-request-shape',
  'api-request-blob',
  'api-request',
  'api-request-resumed',
  'fork-context-ref',
  'observer-ref',
  'resume-head-vouch',
]);

/** Tool names whose calls spawn a subagent (the Task tool was renamed Agent). */
export const AGENT_TOOL_NAMES: ReadonlySet<string> = new Set(['Task', 'Agent']);

/** Tools whose file argument counts as a file the session touched (Read does not touch). */
export const FILE_WRITING_TOOLS: ReadonlySet<string> = new Set([
  'Write',
  'Edit',
  'MultiEdit',
  'NotebookEdit',
]);
