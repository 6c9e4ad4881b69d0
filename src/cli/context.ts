// Moved to ./invocation.ts (issue #11). Kept only for src/cli/sync/run-sync.ts and src/cli/tracker/require-client.ts,
// whose owners switch their import; delete this file then.
export type { CliContext } from './invocation.js';
