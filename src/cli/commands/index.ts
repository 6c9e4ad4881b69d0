// The registry of `baton` commands, in the order --help lists them. Each command module is imported on first use
// (esbuild evaluates a dynamically imported module lazily), so a command pays only for its own code: `baton export`
// does not load the tracker client, the zod schemas or the QR code printer, whatever else the CLI grows.
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'export-session', load: async () => (await import('./export-session.js')).exportSessionCommand },
  { name: 'handoff', load: async () => (await import('./handoff.js')).handoffCommand },
  { name: 'live', load: async () => (await import('./live.js')).liveCommand },
  { name: 'tracker', load: async () => (await import('./tracker-cli.js')).trackerCommand },
  { name: 'push', load: async () => (await import('./push.js')).pushCommand },
  { name: 'sessions', load: async () => (await import('./sessions.js')).sessionsCommand },
  { name: 'posts', load: async () => (await import('./posts.js')).postsCommand },
  { name: 'usage', load: async () => (await import('./usage.js')).usageCommand },
  { name: 'resume', load: async () => (await import('./resume.js')).resumeCommand },
  { name: 'restore', load: async () => (await import('./restore.js')).restoreCommand },
  { name: 'sync', load: async () => (await import('./sync.js')).syncCommand },
  { name: 'login', load: async () => (await import('./login.js')).loginCommand },
  { name: 'status', load: async () => (await import('./status.js')).statusCommand },
  { name: 'doctor', load: async () => (await import('./doctor.js')).doctorCommand },
];
