// One HTTP call to the tracker: auth header, per-attempt timeout, retries with backoff, typed errors, zod-parsed body.
import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { BatonError, detailsOf, isBatonError, type TimeoutDetails } from '../core/errors.js';
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, type BackoffOptions } from './backoff.js';
import {
  httpError,
  isRetryable,
  neverReachedServer,
  retryAfterMsOf,
  timeoutError,
  transportError,
  type ErrorContext,
} from './errors.js';
import { checkBaseUrl } from './secure-url.js';

export interface RetryInfo {
  attempt: number;
  waitMs: number;
  error: BatonError;
}

export interface TransportOptions {
  /** Tracker base URL, e.g. `https://tracker.example.com` (a path prefix is kept). */
  baseUrl: string;
  apiKey?: string;
  /** Allow sending the key over plain http:// to a non-loopback host (private networks only). */
  allowInsecure?: boolean;
  /** Per attempt, covering connect, headers and body. Default 15 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, timeouts, 5xx and 429. Default 3. */
  maxRetries?: number;
  backoff?: Partial<BackoffOptions>;
  /** A 429/503 asking to wait longer than this fails at once (code rate_limited, details.retryAfterMs). Default 60 s. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  /** Test seams: how to wait and where jitter comes from. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Called before each retry wait (logging, progress). */
  onRetry?: (info: RetryInfo) => void;
  /**
   * Called once when the tracker turns out to keep no transcript lines (a tracker from before them): the client
   * then sends what it sends without them (./transcript-lines.ts); the caller tells the user.
   */
  onLinesRefused?: () => void;
  dispatcher?: Dispatcher;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallSpec<T> {
  method: Method;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Query;
  /** JSON body, already validated by the caller. */
  body?: unknown;
  /** Schema of a JSON response; omit with `text: true` to get the body as text. */
  response?: z.ZodType<T>;
  text?: boolean;
  /** Safe to repeat after an ambiguous failure. Defaults to true for GET/DELETE. */
  idempotent?: boolean;
  /** `key` (default) sends the API key; a string sends that bearer token instead; `none` sends nothing. */
  auth?: 'key' | 'none' | { bearer: string };
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CallResult<T> {
  data: T;
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface Transport {
  readonly baseUrl: string;
  readonly hasKey: boolean;
  /** TransportOptions.onLinesRefused, for the API that sends lines. */
  readonly onLinesRefused?: () => void;
  call<T>(spec: CallSpec<T>): Promise<T>;
  callFull<T>(spec: CallSpec<T>): Promise<CallResult<T>>;
  close(): Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(t);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function createTransport(opts: TransportOptions): Transport {
  const base = checkBaseUrl(opts.baseUrl, {
    hasKey: Boolean(opts.apiKey),
    allowInsecure: Boolean(opts.allowInsecure),
  });
  const baseUrl = base.href.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxRetries = opts.maxRetries ?? 3;
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const ownAgent = opts.dispatcher
    ? null
    : new Agent({ keepAliveTimeout: 4_000, connect: { timeout: timeoutMs } });
  const dispatcher = opts.dispatcher ?? ownAgent!;
  const userAgent = opts.userAgent ?? 'baton-plugin';

  function urlFor(path: string, query?: Query): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) qs.set(k, String(v));
    const s = qs.toString();
    return `${baseUrl}${path}${s ? `?${s}` : ''}`;
  }

  async function once<T>(spec: CallSpec<T>, ctx: ErrorContext): Promise<CallResult<T>> {
    const ms = spec.timeoutMs ?? timeoutMs;
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, ms);
    const onOuterAbort = () => ac.abort();
    spec.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': userAgent,
      ...spec.headers,
    };
    const auth = spec.auth ?? 'key';
    if (auth === 'key' && opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
    else if (typeof auth === 'object') headers.authorization = `Bearer ${auth.bearer}`;
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const res = await request(urlFor(spec.path, spec.query), {
        method: spec.method,
        headers,
        body,
        signal: ac.signal,
        dispatcher,
      });
      const text = await res.body.text();
      const requestId =
        typeof res.headers['x-request-id'] === 'string' ? res.headers['x-request-id'] : undefined;
      if (res.statusCode < 200 || res.statusCode >= 300) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        throw httpError(res.statusCode, text, ctx, { requestId, retryAfterMs });
      }
      return { data: parseBody(spec, text, ctx), status: res.statusCode, headers: res.headers };
    } catch (err) {
      if (isBatonError(err)) throw err;
      if (timedOut) throw timeoutError(ms, ctx);
      if (spec.signal?.aborted)
        throw new BatonError('timeout', `${ctx.method} ${ctx.path} was cancelled`, {
          cause: err,
          details: { cancelled: true } satisfies TimeoutDetails,
        });
      throw transportError(err, ctx);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  async function callFull<T>(spec: CallSpec<T>): Promise<CallResult<T>> {
    const ctx: ErrorContext = { baseUrl, method: spec.method, path: spec.path };
    const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'DELETE');
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(spec, ctx);
      } catch (e) {
        const err = e as BatonError;
        if (attempt >= maxRetries || !isRetryable(err) || detailsOf(err, 'timeout')?.cancelled) throw err;
        // A non-idempotent call is only repeated when the tracker surely did not act on it.
        if (!idempotent && err.code !== 'rate_limited' && !neverReachedServer(err)) throw err;
        const retryAfter = retryAfterMsOf(err);
        let waitMs = backoffDelay(attempt, backoff, random);
        if (retryAfter != null) {
          if (retryAfter > maxRetryAfterMs) throw err;
          // Exactly what was asked plus a little jitter, so clients sharing a key do not return in lockstep.
          waitMs = retryAfter + Math.round(random() * 250);
        }
        opts.onRetry?.({ attempt, waitMs, error: err });
        await sleep(waitMs, spec.signal);
      }
    }
  }

  return {
    baseUrl,
    hasKey: Boolean(opts.apiKey),
    onLinesRefused: opts.onLinesRefused,
    call: async (spec) => (await callFull(spec)).data,
    callFull,
    async close() {
      await ownAgent?.close();
    },
  };
}

function parseBody<T>(spec: CallSpec<T>, text: string, ctx: ErrorContext): T {
  if (spec.text || !spec.response) return text as T;
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch (cause) {
    throw new BatonError(
      'server',
      `unexpected non-JSON answer from ${ctx.baseUrl} to ${ctx.method} ${ctx.path} — is this a Baton tracker?`,
      { cause },
    );
  }
  const parsed = spec.response.safeParse(json);
  if (!parsed.success) {
    throw new BatonError(
      'server',
      `unexpected answer from ${ctx.baseUrl} to ${ctx.method} ${ctx.path} — is the tracker a compatible version?`,
      {
        details: {
          issues: parsed.error.issues
            .slice(0, 5)
            .map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      },
    );
  }
  return parsed.data;
}
