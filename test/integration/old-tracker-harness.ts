// A tracker as it was before transcript lines (issue 12): the current app behind the request schemas of that release
// (18376b7), which were strict, had no `entries` or `transcripts`, and wanted at least one event per append; nor had
// it the entries routes. A body it would refuse is refused here by the tracker's own validator (parseInput) and error
// handler, so the 400 body is byte for byte what that tracker sent; everything else goes to the real app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AppendEventsRequest,
  EventItem,
  PushSessionRequest,
  UploadSessionsRequest,
} from '../../src/core/api/sessions.js';
import { createApp } from '../../tracker/app.js';
import { testConfig } from '../../tracker/config.js';
import { openStore, type Store } from '../../tracker/db/store.js';
import { createErrorHandler, notFound } from '../../tracker/http/errors.js';
import { parseInput } from '../../tracker/http/validate.js';
import { silentLogger } from '../../tracker/log.js';
import { startServer, type RunningServer } from '../../tracker/server.js';
import { ensureOwner } from '../../tracker/services/users.js';

function without<S extends z.ZodRawShape>(shape: S, key: string): z.ZodRawShape {
  return Object.fromEntries(Object.entries(shape).filter(([k]) => k !== key));
}

/** The request schemas of the release before transcript lines. */
export const OLD_SCHEMAS = {
  push: z.object(without(PushSessionRequest.shape, 'entries')).strict(),
  append: z
    .object({
      ...without(AppendEventsRequest.shape, 'entries'),
      events: z.array(EventItem).min(1).max(5000),
    })
    .strict(),
  upload: z.object(without(UploadSessionsRequest.shape, 'transcripts')).strict(),
};

export interface OldTracker {
  url: string;
  ownerKey: string;
  store: Store;
  /** Requests the old schemas refused, by path. */
  refused: string[];
  /** From now on the app answers as the current release (an upgrade in place: same URL, same database). */
  upgrade(): void;
  close(): Promise<void>;
}

export async function startOldTracker(): Promise<OldTracker> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-old-tracker-'));
  const config = testConfig({
    db: { engine: 'sqlite', file: join(dir, 'tracker.db') },
    shutdownTimeoutMs: 200,
  });
  const store = await openStore(config.db);
  const owner = await ensureOwner(store, { now: Date.now(), defaultRate: 0 });
  const current = createApp({ store, config, logger: silentLogger, validateResponses: true });
  const refused: string[] = [];
  let upgraded = false;

  const old = new Hono();
  const check = (schema: z.ZodType) => async (c: import('hono').Context) => {
    if (upgraded) return current.fetch(c.req.raw);
    try {
      parseInput(schema, await c.req.raw.clone().json(), 'body');
    } catch (err) {
      refused.push(c.req.path);
      throw err;
    }
    return current.fetch(c.req.raw);
  };
  old.post('/api/v1/sessions', check(OLD_SCHEMAS.push));
  old.post('/api/v1/sessions/upload', check(OLD_SCHEMAS.upload));
  old.post('/api/v1/sessions/:id/events', check(OLD_SCHEMAS.append));
  const gone = (c: import('hono').Context) => (upgraded ? current.fetch(c.req.raw) : notFound(c));
  old.all('/api/v1/sessions/:id/entries', gone);
  old.all('/api/v1/sessions/:id/entries/*', gone);
  old.all('*', (c) => current.fetch(c.req.raw));
  old.onError(createErrorHandler(silentLogger));

  const server: RunningServer = await startServer({
    app: old as unknown as Parameters<typeof startServer>[0]['app'],
    config,
    logger: silentLogger,
    onClosed: () => store.close(),
  });
  return {
    url: server.url,
    ownerKey: owner!.key.rawKey,
    store,
    refused,
    upgrade: () => void (upgraded = true),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
