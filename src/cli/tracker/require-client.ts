// The CLI's tracker client from the resolved config, or one clear error saying how to configure a tracker.
import { clientFromConfig, type TrackerClient, type TrackerClientOptions } from '../../client/index.js';
import { LINES_REFUSED_NOTICE } from '../../client/transcript-lines.js';
import { BatonError } from '../../core/errors.js';
import type { CliContext } from '../invocation.js';

export function requireClient(ctx: CliContext, opts: Partial<TrackerClientOptions> = {}): TrackerClient {
  const { trackerUrl, apiKey, allowInsecure } = ctx.config;
  if (!trackerUrl) {
    throw new BatonError(
      'config',
      'no tracker configured — run `baton login --url <tracker URL> --key <API key>` (or set BATON_URL and BATON_API_KEY)',
    );
  }
  if (!apiKey)
    throw new BatonError(
      'config',
      `no API key configured for ${trackerUrl} — run \`baton login --key <API key>\``,
    );
  // The one factory (src/client clientFromConfig), as the MCP server, sender and handoff sync use.
  // An older tracker keeps no transcript lines: the client then sends without them, and the user hears it once.
  const onLinesRefused = () => ctx.io.err(`Note: ${LINES_REFUSED_NOTICE}\n`);
  return clientFromConfig(
    { trackerUrl, apiKey, allowInsecure },
    { userAgent: 'baton-cli', onLinesRefused, ...opts },
  )!;
}

/** Runs `fn` with a client and always releases its connections. */
export async function withClient<T>(
  ctx: CliContext,
  fn: (c: TrackerClient) => Promise<T>,
  opts?: Partial<TrackerClientOptions>,
): Promise<T> {
  const client = requireClient(ctx, opts);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
