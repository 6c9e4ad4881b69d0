// A child process running the live module (for multi-process tests): prints one JSON line {url, ownerKey}, then serves.
import { startLiveHarness } from './live-harness.js';

const [pgUrl, schema, heartbeat] = process.argv.slice(2);
const h = await startLiveHarness({
  ...(pgUrl ? { postgres: { url: pgUrl, schema: schema! } } : {}),
  live: { heartbeatMs: Number(heartbeat ?? 15_000), presenceMs: 1000 },
});
process.stdout.write(JSON.stringify({ url: h.url, ownerKey: h.ownerKey }) + '\n');
const stop = () => void h.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
