// Every refusal the real tracker (port 0, temp SQLite) sends with a stable reason reaches the client as `err.reason`,
// with typed details: asserted on the reason, never on message text (issue #11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrackerClient, retryAfterMsOf, type TrackerClient } from '../../src/client/index.js';
import { ReasonedError, type ErrorReason } from '../../src/core/api/common.js';
import { BatonError, detailsOf, reasonOf, type BatonErrorCode } from '../../src/core/errors.js';
import { generateRawKey, keyPrefix } from '../../tracker/services/keys.js';
import { sha256Hex } from '../../tracker/services/ids.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';
import { gated } from '../helpers/gated.js';

let tracker: WebTracker;
let owner: TrackerClient;
const clients: TrackerClient[] = [];

beforeAll(async () => {
  tracker = await startWebTracker();
  owner = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey });
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await owner?.close();
  await tracker?.close();
});

/** A client that never retries, so a refusal comes back at once. */
function clientWith(apiKey?: string): TrackerClient {
  const c = createTrackerClient({ baseUrl: tracker.url, apiKey, maxRetries: 0 });
  clients.push(c);
  return c;
}

async function refusal(p: Promise<unknown>, code: BatonErrorCode, reason: ErrorReason): Promise<BatonError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BatonError);
  const e = err as BatonError;
  expect({ code: e.code, reason: e.reason }).toEqual({ code, reason });
  expect(reasonOf(e)).toBe(reason);
  // The reason also travels in the details, next to the status, for callers that log them.
  expect(detailsOf(e, code as 'auth')?.reason).toBe(reason);
  return e;
}

describe('stable reason codes from the real tracker', () => {
  it('key_missing: no key at all', async () => {
    await refusal(clientWith().account.me(), 'auth', 'key_missing');
  });

  it('key_invalid: a key the tracker never issued', async () => {
    await refusal(clientWith(generateRawKey()).account.me(), 'auth', 'key_invalid');
  });

  it('key_revoked: a revoked key', async () => {
    const made = await owner.account.keys.create({ name: 'to revoke' });
    await owner.account.keys.revoke(made.key.id);
    await refusal(clientWith(made.rawKey).account.me(), 'auth', 'key_revoked');
  });

  it('keeps the old code and message beside the reason, for clients that predate reasons', async () => {
    const made = await owner.account.keys.create({ name: 'old client' });
    await owner.account.keys.revoke(made.key.id);
    const res = await fetch(`${tracker.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${made.rawKey}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'auth', message: 'the API key has been revoked', reason: 'key_revoked' },
    });
  });

  it('key_expired: a key past its expiry', async () => {
    const me = await owner.account.me();
    const raw = generateRawKey();
    await tracker.store.keys.create({
      id: 'key_reason_expired',
      user_id: me.user.id,
      name: 'old',
      prefix: keyPrefix(raw),
      hash: sha256Hex(raw),
      rate_limit_per_minute: 60,
      created_at: Date.now() - 10_000,
      last_used_at: null,
      expires_at: Date.now() - 1,
      revoked_at: null,
    });
    await refusal(clientWith(raw).account.me(), 'auth', 'key_expired');
  });

  it('key_escalation: a short-lived key asking for a longer-lived one, with the typed details', async () => {
    const parent = await owner.account.keys.create({ name: 'short', expiresIn: '1h' });
    const err = await refusal(
      clientWith(parent.rawKey).account.keys.create({ name: 'longer', expiresIn: '2h' }),
      'auth',
      'key_escalation',
    );
    const wire = ReasonedError.parse({ reason: err.reason, details: detailsOf(err, 'auth')?.details });
    expect(wire.reason === 'key_escalation' && wire.details.parent.expiresAt).toBe(parent.key.expiresAt);
  });

  it('rate_limited: over the key limit, with when to come back', async () => {
    const limited = await owner.account.keys.create({ name: 'slow', rateLimitPerMinute: 1 });
    const c = clientWith(limited.rawKey);
    await c.account.me();
    const err = await refusal(c.account.me(), 'rate_limited', 'rate_limited');
    expect(retryAfterMsOf(err)).toBeGreaterThan(0);
    expect(detailsOf(err, 'rate_limited')?.details).toMatchObject({ limit: 1 });
  });

  it('viewer_token_read_only, producer_token_mismatch and live_auth_required on a live stream', async () => {
    const a = await owner.live.create(gated({ title: 'reasons a' }));
    const b = await owner.live.create(gated({ title: 'reasons b' }));
    const ev = { seq: 1, turnIndex: 0, event: { kind: 'text' as const, uuid: 'r-1', text: 'hi' } };
    await refusal(
      owner.live.append(a.liveId, gated({ events: [ev] }), { producerToken: a.viewerToken }),
      'auth',
      'viewer_token_read_only',
    );
    await refusal(
      owner.live.append(a.liveId, gated({ events: [ev] }), { producerToken: b.producerToken }),
      'auth',
      'producer_token_mismatch',
    );
    const anonymous = clientWith();
    const err = await refusal(anonymous.live.get(a.liveId), 'auth', 'live_auth_required');
    // The message for "no credential" stays what it was before reasons existed.
    expect(err.message).toBe(`no API key configured for ${tracker.url} — run \`baton login\``);
  });

  it('body_too_large: a live batch over the batch limit, with the limit', async () => {
    const s = await owner.live.create(gated({ title: 'reasons big batch' }));
    // Each event is under the per-event cap (512 KB); nine of them are over the per-batch cap (4 MB).
    const events = Array.from({ length: 9 }, (_, i) => ({
      seq: i + 1,
      event: { kind: 'text' as const, uuid: `big-${i}`, text: 'x'.repeat(500_000) },
    }));
    const err = await refusal(
      owner.live.append(s.liveId, gated({ events }), { producerToken: s.producerToken }),
      'too_large',
      'body_too_large',
    );
    const wire = ReasonedError.parse({ reason: err.reason, details: detailsOf(err, 'too_large')?.details });
    expect(wire).toEqual({ reason: 'body_too_large', details: { maxBytes: 4 * 1024 * 1024 } });
  });

  it('event_too_large and stream_ended on a live stream, with the typed details', async () => {
    const s = await owner.live.create(gated({ title: 'reasons live sizes' }));
    const w = { producerToken: s.producerToken };
    const big = { seq: 1, event: { kind: 'text' as const, uuid: 'huge-1', text: 'x'.repeat(600_000) } };
    const tooBig = await refusal(
      owner.live.append(s.liveId, gated({ events: [big] }), w),
      'too_large',
      'event_too_large',
    );
    expect(
      ReasonedError.parse({ reason: tooBig.reason, details: detailsOf(tooBig, 'too_large')?.details }),
    ).toMatchObject({ reason: 'event_too_large', details: { seq: 1, limit: 512 * 1024 } });

    await owner.live.complete(s.liveId, gated({}), w);
    const ev = { seq: 2, event: { kind: 'text' as const, uuid: 'late-1', text: 'late' } };
    const ended = await refusal(
      owner.live.append(s.liveId, gated({ events: [ev] }), w),
      'gone',
      'stream_ended',
    );
    expect(ReasonedError.parse({ reason: ended.reason, details: detailsOf(ended, 'gone')?.details })).toEqual(
      {
        reason: 'stream_ended',
        details: { status: 'completed' },
      },
    );
  });

  it('live_token_refused: a producer token cannot create streams', async () => {
    const s = await owner.live.create(gated({ title: 'reasons c' }));
    // The client never sends a live token there, so ask the tracker directly with the producer token as the bearer.
    const res = await fetch(`${tracker.url}/api/v1/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; reason?: string } };
    expect(body.error).toMatchObject({ code: 'forbidden', reason: 'live_token_refused' });
  });
});
