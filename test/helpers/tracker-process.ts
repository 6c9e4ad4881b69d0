// A real tracker as its own process (dist/cli.js tracker serve) that tests can SIGKILL and restart on the same port/DB.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface TrackerProcess {
  url: string;
  port: number;
  /** The owner key, printed on the first start only. */
  ownerKey: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  /** SIGKILL: no graceful shutdown, in-flight requests are cut. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node scripts/build.mjs\` first`);
}

function launch(
  port: number,
  db: string,
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; url: string; key: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [CLI, 'tracker', 'serve', '--port', String(port), '--db', db, '--log-level', 'error'],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`tracker did not start in 20 s: ${out}${err}`)), 20_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(e);
    };
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('Press Ctrl+C')) return;
      clearTimeout(timer);
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const key = /^\s+(bt_\S+)\s*$/m.exec(out)?.[1] ?? null;
      if (!url) return fail(new Error(`no URL in tracker output: ${out}`));
      resolve({ proc, url, key });
    });
    proc.on('exit', (code) => fail(new Error(`tracker exited with ${code}: ${out}${err}`)));
  });
}

export async function startTrackerProcess(opts: {
  db: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<TrackerProcess> {
  requireBuiltCli();
  const env = opts.env ?? {};
  const first = await launch(opts.port ?? 0, opts.db, env);
  let proc = first.proc;
  const { url, key } = first;
  let alive = true;
  const port = Number(new URL(url).port);
  const exited = () =>
    new Promise<void>((r) =>
      proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once('exit', () => r()),
    );
  const t: TrackerProcess = {
    url,
    port,
    ownerKey: key ?? '',
    get pid() {
      return proc.pid;
    },
    get running() {
      return alive;
    },
    async kill() {
      proc.removeAllListeners('exit');
      proc.kill('SIGKILL');
      await exited();
      alive = false;
    },
    async start() {
      ({ proc } = await launch(port, opts.db, env));
      alive = true;
    },
    async stop() {
      if (!alive) return;
      proc.removeAllListeners('exit');
      proc.kill('SIGTERM');
      await exited();
      alive = false;
    },
  };
  // Once started, an unexpected exit is not a start failure any more.
  proc.removeAllListeners('exit');
  return t;
}
