// SessionEnd hands slow work to a detached sender (only when one is bundled and a tracker is configured).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOutbox } from '../../src/capture/index.js';
import { spawnDetached } from '../../src/capture/delivery/spawn-detached.js';
import { HOOK, hookEnv, logLines, requireBuiltHook, runHookSync } from './hook-harness.js';

beforeAll(requireBuiltHook);

let root: string;
let marks: string;
let plugin: string;

/** A stand-in for dist/sender.cjs: waits (longer than the hook needs to exit), then reports. */
const FAKE_SENDER = `
setTimeout(() => {
  const fs = require('node:fs');
  const i = process.argv.indexOf('--session');
  fs.writeFileSync(process.env.MARK_DIR + '/' + process.argv[i + 1] + '.json', JSON.stringify({
    argv: process.argv.slice(2), url: process.env.BATON_URL ?? null,
  }));
}, 1500);
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-end-'));
  marks = join(root, 'marks');
  plugin = join(root, 'plugin');
  mkdirSync(marks);
  mkdirSync(join(plugin, 'dist'), { recursive: true });
  copyFileSync(HOOK, join(plugin, 'dist', 'hook.cjs'));
  writeFileSync(join(plugin, 'dist', 'sender.cjs'), FAKE_SENDER);
});
afterEach(() => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

async function waitForFile(path: string, ms = 10_000): Promise<string> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text) return text;
    }
  }
  throw new Error(`${path} never appeared`);
}

describe('SessionEnd hand-off', () => {
  it('starts the sender detached when it exists and a tracker is configured; not otherwise', async () => {
    const hook = join(plugin, 'dist', 'hook.cjs');
    const base = hookEnv(root, { MARK_DIR: marks });
    const end = (sid: string, extra: Record<string, string>) =>
      runHookSync(
        'SessionEnd',
        { session_id: sid, hook_event_name: 'SessionEnd', reason: 'other' },
        { ...base, ...extra },
        hook,
      );

    expect(end('no-tracker', {})).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(end('sync-off', { BATON_URL: 'http://127.0.0.1:9', BATON_AUTO_SYNC: '0' }).status).toBe(0);
    const withTracker = end('with-tracker', { BATON_URL: 'http://127.0.0.1:9' });
    expect(withTracker).toEqual({ status: 0, stdout: '', stderr: '' });
    // The hook has exited while its sender is still waiting: the hook did not wait for it.
    expect(existsSync(join(marks, 'with-tracker.json'))).toBe(false);

    const report = JSON.parse(await waitForFile(join(marks, 'with-tracker.json'))) as {
      argv: string[];
      url: string;
    };
    expect(report.argv).toEqual(['--session', 'with-tracker', '--data-dir', base.BATON_DATA_DIR]);
    expect(report.url).toBe('http://127.0.0.1:9');
    expect(existsSync(join(marks, 'no-tracker.json'))).toBe(false);
    expect(existsSync(join(marks, 'sync-off.json'))).toBe(false);
    // The end was recorded before the hand-off, for every session.
    for (const sid of ['no-tracker', 'sync-off', 'with-tracker']) {
      expect((await readOutbox(base.BATON_DATA_DIR!, sid)).records.map((r) => r.k)).toEqual(['end']);
    }
    expect(logLines(base.BATON_DATA_DIR!)).toEqual([]);
  });

  it('does nothing more when no sender is bundled', async () => {
    rmSync(join(plugin, 'dist', 'sender.cjs'));
    const env = hookEnv(root, { BATON_URL: 'http://127.0.0.1:9', MARK_DIR: marks });
    const r = runHookSync(
      'SessionEnd',
      { session_id: 's', reason: 'other' },
      env,
      join(plugin, 'dist', 'hook.cjs'),
    );
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await readOutbox(env.BATON_DATA_DIR!, 's')).records.map((x) => x.k)).toEqual(['end']);
  });
});

describe('spawnDetached', () => {
  it('runs a node script in the background and returns its pid', async () => {
    const script = join(root, 'child.cjs');
    writeFileSync(script, `require('node:fs').writeFileSync(process.argv[2], String(process.pid));`);
    const out = join(marks, 'child.txt');
    const pid = spawnDetached(script, [out]);
    expect(pid).toBeTypeOf('number');
    expect(await waitForFile(out)).toBe(String(pid));
  });

  it('does not throw when the script cannot start', () => {
    expect(() =>
      spawnDetached(join(root, 'missing.cjs'), [], { cwd: join(root, 'no-such-dir') }),
    ).not.toThrow();
  });
});
