// Issue 13: `npm start` (node dist/cli.js tracker serve --write-config) flooded the terminal with JSON request logs
// and buried the one-time key. Default output is now a banner with the key set apart; --log json keeps JSON lines.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts the built tracker like `npm start` on port 0, makes one request, stops it; returns its output. */
async function npmStart(extra: string[]): Promise<{ out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-serve-out-'));
  dirs.push(dir);
  const child = spawn(
    process.execPath,
    [cli, 'tracker', 'serve', '--write-config', '--port', '0', ...extra],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        BATON_DATA_DIR: join(dir, 'data'),
        XDG_CONFIG_HOME: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http\S+)/.exec(out);
      if (m && out.includes('Press Ctrl+C')) ok(m[1]!);
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { out, err };
}

it('by default: a banner with the key on its own line between rules, no JSON request log', async () => {
  const { out, err } = await npmStart([]);
  const key = /^ {6}(bt_[A-Za-z0-9_-]{43})$/m.exec(out)?.[1];
  expect(key, out).toBeDefined();
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.includes(key!));
  expect(lines[at - 1]).toBe('');
  expect(lines[at + 1]).toBe('');
  expect(lines.slice(0, at).some((l) => /^ +={20,}$/.test(l))).toBe(true);
  expect(out).toMatch(/data: +SQLite .*tracker\.db/);
  expect(out).toMatch(/config: +saved url and apiKey to .*config\.json/);
  expect(`${out}\n${err}`).not.toMatch(/"msg":"request"/);
  expect(err).not.toMatch(/\/healthz/);
});

it('--log json: JSON lines on stderr, one per request', async () => {
  const { err } = await npmStart(['--log', 'json']);
  const logs = err
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg: string; path?: string });
  expect(logs.some((l) => l.msg === 'request' && l.path === '/healthz')).toBe(true);
});
