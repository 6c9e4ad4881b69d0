// The egress gate as this machine's processes open it: redaction as configured, the pauses recorded here, and the
// transcript lines a resume wrote from the tracker's copy (they do not go back).
import { createEgressGate, type EgressGate } from '../../core/egress/index.js';
import { pauseLookup } from './pause-log.js';
import { restoredLookup } from './restored.js';

/** `pauseTtlMs`: how stale the pause log may be read (default 200 ms); 0 for a reader that must see a pause at once. */
export function openEgressGate(opts: { dataDir: string; redact: boolean; pauseTtlMs?: number }): EgressGate {
  return createEgressGate({
    redact: opts.redact,
    pauses: pauseLookup(opts.dataDir, opts.pauseTtlMs),
    fromTracker: restoredLookup(opts.dataDir),
  });
}
