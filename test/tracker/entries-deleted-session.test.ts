// A session deleted while a line is being appended to it (the append reads the session without a lock): the client
// gets 404 as if the delete had come first, never a 500, and nothing is stored; on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { isBatonError } from '../../src/core/errors.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import type { ServiceDeps } from '../../tracker/services/service-deps.js';
import { appendEntries } from '../../tracker/services/transcript-entries.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { forEachEngine, freshDatabase, type EngineName } from './helpers/harness.js';

forEachEngine('entries append racing a delete', (engine: EngineName) => {
  let store: Store;
  let drop: () => Promise<void>;
  let userId = '';

  beforeAll(async () => {
    const fresh = await freshDatabase(engine);
    drop = fresh.drop;
    store = await openStore(fresh.target);
    userId = (await ensureOwner(store, { now: Date.now(), defaultRate: 0 }))!.user.id;
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  test('the session goes between the read and the append: 404, no line stored', async () => {
    const caller = { userId, role: 'owner' as const, keyId: 'k', baseUrl: 'http://t' };
    let changed = 0;
    const deps = {
      store,
      now: () => Date.now(),
      logger: silentLogger,
      derive: { changed: () => void changed++ },
    } as unknown as ServiceDeps;
    const line = (uuid: string) => ({ uuid, line: { type: 'user', uuid } });
    // The first append creates the session; the second reads it, then the delete lands before its insert.
    await appendEntries(deps, caller, 'gone-1', { subKey: '', entries: [line('a')] });
    const row = (await store.sessions.findByUserAndId(userId, 'gone-1'))!;
    const racing = {
      ...deps,
      store: new Proxy(store, {
        get(target, prop, receiver) {
          if (prop !== 'sessions') return Reflect.get(target, prop, receiver) as unknown;
          return {
            ...target.sessions,
            findByUserAndId: async (u: string, id: string) => {
              const found = await target.sessions.findByUserAndId(u, id);
              await target.sessions.delete(Number(row.pk));
              return found;
            },
          };
        },
      }),
    } as ServiceDeps;
    const err = await appendEntries(racing, caller, 'gone-1', { subKey: '', entries: [line('b')] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isBatonError(err) && err.code).toBe('not_found');
    expect(await store.sessions.findByUserAndId(userId, 'gone-1')).toBeUndefined();
    expect(await store.transcriptEntries.load(Number(row.pk), '', { afterSeq: 0, limit: 10 })).toEqual([]);
  });
});
