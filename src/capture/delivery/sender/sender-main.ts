// Entry of dist/sender.cjs: `node sender.cjs [--session ID] --data-dir DIR`, started detached by hooks. Always exits 0.
import { parseArgs } from 'node:util';
import { clientFromConfig } from '../../../client/index.js';
import { resolveConfig } from '../../../core/config/index.js';
import { isBatonError } from '../../../core/errors.js';
import { runSender } from './run-sender.js';
import { senderLog } from './status.js';
import { keyFingerprint, senderPaths } from './paths.js';
import { mkdirSync, writeFileSync } from 'node:fs';

function intEnv(name: string): number | undefined {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n >= 0 && process.env[name] !== '' && process.env[name] !== undefined
    ? n
    : undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'data-dir': { type: 'string' }, session: { type: 'string' } },
    strict: false,
  });
  const config = resolveConfig(process.env);
  if (config.disabled || !config.trackerUrl) return;
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : config.dataDir;
  let client;
  try {
    client = clientFromConfig(config, {
      // runSender owns the retries (its backoff, Retry-After, state and log): the client tries each request once.
      maxRetries: 0,
      timeoutMs: 30_000,
      userAgent: 'baton-sender',
    });
  } catch (err) {
    // An insecure URL is reported like a rejected key: once to the user, no respawn loop for this key.
    const { dir, authError } = senderPaths(dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const message = isBatonError(err) ? err.message : String(err);
    writeFileSync(
      authError,
      JSON.stringify({ message, key: keyFingerprint(config.apiKey), at: new Date().toISOString() }),
      { mode: 0o600 },
    );
    senderLog(dataDir, { msg: 'not started', error: message });
    return;
  }
  if (!client) return;
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  process.once('SIGINT', () => stop.abort());
  try {
    await runSender({
      dataDir,
      client,
      apiKey: config.apiKey,
      redact: config.redact,
      syncIgnore: config.syncIgnore,
      idleMs: intEnv('BATON_SENDER_IDLE_MS'),
      minIntervalMs: intEnv('BATON_SENDER_MIN_INTERVAL_MS'),
      maxLifetimeMs: intEnv('BATON_SENDER_MAX_LIFETIME_MS'),
      retryMaxMs: intEnv('BATON_SENDER_RETRY_MAX_MS'),
      signal: stop.signal,
    });
  } finally {
    await client.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    try {
      senderLog(resolveConfig(process.env).dataDir, {
        msg: 'crash',
        error: err instanceof Error ? err.stack : String(err),
      });
    } catch {
      // nothing left to tell
    }
    process.exit(0);
  },
);
