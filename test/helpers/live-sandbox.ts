// A live-mode world for tests: a real tracker (SQLite, port 0), a data dir, a Claude config dir and a growing transcript.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrackerClient, type TrackerClient } from '../../src/client/index.js';
import { resolveConfig, type BatonConfig } from '../../src/core/config/index.js';
import { encodeProjectDir } from '../../src/core/transcript/index.js';
import { appendToOutbox, type OutboxEntry } from '../../src/capture/outbox/writer.js';
import type { LiveControlDeps } from '../../src/capture/delivery/live/control.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

export const RECORDED = join(
  import.meta.dirname,
  '../fixtures/transcripts/recorded/multi-turn-bash-resume.jsonl',
);

export interface LiveSandbox {
  root: string;
  tracker: WebTracker;
  env: Record<string, string>;
  config: BatonConfig;
  client: TrackerClient;
  sessionId: string;
  cwd: string;
  transcriptPath: string;
  /** Appends raw transcript lines (records as objects or JSON text). */
  writeTranscript(lines: Array<string | Record<string, unknown>>): void;
  /** Appends hook entries to the session outbox through the real capture writer. */
  hook(...entries: OutboxEntry[]): void;
  control(relayScript?: string | null): LiveControlDeps;
  close(): Promise<void>;
}

export async function createLiveSandbox(
  opts: { sessionId?: string; tracker?: WebTracker } = {},
): Promise<LiveSandbox> {
  const root = mkdtempSync(join(tmpdir(), 'baton-live-'));
  const tracker = opts.tracker ?? (await startWebTracker());
  const home = join(root, 'home');
  const cwd = join(root, 'project');
  mkdirSync(cwd, { recursive: true });
  const env: Record<string, string> = {
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    XDG_CONFIG_HOME: join(home, '.config'),
    BATON_DATA_DIR: join(root, 'data'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.ownerKey,
    // No background sender racing the temp dir's removal (the relay kicks one when a stream ends).
    BATON_AUTO_SYNC: '0',
    PATH: process.env.PATH ?? '',
  };
  const config = resolveConfig(env);
  const sessionId = opts.sessionId ?? '5e551011-aaaa-4bbb-8ccc-000000000001';
  const transcriptPath = join(
    env.CLAUDE_CONFIG_DIR!,
    'projects',
    encodeProjectDir(cwd),
    `${sessionId}.jsonl`,
  );
  mkdirSync(join(env.CLAUDE_CONFIG_DIR!, 'projects', encodeProjectDir(cwd)), { recursive: true });
  const client = createTrackerClient({ baseUrl: tracker.url, apiKey: tracker.ownerKey, maxRetries: 1 });
  return {
    root,
    tracker,
    env,
    config,
    client,
    sessionId,
    cwd,
    transcriptPath,
    writeTranscript(lines) {
      // Stamped now, as Claude Code stamps records it writes (pause intervals are judged by these times).
      const now = new Date().toISOString();
      const stamp = (l: Record<string, unknown>) =>
        JSON.stringify('timestamp' in l ? { ...l, timestamp: now } : l);
      appendFileSync(transcriptPath, lines.map((l) => `${typeof l === 'string' ? l : stamp(l)}\n`).join(''));
    },
    hook(...entries) {
      appendToOutbox(config.dataDir, sessionId, entries);
    },
    control(relayScript = null) {
      return { config, client, relayScript, env };
    },
    async close() {
      await client.close();
      if (!opts.tracker) await tracker.close();
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** The recorded 3-turn session (prompt, Bash call, prompt) as transcript lines. */
export function recordedLines(): Record<string, unknown>[] {
  return readFileSync(RECORDED, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
