// The hook's rotating log and its once-per-session warning marker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHookLog } from '../../src/capture/hook/log.js';
import { firstWarning } from '../../src/capture/hook/output.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-log-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('appendHookLog', () => {
  it('creates the data dir (0700) and appends JSON lines (0600)', () => {
    const dataDir = join(root, 'data');
    expect(
      appendHookLog(dataDir, { level: 'warn', event: 'Stop', code: 'invalid_input', message: 'm1' }),
    ).toBe(true);
    expect(appendHookLog(dataDir, { level: 'error', message: 'm2' })).toBe(true);
    const lines = readFileSync(join(dataDir, 'hook.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.message)).toEqual(['m1', 'm2']);
    expect(lines[0]).toMatchObject({ level: 'warn', event: 'Stop', code: 'invalid_input', pid: process.pid });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'hook.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates at maxBytes and keeps two old generations', () => {
    const log = (message: string): boolean =>
      appendHookLog(root, { level: 'warn', message }, { maxBytes: 200 });
    for (let i = 0; i < 40; i++) log(`line ${i} ${'x'.repeat(40)}`);
    const base = join(root, 'hook.log');
    expect(existsSync(`${base}.1`)).toBe(true);
    expect(existsSync(`${base}.2`)).toBe(true);
    expect(existsSync(`${base}.3`)).toBe(false);
    for (const f of [base, `${base}.1`, `${base}.2`]) expect(statSync(f).size).toBeLessThan(400);
    expect(readFileSync(base, 'utf8')).toContain('line 39');
  });

  it('returns false instead of throwing when the data dir is unusable', () => {
    writeFileSync(join(root, 'file'), '');
    expect(appendHookLog(join(root, 'file', 'data'), { level: 'error', message: 'x' })).toBe(false);
  });
});

describe('firstWarning', () => {
  it('is true once per session', () => {
    expect(firstWarning('s1', root)).toBe(true);
    expect(firstWarning('s1', root)).toBe(false);
    expect(firstWarning('s2', root)).toBe(true);
  });

  it('stays quiet when the marker cannot be written', () => {
    writeFileSync(join(root, 'file'), '');
    expect(firstWarning('s1', join(root, 'file'))).toBe(false);
  });
});
