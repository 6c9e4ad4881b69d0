// Issue #12 helpers: "machines" (a HOME each, a git checkout with one shared remote), machine A's real session with
// a tool call, a subagent and a typed secret, the tracker's mirror of its files, and what a resumed request holds.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { fake as fakeSecret } from '../../helpers/fake-secrets.js';
import { git } from '../../helpers/handoff-session.js';
import { nonce } from './assertions.js';
import { settled, trackerEnv, until, type Tracker } from './exact.js';
import { lastUserText, type FakeAnthropic, type RecordedRequest } from './fake-anthropic.js';
import {
  createSandbox,
  projectSlug,
  runBatonCli,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './run-claude.js';
import { claudeBin } from './setup.js';

type Rec = Record<string, unknown>;

/** The remote both checkouts share. Never fetched: only its URL ties the two checkouts to one project. */
export const REMOTE = 'https://github.com/example/baton-resume-e2e.git';

/** A machine: its own HOME and CLAUDE_CONFIG_DIR, and a git checkout of REMOTE at a path no other machine has. */
export async function createMachine(prefix: string): Promise<ClaudeSandbox> {
  const sb = createSandbox(prefix);
  await git(sb.projectDir, sb.home, 'init', '-q', '-b', 'main');
  writeFileSync(join(sb.projectDir, 'README.md'), '# resume e2e\n');
  await git(sb.projectDir, sb.home, 'add', '.');
  await git(sb.projectDir, sb.home, 'commit', '-q', '-m', 'initial');
  await git(sb.projectDir, sb.home, 'remote', 'add', 'origin', REMOTE);
  return sb;
}

/** Where claude keeps a session's main file and subagent files for a given cwd. */
export function sessionPaths(sb: ClaudeSandbox, cwd: string, id: string) {
  const dir = join(sb.configDir, 'projects', projectSlug(cwd));
  return { main: join(dir, `${id}.jsonl`), subagents: join(dir, id, 'subagents') };
}

/** The session's files as sub keys ('' and 'subagents/agent-<id>') → their raw lines, as claude wrote them. */
export function localFiles(mainFile: string): Map<string, string[]> {
  const files = new Map<string, string[]>([['', linesOf(mainFile)]]);
  const sub = join(dirname(mainFile), basename(mainFile, '.jsonl'), 'subagents');
  if (existsSync(sub))
    for (const f of readdirSync(sub)
      .filter((n) => n.endsWith('.jsonl'))
      .sort())
      files.set(`subagents/${f.slice(0, -'.jsonl'.length)}`, linesOf(join(sub, f)));
  return files;
}

export function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** What machine A did: its session, the secret its first prompt carried, and the prompts/commands it used. */
export interface SessionOnA {
  sessionId: string;
  secret: string;
  n: string;
  prompts: { bash: string; agent: string };
  command: string;
  agentPrompt: string;
  /** The main transcript on A. */
  transcript: string;
}

/** How A's session reaches the tracker: the plugin's sender at session end, or `baton sync` run afterwards. */
export type SyncPath = 'sender' | 'baton sync';

/**
 * Machine A's session: a first prompt holding a secret and a Bash call, then (resumed) an Agent call whose subagent
 * answers in the background. Synced by the sender (the plugin configured for `tracker`; waits until the session is
 * completed there and the sender has exited) or by `baton sync` afterwards (the plugin not configured for it).
 */
export async function sessionOnA(
  fake: FakeAnthropic,
  tracker: Tracker,
  a: ClaudeSandbox,
  via: SyncPath = 'sender',
): Promise<SessionOnA> {
  const n = nonce();
  // A seed from the nonce: each run types a different token, so no earlier run's copy can satisfy a check.
  const secret = fakeSecret('ghp_', 36, parseInt(n.slice(0, 4), 16));
  const command = `echo alpha-${n}`;
  const agentPrompt = `beta task ${n}`;
  const prompts = { bash: `my token is ${secret}\nRUN_BASH: ${command}`, agent: `RUN_AGENT: ${agentPrompt}` };
  const base = {
    bin: claudeBin,
    sandbox: a,
    fake,
    env: via === 'sender' ? trackerEnv(tracker) : {},
    allowedTools: ['Bash', 'Agent', 'Task'],
  };
  const first = await runClaudeOk({ ...base, prompt: prompts.bash });
  await runClaudeOk({ ...base, prompt: prompts.agent, resume: first.sessionId });
  if (via === 'sender') await settled(tracker, a, first.sessionId, 90_000);
  else await batonOk(a, tracker, ['sync']);
  return {
    sessionId: first.sessionId,
    secret,
    n,
    prompts,
    command,
    agentPrompt,
    transcript: transcriptFor(a, first.sessionId),
  };
}

/** Every entry of one file of the session on the tracker, in arrival order (all pages). */
export async function trackerLines(t: Tracker, id: string, subKey: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for (let after: number | null = 0; after !== null;) {
    const page: { entries: { line: Rec }[]; next: number | null } = await t.get(
      `/api/v1/sessions/${encodeURIComponent(id)}/entries?subKey=${encodeURIComponent(subKey)}&after=${after}&limit=1000`,
    );
    out.push(...page.entries.map((e) => e.line));
    after = page.next;
  }
  return out;
}

/**
 * Waits until the tracker's mirror holds as many lines as each local file (the sender may still be sending the
 * last ones when the session shows completed), then returns the mirror per sub key.
 */
export async function mirrored(
  t: Tracker,
  id: string,
  local: Map<string, string[]>,
  ms = 30_000,
): Promise<Map<string, Rec[]>> {
  let last = new Map<string, Rec[]>();
  try {
    return await until(`the tracker to mirror every line of session ${id}`, ms, async () => {
      const subKeys = (
        await t.get<{ subKeys: string[] }>(`/api/v1/sessions/${encodeURIComponent(id)}/entries/subkeys`)
      ).subKeys;
      last = new Map();
      for (const k of subKeys) last.set(k, await trackerLines(t, id, k));
      const complete = [...local].every(([k, lines]) => (last.get(k)?.length ?? 0) >= lines.length);
      return complete ? last : null;
    });
  } catch (err) {
    const have = [...local].map(([k, l]) => `'${k}': ${last.get(k)?.length ?? 0}/${l.length}`).join(', ');
    throw new Error(`${(err as Error).message} (tracker lines / local lines: ${have || 'none'})`);
  }
}

/** A record with its `cwd` moved from one checkout to another (what `baton resume` may change, and all it may). */
export function withCwd(rec: Rec, from: string, to: string): Rec {
  const cwd = rec.cwd;
  if (typeof cwd !== 'string' || (cwd !== from && !cwd.startsWith(`${from}/`))) return rec;
  return { ...rec, cwd: to + cwd.slice(from.length) };
}

/** A JSON line where every `[REDACTED:<rule>]` tag and every copy of `secret` read the same. */
export const REDACTION_TAG = /\[REDACTED:[a-z0-9-]+\]/g;
export function unredacted(line: string, secret: string): string {
  return line.split(secret).join('<secret>').replace(REDACTION_TAG, '<secret>');
}

/**
 * The tracker's copy of a file is A's file after the gate: line for line, in order; the lines that held the secret
 * hold a redaction tag in its place instead, every other line is byte-for-byte the same record.
 */
export function expectGatedCopy(copy: Rec[], original: string[], secret: string, label: string): void {
  expect(copy.length, `${label}: line count`).toBe(original.length);
  original.forEach((line, i) => {
    const stored = JSON.stringify(copy[i]);
    expect(stored.includes(secret), `${label} line ${i} leaks the secret`).toBe(false);
    if (line.includes(secret)) {
      expect(stored, `${label} line ${i} redacted`).toMatch(REDACTION_TAG);
      expect(JSON.parse(unredacted(stored, secret)), `${label} line ${i}`).toEqual(
        JSON.parse(unredacted(line, secret)),
      );
    } else {
      expect(copy[i], `${label} line ${i}`).toEqual(JSON.parse(line));
    }
  });
}

/**
 * The tracker's copy equals the file, line for line. On a mismatch the message names the first differing line and the
 * types of the lines too many or missing, not a diff of the whole (~200 KB) file.
 */
export function expectSameLines(copy: Rec[], lines: string[], label: string): void {
  const want = lines.map((l) => JSON.parse(l) as Rec);
  const same = (x: Rec | undefined, y: Rec | undefined) => JSON.stringify(x) === JSON.stringify(y);
  const first = want.findIndex((w, i) => !same(copy[i], w));
  const at = first === -1 && copy.length !== want.length ? want.length : first;
  if (at === -1) return;
  const kinds = (rs: Rec[]) =>
    rs.map((r) => `${String(r.type)}${typeof r.uuid === 'string' ? '' : ' (no uuid)'}`);
  const extra = copy.length > want.length ? ` extra: ${kinds(copy.slice(want.length)).join(', ')}` : '';
  expect.fail(
    `${label}: ${copy.length} lines for the file's ${want.length}; first difference at line ${at}: ` +
      `${JSON.stringify(copy[at])?.slice(0, 300)} vs ${JSON.stringify(want[at])?.slice(0, 300)}.${extra}`,
  );
}

/** Every file under `root` whose bytes hold `needle` (a machine's whole disk, as far as the test made one). */
export function filesHolding(root: string, needle: string): string[] {
  const hits: string[] = [];
  const bytes = Buffer.from(needle);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && readFileSync(p).includes(bytes)) hits.push(p);
    }
  };
  walk(root);
  return hits;
}

/** `baton <args>` on a machine, against the tracker, failing with its output when it does not exit 0. */
export async function batonOk(sb: ClaudeSandbox, t: Tracker, args: string[], cwd = sb.projectDir) {
  const r = await runBatonCli(sb, args, { cwd, env: { BATON_URL: t.url, BATON_API_KEY: t.key } });
  if (r.exitCode !== 0)
    throw new Error(`baton ${args.join(' ')} exited ${r.exitCode}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

/** The first main-model request whose last user message holds `text`. */
export function requestFor(fake: FakeAnthropic, text: string): RecordedRequest {
  const r = fake.requests.find(
    (q) => q.path === '/v1/messages' && q.stream && (q.lastUserText ?? '').includes(text),
  );
  if (!r) throw new Error(`the fake model never got a request for ${JSON.stringify(text)}`);
  return r;
}

/** The messages of a request as one line per block: `user:text:…`, `assistant:tool_use:Bash:{…}`, `user:tool_result:…`. */
export function conversationOf(req: RecordedRequest): string[] {
  const messages = ((req.body as { messages?: { role: string; content: unknown }[] }).messages ?? []).slice();
  return messages.flatMap((m) => {
    const blocks = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : (m.content as Rec[]);
    return blocks.map((b) => {
      if (b.type === 'text') return `${m.role}:text:${String(b.text)}`;
      if (b.type === 'tool_use') return `${m.role}:tool_use:${String(b.name)}:${JSON.stringify(b.input)}`;
      if (b.type === 'tool_result') {
        const c = b.content;
        const text =
          typeof c === 'string' ? c : ((c ?? []) as Rec[]).map((x) => String(x.text ?? '')).join('\n');
        return `${m.role}:tool_result:${String(b.tool_use_id)}:${text}`;
      }
      return `${m.role}:${String(b.type)}`;
    });
  });
}

/**
 * The request a resumed session sends holds A's earlier turns, in order: the first prompt (its secret redacted when
 * the transcript came through the tracker), the Bash call and its result, the reply to it, the Agent call; then
 * the new prompt last.
 */
export function expectEarlierTurns(req: RecordedRequest, a: SessionOnA, newPrompt: string): string[] {
  const conv = conversationOf(req);
  const find = (what: string, from: number, pred: (l: string) => boolean) => {
    const i = conv.findIndex((l, j) => j >= from && pred(l));
    expect(
      i,
      `${what} (after block ${from}) in the request:\n${conv.join('\n').slice(0, 4000)}`,
    ).toBeGreaterThanOrEqual(0);
    return i;
  };
  const bashLine = `RUN_BASH: ${a.command}`;
  let at = find('the first prompt', 0, (l) => l.startsWith('user:text:') && l.includes(bashLine));
  at = find(
    'the Bash call',
    at,
    (l) =>
      l ===
      `assistant:tool_use:Bash:${JSON.stringify({ command: a.command, description: 'Run the requested command' })}`,
  );
  const toolId = /^user:tool_result:(\S+?):/;
  at = find('the Bash result', at, (l) => toolId.test(l) && l.endsWith(`:alpha-${a.n}`));
  at = find("the model's reply to it", at, (l) => l === `assistant:text:BASH_DONE: alpha-${a.n}`);
  at = find('the second prompt', at, (l) => l === `user:text:${a.prompts.agent}`);
  find('the Agent call', at, (l) => /^assistant:tool_use:(Agent|Task):/.test(l) && l.includes(a.agentPrompt));
  expect(lastUserText(req.body)).toBe(newPrompt);
  return conv;
}
