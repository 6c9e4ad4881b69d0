// In-process fan-out of live stream events, statuses and viewer counts to this instance's SSE subscribers.
import type { LiveStatusData } from '../../src/core/api/live.js';
import type { LiveNotifier, LiveSignal } from './notifier.js';
import type { LiveStore, StoredLiveEvent } from './store.js';

export interface LiveSubscriber {
  /** Counted in the published viewer count (owner and producer connections are not). */
  viewer: boolean;
  onEvents(events: StoredLiveEvent[]): void;
  onStatus(data: LiveStatusData): void;
  onViewers(count: number): void;
}

interface Channel {
  subs: Set<LiveSubscriber>;
  localViewers: number;
  remote: Map<string, { count: number; at: number }>;
  viewersTimer: NodeJS.Timeout | null;
  lastPublishedTotal: number;
  lastAnnounced: number;
  /** Remote signals are applied in arrival order even though reading their events is asynchronous. */
  chain: Promise<void>;
}

export interface LiveHubOptions {
  instanceId: string;
  store: LiveStore;
  notifier: LiveNotifier;
  /** How often each instance re-announces its viewer counts; remote counts older than 3× this are dropped. */
  presenceMs?: number;
  /** Viewer-count changes are coalesced for this long so 1,000 joins do not cost 1,000² writes. */
  viewersDebounceMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

export interface LiveHub {
  subscribe(liveId: string, sub: LiveSubscriber): () => void;
  /** Called after this instance stored events: delivers locally at once and signals the other instances. */
  eventsStored(liveId: string, events: StoredLiveEvent[]): void;
  statusChanged(liveId: string, data: LiveStatusData): void;
  viewerCount(liveId: string): number;
  stats(): { streams: number; connections: number; viewers: number };
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createLiveHub(opts: LiveHubOptions): LiveHub {
  const channels = new Map<string, Channel>();
  const now = opts.now ?? Date.now;
  const presenceMs = opts.presenceMs ?? 15_000;
  const debounceMs = opts.viewersDebounceMs ?? 250;
  const onError = opts.onError ?? (() => undefined);
  let presenceTimer: NodeJS.Timeout | null = null;

  const channel = (liveId: string): Channel => {
    let ch = channels.get(liveId);
    if (!ch) {
      ch = {
        subs: new Set(),
        localViewers: 0,
        remote: new Map(),
        viewersTimer: null,
        lastPublishedTotal: -1,
        lastAnnounced: 0,
        chain: Promise.resolve(),
      };
      channels.set(liveId, ch);
    }
    return ch;
  };
  const total = (ch: Channel): number => {
    let n = ch.localViewers;
    const cutoff = now() - presenceMs * 3;
    for (const [inst, r] of ch.remote) {
      if (r.at < cutoff) ch.remote.delete(inst);
      else n += r.count;
    }
    return n;
  };
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      onError(err);
    }
  };
  const broadcastViewersSoon = (liveId: string, ch: Channel) => {
    if (ch.viewersTimer) return;
    ch.viewersTimer = setTimeout(() => {
      ch.viewersTimer = null;
      // Other instances hear about this instance's count once per window too, not once per connect.
      if (ch.localViewers !== ch.lastAnnounced) {
        ch.lastAnnounced = ch.localViewers;
        announce(liveId, ch.localViewers);
      }
      const n = total(ch);
      if (n === ch.lastPublishedTotal) return;
      ch.lastPublishedTotal = n;
      for (const s of ch.subs) safe(() => s.onViewers(n));
      if (ch.subs.size === 0 && ch.remote.size === 0) channels.delete(liveId);
    }, debounceMs);
    ch.viewersTimer.unref();
  };
  const announce = (liveId: string, count: number) => {
    opts.notifier.publish({ type: 'viewers', instance: opts.instanceId, liveId, count }).catch(onError);
  };

  const onSignal = (s: LiveSignal) => {
    if (
      s.instance === opts.instanceId ||
      s.type === 'presence' ||
      s.type === 'presence_sync' ||
      s.type === 'room'
    )
      return;
    const ch = channels.get(s.liveId);
    if (s.type === 'viewers') {
      const c = ch ?? channel(s.liveId);
      if (s.count > 0) c.remote.set(s.instance, { count: s.count, at: now() });
      else c.remote.delete(s.instance);
      if (c.subs.size > 0) broadcastViewersSoon(s.liveId, c);
      else if (c.remote.size === 0) channels.delete(s.liveId);
      return;
    }
    if (!ch || ch.subs.size === 0) return;
    ch.chain = ch.chain
      .then(async () => {
        if (s.type === 'status') {
          const data: LiveStatusData = { status: s.status, reason: s.reason, postUrl: s.postUrl ?? null };
          for (const sub of ch.subs) safe(() => sub.onStatus(data));
          return;
        }
        // Another instance stored events: read them once for all local subscribers.
        const events = await opts.store.readRange(s.liveId, s.from, s.to);
        if (events.length > 0) for (const sub of ch.subs) safe(() => sub.onEvents(events));
      })
      .catch(onError);
  };

  return {
    subscribe(liveId, sub) {
      const ch = channel(liveId);
      ch.subs.add(sub);
      if (sub.viewer) ch.localViewers++;
      broadcastViewersSoon(liveId, ch);
      return () => {
        if (!ch.subs.delete(sub)) return;
        if (sub.viewer) ch.localViewers--;
        broadcastViewersSoon(liveId, ch);
      };
    },
    eventsStored(liveId, events) {
      if (events.length === 0) return;
      const ch = channels.get(liveId);
      if (ch) for (const sub of ch.subs) safe(() => sub.onEvents(events));
      const from = events[0]!.seq;
      const to = events[events.length - 1]!.seq;
      opts.notifier.publish({ type: 'events', instance: opts.instanceId, liveId, from, to }).catch(onError);
    },
    statusChanged(liveId, data) {
      const ch = channels.get(liveId);
      if (ch) for (const sub of ch.subs) safe(() => sub.onStatus(data));
      opts.notifier
        .publish({
          type: 'status',
          instance: opts.instanceId,
          liveId,
          status: data.status,
          reason: data.reason,
          postUrl: data.postUrl ?? null,
        })
        .catch(onError);
    },
    viewerCount(liveId) {
      const ch = channels.get(liveId);
      return ch ? total(ch) : 0;
    },
    stats() {
      let connections = 0;
      let viewers = 0;
      let streams = 0;
      for (const ch of channels.values()) {
        if (ch.subs.size > 0) streams++;
        connections += ch.subs.size;
        viewers += ch.localViewers;
      }
      return { streams, connections, viewers };
    },
    async start() {
      await opts.notifier.listen(onSignal);
      presenceTimer = setInterval(() => {
        for (const [liveId, ch] of channels) {
          if (ch.localViewers > 0) announce(liveId, ch.localViewers);
          if (ch.remote.size > 0) broadcastViewersSoon(liveId, ch);
        }
      }, presenceMs);
      presenceTimer.unref();
    },
    async close() {
      if (presenceTimer) clearInterval(presenceTimer);
      for (const ch of channels.values()) if (ch.viewersTimer) clearTimeout(ch.viewersTimer);
      channels.clear();
      await opts.notifier.close();
    },
  };
}
