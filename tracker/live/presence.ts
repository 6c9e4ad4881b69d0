// Who is watching a room (a session, or a live stream without one): names of signed-in watchers, a count of the rest,
// summed across tracker instances through the live notifier (per-instance snapshots that expire without heartbeats).
import { createHash } from 'node:crypto';
import type { LiveNotifier, LiveSignal } from './notifier.js';

/** A signed-in watcher as others see them: an opaque key (not the user id) and the display name, nothing else. */
export interface Watcher {
  id: string;
  name: string;
}

/** The `presence` SSE event. */
export interface PresenceSnapshot {
  users: Watcher[];
  anonymous: number;
}

export interface PresenceMember {
  /** Null for an anonymous watcher (counted, never named). */
  who: Watcher | null;
  onPresence(p: PresenceSnapshot): void;
  /** The session's owner: room frames (comments) reach only watchers of that owner's session of this id. */
  owner?: string;
  /** A room frame (`comment`, `reaction`, `comment_deleted`): event name and JSON data. */
  onRoom?(event: string, data: string): void;
}

interface Member extends PresenceMember {
  last: string;
}

interface Room {
  members: Set<Member>;
  remote: Map<string, { snap: PresenceSnapshot; at: number }>;
  timer: NodeJS.Timeout | null;
  lastAnnounced: string;
}

export interface LivePresenceOptions {
  instanceId: string;
  notifier: LiveNotifier;
  /** Each instance re-announces its snapshots this often; a snapshot older than 3× this is dropped (a dead instance). */
  heartbeatMs?: number;
  /** Joins and leaves are coalesced for this long: well under a second end to end, and not one NOTIFY per tab. */
  debounceMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

export type LivePresence = ReturnType<typeof createLivePresence>;

/** NOTIFY payloads are capped at 8000 bytes: past this many names per instance, signed-in watchers are counted. */
const MAX_NAMED = 40;
const MAX_NAME = 60;

/** A stable, non-reversible key for a user: dedupes tabs and instances without handing out internal ids. */
export function watcherOf(user: { userId: string; name: string }): Watcher {
  const id = createHash('sha256').update(`baton-presence:${user.userId}`).digest('hex').slice(0, 16);
  return { id, name: user.name.slice(0, MAX_NAME) };
}

/** PostgreSQL caps a NOTIFY payload at 8000 bytes: a larger frame goes to other instances as its fallback. */
const MAX_ROOM_SIGNAL = 7000;

const byName = (a: Watcher, b: Watcher) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function createLivePresence(opts: LivePresenceOptions) {
  const rooms = new Map<string, Room>();
  const now = opts.now ?? Date.now;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const debounceMs = opts.debounceMs ?? 200;
  const onError = opts.onError ?? (() => undefined);
  let ticker: NodeJS.Timeout | null = null;

  const room = (key: string): Room => {
    let r = rooms.get(key);
    if (!r) {
      r = { members: new Set(), remote: new Map(), timer: null, lastAnnounced: '' };
      rooms.set(key, r);
    }
    return r;
  };

  /** This instance's watchers of a room: one entry per user however many tabs they have open. */
  const local = (r: Room): PresenceSnapshot => {
    const users = new Map<string, Watcher>();
    let anonymous = 0;
    for (const m of r.members) {
      if (m.who) users.set(m.who.id, m.who);
      else anonymous++;
    }
    const named = [...users.values()].sort(byName);
    return { users: named.slice(0, MAX_NAMED), anonymous: anonymous + Math.max(0, named.length - MAX_NAMED) };
  };

  const merged = (r: Room): PresenceSnapshot => {
    const mine = local(r);
    const users = new Map(mine.users.map((u) => [u.id, u]));
    let anonymous = mine.anonymous;
    const cutoff = now() - heartbeatMs * 3;
    for (const [inst, e] of r.remote) {
      if (e.at < cutoff) {
        r.remote.delete(inst);
        continue;
      }
      for (const u of e.snap.users) users.set(u.id, u);
      anonymous += e.snap.anonymous;
    }
    return { users: [...users.values()].sort(byName), anonymous };
  };

  const announce = (key: string, snap: PresenceSnapshot): Promise<void> =>
    opts.notifier.publish({ type: 'presence', instance: opts.instanceId, room: key, ...snap }).catch(onError);

  /** Tells other instances about a change, then each local member the new total (once per distinct total). */
  const flush = (key: string, r: Room) => {
    const mine = local(r);
    const mineJson = JSON.stringify(mine);
    if (mineJson !== r.lastAnnounced) {
      r.lastAnnounced = mineJson;
      void announce(key, mine);
    }
    const total = merged(r);
    const json = JSON.stringify(total);
    for (const m of r.members) {
      if (m.last === json) continue;
      m.last = json;
      try {
        m.onPresence(total);
      } catch (err) {
        onError(err);
      }
    }
    if (r.members.size === 0 && r.remote.size === 0) rooms.delete(key);
  };

  const soon = (key: string, r: Room) => {
    if (r.timer) return;
    r.timer = setTimeout(() => {
      r.timer = null;
      flush(key, r);
    }, debounceMs);
    r.timer.unref();
  };

  const deliverRoom = (key: string, owner: string, event: string, data: string) => {
    const r = rooms.get(key);
    if (!r) return;
    for (const m of r.members) {
      if (m.owner !== owner || !m.onRoom) continue;
      try {
        m.onRoom(event, data);
      } catch (err) {
        onError(err);
      }
    }
  };

  const onSignal = (s: LiveSignal) => {
    if (s.instance === opts.instanceId) return;
    if (s.type === 'room') return deliverRoom(s.room, s.owner, s.event, s.data);
    if (s.type === 'presence_sync') {
      // A new instance asks for everyone's snapshot instead of waiting a heartbeat.
      for (const [key, r] of rooms) if (r.members.size > 0) void announce(key, local(r));
      return;
    }
    if (s.type !== 'presence') return;
    const r = room(s.room);
    if (s.users.length === 0 && s.anonymous === 0) r.remote.delete(s.instance);
    else r.remote.set(s.instance, { snap: { users: s.users, anonymous: s.anonymous }, at: now() });
    if (r.members.size > 0) soon(s.room, r);
    else if (r.remote.size === 0) rooms.delete(s.room);
  };

  return {
    /** Adds one connection to a room; the returned function removes it (idempotent). */
    join(key: string, member: PresenceMember): () => void {
      const r = room(key);
      const m: Member = { ...member, last: '' };
      r.members.add(m);
      soon(key, r);
      return () => {
        if (r.members.delete(m)) soon(key, r);
      };
    },
    /**
     * Sends a frame to every watcher of the room on every instance (comments, issue 14). `fallback` goes to other
     * instances instead when the frame is too large for a NOTIFY (their browsers then fetch it).
     */
    broadcast(key: string, owner: string, event: string, data: string, fallback?: string): void {
      deliverRoom(key, owner, event, data);
      const signal = { type: 'room' as const, instance: opts.instanceId, room: key, owner, event, data };
      const big = Buffer.byteLength(JSON.stringify(signal)) > MAX_ROOM_SIGNAL;
      if (big && fallback === undefined) return;
      void opts.notifier.publish(big ? { ...signal, data: fallback! } : signal).catch(onError);
    },
    snapshot(key: string): PresenceSnapshot {
      const r = rooms.get(key);
      return r ? merged(r) : { users: [], anonymous: 0 };
    },
    async start(): Promise<void> {
      await opts.notifier.listen(onSignal);
      await opts.notifier.publish({ type: 'presence_sync', instance: opts.instanceId }).catch(onError);
      ticker = setInterval(() => {
        for (const [key, r] of rooms) {
          if (r.members.size > 0) void announce(key, local(r));
          // Re-evaluates expiry: a killed instance's watchers drop out here.
          if (r.members.size > 0) soon(key, r);
          else merged(r);
          if (r.members.size === 0 && r.remote.size === 0) rooms.delete(key);
        }
      }, heartbeatMs);
      ticker.unref();
    },
    /** Withdraws this instance's snapshots at once (a clean shutdown), rather than letting them expire. */
    async close(): Promise<void> {
      if (ticker) clearInterval(ticker);
      const leaving: Promise<void>[] = [];
      for (const [key, r] of rooms) {
        if (r.timer) clearTimeout(r.timer);
        if (r.members.size > 0) leaving.push(announce(key, { users: [], anonymous: 0 }));
      }
      rooms.clear();
      await Promise.all(leaving);
    },
  };
}
