// Test bodies sent straight to the tracker client still go through an egress gate (the client refuses others).
// Redaction is off so fixtures arrive as written; <private> spans are cut as always.
import { createEgressGate, type Gated } from '../../src/core/egress/index.js';

const gate = createEgressGate({ redact: false });

export function gated<T extends object>(body: T): Gated<T> {
  return gate.body(body);
}
