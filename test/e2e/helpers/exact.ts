// Issue #10 helpers: an independent counter over the raw transcript files, and every output Baton makes of a session.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { lockHolderPid } from '../../../src/capture/session/lock.js';
import { senderPaths } from '../../../src/capture/delivery/sender/paths.js';
import { stopSender } from '../../helpers/sender-proc.js';
import { startTrackerProcess, type TrackerProcess } from '../../helpers/tracker-process.js';
import { count, readOutbox, type Outbox } from './assertions.js';
import { repoRoot } from './claude-binary.js';
import { execa } from 'execa';
import { createSandbox, sandboxEnv, type ClaudeSandbox } from './run-claude.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` every 200 ms until it returns something truthy; throws with `what` after `ms`. */
export async function until<T>(
  what: string,
  ms: number,
  fn: () => T | null | undefined | false | Promise<T | null | undefined | false>,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

type Rec = Record<string, unknown>;

/** One unit of the conversation as the raw transcript holds it. */
export interface CountedUnit {
  kind: 'prompt' | 'text' | 'tool_call' | 'tool_result' | 'notification';
  /** uuid of the record (prompts, notifications), tool_use id (tool calls/results), or uuid#block (texts). */
  key: string;
  text: string;
  /** Set for a prompt that reached the model as a `queued_command` attachment (typed while a turn was running). */
  queued?: boolean;
}

export interface TokenCount {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** What the transcript files say happened, counted without any Baton code. */
export interface TranscriptCount {
  /** The main chain, in file order, each record once (first occurrence of its uuid). */
  units: CountedUnit[];
  prompts: string[];
  toolCallIds: string[];
  notifications: string[];
  /** Subagent files: agentId → units. */
  subagents: Map<string, CountedUnit[]>;
  /** Tokens once per assistant message id, main chain and subagents together. */
  tokens: TokenCount;
  messageIds: string[];
  /** The last `cost-state` record: Claude Code's own running totals (2.1.33x). */
  costState: { totalCostUSD: number; tokens: TokenCount } | null;
  /** Lines dropped by this counter because they were not JSON (should be 0). */
  badLines: number;
}

function blocks(content: unknown): Rec[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter((b): b is Rec => !!b && typeof b === 'object') : [];
}

function readLines(file: string): { recs: Rec[]; bad: number } {
  const recs: Rec[] = [];
  let bad = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      recs.push(JSON.parse(line) as Rec);
    } catch {
      bad++;
    }
  }
  return { recs, bad };
}

/** A user record the person typed (or a typed slash command), not injected context, tool output or a notice. */
function isTypedPrompt(r: Rec): boolean {
  if (r.type !== 'user' || r.isMeta === true || r.isSidechain === true || r.isCompactSummary === true)
    return false;
  if ((r.origin as Rec | undefined)?.kind === 'task-notification' || r.promptSource === 'system')
    return false;
  const bs = blocks((r.message as Rec | undefined)?.content);
  if (bs.length === 0 || bs.some((b) => b.type === 'tool_result')) return false;
  const text = bs
    .map((b) => (typeof b.text === 'string' ? b.text : ''))
    .join('\n')
    .trim();
  if (!text || /^<(local-command-stdout|local-command-caveat|task-notification)>/.test(text)) return false;
  if (text.startsWith('This session is being continued from a previous conversation')) return false;
  return true;
}

function unitsOf(recs: Rec[], seen: Set<string>, usage: Map<string, Rec>): CountedUnit[] {
  const out: CountedUnit[] = [];
  for (const r of recs) {
    const uuid = typeof r.uuid === 'string' ? r.uuid : null;
    if (!uuid || seen.has(uuid)) continue;
    seen.add(uuid);
    const msg = r.message as Rec | undefined;
    if (r.type === 'assistant' && msg) {
      if (typeof msg.id === 'string' && msg.usage && !usage.has(msg.id)) usage.set(msg.id, msg.usage as Rec);
      blocks(msg.content).forEach((b, i) => {
        if (b.type === 'text' && String(b.text ?? '').trim())
          out.push({ kind: 'text', key: `${uuid}#${i}`, text: String(b.text) });
        else if (b.type === 'tool_use')
          out.push({ kind: 'tool_call', key: String(b.id), text: JSON.stringify(b.input ?? null) });
      });
    } else if (r.type === 'user' && msg) {
      const bs = blocks(msg.content);
      for (const b of bs)
        if (b.type === 'tool_result')
          out.push({
            kind: 'tool_result',
            key: String(b.tool_use_id),
            text:
              typeof b.content === 'string'
                ? b.content
                : blocks(b.content)
                    .map((c) => String(c.text ?? ''))
                    .join('\n'),
          });
      const text = bs
        .map((b) => (typeof b.text === 'string' ? b.text : ''))
        .join('\n')
        .trim();
      if (isTypedPrompt(r)) out.push({ kind: 'prompt', key: uuid, text });
      else if (
        (r.origin as Rec | undefined)?.kind === 'task-notification' ||
        text.startsWith('<task-notification>')
      )
        out.push({ kind: 'notification', key: uuid, text });
    } else if (r.type === 'attachment') {
      const a = r.attachment as Rec | undefined;
      if (a?.type === 'queued_command' && typeof a.prompt === 'string') {
        const mode = a.commandMode ?? 'prompt';
        const isNotice =
          mode === 'task-notification' || a.prompt.trimStart().startsWith('<task-notification>');
        if (isNotice) out.push({ kind: 'notification', key: uuid, text: a.prompt.trim() });
        else if (mode === 'prompt')
          out.push({ kind: 'prompt', key: uuid, text: a.prompt.trim(), queued: true });
      }
    }
  }
  return out;
}

const tokensOf = (usages: Iterable<Rec>): TokenCount => {
  const t = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  for (const u of usages) {
    t.input += Number(u.input_tokens ?? 0);
    t.output += Number(u.output_tokens ?? 0);
    t.cacheRead += Number(u.cache_read_input_tokens ?? 0);
    t.cacheWrite += Number(u.cache_creation_input_tokens ?? 0);
  }
  return t;
};

/** Counts a session from its transcript file and its `<id>/subagents/*.jsonl` files. */
export function countTranscript(transcriptPath: string): TranscriptCount {
  const { recs, bad } = readLines(transcriptPath);
  const usage = new Map<string, Rec>();
  const units = unitsOf(recs, new Set(), usage);
  let badLines = bad;
  const subagents = new Map<string, CountedUnit[]>();
  const subDir = join(dirname(transcriptPath), basename(transcriptPath, '.jsonl'), 'subagents');
  if (existsSync(subDir)) {
    for (const f of readdirSync(subDir)
      .filter((n) => n.endsWith('.jsonl'))
      .sort()) {
      const sub = readLines(join(subDir, f));
      badLines += sub.bad;
      subagents.set(f.replace(/^agent-/, '').replace(/\.jsonl$/, ''), unitsOf(sub.recs, new Set(), usage));
    }
  }
  const cs = [...recs].reverse().find((r) => r.type === 'cost-state');
  let costState: TranscriptCount['costState'] = null;
  if (cs) {
    const models = Object.values((cs.modelUsage ?? {}) as Record<string, Rec>);
    costState = {
      totalCostUSD: Number(cs.totalCostUSD),
      tokens: {
        input: models.reduce((a, m) => a + Number(m.inputTokens ?? 0), 0),
        output: models.reduce((a, m) => a + Number(m.outputTokens ?? 0), 0),
        cacheRead: models.reduce((a, m) => a + Number(m.cacheReadInputTokens ?? 0), 0),
        cacheWrite: models.reduce((a, m) => a + Number(m.cacheCreationInputTokens ?? 0), 0),
      },
    };
  }
  // One background task's notice may be written twice (a queued_command and the user record it became): once per task.
  const taskId = (t: string) => /<task-id>([^<]+)<\/task-id>/.exec(t)?.[1] ?? t;
  const seenTasks = new Set<string>();
  const notifications = units.filter(
    (u) => u.kind === 'notification' && !seenTasks.has(taskId(u.text)) && seenTasks.add(taskId(u.text)),
  );
  return {
    units,
    prompts: units.filter((u) => u.kind === 'prompt').map((u) => u.text),
    toolCallIds: units.filter((u) => u.kind === 'tool_call').map((u) => u.key),
    notifications: notifications.map((u) => u.text),
    subagents,
    tokens: tokensOf(usage.values()),
    messageIds: [...usage.keys()],
    costState,
    badLines,
  };
}

/** Every export format of one session, through the bundled CLI in the sandbox env. */
export interface Exports {
  md: string;
  txt: string;
  html: string;
  json: Rec;
}

export async function exportAll(
  sb: ClaudeSandbox,
  id: string,
  env: Record<string, string> = {},
): Promise<Exports> {
  const out: Partial<Record<'md' | 'txt' | 'html' | 'json', string>> = {};
  for (const format of ['md', 'txt', 'html', 'json'] as const) {
    // Through execa directly: a 40 MB session's HTML is more than runBatonCli's default 100 MB buffer may hold.
    const r = await execa(
      process.execPath,
      [join(repoRoot, 'dist', 'cli.js'), 'export', id, '--format', format, '--out', '-'],
      {
        cwd: sb.projectDir,
        env: sandboxEnv(sb, null, env),
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        timeout: 240_000,
        maxBuffer: 2_000_000_000,
      },
    );
    if (r.exitCode !== 0)
      throw new Error(`baton export --format ${format} exited ${r.exitCode}: ${r.stderr.slice(0, 2000)}`);
    out[format] = r.stdout;
  }
  return { md: out.md!, txt: out.txt!, html: out.html!, json: JSON.parse(out.json!) as Rec };
}

/** A JSON export's (or tracker's) event, loosely typed: the tests must not depend on fields the fix may add. */
export type LooseEvent = Rec & {
  kind: string;
  uuid: string;
  text?: string;
  toolUseId?: string;
  agentId?: string;
  subtype?: string;
};

export function jsonMainEvents(json: Rec): LooseEvent[] {
  return ((json.turns ?? []) as Rec[]).flatMap((t) => (t.events ?? []) as LooseEvent[]);
}

export function jsonSidechains(json: Rec): { agentId: string; toolUseId?: string; events: LooseEvent[] }[] {
  return (json.sidechains ?? []) as { agentId: string; toolUseId?: string; events: LooseEvent[] }[];
}

/** The prompt texts of a list of events, in order. */
export const promptTexts = (events: LooseEvent[]) =>
  events.filter((e) => e.kind === 'prompt').map((e) => String(e.text ?? '').trim());

/** A unit kind sequence comparable between the counter and Baton's events (texts trimmed; tool units by id). */
export function shape(units: CountedUnit[]): string[] {
  return units.map((u) =>
    u.kind === 'tool_call' || u.kind === 'tool_result' ? `${u.kind}:${u.key}` : `${u.kind}:${u.text.trim()}`,
  );
}

export function eventShape(events: LooseEvent[], opts: { notificationsAs?: 'system' } = {}): string[] {
  return events.flatMap((e) => {
    switch (e.kind) {
      case 'prompt':
      case 'text':
        return [`${e.kind}:${String(e.text ?? '').trim()}`];
      case 'tool_call':
      case 'tool_result':
        return [`${e.kind}:${e.toolUseId}`];
      case 'system':
        return opts.notificationsAs && /<task-notification>|task-notification/.test(`${e.subtype} ${e.text}`)
          ? [`notification:${String(e.text ?? '').trim()}`]
          : [];
      default:
        return [];
    }
  });
}

/** A tracker process on a temp database (rate limits off) and the auth header to read it. */
export interface Tracker {
  proc: TrackerProcess;
  url: string;
  key: string;
  root: ClaudeSandbox;
  get<T = Rec>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function startTracker(): Promise<Tracker> {
  const root = createSandbox('baton-e2e-exact-tracker-');
  const proc = await startTrackerProcess({
    db: join(root.root, 'tracker.db'),
    env: { BATON_TRACKER_DEFAULT_RATE: '0' },
  });
  return {
    proc,
    url: proc.url,
    key: proc.ownerKey,
    root,
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${proc.url}${path}`, { headers: { authorization: `Bearer ${proc.ownerKey}` } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${(await r.text()).slice(0, 500)}`);
      return (await r.json()) as T;
    },
    async close() {
      await proc.stop();
      root.cleanup();
    },
  };
}

export interface TrackerSession {
  session: Rec & {
    status: string;
    eventCount: number;
    totals: Rec & { tokens: TokenCount; costUsd: number | null; prompts: number };
    durationMs: number;
  };
  events: { seq: number; turnIndex: number; event: LooseEvent }[];
}

/** The session and ALL its events (paged: the API gives at most 5000 a page); null while it is not there. */
export async function trackerSession(t: Tracker, id: string): Promise<TrackerSession | null> {
  try {
    const first = await t.get<TrackerSession & { eventsPage: { nextOffset: number | null } }>(
      `/api/v1/sessions/${encodeURIComponent(id)}?limit=5000`,
    );
    const events = [...first.events];
    for (let next = first.eventsPage?.nextOffset ?? null; next !== null;) {
      const page = await t.get<TrackerSession & { eventsPage: { nextOffset: number | null } }>(
        `/api/v1/sessions/${encodeURIComponent(id)}?limit=5000&offset=${next}`,
      );
      events.push(...page.events);
      next = page.eventsPage?.nextOffset ?? null;
    }
    return { session: first.session, events };
  } catch (err) {
    if (/: 404 /.test(String(err))) return null;
    throw err;
  }
}

/** Waits for the session to be `completed` on the tracker and the detached sender to have exited. */
export async function settled(
  t: Tracker,
  sb: ClaudeSandbox,
  id: string,
  ms = 180_000,
): Promise<TrackerSession> {
  const d = await until(`session ${id} completed on the tracker`, ms, async () => {
    const s = await trackerSession(t, id);
    return s?.session.status === 'completed' ? s : null;
  });
  await until(
    'the sender to go idle and exit',
    ms,
    () => lockHolderPid(senderPaths(sb.dataDir).lock) === null,
  );
  return (await trackerSession(t, id)) ?? d;
}

/** Tracker events split into the main chain and the subagents (events with agentId). */
export function trackerMain(d: TrackerSession): LooseEvent[] {
  return d.events
    .filter((e) => !e.event.agentId)
    .sort((a, b) => a.seq - b.seq)
    .map((e) => e.event);
}

/** Stops the detached sender (by its lock pid) before a sandbox is removed. */
export async function stopDetached(sb: ClaudeSandbox | undefined): Promise<void> {
  if (sb) await stopSender(sb.dataDir);
}

/** Outbox prompt lines (the UserPromptSubmit hook's own observations). */
export function outboxPrompts(o: Outbox): string[] {
  return o.lines.filter((l) => l.k === 'prompt').map((l) => String(l.text ?? '').trim());
}

export { readOutbox, count };

/** Each needle occurs exactly `n` times in the text. */
export function expectCount(text: string, needle: string, n: number, label: string): void {
  expect(count(text, needle), `${JSON.stringify(needle)} in ${label}`).toBe(n);
}

/** A `claude -p --input-format stream-json` process: prompts go in on stdin while earlier turns still run. */
export interface StreamClaude {
  send(text: string): void;
  /** Parsed stdout lines so far. */
  lines: Rec[];
  waitForLine(what: string, pred: (l: Rec) => boolean, ms?: number): Promise<Rec>;
  /** Closes stdin and waits for the exit code. */
  end(ms?: number): Promise<number | null>;
  stderr(): string;
}

export function startStreamClaude(o: {
  bin: string;
  sandbox: ClaudeSandbox;
  env: Record<string, string>;
  args?: string[];
  pluginDir?: string;
}): StreamClaude {
  const args = ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'];
  args.push('--plugin-dir', o.pluginDir ?? repoRoot, '--allowedTools', 'Bash', ...(o.args ?? []));
  const p = spawn(o.bin, args, { cwd: o.sandbox.projectDir, env: o.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Rec[] = [];
  let buf = '';
  let err = '';
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let i: number;
    while ((i = buf.indexOf('\n')) !== -1) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        lines.push(JSON.parse(line) as Rec);
      } catch {
        // not JSON: ignore
      }
    }
  });
  p.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return {
    lines,
    send: (text) =>
      p.stdin.write(`${JSON.stringify({ type: 'user', message: { role: 'user', content: text } })}\n`),
    waitForLine: (what, pred, ms = 120_000) => until(what, ms, () => lines.find(pred)),
    async end(ms = 120_000) {
      p.stdin.end();
      const timer = setTimeout(() => p.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    stderr: () => err,
  };
}

/**
 * Grows a real transcript by repeating its recorded Bash turn (prompt, text + tool_use, tool_result, text) with fresh
 * uuids, message ids and tool ids, each tool result padded with `padLines` log lines (~64 KB for 900), until the file has `bytes` or `turns` were added.
 * Returns the prompts added (`bulk prompt <i> <n>`); the tool ids are `toolu_bulk_<n>_<i>`.
 */
export function inflateTranscript(
  file: string,
  n: string,
  until: { bytes?: number; turns?: number },
  padLines = 900,
): string[] {
  const recs = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec);
  const chain = recs.filter((r) => r.type === 'user' || r.type === 'assistant');
  const start = chain.findIndex(
    (r) => r.type === 'user' && String((r.message as Rec).content).startsWith('RUN_BASH:'),
  );
  const turn = chain.slice(start);
  let parent = String(chain.at(-1)!.uuid);
  const prompts: string[] = [];
  const pad = Array.from(
    { length: padLines },
    (_, i) =>
      `2026-12-06T10:00:${String(i % 60).padStart(2, '0')}Z build step ${i} ok: compiled module-${i}.ts (${i * 37} bytes)`,
  ).join('\n');
  for (
    let i = 0;
    until.turns !== undefined ? i < until.turns : statSync(file).size < (until.bytes ?? 0);
    i++
  ) {
    const prompt = `bulk prompt ${i} ${n}`;
    prompts.push(prompt);
    const msgIds = new Map<string, string>();
    const toolId = `toolu_bulk_${n}_${i}`;
    const lines: string[] = [];
    for (const r of turn) {
      const c = structuredClone(r);
      c.uuid = randomUUID();
      c.parentUuid = parent;
      parent = c.uuid as string;
      const m = c.message as Rec;
      if (c.type === 'assistant') {
        const old = String(m.id);
        if (!msgIds.has(old)) msgIds.set(old, `msg_bulk_${n}_${i}_${msgIds.size}`);
        m.id = msgIds.get(old);
        c.requestId = `req_bulk_${n}_${i}_${msgIds.size}`;
        for (const b of m.content as Rec[]) if (b.type === 'tool_use') b.id = toolId;
      } else if (typeof m.content === 'string') {
        m.content = prompt;
      } else {
        for (const b of m.content as Rec[])
          if (b.type === 'tool_result') {
            b.tool_use_id = toolId;
            b.content = `bulk-result-${i}\n${pad}`;
          }
        if (c.toolUseResult && typeof c.toolUseResult === 'object')
          (c.toolUseResult as Rec).stdout = `bulk-result-${i}\n${pad}`;
      }
      lines.push(JSON.stringify(c));
    }
    appendFileSync(file, `${lines.join('\n')}\n`);
  }
  return prompts;
}

/**
 * Totals equal Claude Code's own: the last `cost-state` record (tokens and `totalCostUSD`) when the transcript has
 * one, else the tokens counted once per message here. Checked in the JSON export and on the tracker.
 */
export function expectClaudeTotals(counted: TranscriptCount, json: Rec, stored: TrackerSession): void {
  const tokens = counted.costState?.tokens ?? counted.tokens;
  const totals = json.totals as { tokens: TokenCount; costUsd: number | null };
  expect(totals.tokens, 'JSON export tokens').toEqual(tokens);
  expect(stored.session.totals.tokens, 'tracker tokens').toEqual(tokens);
  if (counted.costState) {
    expect(totals.costUsd, 'JSON export cost').toBeCloseTo(counted.costState.totalCostUSD, 12);
    expect(stored.session.totals.costUsd, 'tracker cost').toBeCloseTo(counted.costState.totalCostUSD, 12);
  }
}

/** The plugin's env for a session against `t`: its URL and key, and a sender that goes idle quickly once done. */
export function trackerEnv(t: Tracker): Record<string, string> {
  return { BATON_URL: t.url, BATON_API_KEY: t.key, BATON_SENDER_IDLE_MS: '1500' };
}

/**
 * Ends a scenario in the one safe order: detached processes (sender, relays) first, so none starts writing into a
 * directory being removed (the ENOTEMPTY teardown failure of issue #10), then the fake API and the tracker, then
 * the sandbox. Each part may be missing when setup failed half-way.
 */
export async function teardown(
  sb: ClaudeSandbox | undefined,
  fake: { close(): Promise<void> } | undefined,
  tracker: Tracker | undefined,
): Promise<void> {
  await stopDetached(sb);
  await fake?.close();
  await tracker?.close();
  sb?.cleanup();
}
