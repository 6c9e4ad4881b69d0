// The egress gate as this machine's processes open it: redaction as configured, and the pauses recorded here.
import { createEgressGate, type EgressGate } from '../../core/egress/index.js';
import { pauseLookup } from './pause-log.js';

/** `pauseTtlMs`: how stale the pause log may be read (default 200 ms); 0 for a reader that must see a pause at once. */
export function openEgressGate(opts: { dataDir: string; redact: boolean; pauseTtlMs?: number }): EgressGate {
  return createEgressGate({ redact: opts.redact, pauses: pauseLookup(opts.dataDir, opts.pauseTtlMs) });
}
