// Issue #10 (npm test teardown): a detached sender still booting when a test tears down is found and stopped.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnDetached } from '../../src/capture/delivery/spawn-detached.js';
import { stopDetached } from '../e2e/helpers/stop-detached.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Like dist/sender.cjs: takes a while to start, then holds no lock we know of and keeps writing into the data dir. */
const SLOW_WRITER = `
const fs = require('node:fs');
const dir = process.argv[process.argv.indexOf('--data-dir') + 1];
setTimeout(() => setInterval(() => { fs.mkdirSync(dir + '/sender', { recursive: true }); fs.writeFileSync(dir + '/sender/x.' + Date.now(), ''); }, 5), 300);
`;

describe('stopDetached', () => {
  it('stops a detached process of the sandbox before it even took a lock, so the sandbox can be removed', async () => {
    if (process.platform !== 'linux') return; // the process-list lookup is Linux-only; lock pids cover the rest
    root = mkdtempSync(join(tmpdir(), 'baton-stop-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const script = join(root, 'slow.cjs');
    writeFileSync(script, SLOW_WRITER);
    const pid = spawnDetached(script, ['--data-dir', dataDir])!;
    await stopDetached(dataDir, { quietMs: 500 });
    expect(() => process.kill(pid, 0)).toThrow();
    rmSync(root, { recursive: true });
    expect(existsSync(root)).toBe(false);
  }, 30_000);
});
