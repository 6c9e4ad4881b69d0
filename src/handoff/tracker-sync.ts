// The handoff code's calls to the tracker, made with the one tracker client (src/client); errors keep handoff wording.
import type { z } from 'zod';
import { clientFromConfig, type TrackerClient } from '../client/index.js';
import type {
  CreateHandoffRequest,
  CreateHandoffResponse,
  Handoff,
  HandoffSummary,
} from '../core/api/handoffs.js';
import { assertGated, type Gated } from '../core/egress/index.js';
import { BatonError, detailsOf, httpFailureOf, isBatonError, type BatonErrorCode } from '../core/errors.js';
import type { TrackerTarget } from './types.js';

/** The codes handoff callers have always seen per status (403 stays `forbidden` here; the client says `auth`). */
const STATUS_CODES: Record<number, BatonErrorCode> = {
  400: 'invalid_request',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'too_large',
  429: 'rate_limited',
};

/**
 * The client's typed error in the handoff wording: "tracker <url> unreachable: …" when it could not be reached,
 * "tracker: <METHOD> <path>: <what the tracker said>" when it answered with a refusal or an unexpected reply.
 */
function toHandoffError(err: unknown, tracker: TrackerTarget, method: string, path: string): unknown {
  if (!isBatonError(err)) return err;
  if (err.code === 'network' || (err.code === 'timeout' && !detailsOf(err, 'timeout')?.cancelled)) {
    // The transport error underneath (e.g. "connect ECONNREFUSED 127.0.0.1:9") says the most in one line.
    const why = err.cause instanceof Error ? err.cause.message : err.message;
    return new BatonError(err.code, `tracker ${tracker.url} unreachable: ${why}`, {
      cause: err,
      details: err.details,
    });
  }
  const http = httpFailureOf(err);
  if (http) {
    const status = http.status;
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'server' : 'invalid_request');
    return new BatonError(code, `tracker: ${method} ${path}: ${http.serverMessage ?? `HTTP ${status}`}`, {
      cause: err,
      details: http,
      ...(err.reason ? { reason: err.reason } : {}),
    });
  }
  if (err.code === 'server') {
    // A 2xx whose body did not match the schema (or was not JSON).
    const issue = detailsOf(err, 'server')?.issues?.[0];
    return new BatonError(
      'server',
      `tracker: ${method} ${path}: unexpected reply (${issue?.message ?? 'not JSON'})`,
      {
        cause: err,
      },
    );
  }
  if (err.code === 'invalid_request')
    return new BatonError('invalid_request', `tracker: ${method} ${path}: ${err.message}`, {
      cause: err,
      details: err.details,
    });
  return err; // config (an insecure URL), egress_ungated, cancelled: already say what to do
}

/** One call with a client made for it: no retries (the handoff step reports and the user re-runs), always closed. */
async function withTracker<T>(
  tracker: TrackerTarget,
  call: { method: 'GET' | 'POST'; path: string; timeoutMs: number },
  fn: (client: TrackerClient) => Promise<T>,
): Promise<T> {
  let client: TrackerClient | null = null;
  try {
    client = clientFromConfig(
      { trackerUrl: tracker.url, apiKey: tracker.apiKey, allowInsecure: tracker.allowInsecure },
      { timeoutMs: call.timeoutMs, maxRetries: 0, userAgent: 'baton-cli' },
    );
    if (!client) throw new BatonError('config', 'no tracker configured');
    return await fn(client);
  } catch (err) {
    throw toHandoffError(err, tracker, call.method, call.path);
  } finally {
    await client?.close();
  }
}

export function pushHandoff(
  tracker: TrackerTarget,
  body: Gated<CreateHandoffRequest>,
  timeoutMs = 8_000,
): Promise<z.infer<typeof CreateHandoffResponse>> {
  assertGated(body, 'handoff sync');
  return withTracker(tracker, { method: 'POST', path: '/handoffs', timeoutMs }, (c) =>
    c.handoffs.create(body),
  );
}

export async function listRemoteHandoffs(
  tracker: TrackerTarget,
  opts: { project?: string; limit: number },
  timeoutMs = 5_000,
): Promise<HandoffSummary[]> {
  const q = new URLSearchParams({ limit: String(opts.limit) });
  if (opts.project) q.set('project', opts.project);
  const path = `/handoffs?${q.toString()}`;
  const res = await withTracker(tracker, { method: 'GET', path, timeoutMs }, (c) =>
    c.handoffs.list({ project: opts.project, limit: opts.limit }),
  );
  return res.handoffs;
}

export async function getRemoteHandoff(
  tracker: TrackerTarget,
  id: string,
  timeoutMs = 5_000,
): Promise<Handoff> {
  const path = `/handoffs/${encodeURIComponent(id)}`;
  return (await withTracker(tracker, { method: 'GET', path, timeoutMs }, (c) => c.handoffs.get(id))).handoff;
}
