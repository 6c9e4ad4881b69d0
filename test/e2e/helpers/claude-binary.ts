// Provisions the pinned `claude` CLI into a cache dir on first use (npm install under a lock) and finds it later.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Claude Code release the e2e suite is written against; the transcript format changes between releases. */
export const CLAUDE_CODE_VERSION = '2.1.330';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ClaudeBinaryOptions {
  version?: string;
  /** Parent of the per-version dirs. Default: BATON_CLAUDE_CACHE_DIR or <repo>/.cache/claude-code. */
  cacheDir?: string;
  /** Install when missing (default true). BATON_CLAUDE_NO_INSTALL=1 also turns it off. */
  install?: boolean;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export type ClaudeBinary = { path: string; version: string; reason: null } | { path: null; reason: string };

// A lock older than this is assumed abandoned (a full install takes well under it on a slow link).
const STALE_LOCK_MS = 15 * 60_000;
const POLL_MS = 500;

export function defaultCacheDir(): string {
  return process.env.BATON_CLAUDE_CACHE_DIR ?? join(repoRoot, '.cache', 'claude-code');
}

/** Where the binary lives once installed for `version` under `cacheDir`. */
export function claudeBinaryPath(cacheDir: string, version: string): string {
  return join(
    cacheDir,
    version,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'claude.cmd' : 'claude',
  );
}

/** Runs `<bin> --version` and checks it reports `version`; returns a reason when it does not. */
function verify(bin: string, version: string): string | null {
  if (!existsSync(bin)) return `${bin} does not exist`;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return `${bin} --version failed: ${r.error.message}`;
  if (r.status !== 0) return `${bin} --version exited ${r.status}: ${r.stderr.trim().slice(0, 300)}`;
  if (!r.stdout.startsWith(version)) return `${bin} reports ${r.stdout.trim()}, expected ${version}`;
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** mkdir is atomic: whoever creates the lock dir installs; the others wait for it to disappear. */
function tryLock(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, 'owner'), String(process.pid));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

function lockIsStale(lockDir: string): boolean {
  try {
    const age = Date.now() - statSync(lockDir).mtimeMs;
    const owner = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
    if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) return true;
    return age > STALE_LOCK_MS;
  } catch {
    // No owner file yet: the owner is between mkdir and write; only age can tell.
    try {
      return Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS;
    } catch {
      return false;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function npmInstall(prefix: string, version: string, log: (l: string) => void): string | null {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = [
    'install',
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--prefix',
    prefix,
    `@anthropic-ai/claude-code@${version}`,
  ];
  log(`claude-binary: ${npm} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(npm, args, {
    encoding: 'utf8',
    timeout: 20 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) return `npm install failed: ${r.error.message}`;
  if (r.status !== 0) return `npm install exited ${r.status}: ${(r.stderr || r.stdout).trim().slice(-800)}`;
  log(`claude-binary: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return null;
}

/**
 * Returns the pinned binary, installing it first when missing. Safe to call from parallel test files:
 * one process installs (into a temp dir, then renamed into place), the others wait on the lock.
 */
export async function ensureClaudeBinary(opts: ClaudeBinaryOptions = {}): Promise<ClaudeBinary> {
  // BATON_CLAUDE_VERSION runs the suite against another release (e.g. the current one) without changing the pin.
  const version = opts.version ?? process.env.BATON_CLAUDE_VERSION ?? CLAUDE_CODE_VERSION;
  const cacheDir = resolve(opts.cacheDir ?? defaultCacheDir());
  const install = (opts.install ?? true) && process.env.BATON_CLAUDE_NO_INSTALL !== '1';
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const bin = claudeBinaryPath(cacheDir, version);

  if (existsSync(bin)) {
    const bad = verify(bin, version);
    return bad === null ? { path: bin, version, reason: null } : { path: null, reason: bad };
  }
  if (!install)
    return { path: null, reason: `claude ${version} is not installed at ${bin} (install disabled)` };

  mkdirSync(cacheDir, { recursive: true });
  const lockDir = join(cacheDir, `${version}.lock`);
  for (;;) {
    if (tryLock(lockDir)) break;
    if (lockIsStale(lockDir)) {
      log(`claude-binary: removing stale lock ${lockDir}`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    await sleep(POLL_MS);
    // Someone else finished while we waited.
    if (existsSync(bin) && !existsSync(lockDir)) break;
  }

  try {
    if (!existsSync(bin)) {
      const staging = join(cacheDir, `${version}.tmp-${process.pid}`);
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      const failed = npmInstall(staging, version, log);
      if (failed) {
        rmSync(staging, { recursive: true, force: true });
        return { path: null, reason: failed };
      }
      // The package hard-links the platform binary into bin/, so moving the whole prefix keeps it valid.
      rmSync(join(cacheDir, version), { recursive: true, force: true });
      renameSync(staging, join(cacheDir, version));
    }
  } finally {
    if (
      existsSync(join(lockDir, 'owner')) &&
      readFileSync(join(lockDir, 'owner'), 'utf8') === String(process.pid)
    ) {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }

  const bad = verify(bin, version);
  return bad === null ? { path: bin, version, reason: null } : { path: null, reason: bad };
}
