// The local handoff index (<dataDir>/handoffs/index.json): its shape and pure helpers. No zod: the SessionStart hook reads it.

export const INDEX_VERSION = 1;
/** Oldest entries fall off past this, so the hook's read stays small. */
export const INDEX_MAX_ENTRIES = 100;
/** "Next steps" kept in the index for the SessionStart offer. */
export const INDEX_NEXT_STEPS_MAX = 1_200;

export interface HandoffIndexEntry {
  contextId: string;
  topic: string;
  /** ISO timestamp of the handoff. */
  createdAt: string;
  sessionId: string | null;
  /** The main project's name. */
  project: string;
  /** Roots of every project of the handoff plus its cwd: a session in any of them matches. */
  paths: string[];
  /** Credential-free remote URLs, to recognise the project in another checkout. */
  remotes: string[];
  branch: string | null;
  /** The stored document, relative to <dataDir>/handoffs/. */
  file: string;
  repoFile: string | null;
  nextSteps: string | null;
  resumeCommand: string | null;
  /** Where the document came from: written here, or fetched from the tracker. */
  origin: 'local' | 'tracker';
  /** Tracker id once synced. */
  trackerId: string | null;
}

export interface HandoffIndex {
  version: number;
  entries: HandoffIndexEntry[];
}

export function emptyIndex(): HandoffIndex {
  return { version: INDEX_VERSION, entries: [] };
}

function isEntry(v: unknown): v is HandoffIndexEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.contextId === 'string' &&
    typeof e.createdAt === 'string' &&
    typeof e.project === 'string' &&
    typeof e.file === 'string' &&
    Array.isArray(e.paths)
  );
}

/** Tolerant: a damaged index yields the entries that still look right, never an exception. */
export function parseIndex(text: string): HandoffIndex {
  try {
    const raw = JSON.parse(text) as { entries?: unknown };
    const entries = Array.isArray(raw?.entries) ? raw.entries.filter(isEntry) : [];
    return {
      version: INDEX_VERSION,
      entries: entries.map((e) => ({
        ...e,
        topic: typeof e.topic === 'string' ? e.topic : '',
        sessionId: typeof e.sessionId === 'string' ? e.sessionId : null,
        paths: e.paths.filter((p): p is string => typeof p === 'string'),
        remotes: Array.isArray(e.remotes) ? e.remotes.filter((r): r is string => typeof r === 'string') : [],
        branch: typeof e.branch === 'string' ? e.branch : null,
        repoFile: typeof e.repoFile === 'string' ? e.repoFile : null,
        nextSteps: typeof e.nextSteps === 'string' ? e.nextSteps : null,
        resumeCommand: typeof e.resumeCommand === 'string' ? e.resumeCommand : null,
        origin: e.origin === 'tracker' ? 'tracker' : 'local',
        trackerId: typeof e.trackerId === 'string' ? e.trackerId : null,
      })),
    };
  } catch {
    return emptyIndex();
  }
}

/** Newest first, one entry per context id, capped. */
export function upsertEntry(index: HandoffIndex, entry: HandoffIndexEntry): HandoffIndex {
  const entries = [entry, ...index.entries.filter((e) => e.contextId !== entry.contextId)];
  entries.sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.contextId.localeCompare(a.contextId),
  );
  return { version: INDEX_VERSION, entries: entries.slice(0, INDEX_MAX_ENTRIES) };
}

function normalizePath(p: string): string {
  const s = p.replace(/\\/g, '/').replace(/\/+$/, '');
  return /^[a-zA-Z]:/.test(s) ? s.toLowerCase() : s;
}

/** True when `dir` is one of the entry's paths or inside one of them. */
export function entryMatchesPath(entry: HandoffIndexEntry, dir: string): boolean {
  const d = normalizePath(dir);
  return entry.paths.some((p) => {
    const root = normalizePath(p);
    return root !== '' && (d === root || d.startsWith(`${root}/`));
  });
}

export interface ProjectKey {
  /** Directory (cwd or repo root) on this machine. */
  path?: string | null;
  name?: string | null;
  remote?: string | null;
}

/** Same path, else same remote, else same project name: another machine's checkout rarely shares the path. */
export function entryMatchesProject(entry: HandoffIndexEntry, key: ProjectKey): boolean {
  if (key.path && entryMatchesPath(entry, key.path)) return true;
  if (key.remote && entry.remotes.includes(key.remote)) return true;
  return Boolean(key.name) && entry.project === key.name;
}
