// Live stream business rules: creation, idempotent ordered appends, status changes, expiry, ingest fan-in.
import {
  LIVE_DEFAULT_EXPIRES_IN,
  type AppendLiveResponse,
  type CompleteLiveRequest,
  type CreateLiveRequest,
  type CreateLiveResponse,
  type LiveEventInput,
  type LiveInfo,
  type LiveStatus,
} from '../../src/core/api/live.js';
import { BatonError } from '../../src/core/errors.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import type { LiveHub } from './hub.js';
import { createRateLimiter, DEFAULT_LIVE_LIMITS, type LiveLimits } from './limits.js';
import type { LiveStore, LiveStreamRow, NewLiveEvent, StoredLiveEvent } from './store.js';
import { hashToken, newLiveId, newToken, PRODUCER_PREFIX, VIEWER_PREFIX } from './tokens.js';

/** Turns a finished stream into a stored session + shared post; supplied by the tracker's session services. */
export type LivePostPublisher = (input: {
  ownerId: string;
  liveId: string;
  sessionId: string | null;
  title: string | null;
  visibility: 'unlisted' | 'private';
  events: Array<{ turnIndex: number | null; event: SessionEvent }>;
  /** The tracker's external URL as the completing request reached it. */
  baseUrl: string;
}) => Promise<{ url: string }>;

export interface LiveServiceOptions {
  store: LiveStore;
  hub: LiveHub;
  limits?: Partial<LiveLimits>;
  now?: () => number;
  publishPost?: LivePostPublisher;
}

export const TERMINAL: ReadonlySet<LiveStatus> = new Set(['completed', 'revoked', 'expired']);

export type LiveService = ReturnType<typeof createLiveService>;

export function createLiveService(opts: LiveServiceOptions) {
  const limits: LiveLimits = { ...DEFAULT_LIVE_LIMITS, ...opts.limits };
  const now = opts.now ?? Date.now;
  const rate = createRateLimiter(limits, now);
  const { store, hub } = opts;
  const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  /** The status a reader should see: an open stream past its expiry is expired even before the sweeper writes it. */
  function effectiveStatus(row: LiveStreamRow): LiveStatus {
    if ((row.status === 'active' || row.status === 'paused') && row.expires_at <= now()) return 'expired';
    return row.status;
  }

  async function setStatus(
    row: LiveStreamRow,
    status: LiveStatus,
    extra: { reason?: string; postUrl?: string | null; title?: string | null } = {},
  ) {
    const terminal = TERMINAL.has(status);
    await store.setStatus(row.id, status, {
      endedAt: terminal ? now() : null,
      ...(extra.postUrl !== undefined ? { postUrl: extra.postUrl } : {}),
      ...(extra.title !== undefined ? { title: extra.title } : {}),
    });
    if (terminal) rate.forget(row.id);
    hub.statusChanged(row.id, { status, reason: extra.reason, postUrl: extra.postUrl ?? row.post_url });
  }

  function assertWritable(row: LiveStreamRow): void {
    const st = effectiveStatus(row);
    const ended = { reason: 'stream_ended', details: { status: st } } as const;
    if (st === 'expired') throw BatonError.refusal('gone', 'This live stream has expired.', ended);
    if (st === 'completed' || st === 'revoked')
      throw BatonError.refusal('gone', `This live stream is ${st}.`, ended);
  }

  function info(row: LiveStreamRow): LiveInfo {
    return {
      liveId: row.id,
      sessionId: row.session_id,
      title: row.title,
      visibility: row.visibility,
      status: effectiveStatus(row),
      lastSeq: row.last_seq,
      eventCount: row.event_count,
      createdAt: isoOf(row.created_at)!,
      expiresAt: isoOf(row.expires_at)!,
      endedAt: isoOf(row.ended_at),
      postUrl: row.post_url,
      viewers: hub.viewerCount(row.id),
    };
  }

  /** Validates sizes (413s) before anything is stored or any rate budget is spent. */
  function prepare(row: LiveStreamRow, inputs: LiveEventInput[]): NewLiveEvent[] {
    const events: NewLiveEvent[] = [];
    let bytes = 0;
    for (const e of inputs) {
      const body = JSON.stringify(e.event);
      const size = Buffer.byteLength(body);
      if (size > limits.maxEventBytes) {
        throw BatonError.refusal(
          'too_large',
          `Event seq ${e.seq} is ${size} bytes; the limit is ${limits.maxEventBytes}.`,
          { reason: 'event_too_large', details: { seq: e.seq, bytes: size, limit: limits.maxEventBytes } },
        );
      }
      bytes += size;
      events.push({ seq: e.seq, uuid: e.event.uuid, turnIndex: e.turnIndex ?? null, body, bytes: size });
    }
    if (
      row.total_bytes + bytes > limits.maxStreamBytes ||
      row.event_count + events.length > limits.maxStreamEvents
    ) {
      throw BatonError.refusal('too_large', 'This live stream has reached its size limit.', {
        reason: 'stream_too_large',
        details: { maxStreamBytes: limits.maxStreamBytes, maxStreamEvents: limits.maxStreamEvents },
      });
    }
    return events;
  }

  async function persist(
    row: LiveStreamRow,
    events: NewLiveEvent[],
  ): Promise<{ inserted: StoredLiveEvent[]; lastSeq: number; eventCount: number }> {
    const outcome = await store.append(row.id, events, now());
    hub.eventsStored(row.id, outcome.inserted);
    return outcome;
  }

  async function storeEvents(row: LiveStreamRow, inputs: LiveEventInput[]) {
    return persist(row, prepare(row, inputs));
  }

  return {
    limits,
    effectiveStatus,
    info,

    /** `baseUrl`: the tracker's external URL as the caller reached it (no trailing slash), for the view URL. */
    async create(ownerId: string, req: CreateLiveRequest, baseUrl: string): Promise<CreateLiveResponse> {
      const producerToken = newToken(PRODUCER_PREFIX);
      const viewerToken = newToken(VIEWER_PREFIX);
      const created = now();
      const row: LiveStreamRow = {
        id: newLiveId(),
        owner_id: ownerId,
        session_id: req.sessionId ?? null,
        title: req.title ?? null,
        visibility: req.visibility,
        status: 'active',
        producer_token_hash: hashToken(producerToken),
        viewer_token_hash: hashToken(viewerToken),
        created_at: created,
        expires_at: created + (req.expiresIn ?? LIVE_DEFAULT_EXPIRES_IN) * 1000,
        ended_at: null,
        last_seq: 0,
        event_count: 0,
        total_bytes: 0,
        post_url: null,
      };
      await store.create(row);
      return {
        liveId: row.id,
        producerToken,
        viewerToken,
        viewUrl: `${baseUrl}/live/${viewerToken}`,
        expiresAt: isoOf(row.expires_at)!,
        status: 'active',
      };
    },

    async append(row: LiveStreamRow, inputs: LiveEventInput[]): Promise<AppendLiveResponse> {
      assertWritable(row);
      const events = prepare(
        row,
        [...inputs].sort((a, b) => a.seq - b.seq),
      );
      const r = rate.take(row.id, Math.max(1, inputs.length));
      if (!r.ok) {
        throw BatonError.refusal(
          'rate_limited',
          `Too many events for this live stream; retry in ${r.retryAfterSeconds}s.`,
          {
            reason: 'rate_limited',
            details: {
              retryAfterSeconds: r.retryAfterSeconds,
              eventsPerSecond: limits.eventsPerSecond,
              burst: limits.burst,
            },
          },
        );
      }
      const outcome = await persist(row, events);
      const gaps = outcome.eventCount < outcome.lastSeq ? await store.gaps(row.id, 100) : [];
      return {
        accepted: outcome.inserted.length,
        duplicates: inputs.length - outcome.inserted.length,
        lastSeq: outcome.lastSeq,
        gaps,
      };
    },

    async pause(row: LiveStreamRow): Promise<LiveInfo> {
      assertWritable(row);
      if (row.status !== 'paused') await setStatus(row, 'paused');
      return info({ ...row, status: 'paused' });
    },

    async resume(row: LiveStreamRow): Promise<LiveInfo> {
      assertWritable(row);
      if (row.status !== 'active') await setStatus(row, 'active');
      return info({ ...row, status: 'active' });
    },

    async complete(row: LiveStreamRow, req: CompleteLiveRequest, baseUrl: string): Promise<LiveInfo> {
      // Idempotent: a client retrying after a lost answer gets the same result (and the same post), not a 410.
      if (row.status === 'completed') return info(row);
      assertWritable(row);
      const title = req.title ?? row.title;
      let postUrl: string | null = null;
      if (req.createPost) {
        if (!opts.publishPost)
          throw new BatonError('invalid_request', 'This tracker cannot turn live streams into posts.');
        const events = await readAll(store, row.id);
        const post = await opts.publishPost({
          ownerId: row.owner_id,
          liveId: row.id,
          sessionId: row.session_id,
          title,
          visibility: row.visibility,
          baseUrl,
          events: events.map((e) => ({ turnIndex: e.turnIndex, event: JSON.parse(e.body) as SessionEvent })),
        });
        postUrl = post.url;
      }
      await setStatus(row, 'completed', { reason: 'completed', postUrl, title });
      return info({ ...row, status: 'completed', post_url: postUrl, title, ended_at: now() });
    },

    /**
     * Revoking cuts every viewer off at once; the stream and its events stay readable to the owner unless `purge`
     * (the plugin's --discard-on-end) deletes the events too.
     */
    async revoke(row: LiveStreamRow, opts: { purge?: boolean } = {}): Promise<LiveInfo> {
      if (row.status !== 'revoked') await setStatus(row, 'revoked', { reason: 'ended by owner' });
      if (opts.purge) await store.purgeEvents(row.id);
      return info({ ...row, status: 'revoked' });
    },

    /** Marks open streams past their expiry as expired and tells their viewers. Safe to run on every instance. */
    async sweepExpired(): Promise<number> {
      let n = 0;
      for (const row of await store.listOpen()) {
        if (effectiveStatus(row) === 'expired') {
          await setStatus(row, 'expired', { reason: 'expired' });
          n++;
        }
      }
      return n;
    },

    /**
     * The ingest hook: session events captured by the plugin (sync or AgentPipe ingest) reach the viewers of every
     * active stream of that session. Seq is assigned here; the uuid constraint drops events a producer already pushed.
     * Returns how many events were newly delivered (summed over streams).
     */
    async publishSessionEvents(
      ownerId: string,
      sessionId: string,
      items: Array<{ event: SessionEvent; turnIndex?: number }>,
    ): Promise<number> {
      // Session ids are chosen by clients: only the session owner's own streams may receive its events.
      const rows = (await store.listBySession(sessionId)).filter(
        (r) => r.owner_id === ownerId && effectiveStatus(r) === 'active',
      );
      let delivered = 0;
      for (const row of rows) {
        for (const { event, turnIndex } of items) {
          // ON CONFLICT DO NOTHING also swallows a seq taken concurrently by another writer: retry on a fresh seq
          // unless the uuid itself is what was already there.
          for (let attempt = 0; attempt < 5; attempt++) {
            const fresh = (await store.getById(row.id)) ?? row;
            const out = await storeEvents(fresh, [{ seq: fresh.last_seq + 1, turnIndex, event }]);
            if (out.inserted.length > 0) {
              delivered++;
              break;
            }
            if (await store.hasUuid(row.id, event.uuid)) break;
          }
        }
      }
      return delivered;
    },
  };
}

export async function readAll(store: LiveStore, liveId: string): Promise<StoredLiveEvent[]> {
  const out: StoredLiveEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAfter(liveId, after, 1000);
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]!.seq;
  }
}
