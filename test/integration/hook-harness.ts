// Runs the real bundled hook (dist/hook.cjs) as a child process with an isolated env, for the hook-* suites.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
export const HOOK = join(REPO, 'dist', 'hook.cjs');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'hooks');

export function requireBuiltHook(): void {
  if (!existsSync(HOOK))
    throw new Error(`${HOOK} is missing: run \`node scripts/build.mjs\` (npm test does) first`);
}

/** Only what the hook needs: no BATON_* or CLAUDE_* from the developer's shell may leak into a test. */
export function hookEnv(root: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(root, 'home'),
    TMPDIR: join(root, 'tmp'),
    BATON_DATA_DIR: join(root, 'data'),
    ...extra,
  };
}

export interface HookRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runHookSync(
  event: string,
  stdin: unknown,
  env: Record<string, string>,
  script = HOOK,
): HookRun {
  const r = spawnSync(process.execPath, [script, event], {
    input: typeof stdin === 'string' ? stdin : JSON.stringify(stdin),
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runHookAsync(event: string, stdin: unknown, env: Record<string, string>): Promise<HookRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOOK, event], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(typeof stdin === 'string' ? stdin : JSON.stringify(stdin));
  });
}

/** Real payloads captured from Claude Code 2.1.330. */
export function hookFixtures(): Record<string, unknown>[] {
  return readFileSync(join(FIXTURES, 'hook-inputs.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Real transcript records (old and new shapes), one JSON string each. */
export function transcriptLines(): string[] {
  return readFileSync(join(FIXTURES, 'transcript.jsonl'), 'utf8').split('\n').filter(Boolean);
}

export function logLines(dataDir: string): Record<string, unknown>[] {
  const path = join(dataDir, 'hook.log');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
