// LISTEN/NOTIFY fan-out so SSE viewers on one tracker instance see events ingested by another (PostgreSQL only).
import { userInfo } from 'node:os';
import pg from 'pg';
import { decodeSignal, encodeSignal, type LiveNotifier, type LiveSignal } from './notifier.js';

export const LIVE_CHANNEL = 'baton_live';

export interface PgNotifierOptions {
  connectionString: string;
  /** Channel name; instances sharing a database but not a schema must use different channels. */
  channel?: string;
  /** Called when the LISTEN connection drops; the notifier reconnects on its own after `retryMs`. */
  onError?: (err: unknown) => void;
  retryMs?: number;
}

/**
 * One dedicated connection LISTENs (a pooled connection cannot: LISTEN is per session); NOTIFY goes through the same
 * client to keep the number of connections per instance at one.
 */
export function createPgNotifier(opts: PgNotifierOptions): LiveNotifier {
  const channel = opts.channel ?? LIVE_CHANNEL;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid LISTEN channel: ${channel}`);
  let client: pg.Client | null = null;
  let closed = false;
  const receivers: Array<(s: LiveSignal) => void> = [];
  let connecting: Promise<pg.Client> | null = null;
  // One query at a time on the one client: pg queues overlapping queries only with a deprecation warning today, and
  // pg 9 drops that queue. Publishes keep their order on this chain; a failed one does not stop the next.
  let sending: Promise<unknown> = Promise.resolve();

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: withUser(opts.connectionString) });
    c.on('error', (err) => {
      opts.onError?.(err);
      if (client === c) client = null;
      if (!closed)
        setTimeout(() => void ensure().catch((e) => opts.onError?.(e)), opts.retryMs ?? 1000).unref();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload || receivers.length === 0) return;
      const s = decodeSignal(msg.payload);
      if (s) for (const r of receivers) r(s);
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    return c;
  };
  const ensure = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    publish(signal) {
      const send = sending.then(async () => {
        const c = await ensure();
        await c.query('select pg_notify($1, $2)', [channel, encodeSignal(signal)]);
      });
      sending = send.catch(() => undefined);
      return send;
    },
    async listen(onSignal) {
      receivers.push(onSignal);
      await ensure();
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * A URL without a user name means "the OS user", as psql does. pg ignores a separate `user` option when a
 * connection string is given, and only falls back to $USER (unset under some service managers), so put it in the URL.
 */
export function withUser(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.username) return connectionString;
  url.username = process.env.PGUSER ?? userInfo().username;
  return url.toString();
}
