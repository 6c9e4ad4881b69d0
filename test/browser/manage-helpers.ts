// Helpers for the manage tests: a web tracker on either engine, a second user, and API reads to check pages against.
import type { Page } from 'playwright-core';
import { addUser } from '../../tracker/services/users.js';
import { freshDatabase, type EngineName } from '../tracker/helpers/harness.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

export interface ManageTracker extends WebTracker {
  /** A second user's raw API key. */
  otherKey: string;
  api<T = unknown>(path: string, init?: RequestInit & { key?: string }): Promise<{ status: number; body: T }>;
}

export async function startManageTracker(engine: EngineName): Promise<ManageTracker> {
  const db = engine === 'postgres' ? await freshDatabase('postgres') : null;
  const t = await startWebTracker(db ? { config: { db: db.target } } : {});
  const other = await addUser(t.store, { name: 'mallory' }, { now: Date.now(), defaultRate: 0 });
  const close = t.close.bind(t);
  return Object.assign(t, {
    otherKey: other.key.rawKey,
    async api<T>(path: string, init: RequestInit & { key?: string } = {}) {
      const res = await fetch(t.url + path, {
        ...init,
        headers: {
          authorization: `Bearer ${init.key ?? t.ownerKey}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async close() {
      await close();
      await db?.drop();
    },
  });
}

/** The page's CSRF token (every signed-in page carries one in its logout form). */
export function csrfOf(page: Page): Promise<string> {
  return page.locator('form[action="/logout"] input[name="csrf"]').inputValue();
}

/** A same-origin form POST from the page (as a browser form would send it), answered without following redirects. */
export function postForm(page: Page, action: string, fields: Record<string, string>): Promise<number> {
  return page.evaluate(
    async ([a, f]) => {
      const res = await fetch(a, { method: 'POST', body: new URLSearchParams(f), redirect: 'manual' });
      return res.type === 'opaqueredirect' ? 303 : res.status;
    },
    [action, fields] as const,
  );
}
