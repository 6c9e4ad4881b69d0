// Provisions the pinned Claude Agent SDK (and its peer deps) into a cache dir on first use, like claude-binary.ts
// does for the CLI. Not a package.json dependency: its optional deps would pull a 250 MB platform binary, and the
// tests run it with the pinned claude instead (--omit=optional).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './claude-binary.js';

/** The SDK release the SessionStore scenario is written against (its SessionStore type is @alpha). */
export const AGENT_SDK_VERSION = '0.3.337';
/** Its peer dependencies, installed beside it. */
const PEERS = ['@anthropic-ai/sdk@>=0.93.0', '@modelcontextprotocol/sdk@^1.29.0', 'zod@^4.0.0'];

export type AgentSdkInstall =
  { dir: string; entry: string; reason: null } | { dir: null; entry: null; reason: string };

const STALE_LOCK_MS = 15 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function agentSdkDir(version = AGENT_SDK_VERSION): string {
  return join(process.env.BATON_AGENT_SDK_CACHE_DIR ?? join(repoRoot, '.cache', 'agent-sdk'), version);
}

function entryOf(dir: string): string {
  return join(dir, 'node_modules', '@anthropic-ai', 'claude-agent-sdk', 'sdk.mjs');
}

/** The installed package's version, or why it is not the one asked for. */
function verify(dir: string, version: string): string | null {
  const pkg = join(dir, 'node_modules', '@anthropic-ai', 'claude-agent-sdk', 'package.json');
  if (!existsSync(pkg)) return `${pkg} does not exist`;
  const found = (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version;
  return found === version ? null : `${pkg} is ${found}, expected ${version}`;
}

function lockIsStale(lockDir: string): boolean {
  try {
    const owner = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
    if (Number.isInteger(owner) && owner > 0) {
      try {
        process.kill(owner, 0);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EPERM') return true;
      }
    }
  } catch {
    // no owner file yet: only age can tell
  }
  try {
    return Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

/** Returns the pinned SDK, installing it under a lock when missing (parallel test files wait for one install). */
export async function ensureAgentSdk(
  opts: { version?: string; log?: (l: string) => void } = {},
): Promise<AgentSdkInstall> {
  const version = opts.version ?? process.env.BATON_AGENT_SDK_VERSION ?? AGENT_SDK_VERSION;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const dir = resolve(agentSdkDir(version));
  const done = (): AgentSdkInstall => {
    const bad = verify(dir, version);
    return bad === null
      ? { dir, entry: entryOf(dir), reason: null }
      : { dir: null, entry: null, reason: bad };
  };
  if (existsSync(entryOf(dir))) return done();
  if (process.env.BATON_AGENT_SDK_NO_INSTALL === '1')
    return {
      dir: null,
      entry: null,
      reason: `agent SDK ${version} is not installed at ${dir} (install disabled)`,
    };

  const parent = resolve(dir, '..');
  mkdirSync(parent, { recursive: true });
  const lockDir = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (lockIsStale(lockDir)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    await sleep(500);
    if (existsSync(entryOf(dir)) && !existsSync(lockDir)) return done();
  }
  try {
    if (!existsSync(entryOf(dir))) {
      const staging = `${dir}.tmp-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const args = [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--omit=optional',
        '--prefix',
        staging,
        `@anthropic-ai/claude-agent-sdk@${version}`,
        ...PEERS,
      ];
      log(`agent-sdk: ${npm} ${args.join(' ')}`);
      const r = spawnSync(npm, args, {
        encoding: 'utf8',
        timeout: 10 * 60_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (r.error || r.status !== 0) {
        rmSync(staging, { recursive: true, force: true });
        const why = r.error?.message ?? `exited ${r.status}: ${(r.stderr || r.stdout).trim().slice(-800)}`;
        return { dir: null, entry: null, reason: `npm install of the agent SDK failed: ${why}` };
      }
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    }
  } finally {
    if (
      existsSync(join(lockDir, 'owner')) &&
      readFileSync(join(lockDir, 'owner'), 'utf8') === String(process.pid)
    )
      rmSync(lockDir, { recursive: true, force: true });
  }
  return done();
}

/** The SDK's exports the tests use, typed as far as they read them (the package is not a dependency). */
export interface AgentSdk {
  query(args: { prompt: string; options?: Record<string, unknown> }): AsyncIterable<SdkMessage>;
  listSessions(opts: { dir?: string; sessionStore?: unknown }): Promise<Array<{ sessionId: string }>>;
  getSessionMessages(sessionId: string, opts: { dir?: string; sessionStore?: unknown }): Promise<unknown[]>;
  importSessionToStore(
    sessionId: string,
    store: unknown,
    opts?: { dir?: string; batchSize?: number },
  ): Promise<void>;
}

export type SdkMessage = { type: string; subtype?: string; session_id?: string } & Record<string, unknown>;

export async function importAgentSdk(entry: string): Promise<AgentSdk> {
  return (await import(pathToFileURL(entry).href)) as AgentSdk;
}
