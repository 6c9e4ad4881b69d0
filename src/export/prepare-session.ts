// Loads a transcript into the session model ready to leave the machine, through the egress gate.
import type { EgressGate, Gated } from '../core/egress/index.js';
import type { RedactionReport, Session } from '../core/model/session.js';

export interface PreparedSession {
  session: Gated<Session>;
  /** What the gate redacted in this session. */
  redaction: RedactionReport;
}

export async function prepareSession(gate: EgressGate, transcriptPath: string): Promise<PreparedSession> {
  const session = await gate.loadSession(transcriptPath);
  const firstPrompt = session.turns.flatMap((t) => t.events).find((e) => e.kind === 'prompt');
  if (firstPrompt && firstPrompt.kind === 'prompt' && !session.meta.firstPrompt) {
    // Built from a gated event: already cut and redacted.
    const text = firstPrompt.text.trim();
    session.meta = { ...session.meta, firstPrompt: text.length > 500 ? `${text.slice(0, 499)}…` : text };
  }
  const redaction = session.redaction ?? { total: 0, byRule: {} };
  return { session, redaction };
}
