// A derivation shares the tracker's one thread with requests: on SQLite its queries are synchronous, so it must hand
// the event loop back between its stretches of work, or every append that arrives meanwhile waits all of it out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openStore, type Store } from '../../tracker/db/store.js';
import { deriveSession } from '../../tracker/services/derive-session.js';
import { writeSession } from '../../tracker/services/session-writer.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { freshDatabase } from './helpers/harness.js';

let store: Store;
let drop: () => Promise<void>;
let userId = '';

beforeAll(async () => {
  const fresh = await freshDatabase('sqlite');
  drop = fresh.drop;
  store = await openStore(fresh.target);
  userId = (await ensureOwner(store, { now: Date.now(), defaultRate: 0 }))!.user.id;
});
afterAll(async () => {
  await store?.close();
  await drop?.();
});

/** `turns` user/assistant pairs, chained, as the SDK mirrors them. */
function turns(sessionId: string, n: number) {
  const out: Array<{ uuid: string; text: string }> = [];
  let parent: string | null = null;
  for (let i = 0; i < n; i++)
    for (const role of ['user', 'assistant'] as const) {
      const uuid = randomUUID();
      const line = {
        type: role,
        uuid,
        parentUuid: parent,
        sessionId,
        timestamp: new Date(1_700_000_000_000 + i * 1000).toISOString(),
        cwd: '/srv/app',
        message: { role, content: [{ type: 'text', text: `${role} turn ${i}` }] },
      };
      out.push({ uuid, text: JSON.stringify(line) });
      parent = uuid;
    }
  return out;
}

test('a derivation hands the event loop back every few hundred events (the first one and a re-derivation)', async () => {
  const sessionId = randomUUID();
  const { row } = await store.transaction((repos) =>
    writeSession(
      repos,
      { userId, sessionId, items: [], source: 'session-store', pointerSource: 'session-store' },
      1,
    ),
  );
  const pk = Number(row.pk);
  await store.transcriptEntries.append(pk, '', turns(sessionId, 600), 1);

  // Callbacks queued as I/O would be (macrotasks), one after the other while the derivation runs: it must hand the
  // loop back regularly (every few hundred events), not once or twice in a stretch as long as the whole session.
  const ranDuring = async () => {
    let done = false;
    let ticks = 0;
    const tick = () => {
      if (done) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await deriveSession(store, pk, 2);
    done = true;
    return { ticks, events: result?.events ?? 0 };
  };
  const first = await ranDuring();
  expect(first.events).toBeGreaterThan(1000);
  expect(first.ticks).toBeGreaterThanOrEqual(first.events / 500);
  await store.transcriptEntries.append(pk, '', turns(sessionId, 5), 3);
  const again = await ranDuring();
  expect(again.events).toBeGreaterThan(first.events);
  expect(again.ticks).toBeGreaterThanOrEqual(again.events / 500);
});
