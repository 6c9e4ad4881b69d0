// The only place the handoff code talks to the tracker (undici, Bearer auth, replies parsed with the API schemas).
import { request } from 'undici';
import type { z } from 'zod';
import {
  CreateHandoffResponse,
  HandoffResponse,
  ListHandoffsResponse,
  type CreateHandoffRequest,
  type Handoff,
  type HandoffSummary,
} from '../core/api/handoffs.js';
import { ErrorBody } from '../core/api/common.js';
import { assertGated, type Gated } from '../core/egress/index.js';
import { BatonError, type BatonErrorCode } from '../core/errors.js';
import type { TrackerTarget } from './types.js';

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

async function call<T extends z.ZodType>(
  tracker: TrackerTarget,
  method: 'GET' | 'POST',
  path: string,
  schema: T,
  opts: { body?: unknown; timeoutMs: number },
): Promise<z.infer<T>> {
  const url = `${tracker.url.replace(/\/+$/, '')}/api/v1${path}`;
  let res;
  try {
    res = await request(url, {
      method,
      headers: {
        authorization: `Bearer ${tracker.apiKey}`,
        accept: 'application/json',
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError' || /timeout/i.test((err as Error).message);
    throw new BatonError(
      timedOut ? 'timeout' : 'network',
      `tracker ${tracker.url} unreachable: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  const text = await res.body.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* reported below */
  }
  if (res.statusCode >= 400) {
    const parsed = ErrorBody.safeParse(json);
    const message = parsed.success ? parsed.data.error.message : `HTTP ${res.statusCode}`;
    const code = STATUS_CODES[res.statusCode] ?? (res.statusCode >= 500 ? 'server' : 'invalid_request');
    throw new BatonError(code, `tracker: ${method} ${path}: ${message}`, {
      details: { status: res.statusCode },
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new BatonError(
      'server',
      `tracker: ${method} ${path}: unexpected reply (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  }
  return parsed.data;
}

export function pushHandoff(
  tracker: TrackerTarget,
  body: Gated<CreateHandoffRequest>,
  timeoutMs = 8_000,
): Promise<z.infer<typeof CreateHandoffResponse>> {
  assertGated(body, 'handoff sync');
  return call(tracker, 'POST', '/handoffs', CreateHandoffResponse, { body, timeoutMs });
}

export async function listRemoteHandoffs(
  tracker: TrackerTarget,
  opts: { project?: string; limit: number },
  timeoutMs = 5_000,
): Promise<HandoffSummary[]> {
  const q = new URLSearchParams({ limit: String(opts.limit) });
  if (opts.project) q.set('project', opts.project);
  return (await call(tracker, 'GET', `/handoffs?${q.toString()}`, ListHandoffsResponse, { timeoutMs }))
    .handoffs;
}

export async function getRemoteHandoff(
  tracker: TrackerTarget,
  id: string,
  timeoutMs = 5_000,
): Promise<Handoff> {
  return (await call(tracker, 'GET', `/handoffs/${encodeURIComponent(id)}`, HandoffResponse, { timeoutMs }))
    .handoff;
}
