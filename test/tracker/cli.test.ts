// The tracker CLI end to end: serve (first-start key, --write-config), keys and users commands, SIGTERM drain.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runTrackerCommand } from '../../tracker/main.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  dirs.push(dir);
  return { dir, env: { HOME: dir, BATON_DATA_DIR: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') } };
}

async function run(argv: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await runTrackerCommand(argv, {
    env,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    handleSignals: false,
  });
  return { code, out, err };
}

/** Starts `serve` in-process; resolves once it listens, with a stop() that aborts it like SIGTERM. */
async function serve(argv: string[], env: Record<string, string>) {
  const ac = new AbortController();
  let out = '';
  let err = '';
  let listening!: (u: { url: string }) => void;
  const ready = new Promise<{ url: string }>((r) => (listening = r));
  const done = runTrackerCommand(['serve', '--port', '0', ...argv], {
    env,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    signal: ac.signal,
    handleSignals: false,
    onListening: listening,
  });
  const { url } = await Promise.race([
    ready,
    done.then((c) => Promise.reject(new Error(`serve exited ${c}: ${err}`))),
  ]);
  return { url, out: () => out, err: () => err, stop: async () => (ac.abort(), done) };
}

it('first start creates the owner, prints one working key and writes the plugin config 0600', async () => {
  const { env } = sandbox();
  const s = await serve(['--write-config'], env);
  const key = /^\s+(bt_[A-Za-z0-9_-]{43})$/m.exec(s.out())?.[1];
  expect(key).toBeDefined();
  expect(s.out()).toContain(`Baton tracker listening on ${s.url}`);
  const cfgPath = join(env.XDG_CONFIG_HOME, 'baton', 'config.json');
  expect(JSON.parse(readFileSync(cfgPath, 'utf8'))).toEqual({ url: s.url, apiKey: key });
  expect(statSync(cfgPath).mode & 0o777).toBe(0o600);
  const me = await fetch(`${s.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
  expect(me.status).toBe(200);
  // Logs go to stderr (short human lines by default; --log json for JSON, see papercuts-serve-output.test.ts).
  expect(s.err().split('\n')[0]).toMatch(/ info +database ready /);
  expect(await s.stop()).toBe(0);

  // Second start: no new owner key; the config key still works, so nothing is rewritten.
  const again = await serve(['--write-config', '--port', String(new URL(s.url).port)], env);
  expect(again.out()).not.toContain('First start');
  expect(again.out()).toContain('already holds a working key');
  expect(await again.stop()).toBe(0);
});

it('manages keys and users from the command line', async () => {
  const { env } = sandbox();
  const s = await serve([], env);
  const owner = /^\s+(bt_\S+)$/m.exec(s.out())![1]!;
  await s.stop();

  const created = await run(['keys', 'create', '--name', 'ci', '--expires', '30d', '--rate', '5'], env);
  expect(created.code).toBe(0);
  const ciKey = /(bt_[A-Za-z0-9_-]{43})/.exec(created.out)![1]!;
  const listed = await run(['keys', 'list', '--json'], env);
  const keys = JSON.parse(listed.out) as Array<{
    id: string;
    name: string;
    rateLimitPerMinute: number;
    expiresAt: string | null;
  }>;
  const ci = keys.find((k) => k.name === 'ci')!;
  expect(ci.rateLimitPerMinute).toBe(5);
  expect(ci.expiresAt).not.toBeNull();
  expect(listed.out).not.toContain(ciKey);
  expect(listed.out).not.toContain(owner);
  expect((await run(['keys', 'revoke', ci.id], env)).code).toBe(0);
  expect((await run(['keys', 'list'], env)).out).toMatch(new RegExp(`${ci.id}.*revoked`));

  const user = await run(['users', 'add', '--name', 'carol'], env);
  expect(user.code).toBe(0);
  expect(user.out).toMatch(/bt_[A-Za-z0-9_-]{43}/);
  expect((await run(['users', 'list'], env)).out).toMatch(/member\s+carol/);
  expect((await run(['keys', 'list', '--user', 'carol'], env)).out).toContain('default');

  const bad = await run(['keys', 'create'], env);
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/^baton tracker: name/);
  expect((await run(['keys', 'create', '--name', 'x', '--expires', 'soon'], env)).err).toContain('expiresIn');
  expect((await run(['users', 'add', '--name', 'carol'], env)).err).toContain('exists');
  expect((await run(['bogus'], env)).code).toBe(2);
  expect((await run(['serve', '--nope'], env)).code).toBe(2);
  expect((await run(['serve', '--port', 'abc'], env)).err).toContain('invalid port');
  expect((await run(['help'], env)).out).toContain('keys <create|list|revoke>');
  expect((await run(['migrate'], env)).out).toMatch(/Database at migration \d+ \(up to date\)/);
});

it('drains in-flight requests on SIGTERM, then exits 0', async () => {
  const { env } = sandbox();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/tracker/helpers/cli-main.ts', 'serve', '--port', '0'],
    {
      env: { ...process.env, ...env, BATON_TRACKER_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/listening on http/.test(out)) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    void exited.then(() => reject(new Error(`exited early: ${err}`)));
  });
  const url = new URL(/listening on (http\S+)/.exec(out)![1]!);
  const key = /^\s+(bt_\S+)$/m.exec(out)![1]!;
  const body = JSON.stringify({ name: 'during-shutdown' });
  // Start a request, send half its body, signal, then finish: it must still be answered.
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/v1/keys',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 5));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(5)), 300);
    }, 200);
  });
  const res = await response;
  expect(res.status).toBe(201);
  expect(JSON.parse(res.text).key.name).toBe('during-shutdown');
  expect(await exited).toBe(0);
  expect(err).toMatch(/ info +shutting down /);
  expect(err).toMatch(/ info +stopped/);
});
