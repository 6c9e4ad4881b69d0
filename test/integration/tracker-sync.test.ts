// Handoff sync through the one tracker client (issue #11), against the real tracker: the handoff wording of errors,
// the typed reason underneath, and the egress gate in front of every send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoffRequest } from '../../src/core/api/handoffs.js';
import type { Gated } from '../../src/core/egress/index.js';
import { BatonError } from '../../src/core/errors.js';
import { getRemoteHandoff, listRemoteHandoffs, pushHandoff } from '../../src/handoff/tracker-sync.js';
import { gated } from '../helpers/gated.js';
import { startTestTracker, type TestTracker } from '../helpers/handoff-tracker.js';

let tracker: TestTracker;
beforeAll(async () => {
  tracker = await startTestTracker();
});
afterAll(async () => tracker?.close());

async function rejection(p: Promise<unknown>): Promise<BatonError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BatonError);
  return err as BatonError;
}

const target = () => ({ url: tracker.url, apiKey: tracker.apiKey });

describe('handoff tracker sync over the shared client', () => {
  it('creates, lists and reads a handoff', async () => {
    const created = await pushHandoff(
      target(),
      gated({ sessionId: 'sync-s1', markdown: '# Handoff\n\nNext: ship it.', project: 'sync-proj' }),
    );
    const listed = await listRemoteHandoffs(target(), { project: 'sync-proj', limit: 5 });
    expect(listed.map((h) => h.id)).toEqual([created.id]);
    expect((await getRemoteHandoff(target(), created.id)).body).toContain('ship it');
  });

  it('keeps the handoff wording and code for a missing handoff', async () => {
    const err = await rejection(getRemoteHandoff(target(), 'no-such-handoff'));
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(/^tracker: GET \/handoffs\/no-such-handoff: .+/);
  });

  it('carries the typed reason of a refused key', async () => {
    const err = await rejection(
      pushHandoff({ url: tracker.url, apiKey: 'bt_wrong' }, gated({ sessionId: 's', markdown: '# x' })),
    );
    expect(err.code).toBe('auth');
    expect(err.reason).toBe('key_invalid');
    expect(err.message).toMatch(/^tracker: POST \/handoffs: .+/);
  });

  it('refuses a body that skipped the egress gate, before anything is sent', async () => {
    const before = (await listRemoteHandoffs(target(), { limit: 100 })).length;
    const raw = { sessionId: 's', markdown: '# not gated' } as Gated<CreateHandoffRequest>;
    const err = await rejection(Promise.resolve().then(() => pushHandoff(target(), raw)));
    expect(err.code).toBe('egress_ungated');
    expect((await listRemoteHandoffs(target(), { limit: 100 })).length).toBe(before);
  });

  it('says "unreachable" with the transport error when nothing answers', async () => {
    const err = await rejection(
      pushHandoff({ url: 'http://127.0.0.1:9', apiKey: 'bt_x' }, gated({ sessionId: 's', markdown: '# x' })),
    );
    expect(err.code).toBe('network');
    expect(err.message).toBe('tracker http://127.0.0.1:9 unreachable: connect ECONNREFUSED 127.0.0.1:9');
  });
});
