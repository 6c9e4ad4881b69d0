// Shared plumbing for the live benchmarks: child processes (tracker, viewers), stream creation, the docs section.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BENCH_DOC, writeBenchSection } from './report.js';

export interface Child {
  proc: ChildProcess;
  lines: AsyncIterator<string>;
}

/** Runs a TypeScript entry with tsx; `ulimitN` raises the open-file limit in the child's shell first. */
export function spawnTs(entry: string, args: string[], opts: { ulimitN?: number } = {}): Child {
  const node = [process.execPath, '--import', 'tsx', entry, ...args]
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const proc = opts.ulimitN
    ? spawn('bash', ['-c', `ulimit -n ${opts.ulimitN} && exec ${node}`], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { proc, lines };
}

/**
 * Bundles the benchmark tracker the way scripts/build.mjs bundles dist/tracker.js (ESM, native drivers external)
 * and runs it with plain node: memory and CPU figures then carry no TypeScript loader overhead.
 */
export async function spawnBundledServer(dbFile: string, opts: { ulimitN?: number } = {}): Promise<Child> {
  // Inside the checkout (.tmp/ is gitignored) so the external drivers resolve from node_modules, as for dist/.
  const out = join(process.cwd(), '.tmp', `live-server-${process.pid}.mjs`);
  await build({
    entryPoints: ['bench/lib/live-server.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3', 'pg', 'pg-native'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const cmd = `${opts.ulimitN ? `ulimit -n ${opts.ulimitN} && ` : ''}exec '${process.execPath}' '${out}' '${dbFile}'`;
  const proc = spawn('bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'inherit'] });
  proc.once('exit', () => rmSync(out, { force: true }));
  return { proc, lines: createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() };
}

export async function nextLine(c: Child): Promise<string> {
  const r = await c.lines.next();
  if (r.done) throw new Error('child exited before answering');
  return r.value;
}

export async function stop(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  c.proc.kill('SIGTERM');
  await new Promise((r) => c.proc.once('exit', r));
}

export async function createStream(
  url: string,
  key: string,
): Promise<{ liveId: string; producerToken: string; viewerToken: string }> {
  const r = await fetch(`${url}/api/v1/live`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (r.status !== 201) throw new Error(`create stream: ${r.status}`);
  return (await r.json()) as { liveId: string; producerToken: string; viewerToken: string };
}

/** Resident set size of a process, in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const PARENT_START = '<!-- bench:live:start -->';

/** Both live benchmarks write a subsection inside the one `bench:live` section of docs/benchmarks.md. */
export function writeLiveSubsection(name: 'live-latency' | 'live-connections', markdown: string): void {
  const text = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, 'utf8') : '';
  if (!text.includes(PARENT_START)) {
    writeBenchSection(
      'live',
      [
        '## Live streaming (SSE)',
        '',
        'Tracker and SSE viewers run in separate processes on the same 2-core machine; the tracker uses SQLite.',
        '',
        '<!-- bench:live-latency:start -->\n<!-- bench:live-latency:end -->',
        '',
        '<!-- bench:live-connections:start -->\n<!-- bench:live-connections:end -->',
      ].join('\n'),
    );
  }
  writeBenchSection(name, markdown);
}
