// The egress gate as this machine's processes open it: redaction as configured, and the pauses recorded here.
import { createEgressGate, type EgressGate } from '../core/egress/index.js';
import { pauseLookup } from './pause-log.js';

export function openEgressGate(opts: { dataDir: string; redact: boolean }): EgressGate {
  return createEgressGate({ redact: opts.redact, pauses: pauseLookup(opts.dataDir) });
}
