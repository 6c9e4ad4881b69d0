// A session's stored transcript lines, parsed for the normalizer, and a bounded cache of them so a derivation after a
// few appends reads only the new lines.
import type { TranscriptLineRecord } from '../../src/core/transcript/session-from-records.js';
import type { Store } from '../db/store.js';

/** A client keys a line without a uuid by its byte offset in the file ('@<offset>', see core/transcript/read-entries). */
const OFFSET_KEY = /^@(\d{1,15})$/;

/** Entries read per query while loading a session's files. */
const PAGE = 5000;

/** A session's lines as loaded so far: each file's parsed lines and the last seq read, so a later load adds only new ones. */
export interface LoadedLines {
  files: Map<string, { lines: TranscriptLineRecord[]; lastSeq: number }>;
  /** Some line holds an (escaped) NUL. */
  nul: boolean;
  /** Raw bytes of the lines held (what a cache of these weighs). */
  bytes: number;
  /** Whose lines: a pk SQLite hands out again after a delete must not meet another session's lines. */
  identity: string;
}

/** Every line of every file of the session, parsed, by sub key ('' the main transcript); `prev`: extended in place. */
export async function loadLines(
  store: Store,
  sessionPk: number,
  identity: string,
  prev?: LoadedLines,
): Promise<LoadedLines> {
  const loaded = prev?.identity === identity ? prev : { files: new Map(), nul: false, bytes: 0, identity };
  for (const subKey of await store.transcriptEntries.listSubkeys(sessionPk)) {
    let file = loaded.files.get(subKey);
    if (!file) loaded.files.set(subKey, (file = { lines: [], lastSeq: 0 }));
    for (;;) {
      const page = await store.transcriptEntries.load(sessionPk, subKey, {
        afterSeq: file.lastSeq,
        limit: PAGE,
      });
      for (const e of page) {
        // A stored line is JSON text, so a NUL in it is always escaped.
        if (!loaded.nul && e.text.includes('\\u0000')) loaded.nul = true;
        const line: TranscriptLineRecord = {
          record: JSON.parse(e.text) as Record<string, unknown>,
          bytes: Buffer.byteLength(e.text),
        };
        // A client keys a line without a uuid by its byte offset in the file ('@<offset>', see read-entries).
        const at = e.uuid === null ? null : OFFSET_KEY.exec(e.uuid);
        if (at) line.offset = Number(at[1]);
        file.lines.push(line);
        loaded.bytes += line.bytes!;
        file.lastSeq = e.seq;
      }
      if (page.length < PAGE) break;
      // Requests run between pages (on SQLite a page is read and parsed in one synchronous stretch).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return loaded;
}

/**
 * Parsed lines of the sessions derived lately, so a derivation after a few appends reads only the new lines. Bounded
 * by raw bytes (least recently derived first out); a session too big for it is read whole each time.
 */
export interface LinesCache {
  take(sessionPk: number): LoadedLines | undefined;
  keep(sessionPk: number, lines: LoadedLines): void;
  drop(sessionPk: number): void;
}

export function createLinesCache(maxBytes = 64 * 1024 * 1024): LinesCache {
  const held = new Map<number, LoadedLines>();
  let total = 0;
  const drop = (pk: number) => {
    const l = held.get(pk);
    if (!l) return;
    total -= l.bytes;
    held.delete(pk);
  };
  return {
    take(pk) {
      const l = held.get(pk);
      drop(pk);
      return l;
    },
    keep(pk, lines) {
      drop(pk);
      if (lines.bytes > maxBytes / 4) return;
      held.set(pk, lines);
      total += lines.bytes;
      for (const [oldest] of held) {
        if (total <= maxBytes) break;
        drop(oldest);
      }
    },
    drop,
  };
}
