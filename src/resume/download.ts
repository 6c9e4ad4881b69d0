// Fetches one transcript file of a session from the tracker into a staged (not yet visible) file: the file's JSONL
// streamed in one response, each line written as the tracker keeps it unless its cwd must be mapped, and parsed
// only when something needs its fields (the uuids, when a local copy must be compared; a cwd the text cannot show).
import { stat } from 'node:fs/promises';
import type { TrackerClient } from '../client/index.js';
import { openAtomicFile, type AtomicFile } from '../core/fs/write-atomic.js';
import { rewriteCwd, type TargetDir } from './target-dir.js';

export interface StagedFile {
  subKey: string;
  file: AtomicFile;
  /** Lines written. */
  lines: number;
  /**
   * The uuids of the lines that had one, gathered only when a file was already at the path (the overwrite check
   * compares them). Empty otherwise: a file that appears there meanwhile then counts as newer and is kept.
   */
  uuids: Set<string>;
}

type EntriesClient = Pick<TrackerClient['sessions'], 'downloadEntries'>;

/** Bytes gathered before a write: few writes, and memory bounded whatever the file's size. */
const WRITE_BYTES = 1 << 20;

/**
 * Stages `subKey` of `sessionId` at `path`; the caller commits or aborts it. Memory holds about a megabyte of lines
 * (and the uuids, when a local copy is compared); the work is linear in the file's size.
 */
export async function stageFile(
  sessions: EntriesClient,
  sessionId: string,
  subKey: string,
  path: string,
  rewrite: TargetDir['rewrite'],
): Promise<StagedFile> {
  const compare = await exists(path);
  const file = await openAtomicFile(path, { mode: 0o600 });
  const staged: StagedFile = { subKey, file, lines: 0, uuids: new Set() };
  const mapLine = lineMapper(rewrite);
  try {
    let chunk = '';
    for await (const text of sessions.downloadEntries(sessionId, subKey)) {
      let out: string;
      if (compare) {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (typeof line.uuid === 'string') staged.uuids.add(line.uuid);
        out = mapLine(text, line);
      } else out = mapLine(text);
      chunk += `${out}\n`;
      staged.lines++;
      if (chunk.length >= WRITE_BYTES) {
        await staged.file.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await staged.file.write(chunk);
    return staged;
  } catch (err) {
    await file.abort();
    throw err;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The line as it goes to disk: the tracker's text itself when its cwd stays, else with the cwd mapped. Texts the
 * tracker keeps are JSON.stringify's output (one spelling per value, no repeated keys), so a `"cwd":<old value>`
 * found before any `{` or `[` after the opening brace is the record's own cwd key (inside a string every quote is
 * escaped, so the pattern cannot match there): it is replaced in place. Anything less certain is parsed, mapped and
 * stringified (rewriteCwd), as every line used to be.
 */
export function lineMapper(rewrite: TargetDir['rewrite']) {
  return (text: string, parsed?: Record<string, unknown>): string => {
    if (!rewrite) return text;
    if (!text.includes('"cwd"')) return text; // no cwd key at any depth
    const at = text.indexOf('"cwd":"');
    if (at > 0 && !/[{[]/.test(text.slice(1, at))) {
      const end = stringEnd(text, at + 6);
      if (end !== -1) {
        const cwd = JSON.parse(text.slice(at + 6, end + 1)) as string;
        const mapped = rewriteCwd({ cwd }, rewrite).cwd as string;
        if (mapped === cwd) return text;
        return `${text.slice(0, at + 6)}${JSON.stringify(mapped)}${text.slice(end + 1)}`;
      }
    }
    const line = parsed ?? (JSON.parse(text) as Record<string, unknown>);
    const mapped = rewriteCwd(line, rewrite);
    return mapped === line ? text : JSON.stringify(mapped);
  };
}

/** Index of the quote closing the JSON string that opens at `open` (a quote), or -1. */
function stringEnd(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    for (let j = i - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
