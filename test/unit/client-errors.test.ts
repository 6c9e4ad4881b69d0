// httpError reads the tracker's error body by code and reason (issue #11): reasons it knows, with the details they
// promise; anything else (an older or newer tracker) degrades to the code, never to guessing from the message.
import { describe, expect, it } from 'vitest';
import { retryAfterMsOf } from '../../src/client/index.js';
import { httpError } from '../../src/client/errors.js';
import { detailsOf, httpFailureOf } from '../../src/core/errors.js';

const ctx = { baseUrl: 'https://t.example', method: 'GET', path: '/api/v1/me' };
const body = (error: Record<string, unknown>) => JSON.stringify({ error });

describe('httpError', () => {
  it('takes the reason and its typed details; Retry-After comes from them when the header is missing', () => {
    const err = httpError(
      429,
      body({
        code: 'rate_limited',
        message: 'x',
        reason: 'rate_limited',
        details: { retryAfterSeconds: 7, limit: 5 },
      }),
      ctx,
    );
    expect(err.reason).toBe('rate_limited');
    expect(retryAfterMsOf(err)).toBe(7000);
    expect(detailsOf(err, 'rate_limited')).toMatchObject({ status: 429, reason: 'rate_limited' });
    // The header wins when both are there.
    expect(
      retryAfterMsOf(
        httpError(429, body({ code: 'rate_limited', message: 'x' }), ctx, { retryAfterMs: 2000 }),
      ),
    ).toBe(2000);
  });

  it('drops a reason it does not know, or whose details do not match, and keeps the code', () => {
    const unknown = httpError(
      401,
      body({ code: 'auth', message: 'the API key has been revoked', reason: 'key_lost' }),
      ctx,
    );
    expect(unknown.code).toBe('auth');
    expect(unknown.reason).toBeUndefined();
    // Not guessed from "revoked" in the message: the generic advice instead.
    expect(unknown.message).toBe(
      'API key not accepted by https://t.example — check it, or create a new one at https://t.example/settings and run `baton login`',
    );
    const bad = httpError(
      429,
      body({ code: 'rate_limited', message: 'x', reason: 'rate_limited', details: {} }),
      ctx,
    );
    expect(bad.code).toBe('rate_limited');
    expect(bad.reason).toBeUndefined();
    expect(httpFailureOf(bad)?.status).toBe(429);
  });

  it('maps each key reason to its advice', () => {
    const msg = (reason: string) => httpError(401, body({ code: 'auth', message: '', reason }), ctx).message;
    expect(msg('key_revoked')).toMatch(/^API key revoked/);
    expect(msg('key_expired')).toMatch(/^API key expired/);
    expect(msg('key_missing')).toBe('no API key configured for https://t.example — run `baton login`');
    expect(msg('key_invalid')).toMatch(/^API key not accepted/);
  });
});
