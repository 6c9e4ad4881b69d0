// The SessionStore's two rules that need no tracker: how an SDK key names a tracker file, and which failures wait.
import { describe, expect, it } from 'vitest';
import { httpError, timeoutError, transportError } from '../../src/client/errors.js';
import { BatonError } from '../../src/core/errors.js';
import { isTransient } from '../../src/session-store/delivery-queue.js';
import { trackerKeyOf } from '../../src/session-store/key.js';

const ctx = { baseUrl: 'http://127.0.0.1:1', method: 'POST', path: '/api/v1/sessions/x/entries' };

describe('SessionKey → tracker key', () => {
  it('main transcript is sub key ""; a subagent file keeps its subpath; projectKey rides along', () => {
    expect(trackerKeyOf({ projectKey: '-w-app', sessionId: 's1' })).toEqual({
      projectKey: '-w-app',
      sessionId: 's1',
      subKey: '',
    });
    expect(trackerKeyOf({ projectKey: 'p', sessionId: 's1', subpath: 'subagents/agent-a1' }).subKey).toBe(
      'subagents/agent-a1',
    );
  });

  it('refuses what the SDK calls invalid or could climb out of the session folder', () => {
    for (const subpath of ['', '../x', 'a/../b', '/abs', '.hidden', 'a//b'])
      expect(() => trackerKeyOf({ projectKey: 'p', sessionId: 's', subpath }), subpath).toThrow(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    expect(() => trackerKeyOf({ projectKey: '', sessionId: 's' })).toThrow(BatonError);
    expect(() => trackerKeyOf({ projectKey: 'p', sessionId: '' })).toThrow(BatonError);
  });
});

describe('which append failures are queued (transient) and which reject (permanent)', () => {
  it('unreachable, slow, 5xx, 408 and 429 wait; other 4xx and programming errors do not', () => {
    const refused = transportError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), ctx);
    expect(isTransient(refused)).toBe(true);
    expect(isTransient(timeoutError(15_000, ctx))).toBe(true);
    expect(isTransient(httpError(503, '', ctx))).toBe(true);
    expect(isTransient(httpError(408, '', ctx))).toBe(true);
    expect(isTransient(httpError(429, '', ctx))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422])
      expect(isTransient(httpError(status, '', ctx)), String(status)).toBe(false);
    expect(isTransient(new BatonError('egress_ungated', 'x'))).toBe(false);
    expect(isTransient(new TypeError('bug'))).toBe(false);
  });
});
