// Two tracker processes on one PostgreSQL database: events written through one reach SSE viewers of the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithExternal } from '../helpers/externals.js';
import { openSse } from '../helpers/sse-client.js';
import { withUser } from '../../tracker/live/pg-notifier.js';

const PG_URL = withUser(process.env.BATON_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test');

async function pgReachable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} unreachable: ${(err as Error).message}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const schema = `live_fanout_${randomBytes(4).toString('hex')}`;
const children: ChildProcess[] = [];

async function startInstance(): Promise<{ url: string; ownerKey: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/tracker/live-server-main.ts', PG_URL, schema, '15000'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const rl = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return JSON.parse(line) as { url: string; ownerKey: string };
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describeWithExternal('PostgreSQL', await pgReachable())(
  'live fan-out across tracker processes (PostgreSQL LISTEN/NOTIFY)',
  () => {
    let a: { url: string; ownerKey: string };
    let b: { url: string; ownerKey: string };

    beforeAll(async () => {
      await admin(`CREATE SCHEMA ${schema}`);
      a = await startInstance(); // migrates and creates the owner
      b = await startInstance();
    });

    afterAll(async () => {
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
      );
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });

    it('a viewer on instance B receives, in order, events PATCHed to instance A, plus status and the viewer count', async () => {
      const created = await fetch(`${a.url}/api/v1/live`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.ownerKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'fan-out' }),
      });
      const s = (await created.json()) as { liveId: string; producerToken: string; viewerToken: string };
      const onB = openSse(`${b.url}/live/${s.viewerToken}/events`);
      const onA = openSse(`${a.url}/live/${s.viewerToken}/events`);
      await onB.waitFor((m) => m.event === 'hello');
      await onA.waitFor((m) => m.event === 'hello');
      // Viewer counts are summed across instances.
      await onB.waitFor((m) => m.event === 'viewers' && JSON.parse(m.data).count === 2, 15_000);

      const patch = (events: unknown[]) =>
        fetch(`${a.url}/api/v1/live/${s.liveId}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
      for (let batch = 0; batch < 5; batch++) {
        const events = Array.from({ length: 10 }, (_, i) => {
          const seq = batch * 10 + i + 1;
          return { seq, event: { kind: 'text', uuid: `u${seq}`, text: `event ${seq}` } };
        });
        expect((await patch(events)).status).toBe(200);
      }
      await onB.waitFor((m) => m.id === '50', 15_000);
      expect(onB.messages.filter((m) => m.event === 'event').map((m) => Number(m.id))).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );

      // Status changes cross instances too; completion drains every event before `end`.
      await fetch(`${a.url}/api/v1/live/${s.liveId}/pause`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.producerToken}` },
      });
      await onB.waitFor((m) => m.event === 'status' && JSON.parse(m.data).status === 'paused');
      await fetch(`${a.url}/api/v1/live/${s.liveId}/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.producerToken}` },
      });
      await patch([{ seq: 51, event: { kind: 'text', uuid: 'u51', text: 'last' } }]);
      await fetch(`${a.url}/api/v1/live/${s.liveId}/complete`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.producerToken}` },
      });
      const end = await onB.waitFor((m) => m.event === 'end', 15_000);
      expect(JSON.parse(end.data).status).toBe('completed');
      expect(onB.messages.filter((m) => m.event === 'event').length).toBe(51);
      onA.close();
      onB.close();
    });

    it('a producer may write through instance B while the viewer watches instance A', async () => {
      const s = (await (
        await fetch(`${b.url}/api/v1/live`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a.ownerKey}`, 'content-type': 'application/json' },
          body: '{}',
        })
      ).json()) as { liveId: string; producerToken: string; viewerToken: string };
      const onA = openSse(`${a.url}/live/${s.viewerToken}/events`);
      await onA.waitFor((m) => m.event === 'hello');
      await fetch(`${b.url}/api/v1/live/${s.liveId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${s.producerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: [{ seq: 1, event: { kind: 'prompt', uuid: 'p1', text: 'hello from B' } }],
        }),
      });
      const got = await onA.waitFor((m) => m.id === '1', 15_000);
      expect(JSON.parse(got.data).event.text).toBe('hello from B');
      await fetch(`${b.url}/api/v1/live/${s.liveId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${s.producerToken}` },
      });
      const end = await onA.waitFor((m) => m.event === 'end', 15_000);
      expect(JSON.parse(end.data).reason).toBe('ended by owner');
      onA.close();
    });
  },
);
