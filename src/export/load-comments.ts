// Reads a session's comments for `--comments` through session-comments.ts, loaded on demand: from
// dist/export-comments.js beside the running bundle, or the TypeScript module when running from source. A runtime-built
// specifier, so esbuild never inlines the tracker client into the small export bundle (as documents/load.ts does).
import type { EventComments } from '../core/export/index.js';
import type * as SessionComments from './session-comments.js';
import type { TrackerConfig } from './session-comments.js';

export type { TrackerConfig };

let loaded: Promise<typeof SessionComments> | undefined;

function loadSessionComments(): Promise<typeof SessionComments> {
  const fromSource = import.meta.url.endsWith('.ts');
  const target = fromSource ? './session-comments.ts' : './export-comments.js';
  loaded ??= import(new URL(target, import.meta.url).href) as Promise<typeof SessionComments>;
  return loaded;
}

/** fetchExportComments (session-comments.ts), or undefined with a warning if even its module cannot be loaded. */
export async function exportComments(
  tracker: TrackerConfig | undefined,
  sessionId: string,
  warn: (message: string) => void,
): Promise<EventComments[] | undefined> {
  let mod: typeof SessionComments;
  try {
    mod = await loadSessionComments();
  } catch (err) {
    // A dist/ built before this module existed: the export itself goes on.
    warn(
      `warning: --comments: this build cannot read comments (${err instanceof Error ? err.message : String(err)}); ` +
        'the export is written without comments',
    );
    return undefined;
  }
  return mod.fetchExportComments(tracker, sessionId, warn);
}
