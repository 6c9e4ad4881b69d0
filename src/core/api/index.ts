// The tracker HTTP API contract (zod schemas + inferred types), shared by the tracker and the plugin's client.
export * from './common.js';
export * from './keys.js';
export * from './users.js';
export * from './sessions.js';
export * from './projects.js';
export * from './handoffs.js';
export * from './posts.js';
export * from './share.js';
export * from './ingest.js';
export * from './health.js';
export * from './transcript-entries.js';
export * from './usage.js';
export * from './comments.js';
