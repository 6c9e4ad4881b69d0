// What every service needs (the store, config, clock, live hook, logger) and who is calling.
import type { TrackerConfig } from '../config.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log.js';
import type { SessionDeriver } from './derive-session.js';
import type { EventPublisher } from './publisher.js';

export interface ServiceDeps {
  store: Store;
  config: TrackerConfig;
  events: EventPublisher;
  now: () => number;
  logger: Logger;
  /** Re-derives SessionStore sessions from their entries, debounced, off the request path. */
  derive: SessionDeriver;
}

/** The authenticated caller of one request, and the base URL the URLs in responses use. */
export interface Caller {
  userId: string;
  role: 'owner' | 'member';
  keyId: string;
  baseUrl: string;
}
