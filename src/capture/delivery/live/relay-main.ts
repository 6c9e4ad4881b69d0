// Entry of dist/live-relay.cjs: `node live-relay.cjs --session <id> --data-dir <dir>`, detached, one per live session.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createTrackerClient } from '../../../client/index.js';
import { isDisabled } from '../../../core/config/data-dir.js';
import { resolveConfig } from '../../../core/config/resolve-config.js';
import { livePaths } from './paths.js';
import { startLiveRelay } from './relay.js';
import { readLiveState } from './state.js';
import { isSafeSessionId } from '../../outbox/paths.js';
import { kickSender } from '../sender/kick.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { session: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: false,
  });
  const sessionId = typeof values.session === 'string' ? values.session : '';
  const env = process.env;
  if (isDisabled(env) || !isSafeSessionId(sessionId)) return 0;
  const config = resolveConfig(env);
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : config.dataDir;
  const paths = livePaths(dataDir, sessionId);
  const log = (msg: string) => {
    try {
      mkdirSync(dirname(paths.log), { recursive: true, mode: 0o700 });
      appendFileSync(paths.log, `${new Date().toISOString()} ${msg}\n`, { mode: 0o600 });
    } catch {
      // nowhere to log: keep relaying
    }
  };
  const state = readLiveState(dataDir, sessionId);
  if (!state) return 0;
  // The API key goes only to the tracker it belongs to; the producer token alone can write the stream.
  const apiKey = config.trackerUrl === state.trackerUrl ? config.apiKey : undefined;
  const client = createTrackerClient({
    baseUrl: state.trackerUrl,
    ...(apiKey ? { apiKey } : {}),
    allowInsecure: config.allowInsecure,
    // The relay owns the retries: its sink backs off and resends, and a failed pass (finalize included) runs again.
    maxRetries: 0,
    userAgent: 'baton-live-relay',
  });
  const relay = startLiveRelay({
    dataDir,
    sessionId,
    client,
    canPush: Boolean(apiKey),
    redact: config.redact,
    claudeConfigDir: config.claudeConfigDir,
    pollMs: numberEnv(env.BATON_LIVE_POLL_MS, 250),
    endGraceMs: { other: numberEnv(env.BATON_LIVE_END_GRACE_MS, 30_000), default: 1500 },
    log,
  });
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => relay.stop());
  const exit = await relay.done;
  log(`relay ${process.pid} exits: ${exit}`);
  await client.close();
  // The sender skipped this session while it streamed: now it may sync it (it runs only if auto-sync is on).
  if (exit === 'ended')
    await kickSender({ hookScript: process.argv[1], env, dataDir }).catch(() => undefined);
  return 0;
}

function numberEnv(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`baton live relay: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
