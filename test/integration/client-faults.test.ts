// The tracker client against small real HTTP servers that fail on cue: retries, Retry-After, timeouts, no 4xx retry.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrackerClient, type RetryInfo } from '../../src/client/index.js';
import { BatonError } from '../../src/core/errors.js';
import { hang, json, reset, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { gated } from '../helpers/gated.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function serve(...replies: Parameters<typeof startFaultServer>[0]) {
  const s = await startFaultServer(replies);
  servers.push(s);
  return s;
}

/** A client whose waits are recorded instead of slept: no timing in assertions. */
function fastClient(url: string, extra: Partial<Parameters<typeof createTrackerClient>[0]> = {}) {
  const waits: number[] = [];
  const retries: RetryInfo[] = [];
  const client = createTrackerClient({
    baseUrl: url,
    apiKey: 'bt_test',
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    onRetry: (i) => retries.push(i),
    ...extra,
  });
  return { client, waits, retries };
}

async function rejection(p: Promise<unknown>): Promise<BatonError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BatonError);
  return err as BatonError;
}

const ok = json(200, { status: 'ok' });

describe('tracker client faults', () => {
  it('retries 5xx with growing backoff, then succeeds', async () => {
    const s = await serve(
      json(502, { error: { code: 'internal', message: 'bad gateway' } }),
      json(500, 'x'),
      json(503, {}),
      ok,
    );
    const { client, waits } = fastClient(s.url);
    expect(await client.health.health()).toEqual({ status: 'ok' });
    expect(s.seen).toHaveLength(4);
    expect(waits).toEqual([138, 275, 550]); // 250·2^n·(0.1+0.9·0.5)
    await client.close();
  });

  it('gives up after maxRetries with code server and the status', async () => {
    const s = await serve(json(500, { error: { code: 'internal', message: 'boom' } }));
    const { client } = fastClient(s.url, { maxRetries: 2 });
    const err = await rejection(client.health.health());
    expect(err.code).toBe('server');
    expect(err.message).toContain('boom');
    expect(err.details).toMatchObject({ status: 500, serverCode: 'internal' });
    expect(s.seen).toHaveLength(3);
    await client.close();
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const s = await serve(
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }),
      ok,
    );
    const { client, waits, retries } = fastClient(s.url);
    expect(await client.health.health()).toEqual({ status: 'ok' });
    expect(waits).toEqual([2000 + 125]);
    expect(retries[0]!.error.code).toBe('rate_limited');
    await client.close();
  });

  it('fails at once with rate_limited and retryAfterMs when the wait exceeds the ceiling', async () => {
    const s = await serve(
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '120' }),
    );
    const { client, waits } = fastClient(s.url);
    const err = await rejection(client.health.health());
    expect(err.code).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(err.message).toContain('retry in 120 s');
    expect(waits).toEqual([]);
    await client.close();
  });

  it('never retries other 4xx', async () => {
    const s = await serve(json(400, { error: { code: 'invalid_request', message: 'nope' } }));
    const { client, waits } = fastClient(s.url);
    const err = await rejection(client.sessions.list());
    expect(err.code).toBe('invalid_request');
    expect(s.seen).toHaveLength(1);
    expect(waits).toEqual([]);
    // The fake answers like the tracker does: the reason says "expired", the client never reads the message text.
    const s2 = await serve(
      json(401, { error: { code: 'auth', message: 'the API key has expired', reason: 'key_expired' } }),
    );
    const err2 = await rejection(fastClient(s2.url).client.account.me());
    expect(err2.code).toBe('auth');
    expect(err2.message).toBe(
      `API key expired — create a new one at ${s2.url}/settings, then run \`baton login\``,
    );
    expect(s2.seen).toHaveLength(1);
    await client.close();
  });

  it('times out a hung request (code timeout) and retries it', async () => {
    const s = await serve(hang, hang, ok);
    const { client, retries } = fastClient(s.url, { timeoutMs: 150 });
    expect(await client.health.health()).toEqual({ status: 'ok' });
    expect(retries.map((r) => r.error.code)).toEqual(['timeout', 'timeout']);
    const s2 = await serve(hang);
    const err = await rejection(fastClient(s2.url, { timeoutMs: 100, maxRetries: 0 }).client.health.health());
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/did not answer GET \/healthz within 100 ms/);
    await client.close();
  });

  it('retries a dropped connection (code network)', async () => {
    const s = await serve(reset, ok);
    const { client, retries } = fastClient(s.url);
    expect(await client.health.health()).toEqual({ status: 'ok' });
    expect(retries[0]!.error.code).toBe('network');
    await client.close();
  });

  it('reports a refused connection as network with a hint, and retries even non-idempotent calls then', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const { client, retries } = fastClient(`http://127.0.0.1:${port}`, { maxRetries: 2 });
    const err = await rejection(client.live.create(gated({ title: 'x' })));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/connection refused \(is the tracker running\?\)/);
    expect(retries).toHaveLength(2);
    await client.close();
  });

  it('does not repeat a non-idempotent call after an ambiguous failure', async () => {
    const s = await serve(json(500, {}), ok);
    const { client } = fastClient(s.url);
    const err = await rejection(client.live.create(gated({ title: 'x' })));
    expect(err.code).toBe('server');
    expect(s.seen).toHaveLength(1);
    await client.close();
  });

  it('rejects an answer that does not match the schema as server', async () => {
    const s = await serve(json(200, { status: 'weird' }));
    const err = await rejection(fastClient(s.url).client.health.health());
    expect(err.code).toBe('server');
    expect(err.message).toMatch(/compatible version/);
  });

  it('sends the key as a bearer token, and JSON bodies', async () => {
    const s = await serve(json(200, { handoffs: [] }));
    const { client } = fastClient(s.url);
    await client.handoffs.list({ project: 'p q' });
    expect(s.seen[0]!.headers.authorization).toBe('Bearer bt_test');
    expect(s.seen[0]!.url).toBe('/api/v1/handoffs?project=p+q&limit=20');
    await client.close();
  });

  it('refuses to construct a keyed client for plain http to a remote host', () => {
    expect(() => createTrackerClient({ baseUrl: 'http://tracker.example.com', apiKey: 'bt_x' })).toThrow(
      BatonError,
    );
    expect(() =>
      createTrackerClient({ baseUrl: 'http://tracker.example.com', apiKey: 'bt_x', allowInsecure: true }),
    ).not.toThrow();
  });
});
