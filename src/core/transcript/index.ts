// Public surface of the transcript reader: streaming, loading and locating Claude Code session transcripts.
export {
  streamSession,
  type StreamSessionOptions,
  type StreamSessionResult,
  type OnEvent,
  type RecordFilter,
} from './stream-session.js';
export type { EventContext } from './session-builder.js';
export { loadSession } from './load-session.js';
export {
  sessionFromRecords,
  type TranscriptLineRecord,
  type TranscriptRecords,
} from './session-from-records.js';
export {
  readRecords,
  readRecordBatches,
  DEFAULT_MAX_LINE_BYTES,
  type ReadRecordsOptions,
  type RecordItem,
  type ReadResult,
} from './read-records.js';
export { createReadStats } from './read-stats.js';
export {
  projectsDir,
  encodeProjectDir,
  findTranscriptById,
  listTranscripts,
  newestTranscript,
  findSubagentFiles,
  type TranscriptInfo,
  type SubagentFile,
} from './locate.js';
