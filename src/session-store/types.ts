// The public types of `baton/session-store`. Self-contained on purpose: the build turns this file alone into
// dist/session-store.d.ts, so it imports nothing (the Agent SDK's types are restated structurally, no dependency).

/** The Agent SDK's `SessionKey`: which transcript file of which session, in which project scope. */
export interface SessionKey {
  /** The caller's scope (the SDK's default is the sanitized cwd; a service may use a tenant or project name). */
  projectKey: string;
  sessionId: string;
  /** Undefined: the main transcript; else e.g. 'subagents/agent-<id>'. The empty string is invalid. */
  subpath?: string;
}

/** The Agent SDK's `SessionStoreEntry`: one JSONL transcript line, passed through as an opaque JSON object. */
export interface SessionStoreEntry {
  type: string;
  uuid?: string;
  timestamp?: string;
  [k: string]: unknown;
}

/** Structurally the Agent SDK's `SessionStore` (without `listSessionSummaries`, which it marks optional). */
export interface SessionStore {
  append(key: SessionKey, entries: SessionStoreEntry[]): Promise<void>;
  load(key: SessionKey): Promise<SessionStoreEntry[] | null>;
  listSessions(projectKey: string): Promise<Array<{ sessionId: string; mtime: number }>>;
  delete(key: SessionKey): Promise<void>;
  listSubkeys(key: { projectKey: string; sessionId: string }): Promise<string[]>;
}

/** A Baton SessionStore: the SDK's interface plus delivery control. */
export interface TrackerSessionStore extends SessionStore {
  /**
   * Retries every queued batch now and resolves when none is left (delivered, or dropped as permanently refused and
   * reported to `onError`). Call it before the process exits. With `timeoutMs`, rejects (code `timeout`) when
   * batches are still queued by then; they stay queued.
   */
  flush(opts?: { timeoutMs?: number }): Promise<void>;
  /** Entries accepted by `append` and not yet stored on the tracker. */
  pending(): number;
  /** Stops retrying (queued batches are lost) and releases the tracker connections. */
  close(): Promise<void>;
}

/** An error from the store: a Baton error with a stable `code` (e.g. `auth`, `conflict`, `network`, `timeout`). */
export interface TrackerSessionStoreError extends Error {
  readonly code: string;
  /** The tracker's stable reason, when it sent one (e.g. `project_key_mismatch`, `key_revoked`). */
  readonly reason?: string;
}

/** What the store calls of a Baton tracker client (the package builds one; tests may pass their own). */
export interface SessionStoreClient {
  readonly sessions: {
    appendEntries(
      sessionId: string,
      body: {
        subKey?: string;
        projectKey?: string;
        entries: Array<{ uuid?: string; line: Record<string, unknown> }>;
      },
    ): Promise<{ appended: number; duplicates: number }>;
    listEntries(
      sessionId: string,
      query: { subKey?: string; after?: number; limit?: number },
    ): Promise<{
      entries: Array<{ seq: number; uuid: string | null; line: Record<string, unknown> }>;
      next: number | null;
    }>;
    listSubkeys(sessionId: string): Promise<{ subKeys: string[] }>;
    list(query: { projectKey?: string; page?: number; limit?: number }): Promise<{
      sessions: Array<{ id: string; updatedAt: string }>;
      pagination: { page: number; limit: number; total: number };
    }>;
    delete(sessionId: string): Promise<unknown>;
    /** Deletes for good (Baton's client has it; without it `delete` moves the session to the tracker's trash). */
    purge?(sessionId: string): Promise<unknown>;
  };
  close(): Promise<void>;
}

export interface TrackerSessionStoreOptions {
  /** Tracker base URL. Default: Baton's config (BATON_URL, the config file written by `baton login`, ...). */
  url?: string;
  /** API key. Default: Baton's config (BATON_API_KEY, ...). */
  key?: string;
  /** A client to use instead of one built from `url`/`key` (it should not retry on its own: the store does). */
  client?: SessionStoreClient;
  /** Redact secrets before entries leave (default true). `<private>` spans are always cut. */
  redact?: boolean;
  /**
   * Called when a queued batch is given up: refused for good by the tracker (4xx other than 408/429) after its
   * `append` call had already returned. Default: a line on stderr.
   */
  onError?: (err: TrackerSessionStoreError, key: SessionKey) => void;
  /** Entries a single session file may hold in the queue before `append` rejects (default 20,000). */
  maxPendingEntries?: number;
}

export type CreateTrackerSessionStore = (options?: TrackerSessionStoreOptions) => TrackerSessionStore;
