// Per-file e2e setup: provisions the pinned claude (or skips loudly / fails under CI) and checks dist/ is built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithExternal } from '../../helpers/externals.js';
import { ensureClaudeBinary, repoRoot } from './claude-binary.js';

const claude = await ensureClaudeBinary();

/** `describe` when the pinned claude is available, else a loud skip (a failure under CI). */
export const describeClaude = describeWithExternal('claude CLI (e2e)', claude.reason);

/** Path of the pinned binary; only read inside describeClaude blocks. */
export const claudeBin: string = claude.path ?? '/nonexistent/claude';

/** The release `claudeBin` reports (the pin, or BATON_CLAUDE_VERSION): what transcripts written in the test carry. */
export const claudeVersion: string = claude.path ? claude.version : 'unavailable';

/** Throws a clear error when a bundle the test needs has not been built. */
export function requireDist(...files: string[]): void {
  const missing = files.filter((f) => !existsSync(join(repoRoot, 'dist', f)));
  if (missing.length) throw new Error(`dist/${missing.join(', dist/')} missing: run \`npm run build\` first`);
}
