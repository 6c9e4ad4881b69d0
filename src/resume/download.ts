// Fetches one transcript file of a session from the tracker into a staged (not yet visible) file: the file's JSONL
// streamed in one response, each line written as the tracker keeps it unless its cwd must be mapped. Lines are not
// parsed: the two fields resume needs (cwd to map, uuid when a local copy must be compared) are found in the text.
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
  try {
    let chunk = '';
    for await (const text of sessions.downloadEntries(sessionId, subKey)) {
      chunk += `${mapLine(text, rewrite, compare ? staged.uuids : null)}\n`;
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

/** Where a top-level key's string value sits in a line's text: [opening quote, closing quote]. */
type Span = [number, number];

/**
 * The spans of the record's own `cwd` and `uuid` string values, found without parsing: strings are skipped whole
 * (native indexOf to their closing quote), so only the structure between them is walked to know the depth. A key
 * is a string followed by ':' (a value never is). Texts the tracker keeps are JSON.stringify's output, so a key is
 * spelled one way and never repeated. null: not such a text (not an object, cut short, or spaced out): the caller
 * parses it instead.
 */
export function topLevelFields(text: string): { cwd?: Span; uuid?: Span } | null {
  if (text.charCodeAt(0) !== 0x7b) return null;
  const found: { cwd?: Span; uuid?: Span } = {};
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end === -1) return null;
      if (depth === 1 && text.charCodeAt(end + 1) === 0x3a && text.charCodeAt(end + 2) === 0x22) {
        const name = end - i === 4 || end - i === 5 ? text.slice(i + 1, end) : null;
        if (name === 'cwd' || name === 'uuid') {
          const close = stringEnd(text, end + 2);
          if (close === -1) return null;
          found[name] = [end + 2, close];
          i = close;
          continue;
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    // Whitespace between tokens: not JSON.stringify's spelling, so the parse decides.
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return null;
  }
  return found;
}

/** A JSON string literal's value (most carry no escape: then a plain slice). */
function stringAt(text: string, [open, close]: Span): string {
  const raw = text.slice(open + 1, close);
  return raw.includes('\\') ? (JSON.parse(text.slice(open, close + 1)) as string) : raw;
}

/**
 * A line on its way to disk: the tracker's text itself unless its cwd must be mapped, then the same text with only
 * that value replaced (what rewriteCwd does to the parsed record, without the parse and the stringify).
 */
export function mapLine(text: string, rewrite: TargetDir['rewrite'], uuids: Set<string> | null): string {
  if (!rewrite && !uuids) return text;
  const fields = topLevelFields(text);
  if (!fields) {
    // Not an object the walk understands: the parse decides (and throws on a broken line, as before).
    const line = JSON.parse(text) as Record<string, unknown>;
    if (uuids && typeof line.uuid === 'string') uuids.add(line.uuid);
    const mapped = rewriteCwd(line, rewrite);
    return mapped === line ? text : JSON.stringify(mapped);
  }
  if (uuids && fields.uuid) uuids.add(stringAt(text, fields.uuid));
  if (!rewrite || !fields.cwd) return text;
  const cwd = stringAt(text, fields.cwd);
  const mapped = rewriteCwd({ cwd }, rewrite).cwd as string;
  if (mapped === cwd) return text;
  return `${text.slice(0, fields.cwd[0])}${JSON.stringify(mapped)}${text.slice(fields.cwd[1] + 1)}`;
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
