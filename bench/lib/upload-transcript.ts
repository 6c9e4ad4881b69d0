// Uploads a transcript file to a tracker as entries, 2,000 lines a request, the way the plugin's sync sends them.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createTrackerClient } from '../../src/client/index.js';
import { createEgressGate } from '../../src/core/egress/index.js';

export async function uploadTranscript(
  url: string,
  key: string,
  sessionId: string,
  file: string,
): Promise<number> {
  const client = createTrackerClient({ baseUrl: url, apiKey: key });
  const gate = createEgressGate({ redact: false });
  let batch: Array<Record<string, unknown>> = [];
  let count = 0;
  const flush = async () => {
    const entries = batch.map((l) => gate.entry(l, { sessionId })).filter((e) => e !== null);
    await client.sessions.appendEntries(sessionId, gate.body({ subKey: '', entries }));
    batch = [];
  };
  try {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      batch.push(JSON.parse(line) as Record<string, unknown>);
      count++;
      if (batch.length === 2000) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await client.close();
  }
  return count;
}
