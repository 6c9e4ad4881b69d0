// The typed tracker client: every plugin-side call to the tracker goes through here (undici, zod, retries, typed errors).
/**
 * `createTrackerClient({ baseUrl, apiKey?, allowInsecure?, timeoutMs?, maxRetries?, ... })` → TrackerClient.
 * Construction throws BatonError('config') for a bad URL, or for an API key bound for plain http:// to a host that is
 * not loopback (unless `allowInsecure`). `clientFromConfig(config)` builds one from a resolved BatonConfig.
 *
 * Every method validates its request with the shared src/core/api schemas, parses the response with them, and
 * rejects with a BatonError whose `code` is one of:
 *   timeout | network            — tracker unreachable or slow (retried first when `maxRetries` > 0: see below)
 *   server                       — 5xx, or an answer that does not match the schema (5xx retried)
 *   rate_limited                 — 429 after retries; `retryAfterMsOf(err)` says when to come back
 *   auth                         — 401/403: key missing, invalid, revoked or expired (message says what to do)
 *   invalid_request | not_found | conflict | gone | too_large — other 4xx, never retried
 * and, when the tracker sent one, a stable `reason` (src/core/api/common.ts ErrorReason: key_revoked, key_expired,
 * rate_limited, stream_full, …) whose details were checked against that reason's schema. Branch on `code` and
 * `reason`; the message is for people. `details` (read with `detailsOf(err, code)` or `httpFailureOf(err)`) carries
 * `{ status, serverCode?, serverMessage?, reason?, requestId?, retryAfterMs?, details? }` for HTTP errors.
 * Non-idempotent calls (live.create, handoffs.create, push with createPost, keys.create) are retried only when
 * the request surely never reached the tracker (connection refused, DNS) or on 429.
 *
 * Retries: exactly one layer owns them on each call path, and every wait comes from `backoffDelay` (./backoff.ts)
 * or the tracker's Retry-After (`retryAfterMsOf`):
 *   CLI commands (requireClient), MCP server (clientFromConfig)  this client, `maxRetries` (default 3; `baton status`
 *                                                                and doctor 0: a probe reports, `baton login` 1)
 *   background sender (src/capture/delivery/sender)              the sender loop; its client runs `maxRetries: 0`
 *   live relay (src/capture/delivery/live/sink.ts)               the sink loop; its client runs `maxRetries: 0`
 *   handoff sync (src/handoff/tracker-sync.ts)                   nobody: one attempt, the step reports, the user re-runs
 * A loop that owns its retries must run its client with `maxRetries: 0`, or the waits multiply.
 * Every method takes an optional trailing `{ signal?, timeoutMs? }`.
 *
 * Methods:
 *   health.health() / health.ready() / health.version()      GET /healthz, /readyz, /api/v1/openapi.json (no key)
 *   account.me()                                             GET /api/v1/me — validate a key
 *   account.keys.list() / .create({name}) / .revoke(id)      /api/v1/keys
 *   sessions.push({ session, postId?, createPost?, title?, visibility?, status?, source?, tags? })
 *                                                            POST /api/v1/sessions → { sessionId, url, postId?, postUrl? }
 *   sessions.appendEvents(id, { events: [{seq, turnIndex, event}], meta?, totals?, status?, source? })
 *                                                            POST /api/v1/sessions/:id/events (dedup by event uuid)
 *   sessions.upload({ sessions, visibility?, status? })      POST /api/v1/sessions/upload
 *   sessions.list({ search?, project?, status?, source?, tag?, starred?, archived?, page?, limit? })
 *   sessions.get(id, { offset?, limit? })                    summary + meta + a page of events
 *   sessions.patch(id, {...}) / sessions.delete(id) (= trash)
 *   sessions.trash(id) / .purge(id) / .restore(id) / .unshare(id)   issue 13 (manage-api.ts); posts.trash/purge/restore
 *   trash.list({page?, limit?})                              GET /api/v1/trash: trashed sessions and posts
 *   sessions.export(id, 'md'|'json'|'html'|'txt')            → string
 *   sessions.downloadEntries(id, subKey?)                    GET /api/v1/sessions/:id/entries.jsonl → an async
 *                                                            iterable of the file's lines, streamed (transcript-api.ts)
 *   projects.list() / projects.get(ref) / projects.resume(ref)   resume → { sessionId, resumeCommand, ... }
 *   handoffs.create({ sessionId, markdown, project?, cwd?, title? }) / handoffs.list({project?, limit?}) / handoffs.get(id)
 *   posts.list() / posts.get(id) / posts.patch(id, {title?, visibility?})
 *   live.create({ sessionId?, title?, visibility?, expiresIn? }) → { liveId, producerToken, viewUrl, ... }
 *   live.append(liveId, { events: [{ seq, turnIndex?, event }] }, { producerToken })
 *   live.complete(liveId, { createPost?, title? }, { producerToken }) / live.pause / live.resume / live.revoke
 *   live.get(liveId, { producerToken? }) / live.list()
 *   comments.list(sessionId)                                 GET /api/v1/sessions/:id/comments (issue 14)
 *   usage.get({ from?, to?, project?, groupBy? })            GET /api/v1/usage: sums by UTC day, project or model
 *   close()                                                  releases pooled connections
 */
import type { BatonConfig } from '../core/config/index.js';
import { createCommentsApi } from './comments-api.js';
import { createHealthApi } from './health-api.js';
import { createLiveApi } from './live-api.js';
import { createPostManageApi, createSessionManageApi, createTrashApi } from './manage-api.js';
import { createAccountApi, createHandoffsApi, createPostsApi, createProjectsApi } from './projects-api.js';
import { createSessionsApi } from './sessions-api.js';
import { createTranscriptApi } from './transcript-api.js';
import { createUsageApi } from './usage-api.js';
import { createTransport, type TransportOptions } from './transport.js';

export type TrackerClientOptions = TransportOptions;
export type { CallOptions } from './sessions-api.js';
export type { RetryInfo } from './transport.js';
export type { LiveWriteAuth } from './live-api.js';
export type { HttpErrorDetails } from './errors.js';
export { retryAfterMsOf } from './errors.js';
export { detailsOf, httpFailureOf, reasonOf } from '../core/errors.js';
export { isLoopbackHost } from './secure-url.js';
export { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, type BackoffOptions } from './backoff.js';

export function createTrackerClient(opts: TrackerClientOptions) {
  const t = createTransport(opts);
  const transcript = createTranscriptApi(t, opts);
  return {
    baseUrl: t.baseUrl,
    health: createHealthApi(t),
    account: createAccountApi(t),
    // The streamed download sits beside the paged listEntries: resume's callers hand `sessions` down as it is.
    sessions: {
      ...createSessionsApi(t),
      ...createSessionManageApi(t),
      downloadEntries: transcript.downloadEntries,
    },
    projects: createProjectsApi(t),
    comments: createCommentsApi(t),
    handoffs: createHandoffsApi(t),
    posts: { ...createPostsApi(t), ...createPostManageApi(t) },
    trash: createTrashApi(t),
    live: createLiveApi(t),
    usage: createUsageApi(t),
    close: async () => {
      await Promise.all([t.close(), transcript.close()]);
    },
  };
}

export type TrackerClient = ReturnType<typeof createTrackerClient>;

/**
 * A client for the configured tracker, or null when none is configured. Throws BatonError('config') on an
 * insecure URL (see above). `allowInsecure` comes from the config (`allowInsecure` / BATON_ALLOW_INSECURE).
 */
export function clientFromConfig(
  config: Pick<BatonConfig, 'trackerUrl' | 'apiKey'> & { allowInsecure?: boolean },
  opts: Omit<TrackerClientOptions, 'baseUrl' | 'apiKey'> = {},
): TrackerClient | null {
  if (!config.trackerUrl) return null;
  return createTrackerClient({
    baseUrl: config.trackerUrl,
    apiKey: config.apiKey,
    allowInsecure: config.allowInsecure,
    ...opts,
  });
}
