// A scripted imitation of the Anthropic Messages API on 127.0.0.1, so the real `claude` CLI runs offline in tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One content block of a scripted reply. */
export type FakeBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown>; id?: string };

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

export interface FakeReply {
  blocks: FakeBlock[];
  /** Defaults to `tool_use` when a block is a tool_use, else `end_turn`. */
  stopReason?: 'end_turn' | 'tool_use' | 'max_tokens';
  usage?: Partial<FakeUsage>;
  /** Wait this long after message_start before streaming the blocks (a slow turn other input can overlap). */
  delayMs?: number;
}

/** What the fake saw: every request, in arrival order. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Set for /v1/messages calls. */
  stream?: boolean;
  model?: string;
  /** The text of the last user message with system-reminder noise removed ('' when it holds only tool results). */
  lastUserText?: string;
  /** The reply the fake sent to a /v1/messages call. */
  reply?: { id: string; blocks: FakeBlock[]; stopReason: string; usage: FakeUsage; scripted: boolean };
}

/** A queued reply: used for the next /v1/messages call whose request matches (default: any call offering tools). */
export interface QueuedReply {
  reply: FakeReply | ((req: RecordedRequest) => FakeReply);
  match?: (req: RecordedRequest) => boolean;
}

export interface FakeAnthropic {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Replies sent to /v1/messages calls (streaming and not), in order. */
  replies(): NonNullable<RecordedRequest['reply']>[];
  enqueue(...items: (FakeReply | QueuedReply)[]): void;
  /** Resolves once a /v1/messages request matching `pred` has arrived (already or later). */
  waitForRequest(pred: (req: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Forget recorded requests (the scripted queue is kept). */
  reset(): void;
  close(): Promise<void>;
}

/** Usage of the n-th reply (1-based): distinct per message, so double counting or mis-attribution shows in totals. */
export function defaultUsage(n: number): FakeUsage {
  return {
    input_tokens: 100 + n,
    output_tokens: 20 + n,
    cache_read_input_tokens: 1000 + n,
    cache_creation_input_tokens: 50 + n,
  };
}

export const FAKE_MODEL_FALLBACK = 'claude-sonnet-4-5';

/** Strips `<system-reminder>…</system-reminder>` noise the client injects next to the typed prompt. */
export function stripReminders(text: string): string {
  return text.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim();
}

interface ApiMessage {
  role?: string;
  content?: unknown;
}

function blocksOf(content: unknown): Record<string, unknown>[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (Array.isArray(content))
    return content.filter((b): b is Record<string, unknown> => !!b && typeof b === 'object');
  return [];
}

/** The last `user` message of a Messages request body. */
export function lastUserMessage(body: unknown): ApiMessage | undefined {
  const messages = (body as { messages?: ApiMessage[] } | null)?.messages;
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === 'user') return messages[i];
  return undefined;
}

/** Text of the last user message (text blocks joined, reminders removed). */
export function lastUserText(body: unknown): string {
  const msg = lastUserMessage(body);
  if (!msg) return '';
  return blocksOf(msg.content)
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => stripReminders(b.text as string))
    .filter(Boolean)
    .join('\n')
    .trim();
}

/** tool_result blocks of the last user message, content flattened to text. */
export function lastToolResults(body: unknown): { toolUseId: string; text: string; isError: boolean }[] {
  const msg = lastUserMessage(body);
  if (!msg) return [];
  return blocksOf(msg.content)
    .filter((b) => b.type === 'tool_result')
    .map((b) => ({
      toolUseId: String(b.tool_use_id ?? ''),
      isError: b.is_error === true,
      text:
        typeof b.content === 'string'
          ? b.content
          : blocksOf(b.content)
              .map((c) => (typeof c.text === 'string' ? c.text : ''))
              .join('\n'),
    }));
}

/**
 * The default script, decided from the last user message:
 * a tool result → `BASH_DONE: <first line of result>`; `RUN_BASH: <command>` → a Bash tool_use;
 * anything else → `ECHO: <prompt>` (unique per prompt, so tests can count exactly-once).
 */
export function defaultReply(body: unknown): FakeReply {
  const results = lastToolResults(body);
  if (results.length > 0) {
    const first = results[0]!;
    const line = first.text.split('\n').find((l) => l.trim() !== '') ?? '';
    return {
      blocks: [{ type: 'text', text: `${first.isError ? 'BASH_ERROR' : 'BASH_DONE'}: ${line.trim()}` }],
    };
  }
  const text = lastUserText(body);
  if (isCompactionRequest(body)) return { blocks: [{ type: 'text', text: compactionSummary(text) }] };
  const slow = /SLOW_REPLY\((\d+)\)/.exec(text);
  const delayMs = slow ? Number(slow[1]) : undefined;
  // `RUN_DEEP: <depth> <command>`: a Bash call whose input also carries a value nested <depth> levels deep (the
  // poison record of issue #10: a recursive walk over it overflows the stack).
  const deep = /RUN_DEEP:\s*(\d+)\s+(.+)/.exec(text);
  if (deep) {
    let nested: unknown = 'bottom';
    for (let i = 0; i < Number(deep[1]); i++) nested = { d: nested };
    return {
      blocks: [
        { type: 'text', text: 'Running a deep one' },
        {
          type: 'tool_use',
          name: 'Bash',
          input: { command: deep[2]!.trim(), description: 'deep input', nested },
        },
      ],
    };
  }
  // `RUN_AGENTS: a || b`: two Agent calls in one reply (parallel subagents), in that order.
  const agents = /RUN_AGENTS:\s*(.+)/.exec(text);
  if (agents) {
    const prompts = agents[1]!
      .split('||')
      .map((p) => p.trim())
      .filter(Boolean);
    return {
      delayMs,
      blocks: [
        { type: 'text', text: `Delegating ${prompts.length} tasks` },
        ...prompts.map((prompt, i) => ({
          type: 'tool_use' as const,
          name: agentToolName(body),
          input: { description: `Scripted subagent ${i + 1}`, prompt, subagent_type: 'general-purpose' },
        })),
      ],
    };
  }
  const agent = /RUN_AGENT(_BG)?:\s*(.+)/.exec(text);
  if (agent) {
    const prompt = agent[2]!.trim();
    return {
      delayMs,
      blocks: [
        { type: 'text', text: `Delegating: ${prompt}` },
        {
          type: 'tool_use',
          name: agentToolName(body),
          input: {
            description: 'Scripted subagent',
            prompt,
            subagent_type: 'general-purpose',
            ...(agent[1] ? { run_in_background: true } : {}),
          },
        },
      ],
    };
  }
  const bash = /RUN_BASH:\s*(.+)/.exec(text);
  if (bash) {
    const command = bash[1]!.trim();
    return {
      blocks: [
        { type: 'text', text: `Running: ${command}` },
        { type: 'tool_use', name: 'Bash', input: { command, description: 'Run the requested command' } },
      ],
    };
  }
  // Slash commands arrive as <command-…> tag lines followed by the expanded body: echo the first real line.
  const line = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('<command-')) ?? '';
  return { delayMs, blocks: [{ type: 'text', text: `ECHO: ${line.trim()}` }] };
}

/** The name the client gives its subagent tool in this request (`Agent` in 2.1.x, `Task` before). */
export function agentToolName(body: unknown): string {
  const tools = (body as { tools?: { name?: string }[] } | null)?.tools ?? [];
  const names = tools.map((t) => t?.name);
  return names.includes('Agent') ? 'Agent' : names.includes('Task') ? 'Task' : 'Agent';
}

/** `/compact` (and auto-compaction) asks the model, in its last user message, for a summary of the conversation. */
export function isCompactionRequest(body: unknown): boolean {
  const t = lastUserText(body);
  return (
    /summary of the conversation/i.test(t) &&
    /<summary>|summar(y|ize)/i.test(t) &&
    /compact|detailed summary/i.test(t)
  );
}

function compactionSummary(text: string): string {
  return `<analysis>fake analysis</analysis>\n<summary>FAKE_COMPACT_SUMMARY (${text.length} chars summarised)</summary>`;
}

/** Non-main-model helper calls (titles, summaries) that carry no tools: a short neutral JSON-friendly answer. */
function isAuxiliaryCall(body: unknown): boolean {
  const b = body as { tools?: unknown[] } | null;
  return !Array.isArray(b?.tools) || b.tools.length === 0;
}

function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the fake on 127.0.0.1, port 0. */
export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const queue: QueuedReply[] = [];
  let messageCounter = 0;
  let toolCounter = 0;
  const waiters = new Set<{ pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();

  function pickReply(rec: RecordedRequest): { reply: FakeReply; scripted: boolean } {
    const i = queue.findIndex((q) => (q.match ? q.match(rec) : !isAuxiliaryCall(rec.body)));
    if (i >= 0) {
      const [q] = queue.splice(i, 1);
      return { reply: typeof q!.reply === 'function' ? q!.reply(rec) : q!.reply, scripted: true };
    }
    if (isCompactionRequest(rec.body)) {
      return {
        reply: { blocks: [{ type: 'text', text: compactionSummary(rec.lastUserText ?? '') }] },
        scripted: false,
      };
    }
    if (isAuxiliaryCall(rec.body)) {
      // Title/summary generation: some expect JSON, so answer with something both readable and parseable.
      return { reply: { blocks: [{ type: 'text', text: '{"title": "Fake session"}' }] }, scripted: false };
    }
    return { reply: defaultReply(rec.body), scripted: false };
  }

  async function handleMessages(rec: RecordedRequest, res: ServerResponse): Promise<void> {
    const body = rec.body as { model?: string; stream?: boolean };
    const model = body.model ?? FAKE_MODEL_FALLBACK;
    const { reply, scripted } = pickReply(rec);
    const id = `msg_fake_${++messageCounter}`;
    const blocks = reply.blocks.map((b) =>
      b.type === 'tool_use' ? { ...b, id: b.id ?? `toolu_fake_${++toolCounter}` } : b,
    );
    const stopReason =
      reply.stopReason ?? (blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
    const usage: FakeUsage = { ...defaultUsage(messageCounter), ...reply.usage };
    rec.reply = { id, blocks, stopReason, usage, scripted };
    for (const w of [...waiters]) if (w.pred(rec)) w.resolve(rec);
    const apiContent = blocks.map((b) =>
      b.type === 'text'
        ? { type: 'text', text: b.text }
        : { type: 'tool_use', id: b.id, name: b.name, input: b.input },
    );

    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_fake_${messageCounter}` });
      res.end(
        JSON.stringify({
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: apiContent,
          stop_reason: stopReason,
          stop_sequence: null,
          usage,
        }),
      );
      return;
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': `req_fake_${messageCounter}`,
    });
    sse(res, 'message_start', {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    });
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    blocks.forEach((b, index) => {
      if (b.type === 'text') {
        sse(res, 'content_block_start', {
          type: 'content_block_start',
          index,
          content_block: { type: 'text', text: '' },
        });
        sse(res, 'content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: b.text },
        });
      } else {
        sse(res, 'content_block_start', {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} },
        });
        sse(res, 'content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(b.input) },
        });
      }
      sse(res, 'content_block_stop', { type: 'content_block_stop', index });
    });
    sse(res, 'message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    });
    sse(res, 'message_stop', { type: 'message_stop' });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
    requests.push(rec);

    if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
      const size = raw.length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ input_tokens: Math.max(1, Math.ceil(size / 4)) }));
      return;
    }
    if (req.method === 'POST' && path === '/v1/messages') {
      const b = body as { stream?: boolean; model?: string };
      rec.stream = b?.stream === true;
      rec.model = b?.model;
      rec.lastUserText = lastUserText(body);
      await handleMessages(rec, res);
      return;
    }
    // Anything else (model lists, metrics, …) is non-essential: an empty success keeps the client quiet.
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        type: 'error',
        error: { type: 'not_found_error', message: `fake: no route ${path}` },
      }),
    );
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(err) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    replies: () => requests.flatMap((r) => (r.reply ? [r.reply] : [])),
    enqueue: (...items) => {
      for (const it of items) queue.push('blocks' in it ? { reply: it } : it);
    },
    reset: () => {
      requests.length = 0;
    },
    waitForRequest: (pred, timeoutMs = 120_000) => {
      const hit = requests.find((r) => r.reply && pred(r));
      if (hit) return Promise.resolve(hit);
      return new Promise<RecordedRequest>((resolve, reject) => {
        const w = {
          pred,
          resolve: (r: RecordedRequest) => {
            clearTimeout(timer);
            waiters.delete(w);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`fake: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
