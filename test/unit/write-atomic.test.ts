import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/fs/write-atomic.js';

describe('writeFileAtomic', () => {
  it('creates missing directories and replaces the file whole, leaving no temp files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-atomic-'));
    const path = join(dir, 'a', 'b', 'state.json');
    writeFileAtomic(path, '{"v":1}');
    writeFileAtomic(path, '{"v":2}', { durable: true });
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['state.json']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file and no temp file behind when the rename fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-atomic-'));
    // A directory at the target makes rename() fail after the temp file was written.
    const target = join(dir, 'taken');
    writeFileAtomic(join(target, 'inner'), 'x');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
