// A burst of signals from one instance (a comment storm, a fast session) reaches the other instances complete and in
// order, through the notifier's single connection, without pg's "already executing a query" deprecation path.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { createPgNotifier, withUser } from '../../tracker/live/pg-notifier.js';
import type { LiveNotifier, LiveSignal } from '../../tracker/live/notifier.js';

const PG_URL = withUser(process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');

async function pgReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} unreachable: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const open: LiveNotifier[] = [];
afterAll(async () => {
  await Promise.all(open.map((n) => n.close()));
});

describeWithExternal('PostgreSQL', await pgReachable())('PostgreSQL notifier under a burst', () => {
  it('delivers 300 concurrent publishes once each, in order, with no deprecation warning', async () => {
    const channel = `burst_${randomBytes(4).toString('hex')}`;
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const sender = createPgNotifier({ connectionString: PG_URL, channel });
    const receiver = createPgNotifier({ connectionString: PG_URL, channel });
    open.push(sender, receiver);
    const got: number[] = [];
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await receiver.listen((s) => {
      if (s.type === 'events' && s.instance === 'a') got.push(s.from);
      if (got.length === 300) done();
    });
    const signal = (i: number): LiveSignal => ({
      type: 'events',
      instance: 'a',
      liveId: 'L',
      from: i,
      to: i,
    });
    await Promise.all(Array.from({ length: 300 }, (_, i) => sender.publish(signal(i))));
    await all;
    process.off('warning', onWarning);
    expect(got).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
