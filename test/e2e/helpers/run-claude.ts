// Runs the real `claude -p` (and Baton's own CLI) in an isolated HOME against the fake Anthropic API.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { repoRoot } from './claude-binary.js';
import type { FakeAnthropic } from './fake-anthropic.js';

/** A throwaway world for one test: HOME (holding the Claude config dir), a project dir and Baton's data dir. */
export interface ClaudeSandbox {
  root: string;
  home: string;
  /** `$HOME/.claude`, also passed as CLAUDE_CONFIG_DIR so Baton and claude agree on it. */
  configDir: string;
  projectDir: string;
  dataDir: string;
  cleanup(): void;
}

export function createSandbox(prefix = 'baton-e2e-'): ClaudeSandbox {
  // realpath: the transcript folder name is derived from the real cwd (macOS /tmp is a symlink).
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const home = join(root, 'home');
  const configDir = join(home, '.claude');
  const projectDir = join(root, 'project');
  const dataDir = join(root, 'data');
  for (const d of [home, configDir, projectDir]) mkdirSync(d, { recursive: true });
  // With CLAUDE_CONFIG_DIR set, claude reads .claude.json inside it; without, from $HOME. Seed both.
  const seeded = JSON.stringify({
    hasCompletedOnboarding: true,
    projects: { [projectDir]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } },
  });
  writeFileSync(join(home, '.claude.json'), seeded);
  writeFileSync(join(configDir, '.claude.json'), seeded);
  return {
    root,
    home,
    configDir,
    projectDir,
    dataDir,
    cleanup: () => {
      // The plugin's detached sender may still be writing into the data dir as it exits: retry on ENOTEMPTY.
      if (process.env.BATON_E2E_KEEP !== '1')
        rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** The environment claude, the hooks and Baton's CLI all see. Nothing from the developer's own env leaks in. */
export function sandboxEnv(
  sb: ClaudeSandbox,
  fake: Pick<FakeAnthropic, 'url'> | null,
  extra: Record<string, string | undefined> = {},
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    LANG: process.env.LANG ?? 'C.UTF-8',
    TMPDIR: process.env.TMPDIR,
    HOME: sb.home,
    CLAUDE_CONFIG_DIR: sb.configDir,
    XDG_CONFIG_HOME: join(sb.home, '.config'),
    XDG_STATE_HOME: join(sb.home, '.local', 'state'),
    ANTHROPIC_BASE_URL: fake?.url,
    ANTHROPIC_API_KEY: 'sk-ant-fake-e2e-0000000000000000',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_AUTOUPDATER: '1',
    BATON_DATA_DIR: sb.dataDir,
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The `--output-format json` result object (only the fields tests use are typed). */
export interface ClaudeJsonResult {
  type: 'result';
  subtype: string;
  is_error: boolean;
  result?: string;
  session_id: string;
  num_turns?: number;
  usage?: {
    input_tokens: number;
    output_tokens: number;
    cache_read_input_tokens?: number;
    cache_creation_input_tokens?: number;
  };
  permission_denials?: unknown[];
  [k: string]: unknown;
}

export interface RunClaudeOptions {
  bin: string;
  sandbox: ClaudeSandbox;
  fake: FakeAnthropic;
  prompt: string;
  /** Plugin dir for --plugin-dir (default: the repo). null runs without the plugin. */
  pluginDir?: string | null;
  cwd?: string;
  resume?: string;
  continue?: boolean;
  forkSession?: boolean;
  /** Default ['Bash']: -p mode denies file-changing Bash commands without it, and root refuses bypass modes. */
  allowedTools?: string[];
  extraArgs?: string[];
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Default 'json'. 'stream-json' adds --verbose --include-hook-events and fills `messages`. */
  outputFormat?: 'json' | 'stream-json';
}

export interface ClaudeRun {
  args: string[];
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  durationMs: number;
  result: ClaudeJsonResult | null;
  /** stream-json: every parsed line (system init, hook events, messages, result); json: just the result. */
  messages: Array<Record<string, unknown>>;
  sessionId: string | null;
}

export async function runClaude(o: RunClaudeOptions): Promise<ClaudeRun> {
  const stream = o.outputFormat === 'stream-json';
  // stream-json needs --verbose; --include-hook-events adds hook_started/hook_response lines (exit codes, stdout).
  const args = ['-p', o.prompt, '--output-format', stream ? 'stream-json' : 'json'];
  if (stream) args.push('--verbose', '--include-hook-events');
  const pluginDir = o.pluginDir === undefined ? repoRoot : o.pluginDir;
  if (pluginDir) args.push('--plugin-dir', pluginDir);
  if (o.resume) args.push('--resume', o.resume);
  if (o.continue) args.push('--continue');
  if (o.forkSession) args.push('--fork-session');
  const allowed = o.allowedTools ?? ['Bash'];
  if (allowed.length) args.push('--allowedTools', allowed.join(','));
  args.push(...(o.extraArgs ?? []));

  const started = Date.now();
  const r = await execa(o.bin, args, {
    cwd: o.cwd ?? o.sandbox.projectDir,
    env: sandboxEnv(o.sandbox, o.fake, o.env),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: o.timeoutMs ?? 90_000,
  });
  let result: ClaudeJsonResult | null = null;
  const messages: Array<Record<string, unknown>> = [];
  for (const line of stream ? r.stdout.split('\n') : [r.stdout]) {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      messages.push(parsed);
      if (parsed.type === 'result') result = parsed as ClaudeJsonResult;
    } catch {
      // Not JSON (crash, usage error, blank line): callers look at stdout/stderr.
    }
  }
  return {
    args,
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    durationMs: Date.now() - started,
    result,
    messages,
    sessionId: result?.session_id ?? null,
  };
}

export type ClaudeOkRun = ClaudeRun & { result: ClaudeJsonResult; sessionId: string };

/** Runs claude and fails with everything it printed when it did not succeed. */
export async function runClaudeOk(o: RunClaudeOptions): Promise<ClaudeOkRun> {
  const run = await runClaude(o);
  if (run.exitCode !== 0 || !run.result || run.result.is_error || !run.sessionId) {
    throw new Error(
      `claude ${run.args.map((a) => JSON.stringify(a)).join(' ')} failed (exit ${run.exitCode})\n` +
        `stdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`,
    );
  }
  return run as ClaudeOkRun;
}

/** How claude names a project folder: the cwd with every non-alphanumeric character replaced by '-'. */
export function projectSlug(cwd: string): string {
  return cwd.replace(/[^a-zA-Z0-9]/g, '-');
}

/** Finds `<configDir>/projects/<any>/<sessionId>.jsonl` (searching, so a slug rule change cannot hide it). */
export function findTranscript(configDir: string, sessionId: string): string | null {
  const projects = join(configDir, 'projects');
  if (!existsSync(projects)) return null;
  for (const p of readdirSync(projects)) {
    const f = join(projects, p, `${sessionId}.jsonl`);
    if (existsSync(f)) return f;
  }
  return null;
}

export function transcriptFor(sb: ClaudeSandbox, sessionId: string): string {
  const f = findTranscript(sb.configDir, sessionId);
  if (!f) throw new Error(`no transcript for session ${sessionId} under ${sb.configDir}/projects`);
  return f;
}

export type TranscriptRecord = Record<string, unknown> & {
  type?: string;
  uuid?: string;
  parentUuid?: string | null;
};

export function readJsonl<T = TranscriptRecord>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Runs Baton's bundled CLI (dist/cli.js from `root`, default the repo) in the sandbox env. */
export async function runBatonCli(
  sb: ClaudeSandbox,
  args: string[],
  opts: { root?: string; cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
) {
  // BATON_E2E_CLI points the default at another build (debugging a bundling problem without touching dist/).
  const cli = opts.root
    ? join(opts.root, 'dist', 'cli.js')
    : (process.env.BATON_E2E_CLI ?? join(repoRoot, 'dist', 'cli.js'));
  return execa(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? sb.projectDir,
    env: sandboxEnv(sb, null, opts.env),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutMs ?? 60_000,
  });
}
