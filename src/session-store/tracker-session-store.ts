// An Agent SDK SessionStore on the tracker's transcript entries: appends go through the egress gate and an in-order
// retrying queue, loads page the stored lines back, listings read the sessions filed under a projectKey.
import { createEgressGate, type EgressGate } from '../core/egress/index.js';
import { BatonError, reasonOf } from '../core/errors.js';
import { isPlainObject } from '../core/transcript/guards.js';
import { createDeliveryQueue } from './delivery-queue.js';
import { sessionKeyOf, trackerKeyOf, type TrackerKey } from './key.js';
import type { StoreClients } from './connect.js';
import type {
  SessionKey,
  SessionStoreEntry,
  TrackerSessionStore,
  TrackerSessionStoreError,
  TrackerSessionStoreOptions,
} from './types.js';

/** Lines per request: well under the tracker's 10,000, and small enough for its body limit with large tool output. */
const CHUNK = 500;
const PAGE = 1000;
const LIST_PAGE = 100;

export interface StoreDeps {
  clients: StoreClients;
  gate: EgressGate;
  onError: NonNullable<TrackerSessionStoreOptions['onError']>;
  maxPendingEntries: number;
}

export function defaultGate(opts: TrackerSessionStoreOptions): EgressGate {
  return createEgressGate({ redact: opts.redact !== false });
}

export function reportToStderr(err: TrackerSessionStoreError, key: SessionKey): void {
  const where = `${key.sessionId}${key.subpath ? `/${key.subpath}` : ''}`;
  process.stderr.write(`baton session store: dropped a batch of ${where}: ${err.code}: ${err.message}\n`);
}

/** An entry that came out of the gate (sealed, so a later `gate.body` passes it through untouched). */
type GatedItem = { subKey?: string; uuid?: string; line: Record<string, unknown> };

const notFound = (err: unknown) => err instanceof BatonError && err.code === 'not_found';

export function createStoreOn(deps: StoreDeps): TrackerSessionStore {
  const { clients, gate } = deps;

  /** Sessions the tracker files under another projectKey: their appends go without one. */
  const filedElsewhere = new Set<string>();

  /** One request for gated items of one file. Items already gated pass the gate as they are: only the body is new. */
  async function send(key: TrackerKey, items: GatedItem[]): Promise<void> {
    const body = (projectKey?: string) =>
      gate.body({ subKey: key.subKey, ...(projectKey ? { projectKey } : {}), entries: items }, key.sessionId);
    if (filedElsewhere.has(key.sessionId)) {
      await clients.write.sessions.appendEntries(key.sessionId, body());
      return;
    }
    try {
      await clients.write.sessions.appendEntries(key.sessionId, body(key.projectKey));
    } catch (err) {
      // The session is filed under the projectKey of its first append. Resumed from another cwd (another default
      // projectKey), its new lines still belong to it: they are stored, and it stays listed where it was.
      if (reasonOf(err) !== 'project_key_mismatch') throw err;
      filedElsewhere.add(key.sessionId);
      await clients.write.sessions.appendEntries(key.sessionId, body());
    }
  }

  const queue = createDeliveryQueue<GatedItem>({
    send,
    onDropped: (err, key) => deps.onError(asStoreError(err), sessionKeyOf(key)),
    maxPendingEntries: deps.maxPendingEntries,
    maxItemsPerSend: CHUNK,
  });

  return {
    async append(key, entries) {
      const k = trackerKeyOf(key);
      if (!Array.isArray(entries) || !entries.every(isPlainObject))
        throw new BatonError('invalid_input', 'session store: entries must be an array of JSON objects');
      const sends: Promise<void>[] = [];
      for (let i = 0; i < entries.length; i += CHUNK) {
        // Gated here, in call order: the gate follows each file's lines in order (pauses, parentUuid relinks).
        const body = gate.body(
          {
            subKey: k.subKey,
            projectKey: k.projectKey,
            entries: entries.slice(i, i + CHUNK).map((line) => ({ line })),
          },
          k.sessionId,
        );
        const items = body.entries as GatedItem[];
        // The gate names the file on every item (the shape push and upload bodies carry); this route names it once
        // per request and takes items as { uuid?, line }. Dropping the copy changes nothing the gate decided.
        for (const item of items) delete item.subKey;
        if (items.length > 0) sends.push(queue.enqueue(k, items));
      }
      await Promise.all(sends);
    },

    async load(key) {
      const k = trackerKeyOf(key);
      // What this store accepted is on the tracker before it is read back.
      await queue.drained(k);
      const out: SessionStoreEntry[] = [];
      let after = 0;
      for (;;) {
        let page;
        try {
          page = await clients.read.sessions.listEntries(k.sessionId, {
            subKey: k.subKey,
            after,
            limit: PAGE,
          });
        } catch (err) {
          if (notFound(err)) return null;
          throw err;
        }
        for (const e of page.entries) out.push(e.line as SessionStoreEntry);
        if (page.next === null) break;
        after = page.next;
      }
      return out.length > 0 ? out : null;
    },

    async listSessions(projectKey) {
      if (typeof projectKey !== 'string' || projectKey.length === 0)
        throw new BatonError('invalid_input', 'session store: projectKey must be a non-empty string');
      const out: Array<{ sessionId: string; mtime: number }> = [];
      for (let page = 1; ; page++) {
        const res = await clients.read.sessions.list({ projectKey, page, limit: LIST_PAGE });
        for (const s of res.sessions)
          out.push({ sessionId: s.id, mtime: Math.floor(Date.parse(s.updatedAt)) });
        if (res.sessions.length < LIST_PAGE || page * LIST_PAGE >= res.pagination.total) break;
      }
      return out;
    },

    async listSubkeys(key) {
      const k = trackerKeyOf(key);
      try {
        const { subKeys } = await clients.read.sessions.listSubkeys(k.sessionId);
        return subKeys.filter((s) => s !== '');
      } catch (err) {
        if (notFound(err)) return [];
        throw err;
      }
    },

    async delete(key) {
      const k = trackerKeyOf(key);
      // The tracker deletes whole sessions; dropping one subagent file would leave the session's events (derived
      // from it) pointing at lines that are gone. The SDK itself only ever deletes main keys.
      if (k.subKey !== '')
        throw new BatonError(
          'invalid_input',
          'session store: a subagent transcript cannot be deleted alone; delete the session (no subpath)',
        );
      await queue.cancelSession(k.sessionId);
      try {
        // Purged, not trashed: the SDK's delete means gone, and a later append under the same key must be readable
        // by `load` (a trashed session keeps taking writes but hides them until restored).
        const { sessions } = clients.write;
        await (sessions.purge ? sessions.purge(k.sessionId) : sessions.delete(k.sessionId));
      } catch (err) {
        if (!notFound(err)) throw err;
      }
    },

    flush: (opts) => queue.flush(opts?.timeoutMs),
    pending: () => queue.pending(),
    async close() {
      queue.close();
      await clients.close();
    },
  };
}

function asStoreError(err: unknown): TrackerSessionStoreError {
  if (err instanceof BatonError) return err;
  return new BatonError('internal', err instanceof Error ? err.message : String(err), { cause: err });
}
