// The local handoff store: documents under <dataDir>/handoffs/<project-key>/ and the index next to them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../core/fs/write-atomic.js';
import { slugify } from '../core/handoff/context-id.js';
import {
  emptyIndex,
  parseIndex,
  upsertEntry,
  type HandoffIndex,
  type HandoffIndexEntry,
} from '../core/handoff/local-index.js';

export function handoffsDir(dataDir: string): string {
  return join(dataDir, 'handoffs');
}

export function indexPath(dataDir: string): string {
  return join(handoffsDir(dataDir), 'index.json');
}

/** `<name>-<hash of path>`: two checkouts named alike stay apart. */
export function projectKey(name: string, path: string | null): string {
  const hash = createHash('sha256')
    .update(path ?? name)
    .digest('hex')
    .slice(0, 8);
  return `${slugify(name) || 'project'}-${hash}`;
}

export function documentPath(dataDir: string, key: string, contextId: string): string {
  return join(handoffsDir(dataDir), key, `${contextId}.md`);
}

/** Relative to <dataDir>/handoffs, with forward slashes (stable across machines sharing a data dir). */
export function relativeToStore(dataDir: string, file: string): string {
  return relative(handoffsDir(dataDir), file).split(sep).join('/');
}

export function readIndex(dataDir: string): HandoffIndex {
  try {
    return parseIndex(readFileSync(indexPath(dataDir), 'utf8'));
  } catch {
    return emptyIndex();
  }
}

/** Written atomically: a reader (the SessionStart hook) never sees half an index. */
export function addToIndex(dataDir: string, entry: HandoffIndexEntry): void {
  writeFileAtomic(indexPath(dataDir), `${JSON.stringify(upsertEntry(readIndex(dataDir), entry), null, 2)}\n`);
}

export function updateIndexEntry(
  dataDir: string,
  contextId: string,
  patch: Partial<HandoffIndexEntry>,
): void {
  const index = readIndex(dataDir);
  const entry = index.entries.find((e) => e.contextId === contextId);
  if (!entry) return;
  addToIndex(dataDir, { ...entry, ...patch });
}

export function resolveStoredFile(dataDir: string, entry: HandoffIndexEntry): string {
  return join(handoffsDir(dataDir), ...entry.file.split('/'));
}

export function storedFileExists(dataDir: string, entry: HandoffIndexEntry): boolean {
  return existsSync(resolveStoredFile(dataDir, entry));
}
