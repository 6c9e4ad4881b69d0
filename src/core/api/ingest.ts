// Event ingest compatible with the AgentPipe streaming bridge: `{ type, timestamp, data }`, one or a batch.
import { z } from 'zod';

const ConversationId = z.string().min(1).max(200);
const Num = z.number().finite();

const Agent = z
  .object({
    agent_id: z.string().max(200).optional(),
    agent_type: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    model: z.string().max(200).optional(),
    prompt: z.string().max(100_000).optional(),
    agent_version: z.string().max(100).optional(),
    cli_version: z.string().max(100).optional(),
  })
  .loose();

/** AgentPipe sends lower-case statuses; upper-case (COMPLETED|INTERRUPTED|ERROR) is accepted too. */
const CompletionStatus = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['completed', 'interrupted', 'error']));

const Timestamp = z.iso.datetime({ offset: true });

export const ConversationStarted = z.object({
  type: z.literal('conversation.started'),
  timestamp: Timestamp,
  data: z
    .object({
      conversation_id: ConversationId,
      mode: z.string().max(100).optional(),
      initial_prompt: z.string().max(10_000_000).optional(),
      max_turns: Num.optional(),
      agents: z.array(Agent).max(100).optional(),
      participants: z.array(Agent).max(100).optional(),
      /** Baton extensions: which project the conversation belongs to. */
      project: z.string().max(200).optional(),
      cwd: z.string().max(4096).optional(),
    })
    .loose(),
});

export const MessageCreated = z.object({
  type: z.literal('message.created'),
  timestamp: Timestamp,
  data: z
    .object({
      conversation_id: ConversationId,
      message_id: z.string().min(1).max(200).optional(),
      agent_type: z.string().max(200).optional(),
      agent_name: z.string().max(200).optional(),
      agent: z.string().max(200).optional(),
      role: z.string().max(50).optional(),
      /** Capped server-side (configurable): longer content is cut with a marker and its length recorded. */
      content: z.string().max(10_000_000),
      sequence_number: z.number().int().nonnegative().max(10_000_000).optional(),
      turn_number: z.number().int().nonnegative().max(1_000_000).optional(),
      tokens: z.number().int().nonnegative().optional(),
      tokens_used: z.number().int().nonnegative().optional(),
      input_tokens: z.number().int().nonnegative().optional(),
      output_tokens: z.number().int().nonnegative().optional(),
      cost: Num.nonnegative().optional(),
      model: z.string().max(200).optional(),
      duration_ms: Num.nonnegative().optional(),
    })
    .loose(),
});

export const ConversationCompleted = z.object({
  type: z.literal('conversation.completed'),
  timestamp: Timestamp,
  data: z
    .object({
      conversation_id: ConversationId,
      status: CompletionStatus,
      total_messages: z.number().int().nonnegative().optional(),
      total_turns: z.number().int().nonnegative().optional(),
      total_tokens: z.number().int().nonnegative().optional(),
      total_cost: Num.nonnegative().optional(),
      duration_seconds: Num.nonnegative().optional(),
    })
    .loose(),
});

export const ConversationError = z.object({
  type: z.literal('conversation.error'),
  timestamp: Timestamp,
  data: z
    .object({
      conversation_id: ConversationId,
      error_message: z.string().max(100_000),
      error_type: z.string().max(200).optional(),
      agent_type: z.string().max(200).optional(),
    })
    .loose(),
});

export const BridgeTest = z.object({
  type: z.literal('bridge.test'),
  timestamp: Timestamp,
  data: z.object({ message: z.string().max(10_000).optional() }).loose(),
});

export const IngestEvent = z.discriminatedUnion('type', [
  ConversationStarted,
  MessageCreated,
  ConversationCompleted,
  ConversationError,
  BridgeTest,
]);

/** One event, or a batch (array, or `{ events: [...] }`) applied in order in one transaction. */
export const IngestRequest = z.union([
  IngestEvent,
  z.array(IngestEvent).min(1).max(1000),
  z.object({ events: z.array(IngestEvent).min(1).max(1000) }).strict(),
]);

export const IngestResult = z.object({
  type: z.string(),
  sessionId: z.string().nullable(),
  eventsInserted: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export const IngestResponse = z.object({ results: z.array(IngestResult) });

export type IngestEvent = z.infer<typeof IngestEvent>;
export type IngestRequest = z.infer<typeof IngestRequest>;
export type IngestResult = z.infer<typeof IngestResult>;
export type IngestResponse = z.infer<typeof IngestResponse>;
