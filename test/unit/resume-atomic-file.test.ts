// The staged writes resume relies on (openAtomicFile): until commit the target keeps its old content, a reader never
// sees a part of the new one, abort leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openAtomicFile } from '../../src/core/fs/write-atomic.js';

it('writes piece by piece out of sight, then replaces the target whole on commit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-atomic-file-'));
  const target = join(dir, 'projects', 'p', 'session.jsonl');
  const f = await openAtomicFile(target);
  await f.write('{"a":1}\n');
  await f.write(Buffer.from('{"b":2}\n'));
  expect(existsSync(target)).toBe(false);
  expect(f.bytes).toBe(16);
  await f.commit();
  expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
  expect(statSync(target).mode & 0o777).toBe(0o600);
  expect(readdirSync(join(dir, 'projects', 'p'))).toEqual(['session.jsonl']);
  await f.abort(); // after commit: a no-op
  expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
});

it('abort keeps the old file and removes the temp file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-atomic-file-'));
  const target = join(dir, 'session.jsonl');
  writeFileSync(target, 'old\n');
  const f = await openAtomicFile(target);
  await f.write('new, half written');
  expect(readFileSync(target, 'utf8')).toBe('old\n');
  await f.abort();
  expect(readFileSync(target, 'utf8')).toBe('old\n');
  expect(readdirSync(dir)).toEqual(['session.jsonl']);
  await expect(f.commit()).rejects.toThrow(/already aborted/);
});
