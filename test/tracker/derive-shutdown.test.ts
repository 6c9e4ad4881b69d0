// Issue 12: `baton tracker serve` derives a SessionStore session after a debounce; stopped right after an append
// (SIGTERM-like abort), it derives what was pending before the database closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../tracker/db/store.js';
import { runTrackerCommand } from '../../tracker/main.js';

const dir = mkdtempSync(join(tmpdir(), 'baton-derive-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a session appended to just before shutdown is derived before the database closes', async () => {
  const env = { HOME: dir, BATON_DATA_DIR: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  const ac = new AbortController();
  let out = '';
  let listening!: (u: { url: string }) => void;
  const ready = new Promise<{ url: string }>((r) => (listening = r));
  const done = runTrackerCommand(['serve', '--port', '0', '--log-level', 'silent'], {
    env,
    stdout: (t) => void (out += t),
    stderr: () => undefined,
    signal: ac.signal,
    handleSignals: false,
    onListening: listening,
  });
  const { url } = await ready;
  const key = /^\s+(bt_[A-Za-z0-9_-]{43})$/m.exec(out)![1]!;
  const line = {
    uuid: 'u-1',
    type: 'user',
    timestamp: '2026-01-01T00:00:00.000Z',
    message: { role: 'user', content: 'stop right after me' },
  };
  const res = await fetch(`${url}/api/v1/sessions/stop-1/entries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ entries: [{ uuid: 'u-1', line }] }),
  });
  expect(res.status).toBe(200);
  // Well inside the one-second debounce: only the shutdown flush can have derived it.
  ac.abort();
  expect(await done).toBe(0);

  const store = await openStore({ engine: 'sqlite', file: join(dir, 'data', 'tracker.db') });
  try {
    const [owner] = await store.users.list();
    const s = await store.sessions.findByUserAndId(owner!.id, 'stop-1');
    expect(s).toMatchObject({ source: 'session-store', event_count: 1, title: 'stop right after me' });
  } finally {
    await store.close();
  }
});
