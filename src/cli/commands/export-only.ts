// The registry of dist/cli-export.js: only `baton export`, so that bundle holds nothing of the other commands.
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
];
