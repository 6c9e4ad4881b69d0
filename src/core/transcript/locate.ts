// Finds transcripts on disk: `<configDir>/projects/<encoded cwd>/<session-id>.jsonl` and their subagent files.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BatonError } from '../errors.js';

export interface TranscriptInfo {
  path: string;
  sessionId: string;
  /** The project directory's name (the encoded cwd). */
  projectDir: string;
  mtime: Date;
  size: number;
}

export interface SubagentFile {
  path: string;
  agentId: string;
}

const MAX_DIR_NAME = 200;

/** Claude Code's own 32-bit string hash (used to keep long project directory names unique). */
function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = ((h << 5) - h + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The project directory name Claude Code uses for a cwd: every non-alphanumeric character becomes '-';
 * names over 200 characters are cut and suffixed with a hash of the full path (as Claude Code 2.1.330 does).
 */
export function encodeProjectDir(cwd: string): string {
  const name = cwd.replace(/[^a-zA-Z0-9]/g, '-');
  if (name.length <= MAX_DIR_NAME) return name;
  return `${name.slice(0, MAX_DIR_NAME)}-${Math.abs(hashString(cwd)).toString(36)}`;
}

export function projectsDir(configDir: string): string {
  return join(configDir, 'projects');
}

async function listDir(dir: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new BatonError('io', `cannot list ${dir}: ${String(code ?? cause)}`, { cause });
  }
}

async function transcriptsIn(dir: string, projectDir: string): Promise<TranscriptInfo[]> {
  const out: TranscriptInfo[] = [];
  for (const entry of await listDir(dir)) {
    if (!entry.isFile() || !entry.name.endsWith('.jsonl')) continue;
    const path = join(dir, entry.name);
    try {
      const st = await stat(path);
      out.push({ path, sessionId: entry.name.slice(0, -6), projectDir, mtime: st.mtime, size: st.size });
    } catch {
      // Deleted between listing and stat (Claude Code prunes old transcripts): not an error.
    }
  }
  return out;
}

function newestFirst(a: TranscriptInfo, b: TranscriptInfo): number {
  return b.mtime.getTime() - a.mtime.getTime() || a.path.localeCompare(b.path);
}

/** Main session transcripts of every project (not subagent files), newest first. */
export async function listTranscripts(configDir: string): Promise<TranscriptInfo[]> {
  const root = projectsDir(configDir);
  const all: TranscriptInfo[] = [];
  for (const entry of await listDir(root)) {
    if (entry.isDirectory()) all.push(...(await transcriptsIn(join(root, entry.name), entry.name)));
  }
  return all.sort(newestFirst);
}

const SESSION_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The transcript of a session id (the newest if several projects hold one), or null. */
export async function findTranscriptById(sessionId: string, configDir: string): Promise<string | null> {
  if (!SESSION_ID_RE.test(sessionId)) {
    throw new BatonError('invalid_input', `not a session id: ${JSON.stringify(sessionId.slice(0, 80))}`);
  }
  const root = projectsDir(configDir);
  let best: { path: string; mtimeMs: number } | null = null;
  for (const entry of await listDir(root)) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name, `${sessionId}.jsonl`);
    try {
      const st = await stat(path);
      if (st.isFile() && (best === null || st.mtimeMs > best.mtimeMs)) best = { path, mtimeMs: st.mtimeMs };
    } catch {
      // Not in this project.
    }
  }
  return best?.path ?? null;
}

/**
 * The most recently written transcript. With `cwd`, the newest one of that cwd's project directory wins when
 * there is one; otherwise the newest of all projects.
 */
export async function newestTranscript(configDir: string, cwd?: string): Promise<TranscriptInfo | null> {
  if (cwd !== undefined) {
    const dirName = encodeProjectDir(cwd);
    const own = (await transcriptsIn(join(projectsDir(configDir), dirName), dirName)).sort(newestFirst);
    if (own[0] !== undefined) return own[0];
  }
  return (await listTranscripts(configDir))[0] ?? null;
}

/**
 * Subagent transcripts of a session: `<dir>/<session-id>/subagents/**\/agent-<id>.jsonl` (Claude Code may
 * nest them one level deeper per agent group), sorted by path for a stable order.
 */
export async function findSubagentFiles(transcriptPath: string): Promise<SubagentFile[]> {
  const stem = basename(transcriptPath).replace(/\.jsonl$/, '');
  const dir = join(dirname(transcriptPath), stem, 'subagents');
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new BatonError('io', `cannot list ${dir}: ${String(code ?? cause)}`, { cause });
  }
  const files: SubagentFile[] = [];
  for (const rel of names.sort()) {
    const name = basename(rel);
    if (name.startsWith('agent-') && name.endsWith('.jsonl') && name.length > 12) {
      files.push({ path: join(dir, rel), agentId: name.slice(6, -6) });
    }
  }
  return files;
}
