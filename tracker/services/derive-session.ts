// A session derived from its stored transcript entries by the client's own normalizer (src/core/transcript): its
// events, meta, totals and search documents written in one transaction (only the new events when the stored ones
// still match). Used after SessionStore appends (debounced, see derive-queue.ts) and by `baton tracker rebuild`.
import { sessionFromRecords } from '../../src/core/transcript/session-from-records.js';
import { SessionEvent, type Session } from '../../src/core/model/session.js';
import type { EventItem, SessionSource, SessionStatus, StoredEvent } from '../../src/core/api/index.js';
import type { SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { withoutNul } from '../db/nul.js';
import type { Logger } from '../log.js';
import { createDeriveQueue, type DeriveQueue } from './derive-queue.js';
import { createLinesCache, loadLines, type LinesCache } from './entry-lines.js';
import { safeJson, toEventRow } from './event-rows.js';
import { noopPublisher, safePublisher, type EventPublisher } from './publisher.js';
import { fullSessionWrite, writeSession } from './session-writer.js';

/**
 * Lets pending I/O (requests) run. On SQLite every query of a derivation is synchronous, so without these a
 * derivation is one long block of the event loop and every append that arrives meanwhile waits all of it out.
 */
const letIoRun = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Events compared or converted between two such breaks. */
const SLICE = 250;

/** Sources whose events exist only as derived from entries: a SessionStore's sessions. */
const DERIVED_SOURCES: ReadonlySet<SessionSource> = new Set(['session-store']);

/** The Session its entries make, or null when it holds none. `cache`: lines loaded by an earlier derivation. */
export async function sessionFromEntries(
  store: Store,
  row: SessionRow,
  cache?: LinesCache,
): Promise<Session | null> {
  const pk = Number(row.pk);
  const loaded = await loadLines(
    store,
    pk,
    `${row.user_id}/${row.id}/${Number(row.created_at)}`,
    cache?.take(pk),
  );
  cache?.keep(pk, loaded);
  if (loaded.files.size === 0) return null;
  const files = new Map([...loaded.files].map(([subKey, f]) => [subKey, f.lines]));
  const main = files.get('') ?? [];
  files.delete('');
  const session = await sessionFromRecords({ sessionId: row.id, main, files });
  // Text columns (title, cwd, search documents) cannot hold NUL on PostgreSQL; the entries themselves keep it.
  return loaded.nul ? (withoutNul(session) as Session) : session;
}

export interface DeriveResult {
  sessionId: string;
  userId: string;
  status: SessionStatus;
  events: number;
  /** The events this derivation stored (all of them when it replaced the stored ones). */
  inserted: StoredEvent[];
  /** True when the stored events were replaced (some changed), false when new ones were only added. */
  replaced: boolean;
}

function asPushed(item: EventItem): EventItem {
  const parsed = SessionEvent.safeParse(item.event);
  return parsed.success ? { ...item, event: parsed.data } : item;
}

/**
 * The stored events' uuids when each stored event is exactly one the derivation gives (same seq, turn, chain and
 * payload), else null: then the derivation only adds events, and the write can leave the stored ones in place.
 */
async function unchangedPrefix(
  store: Store,
  sessionPk: number,
  items: EventItem[],
): Promise<Set<string> | null> {
  const derived = new Map(items.map((it) => [it.event.uuid, toEventRow(it)]));
  const stored = new Set<string>();
  for await (const e of store.events.iterate(sessionPk)) {
    if (stored.size % SLICE === SLICE - 1) await letIoRun();
    const d = derived.get(e.uuid);
    if (
      !d ||
      d.seq !== Number(e.seq) ||
      d.turn_index !== Number(e.turn_index) ||
      d.agent_id !== e.agent_id ||
      d.payload !== e.payload ||
      e.truncated_from !== null
    )
      return null;
    stored.add(e.uuid);
  }
  return stored;
}

/**
 * Makes the session's events, totals, meta and search documents those derived from its entries. When the stored
 * events are all still derived the same way (the common case: lines were appended), only the new ones are written,
 * so the session row stays locked briefly; otherwise they are replaced. A title the owner set stays; one that came
 * from the previous derivation (the old meta's) is derived again.
 */
export async function deriveSession(
  store: Store,
  sessionPk: number,
  now: number,
  cache?: LinesCache,
): Promise<DeriveResult | null> {
  const row = await store.sessions.findByPk(sessionPk);
  if (!row) {
    cache?.drop(sessionPk);
    return null;
  }
  const derived = await sessionFromEntries(store, row, cache);
  if (!derived) return null;
  await letIoRun();
  // The row's id, whatever the records say (a store may keep lines under another id than their sessionId).
  const session: Session = { ...derived, meta: { ...derived.meta, id: row.id } };
  const full = fullSessionWrite(row.user_id, session, {
    source: row.source as SessionSource,
    status: row.status as SessionStatus,
  });
  // Through the contract's schema, as a pushed event is: stored payloads then match byte for byte (key order too).
  const items: EventItem[] = [];
  for (const item of full.items) {
    if (items.length % SLICE === SLICE - 1) await letIoRun();
    items.push(asPushed(item));
  }
  const write = { ...full, items };
  await letIoRun();
  const kept = await unchangedPrefix(store, sessionPk, write.items);
  await letIoRun();
  return store.transaction(async (repos) => {
    const locked = await repos.sessions.lockByUserAndId(row.user_id, row.id);
    if (!locked) return null;
    const oldMeta = safeJson(locked.meta) as { title?: string } | undefined;
    const keepTitle = locked.title !== null && locked.title !== (oldMeta?.title ?? null);
    if (kept === null) {
      await repos.events.clear(Number(locked.pk));
      await repos.sessions.update(Number(locked.pk), {
        event_count: 0,
        started_at: null,
        ended_at: null,
        ...(keepTitle ? {} : { title: null }),
      });
    } else if (!keepTitle) await repos.sessions.update(Number(locked.pk), { title: null });
    const items = kept === null ? write.items : write.items.filter((it) => !kept.has(it.event.uuid));
    const result = await writeSession(
      repos,
      { ...write, items, status: locked.status as SessionStatus },
      now,
    );
    return {
      sessionId: row.id,
      userId: row.user_id,
      status: result.row.status as SessionStatus,
      events: Number(result.row.event_count),
      inserted: result.inserted,
      replaced: kept === null,
    };
  });
}

/** What services call after an entries append: derive the session later, off the request path, when it is derived. */
export interface SessionDeriver {
  changed(row: Pick<SessionRow, 'pk' | 'source'>): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createSessionDeriver(opts: {
  store: Store;
  logger: Logger;
  now: () => number;
  intervalMs?: number;
  /** Live viewers hear of derived events as of pushed ones. */
  events?: EventPublisher;
}): SessionDeriver {
  const cache = createLinesCache();
  const live = safePublisher(opts.events ?? noopPublisher, (err) =>
    opts.logger.warn('live publish failed', { error: String(err) }),
  );
  const publish = (r: DeriveResult) => {
    if (!r.replaced && r.inserted.length > 0)
      live.publish(r.sessionId, {
        type: 'events.appended',
        userId: r.userId,
        sessionId: r.sessionId,
        events: r.inserted,
      });
    live.publish(r.sessionId, {
      type: 'session.upserted',
      userId: r.userId,
      sessionId: r.sessionId,
      status: r.status,
      eventCount: r.events,
    });
  };
  const queue: DeriveQueue = createDeriveQueue({
    run: async (pk) => {
      try {
        const r = await deriveSession(opts.store, pk, opts.now(), cache);
        if (r) publish(r);
      } catch (err) {
        // A failed derivation may have read part of the lines: the next one starts from scratch.
        cache.drop(pk);
        throw err;
      }
    },
    logger: opts.logger,
    ...(opts.intervalMs === undefined ? {} : { intervalMs: opts.intervalMs }),
  });
  return {
    changed(row) {
      if (DERIVED_SOURCES.has(row.source as SessionSource)) queue.schedule(Number(row.pk));
    },
    flush: queue.flush,
    close: queue.close,
  };
}
