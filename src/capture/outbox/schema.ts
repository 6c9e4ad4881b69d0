// The outbox line format (one JSON object a line), for readers. The hook writes plain objects and never loads this.
import { z } from 'zod';

/**
 * Every line: `seq` (per session, strictly increasing, written first so it can be found without parsing), `ts`
 * (ISO time the hook wrote it), `sid` (session id, also the file name) and `k` (the kind). Objects are loose:
 * newer hooks may add fields, and readers must keep working.
 */
const base = {
  seq: z.number().int().positive(),
  ts: z.string(),
  sid: z.string(),
};
/** Fields cut at 256 Ki chars (the transcript copy has the full value); a cut object becomes its JSON prefix. */
const truncated = z.array(z.string()).optional();

/** Raw transcript lines `[from, to)` of `path`, copied verbatim (not parsed) from the saved byte offset. */
export const OutboxRecords = z.looseObject({
  ...base,
  k: z.literal('records'),
  path: z.string(),
  /** Set when `path` is a subagent transcript. */
  agentId: z.string().optional(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** The transcript had shrunk below the saved offset (replaced): copying restarted at 0; dedupe by uuid. */
  reset: z.literal(true).optional(),
  /** Lines too long to copy (over 8 MiB), skipped by byte range. */
  skipped: z.array(z.object({ from: z.number().int(), to: z.number().int() })).optional(),
  lines: z.array(z.string()),
  /** Each line's byte offset in `path`, when `from` and the line lengths do not give it (a private span was cut). */
  at: z.array(z.number().int().nonnegative()).optional(),
});

export const OutboxStart = z.looseObject({
  ...base,
  k: z.literal('start'),
  /** `startup|resume|clear|compact|fork` */
  source: z.string().optional(),
  model: z.string().optional(),
  cwd: z.string().optional(),
  transcriptPath: z.string().optional(),
});

export const OutboxPrompt = z.looseObject({
  ...base,
  k: z.literal('prompt'),
  text: z.string(),
  promptId: z.string().optional(),
  permissionMode: z.string().optional(),
  cwd: z.string().optional(),
  truncated,
});

export const OutboxToolStart = z.looseObject({
  ...base,
  k: z.literal('tool_start'),
  name: z.string(),
  toolUseId: z.string().optional(),
  input: z.unknown(),
  agentId: z.string().optional(),
  truncated,
});

export const OutboxToolEnd = z.looseObject({
  ...base,
  k: z.literal('tool_end'),
  name: z.string(),
  toolUseId: z.string().optional(),
  input: z.unknown(),
  response: z.unknown(),
  durationMs: z.number().optional(),
  agentId: z.string().optional(),
  truncated,
});

/** Stop: `last_assistant_message` (the transcript may lag behind it). */
export const OutboxStop = z.looseObject({
  ...base,
  k: z.literal('stop'),
  text: z.string().optional(),
  stopHookActive: z.boolean().optional(),
  truncated,
});

export const OutboxSubagentStop = z.looseObject({
  ...base,
  k: z.literal('subagent_stop'),
  agentId: z.string().optional(),
  agentType: z.string().optional(),
  agentTranscriptPath: z.string().optional(),
  text: z.string().optional(),
  truncated,
});

/** PreCompact: a compaction is about to happen (`manual|auto`). */
export const OutboxCompact = z.looseObject({
  ...base,
  k: z.literal('compact'),
  trigger: z.string().optional(),
  instructions: z.string().optional(),
});

export const OutboxEnd = z.looseObject({
  ...base,
  k: z.literal('end'),
  /** `clear|resume|logout|prompt_input_exit|other` */
  reason: z.string().optional(),
});

export const OutboxRecord = z.discriminatedUnion('k', [
  OutboxRecords,
  OutboxStart,
  OutboxPrompt,
  OutboxToolStart,
  OutboxToolEnd,
  OutboxStop,
  OutboxSubagentStop,
  OutboxCompact,
  OutboxEnd,
]);

export type OutboxRecords = z.infer<typeof OutboxRecords>;
export type OutboxStart = z.infer<typeof OutboxStart>;
export type OutboxPrompt = z.infer<typeof OutboxPrompt>;
export type OutboxToolStart = z.infer<typeof OutboxToolStart>;
export type OutboxToolEnd = z.infer<typeof OutboxToolEnd>;
export type OutboxStop = z.infer<typeof OutboxStop>;
export type OutboxSubagentStop = z.infer<typeof OutboxSubagentStop>;
export type OutboxCompact = z.infer<typeof OutboxCompact>;
export type OutboxEnd = z.infer<typeof OutboxEnd>;
export type OutboxRecord = z.infer<typeof OutboxRecord>;
export type OutboxKind = OutboxRecord['k'];
