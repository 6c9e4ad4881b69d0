// Uploads transcript lines to a real tracker as machine A's Baton would: through an egress gate, in pages.
import type { TrackerClient } from '../../src/client/index.js';
import { createEgressGate, type EgressGate } from '../../src/core/egress/index.js';

type Line = Record<string, unknown>;

/**
 * Every line of one transcript file (`subKey` '' for the main one) as transcript entries, through `gate` (default:
 * not redacting, so fixtures arrive as written). Lines are gated one by one (gate.entry) as the main file's, so the
 * items carry no per-item subKey: the append request names the file once.
 */
export async function uploadEntries(
  client: TrackerClient,
  sessionId: string,
  subKey: string,
  lines: Line[],
  gate: EgressGate = createEgressGate({ redact: false }),
): Promise<void> {
  for (let i = 0; i < lines.length; i += 500) {
    const entries = lines
      .slice(i, i + 500)
      .map((line) => gate.entry(line, { sessionId }))
      .filter((e) => e !== null);
    await client.sessions.appendEntries(sessionId, gate.body({ subKey, entries }));
  }
}
