// The tracker client for tools that need one, with one clear error when none is configured.
import type { TrackerClient } from '../src/client/index.js';
import { BatonError } from '../src/core/errors.js';
import type { ServerDeps } from './server-deps.js';

export function requireTracker(deps: ServerDeps): TrackerClient {
  const client = deps.client();
  if (!client) {
    throw new BatonError(
      'config',
      'no Baton tracker is configured (set it with `baton login <url>`, or BATON_URL and BATON_API_KEY)',
    );
  }
  if (!deps.config.apiKey)
    throw new BatonError(
      'config',
      `no API key for the tracker at ${deps.config.trackerUrl}: run \`baton login\``,
    );
  return client;
}
