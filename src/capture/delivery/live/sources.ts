// Reads the two small live sources from byte offsets: the session outbox (hook records) and the live inbox (notes).
import { appendFileSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { InboxNote, OutboxLiveEntry } from './merge.js';
import { readNewLines } from './read-new-lines.js';

/**
 * Only these outbox kinds matter to the relay. The rest — above all the transcript copies (`records`) and tool
 * results, most of the outbox by size — are skipped from their first bytes, unparsed: the relay reads the transcript.
 */
const WANTED = new Set(['prompt', 'tool_start', 'start', 'end']);
const KIND = /^\{"seq":\d+,"ts":"[^"]*","sid":"[^"]*","k":"([a-z_]+)"/;

export async function readOutboxEntries(
  path: string,
  fromByte: number,
): Promise<{ entries: OutboxLiveEntry[]; nextByte: number; shrunk: boolean }> {
  const r = await readNewLines(path, fromByte, {
    skip: (head) => {
      const k = KIND.exec(head)?.[1];
      return k !== undefined && !WANTED.has(k);
    },
  });
  const entries: OutboxLiveEntry[] = [];
  for (const line of r.lines) {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue; // a torn line (disk full); the writer repairs the file
    }
    if (typeof o.seq !== 'number' || typeof o.k !== 'string') continue;
    const e: OutboxLiveEntry = {
      seq: o.seq,
      ts: typeof o.ts === 'string' ? o.ts : new Date().toISOString(),
      k: o.k,
    };
    for (const key of ['text', 'promptId', 'name', 'toolUseId', 'agentId', 'source', 'reason'] as const) {
      if (typeof o[key] === 'string') e[key] = o[key] as string;
    }
    if ('input' in o) e.input = o.input;
    entries.push(e);
  }
  return { entries, nextByte: r.nextByte, shrunk: r.shrunk };
}

export async function readInboxNotes(
  path: string,
  fromByte: number,
): Promise<{ notes: InboxNote[]; nextByte: number; shrunk: boolean }> {
  const r = await readNewLines(path, fromByte);
  const notes: InboxNote[] = [];
  for (const line of r.lines) {
    try {
      const o = JSON.parse(line) as Partial<InboxNote>;
      if (
        typeof o.id === 'string' &&
        typeof o.text === 'string' &&
        (o.kind === 'note' || o.kind === 'status')
      ) {
        notes.push({
          id: o.id,
          kind: o.kind,
          text: o.text,
          ts: typeof o.ts === 'string' ? o.ts : new Date().toISOString(),
        });
      }
    } catch {
      // torn line: skipped
    }
  }
  return { notes, nextByte: r.nextByte, shrunk: r.shrunk };
}

/** Appends one note for the relay to stream (one write, O_APPEND: safe next to other writers). */
export function appendInboxNote(path: string, kind: InboxNote['kind'], text: string): InboxNote {
  const note: InboxNote = { id: randomUUID(), ts: new Date().toISOString(), kind, text };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  appendFileSync(path, `${JSON.stringify(note)}\n`, { mode: 0o600 });
  return note;
}
