// Two tracker instances on one PostgreSQL schema for the cross-instance browser tests: admin SQL and a child instance.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { withUser } from '../../tracker/live/pg-notifier.js';

export const PG_URL = withUser(process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');

/** Runs one statement as the test user; returns why it failed (the skip reason when PostgreSQL is absent), or null. */
export async function pgAdmin(sql: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query(sql);
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL}: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface ChildInstance {
  child: ChildProcess;
  url: string;
  /** SIGTERM and wait for the exit, unless it already exited (or was killed by the test). */
  stop(): Promise<void>;
}

/**
 * A second instance in its own process (test/tracker/live-server-main.ts, presence heartbeat 1 s) on the same
 * schema: its own hub, presence and LISTEN connection, so only PostgreSQL NOTIFY links it to the first.
 */
export async function startChildInstance(schema: string): Promise<ChildInstance> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/tracker/live-server-main.ts', PG_URL, schema, '15000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return {
    child,
    url: (JSON.parse(line) as { url: string }).url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
