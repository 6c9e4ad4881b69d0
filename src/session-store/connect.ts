// The tracker clients a session store talks through: the caller's, or built from `url`/`key` and Baton's config.
import { createTrackerClient } from '../client/index.js';
import { resolveConfig } from '../core/config/index.js';
import { BatonError } from '../core/errors.js';
import type { SessionStoreClient, TrackerSessionStoreOptions } from './types.js';

export interface StoreClients {
  /** For appends: one attempt per call, the delivery queue owns the retries (one retry owner per call path). */
  write: SessionStoreClient;
  /** For reads (load, list): the client's own retries, as every CLI read has them. */
  read: SessionStoreClient;
  close(): Promise<void>;
}

export function connect(
  opts: TrackerSessionStoreOptions,
  env: NodeJS.ProcessEnv = process.env,
): StoreClients {
  if (opts.client) {
    const client = opts.client;
    // The caller's client is the caller's to close.
    return { write: client, read: client, close: async () => {} };
  }
  const config = opts.url !== undefined && opts.key !== undefined ? undefined : resolveConfig(env);
  const baseUrl = opts.url ?? config?.trackerUrl;
  if (!baseUrl)
    throw new BatonError(
      'config',
      'session store: no tracker URL — pass { url, key }, or set BATON_URL and BATON_API_KEY (or run `baton login`)',
    );
  const base = {
    baseUrl,
    apiKey: opts.key ?? config?.apiKey,
    allowInsecure: config?.allowInsecure ?? false,
    userAgent: 'baton-session-store',
  };
  const write = createTrackerClient({ ...base, maxRetries: 0 });
  const read = createTrackerClient(base);
  return {
    write,
    read,
    close: async () => {
      await Promise.all([write.close(), read.close()]);
    },
  };
}
