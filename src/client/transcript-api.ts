// Transcript downloads (issue 12): one file of a session's transcript as JSONL, read as a stream and handed over line
// by line, so a 100 MB transcript never sits in memory whole. The transport reads whole bodies; this call does not.
import { Agent, request, type Dispatcher } from 'undici';
import { TranscriptSubKey } from '../core/api/index.js';
import { BatonError, detailsOf, type TimeoutDetails } from '../core/errors.js';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter } from './backoff.js';
import {
  httpError,
  isRetryable,
  retryAfterMsOf,
  timeoutError,
  transportError,
  type ErrorContext,
} from './errors.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport, TransportOptions } from './transport.js';
import { seg, validateRequest } from './validate.js';

const JSONL = 'application/x-ndjson';
const NL = 0x0a;

export function createTranscriptApi(t: Transport, opts: TransportOptions) {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxRetries = opts.maxRetries ?? 3;
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? waitFor;
  // Created on the first download: most clients never make one.
  let ownAgent: Agent | null = null;
  const dispatcher = (): Dispatcher =>
    opts.dispatcher ?? (ownAgent ??= new Agent({ keepAliveTimeout: 4_000, connect: { timeout: timeoutMs } }));

  /**
   * One attempt up to the response head: a non-2xx answer is read whole (it is small) and thrown typed. The returned
   * `release` stops following the caller's signal once the body is done with.
   */
  async function head(path: string, ctx: ErrorContext, o: CallOptions) {
    const ms = o.timeoutMs ?? timeoutMs;
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const release = () => o.signal?.removeEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, ms);
    try {
      const res = await request(`${t.baseUrl}${path}`, {
        method: 'GET',
        headers: {
          accept: JSONL,
          'user-agent': opts.userAgent ?? 'baton-plugin',
          ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
        },
        signal: ac.signal,
        dispatcher: dispatcher(),
        // Past the head, the time allowed between two chunks of the body (not for the whole body).
        bodyTimeout: ms,
      });
      const requestId =
        typeof res.headers['x-request-id'] === 'string' ? res.headers['x-request-id'] : undefined;
      if (res.statusCode < 200 || res.statusCode >= 300) {
        const text = await res.body.text();
        throw httpError(res.statusCode, text, ctx, {
          requestId,
          retryAfterMs: parseRetryAfter(res.headers['retry-after']),
        });
      }
      const type = String(res.headers['content-type'] ?? '');
      if (!type.startsWith(JSONL)) {
        res.body.destroy();
        throw new BatonError(
          'server',
          `unexpected ${type || 'untyped'} answer from ${ctx.baseUrl} to ${ctx.method} ${ctx.path} — is the tracker a compatible version?`,
        );
      }
      return { res, release };
    } catch (err) {
      release();
      throw failure(err, ctx, { timedOut, ms, cancelled: o.signal?.aborted === true });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The head, retried like any GET (network, timeout, 5xx, 429), waits from backoff or the tracker's Retry-After. */
  async function open(path: string, ctx: ErrorContext, o: CallOptions) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await head(path, ctx, o);
      } catch (e) {
        const err = e as BatonError;
        if (attempt >= maxRetries || !isRetryable(err) || detailsOf(err, 'timeout')?.cancelled) throw err;
        const retryAfter = retryAfterMsOf(err);
        if (retryAfter != null && retryAfter > maxRetryAfterMs) throw err;
        const waitMs =
          retryAfter != null
            ? retryAfter + Math.round(random() * 250)
            : backoffDelay(attempt, backoff, random);
        opts.onRetry?.({ attempt, waitMs, error: err });
        await sleep(waitMs, o.signal);
      }
    }
  }

  return {
    /**
     * GET /api/v1/sessions/:id/entries.jsonl: the lines of one transcript file (subKey '' the main one), each as the
     * tracker keeps it, in order. Lazy: the request starts with the first `next()`. Only the head is retried; a
     * failure once lines have been read is thrown as it is (code network, timeout or server), since a retry would
     * hand the same lines over twice. Breaking out of the loop closes the connection.
     */
    async *downloadEntries(sessionId: string, subKey = '', o: CallOptions = {}): AsyncGenerator<string> {
      const key = validateRequest(TranscriptSubKey, subKey, 'transcript sub key');
      const path = `/api/v1/sessions/${seg(sessionId)}/entries.jsonl${key ? `?subKey=${encodeURIComponent(key)}` : ''}`;
      const ctx: ErrorContext = { baseUrl: t.baseUrl, method: 'GET', path };
      const { res, release } = await open(path, ctx, o);
      try {
        yield* linesOf(res.body);
      } catch (err) {
        const ms = o.timeoutMs ?? timeoutMs;
        throw failure(err, ctx, { timedOut: false, ms, cancelled: o.signal?.aborted === true });
      } finally {
        release();
      }
    },
    async close() {
      await ownAgent?.close();
    },
  };
}

/** The typed error for whatever broke a download, before or after its head. */
function failure(
  err: unknown,
  ctx: ErrorContext,
  how: { timedOut: boolean; ms: number; cancelled: boolean },
): BatonError {
  if (err instanceof BatonError) return err;
  if (how.timedOut) return timeoutError(how.ms, ctx);
  if (how.cancelled)
    return new BatonError('timeout', `${ctx.method} ${ctx.path} was cancelled`, {
      cause: err,
      details: { cancelled: true } satisfies TimeoutDetails,
    });
  const code = (err as { code?: string }).code;
  if (code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return timeoutError(how.ms, ctx);
  return transportError(err, ctx);
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Splits a byte stream on '\n' (never inside a UTF-8 sequence), decoding each whole line once. */
async function* linesOf(body: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let carry: Buffer[] = [];
  for await (const chunk of body) {
    let start = 0;
    for (let nl = chunk.indexOf(NL); nl !== -1; nl = chunk.indexOf(NL, start)) {
      const piece = chunk.subarray(start, nl);
      yield carry.length === 0 ? piece.toString('utf8') : Buffer.concat([...carry, piece]).toString('utf8');
      carry = [];
      start = nl + 1;
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  // Every line the tracker sends ends in '\n': a tail without one is a body cut short.
  if (carry.length > 0) throw new BatonError('server', 'the transcript download ended mid-line');
}
