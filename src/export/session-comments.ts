// `--comments` for local exports: the session's comments read from the configured tracker, or a warning and none.
// Bundled on its own (dist/export-comments.js) and loaded only when asked for (load-comments.ts): the tracker client
// and undici would otherwise multiply the size of the small `baton export` bundle (dist/cli-export.js).
import { clientFromConfig } from '../client/index.js';
import type { BatonConfig } from '../core/config/index.js';
import { BatonError } from '../core/errors.js';
import { commentThreads, type EventComments } from '../core/export/index.js';

export type TrackerConfig = Pick<BatonConfig, 'trackerUrl' | 'apiKey'> & { allowInsecure?: boolean };

/** One attempt, bounded: an export must not hang on a tracker that is down. */
const TIMEOUT_MS = 15_000;

export const SKIPPED = 'the export is written without comments';

/**
 * The comments the tracker holds for `sessionId` (the same id the tracker stores: a pushed session keeps its
 * transcript's id), or undefined after telling `warn` why not. Never throws: comments are an extra, and the export
 * they would decorate is never lost to a missing or broken tracker.
 */
export async function fetchExportComments(
  tracker: TrackerConfig | undefined,
  sessionId: string,
  warn: (message: string) => void,
): Promise<EventComments[] | undefined> {
  if (!tracker?.trackerUrl || !tracker.apiKey) {
    warn(
      `warning: --comments: no tracker is configured (baton login --url <tracker URL> --key <API key>); ${SKIPPED}`,
    );
    return undefined;
  }
  let client: ReturnType<typeof clientFromConfig> = null;
  try {
    client = clientFromConfig(tracker, { userAgent: 'baton-export', maxRetries: 0, timeoutMs: TIMEOUT_MS });
    if (!client) return undefined;
    return commentThreads(await client.comments.list(sessionId));
  } catch (err) {
    warn(`warning: --comments: ${whyNot(err, sessionId, tracker.trackerUrl)}; ${SKIPPED}`);
    return undefined;
  } finally {
    await client?.close().catch(() => {});
  }
}

/** Told by the error's code, never its message (the client's stable codes, src/client/index.ts). */
function whyNot(err: unknown, sessionId: string, url: string): string {
  const code = err instanceof BatonError ? err.code : undefined;
  switch (code) {
    case 'not_found':
      return `the tracker has no session ${sessionId} (never pushed? run baton push first)`;
    case 'network':
    case 'timeout':
      return `the tracker at ${url} is unreachable`;
    case 'auth':
      return `the tracker refused the API key (${(err as Error).message})`;
    default:
      return `could not read comments from the tracker (${err instanceof Error ? err.message : String(err)})`;
  }
}
