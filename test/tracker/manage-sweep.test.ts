// The trash keeps things 30 days: before that a restore works, after it the sweep purges them (sessions and posts),
// and a restore past the deadline fails even if the sweep has not run yet. Service level, on a clock the test sets.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import { silentLogger } from '../../tracker/log.js';
import { createSessionDeriver } from '../../tracker/services/derive-session.js';
import { noopPublisher } from '../../tracker/services/publisher.js';
import type { Caller, ServiceDeps } from '../../tracker/services/service-deps.js';
import {
  listTrash,
  restoreSession,
  sweepTrash,
  TRASH_MS,
  trashPost,
  trashSession,
} from '../../tracker/services/session-actions.js';
import { pushSession } from '../../tracker/services/sessions.js';
import { ensureOwner } from '../../tracker/services/users.js';
import { forEachEngine, freshDatabase } from './helpers/harness.js';
import { makeSession } from './helpers/sessions.js';

forEachEngine('manage: trash sweep', (engine) => {
  let store: Store;
  let drop: () => Promise<void>;
  let deps: ServiceDeps;
  let caller: Caller;
  let clock = Date.parse('2026-03-01T00:00:00Z');

  beforeAll(async () => {
    const db = await freshDatabase(engine);
    drop = db.drop;
    store = await openStore(db.target);
    const owner = await ensureOwner(store, { now: clock, defaultRate: 0 });
    const now = () => clock;
    deps = {
      store,
      config: testConfig({ db: db.target }),
      events: noopPublisher,
      now,
      logger: silentLogger,
      derive: createSessionDeriver({ store, logger: silentLogger, now, intervalMs: 100 }),
    };
    caller = { userId: owner!.user.id, role: 'owner', keyId: owner!.key.row.id, baseUrl: 'http://t' };
  });
  afterAll(async () => {
    await deps?.derive.close();
    await store?.close();
    await drop?.();
  });

  it('restores within 30 days, refuses after, and the sweep purges what expired', async () => {
    const push = (id: string) =>
      pushSession(deps, caller, { session: makeSession({ id }), createPost: true, title: id });
    const keep = await push('sw-keep');
    const old = await push('sw-old');
    const t0 = clock;
    await trashSession(deps, caller, 'sw-old');
    await trashPost(deps, caller, old.postId!);
    clock = t0 + TRASH_MS - 1;
    await trashSession(deps, caller, 'sw-keep');
    // One millisecond before the deadline the old one still restores (and is put back in the trash).
    expect((await restoreSession(deps, caller, 'sw-old')).id).toBe('sw-old');
    await trashSession(deps, caller, 'sw-old');
    expect((await listTrash(deps, caller, { page: 1, limit: 10 })).sessions.map((s) => s.id).sort()).toEqual([
      'sw-keep',
      'sw-old',
    ]);

    clock = t0 + TRASH_MS;
    // The post trashed at t0 is past its 30 days; the re-trashed session is not (its clock restarted).
    expect(await sweepTrash(deps)).toBe(1);
    expect(await store.posts.findAnyForUser(caller.userId, old.postId!)).toBeUndefined();
    expect(await store.posts.findAnyForUser(caller.userId, keep.postId!)).toBeDefined();

    clock = t0 + 2 * TRASH_MS;
    // Past the deadline a restore is refused even before any sweep ran.
    await expect(restoreSession(deps, caller, 'sw-keep')).rejects.toMatchObject({ code: 'not_found' });
    // Listing the trash sweeps the caller's expired rows: both sessions go, with their events.
    const trash = await listTrash(deps, caller, { page: 1, limit: 10 });
    expect(trash.sessions).toEqual([]);
    const left = await store.db.selectFrom('sessions').select('id').execute();
    expect(left).toEqual([]);
    expect(await store.db.selectFrom('events').select('uuid').execute()).toEqual([]);
  });
});
