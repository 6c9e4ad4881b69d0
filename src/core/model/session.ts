// The one normalized session model: the contract shared by exporters, the plugin's client and the tracker.
import { z } from 'zod';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

/** Fields every event carries. `uuid` is the transcript record uuid (suffixed `#n` for the n-th block of a record). */
const eventBase = {
  uuid: z.string().min(1).max(200),
  parentUuid: z.string().max(200).nullable().optional(),
  timestamp: z.string().max(64).optional(),
  /** Set on events that came from a subagent (sidechain) transcript. */
  agentId: z.string().max(200).optional(),
};

export const PromptEvent = z.object({
  ...eventBase,
  kind: z.literal('prompt'),
  text: z.string(),
  /** A typed slash command (`/plugin:cmd args`), when the prompt was one. */
  command: z.object({ name: z.string(), args: z.string() }).optional(),
});

export const TextEvent = z.object({
  ...eventBase,
  kind: z.literal('text'),
  text: z.string(),
  messageId: z.string().optional(),
  model: z.string().optional(),
});

export const ThinkingEvent = z.object({
  ...eventBase,
  kind: z.literal('thinking'),
  text: z.string(),
});

export const ToolCallEvent = z.object({
  ...eventBase,
  kind: z.literal('tool_call'),
  toolUseId: z.string(),
  name: z.string(),
  input: z.unknown(),
});

export const ToolResultEvent = z.object({
  ...eventBase,
  kind: z.literal('tool_result'),
  toolUseId: z.string(),
  content: z.string(),
  isError: z.boolean(),
});

/** Anything else worth showing in a timeline: compaction boundaries, API errors, notes, live status changes. */
export const SystemEvent = z.object({
  ...eventBase,
  kind: z.literal('system'),
  subtype: z.string(),
  text: z.string(),
});

export const SessionEvent = z.discriminatedUnion('kind', [
  PromptEvent,
  TextEvent,
  ThinkingEvent,
  ToolCallEvent,
  ToolResultEvent,
  SystemEvent,
]);

export const Turn = z.object({
  /** 0-based position of the turn in the session. */
  index: z.number().int().nonnegative(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  /** The prompt event (when the turn has one) comes first, then everything the assistant did. */
  events: z.array(SessionEvent),
});

export const TokenTotals = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  cacheWrite: z.number().int().nonnegative(),
});

/**
 * The part of a fork's totals it inherited from its parent (`--fork-session` copies the parent's history). The
 * totals themselves stay "everything in this transcript"; own = totals − inherited. Sums over several sessions
 * (a project page) add the own parts, so parent + fork never counts the shared history twice.
 */
export const InheritedTotals = z.object({
  tokens: TokenTotals,
  /** The copied history's usage at list prices (null when a model's price is unknown). */
  costUsd: z.number().nonnegative().nullable(),
  /** Time before the fork's own first record: own duration = durationMs − this. */
  durationMs: z.number().int().nonnegative(),
  turns: z.number().int().nonnegative(),
  prompts: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
});

/** One subagent's usage, attributed to the Agent/Task call that spawned it. Part of the session's totals. */
export const SubagentUsage = z.object({
  agentId: z.string(),
  /** The spawning call, when known. */
  toolUseId: z.string().optional(),
  tokens: TokenTotals,
  /** At list prices; null when a model's price is unknown. */
  costUsd: z.number().nonnegative().nullable(),
});

export const SessionTotals = z.object({
  tokens: TokenTotals,
  /** Estimated from public list prices; null when a model's price is unknown. */
  costUsd: z.number().nonnegative().nullable(),
  turns: z.number().int().nonnegative(),
  prompts: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  toolCalls: z.number().int().nonnegative(),
  toolErrors: z.number().int().nonnegative(),
  /** Calls per tool name. */
  tools: z.record(z.string(), z.number().int().nonnegative()),
  filesTouched: z.array(z.string()),
  durationMs: z.number().int().nonnegative(),
  /** Set on forks: what of the above was copied from the parent session. */
  inherited: InheritedTotals.optional(),
  /** Each subagent's share of the above, by spawning call, in spawn order (absent when there were none). */
  subagents: z.array(SubagentUsage).max(10_000).optional(),
});

export const SessionMeta = z.object({
  id: z.string().min(1).max(200),
  /** The working directory the session ran in. */
  cwd: z.string().optional(),
  /** A short project name (the cwd's last path segment unless known better). */
  project: z.string().optional(),
  gitBranch: z.string().optional(),
  /** The repository's `origin` (or first) remote, credentials removed: how another machine finds its checkout. */
  gitRemote: z.string().max(2000).optional(),
  /** The repository root the cwd was in, so `cwd` maps onto another checkout of the same repository. */
  gitRoot: z.string().max(4096).optional(),
  models: z.array(z.string()),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  title: z.string().optional(),
  /** The first prompt typed in the session (up to 500 chars): part of the summary sent at session end. */
  firstPrompt: z.string().max(2000).optional(),
  /** The session this one was forked from (`--fork-session`). */
  parentSessionId: z.string().optional(),
  claudeVersion: z.string().optional(),
});

export const Sidechain = z.object({
  agentId: z.string(),
  /** The Task/Agent tool call that spawned it, when known. */
  toolUseId: z.string().optional(),
  events: z.array(SessionEvent),
});

/** What the reader saw but could not (or chose not to) turn into events. Never fatal. */
export const ReadStats = z.object({
  records: z.number().int().nonnegative(),
  unknownTypes: z.record(z.string(), z.number().int().nonnegative()),
  malformedLines: z.number().int().nonnegative(),
  invalidUtf8Lines: z.number().int().nonnegative(),
  hugeLines: z.number().int().nonnegative(),
  truncatedTail: z.boolean(),
  metaRecords: z.number().int().nonnegative(),
  duplicateRecords: z.number().int().nonnegative(),
  compactions: z.number().int().nonnegative(),
  /**
   * Records read on purpose without becoming events, per type (`cost-state`, `queue-operation`, `system:<subtype>`
   * for bookkeeping system records, `attachment:<type>` …). Optional: older clients do not send it.
   */
  skippedTypes: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** How many secrets redaction replaced, per rule; carried by redacted exports so readers know text was changed. */
export const RedactionReport = z.object({
  total: z.number().int().nonnegative(),
  byRule: z.record(z.string(), z.number().int().nonnegative()),
});

export const Session = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: SessionMeta,
  turns: z.array(Turn),
  sidechains: z.array(Sidechain),
  totals: SessionTotals,
  stats: ReadStats.optional(),
  redaction: RedactionReport.optional(),
});

export type PromptEvent = z.infer<typeof PromptEvent>;
export type TextEvent = z.infer<typeof TextEvent>;
export type ThinkingEvent = z.infer<typeof ThinkingEvent>;
export type ToolCallEvent = z.infer<typeof ToolCallEvent>;
export type ToolResultEvent = z.infer<typeof ToolResultEvent>;
export type SystemEvent = z.infer<typeof SystemEvent>;
export type SessionEvent = z.infer<typeof SessionEvent>;
export type Turn = z.infer<typeof Turn>;
export type TokenTotals = z.infer<typeof TokenTotals>;
export type InheritedTotals = z.infer<typeof InheritedTotals>;
export type SubagentUsage = z.infer<typeof SubagentUsage>;
export type SessionTotals = z.infer<typeof SessionTotals>;
export type SessionMeta = z.infer<typeof SessionMeta>;
export type Sidechain = z.infer<typeof Sidechain>;
export type ReadStats = z.infer<typeof ReadStats>;
export type RedactionReport = z.infer<typeof RedactionReport>;
export type Session = z.infer<typeof Session>;
