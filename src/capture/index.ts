// Public surface of capture for readers (CLI, sender): the outbox format and reader. The hook imports files directly.
export * from './outbox/schema.js';
export {
  readOutbox,
  listOutboxSessions,
  type ReadOutboxOptions,
  type ReadOutboxResult,
} from './outbox/reader.js';
export { outboxPaths, outboxDir, hookLogPath, isSafeSessionId, type OutboxPaths } from './outbox/paths.js';
export {
  appendToOutbox,
  type OutboxEntry,
  type SweepTarget,
  type AppendOptions,
  type AppendResult,
} from './outbox/writer.js';
export { acquireLock, type LockOptions, type ReleaseLock } from './session/lock.js';
export { sweepTranscript, MAX_SWEEP_BYTES, type SweepResult } from './session/transcript-sweep.js';
export { spawnDetached, type SpawnDetachedOptions } from './delivery/spawn-detached.js';
