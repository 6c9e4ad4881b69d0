// The egress gate: pauses, <private> spans and redaction for everything that leaves the machine. `seal` stays private.
export { createEgressGate, type EgressGate, type EgressPolicy } from './gate.js';
export type { EntryWhere } from './entries.js';
export { assertGated, isGated, type Gated } from './seal.js';
export {
  type PauseSpan,
  createPauseFilter,
  noPauses,
  pausedAtTime,
  stillPaused,
  type PauseLookup,
} from './pause-spans.js';
export { describeRedaction } from './report.js';
