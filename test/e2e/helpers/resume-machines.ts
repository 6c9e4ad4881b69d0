// Issue #12 helpers: "machines" (a HOME each, a git checkout with one shared remote), machine A's real session with
// a tool call, a subagent and a typed secret, the tracker's mirror of its files, and baton run on a machine.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fake as fakeSecret } from '../../helpers/fake-secrets.js';
import { git } from '../../helpers/handoff-session.js';
import { nonce } from './assertions.js';
import { settled, trackerEnv, until, type Tracker } from './exact.js';
import type { FakeAnthropic } from './fake-anthropic.js';
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

/** `baton <args>` on a machine, against the tracker, failing with its output when it does not exit 0. */
export async function batonOk(sb: ClaudeSandbox, t: Tracker, args: string[], cwd = sb.projectDir) {
  const r = await runBatonCli(sb, args, { cwd, env: { BATON_URL: t.url, BATON_API_KEY: t.key } });
  if (r.exitCode !== 0)
    throw new Error(`baton ${args.join(' ')} exited ${r.exitCode}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

// Where they lived first: test/e2e/session-store-sdk.test.ts (H4's) imports them from here.
export { conversationOf, requestFor } from './resume-checks.js';
