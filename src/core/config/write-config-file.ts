// Writes the Baton config file atomically (temp file + rename), private to the user: file 0600, new dirs 0700.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BatonError } from '../errors.js';
import { writeFileAtomic } from '../fs/write-atomic.js';

/**
 * Merges `patch` into the JSON object at `path` and writes it back: keys set to `null` are removed, `undefined`
 * values are ignored, anything else replaces the old value. Returns the object written.
 * A file that exists but is not a JSON object is an error (code `config`): we never silently drop a user's settings.
 */
export function writeConfigFile(path: string, patch: Record<string, unknown>): Record<string, unknown> {
  const current = readExisting(path);
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete next[k];
    else next[k] = v;
  }
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    throw new BatonError('io', `cannot create ${dir}`, { cause });
  }
  try {
    // Durable: losing the config (it holds the API key) to a crash right after `baton login` would be a surprise.
    writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`, {
      mode: 0o600,
      dirMode: 0o700,
      durable: true,
    });
    // The umask could only narrow 0600, but be exact: this file holds an API key and must stay readable by its user.
    chmodSync(path, 0o600);
  } catch (cause) {
    throw new BatonError('io', `cannot write ${path}`, { cause });
  }
  return next;
}

function readExisting(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new BatonError('io', `cannot read ${path}`, { cause });
  }
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new BatonError('config', `${path} is not a JSON object; fix or delete it first`);
}
