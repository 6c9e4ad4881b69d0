// Realistic sessions for the page tests, pushed through the tracker's public API.
import { randomUUID } from 'node:crypto';
import type { Session, SessionEvent } from '../../src/core/model/session.js';

export interface FixtureOptions {
  id?: string;
  title?: string;
  project?: string;
  branch?: string;
  prompts?: string[];
  reply?: string;
  toolOutput?: string;
  parentSessionId?: string;
  startedAt?: string;
}

export function makeSession(o: FixtureOptions = {}): Session {
  const id = o.id ?? randomUUID();
  const start = Date.parse(o.startedAt ?? '2026-11-20T09:00:00Z');
  let t = start;
  const ts = () => new Date((t += 4000)).toISOString();
  const prompts = o.prompts ?? ['Fix the flaky retry test in src/retry.ts'];
  const turns = prompts.map((p, index) => {
    const events: SessionEvent[] = [
      { kind: 'prompt', uuid: randomUUID(), timestamp: ts(), text: p },
      {
        kind: 'thinking',
        uuid: randomUUID(),
        timestamp: ts(),
        text: 'The backoff is computed **before** the deadline check.',
      },
      {
        kind: 'tool_call',
        uuid: randomUUID(),
        timestamp: ts(),
        toolUseId: `toolu_${index}`,
        name: 'Bash',
        input: { command: 'npx vitest run test/retry.test.ts', description: 'Run the retry test' },
      },
      {
        kind: 'tool_result',
        uuid: randomUUID(),
        timestamp: ts(),
        toolUseId: `toolu_${index}`,
        content:
          o.toolOutput ??
          ' FAIL  test/retry.test.ts > retries until the deadline\n  expected 3 attempts, got 4',
        isError: false,
      },
      {
        kind: 'text',
        uuid: randomUUID(),
        timestamp: ts(),
        text:
          o.reply ??
          'The last attempt slept past the timeout. I moved the deadline check first:\n\n```ts\nif (Date.now() + delay > deadline) throw last;\nawait sleep(delay);\n```\n\nThe test passes now.',
        model: 'claude-sonnet-4-6',
      },
    ];
    return { index, startedAt: new Date(start + index * 60_000).toISOString(), events };
  });
  return {
    schemaVersion: 1,
    meta: {
      id,
      cwd: `/home/dev/${o.project ?? 'retry-lib'}`,
      project: o.project ?? 'retry-lib',
      gitBranch: o.branch ?? 'main',
      models: ['claude-sonnet-4-6'],
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(t).toISOString(),
      title: o.title,
      claudeVersion: '2.1.330',
      ...(o.parentSessionId ? { parentSessionId: o.parentSessionId } : {}),
    },
    turns,
    sidechains: [],
    totals: {
      tokens: { input: 12_400, output: 3_100, cacheRead: 90_000, cacheWrite: 4_000 },
      costUsd: 0.42,
      turns: turns.length,
      prompts: turns.length,
      messages: turns.length * 2,
      toolCalls: turns.length,
      toolErrors: 0,
      tools: { Bash: turns.length },
      filesTouched: ['src/retry.ts'],
      durationMs: t - start,
    },
  };
}

export async function pushSession(
  baseUrl: string,
  apiKey: string,
  session: Session,
  extra: {
    title?: string;
    tags?: string[];
    visibility?: 'private' | 'unlisted' | 'public';
    status?: 'active' | 'completed' | 'interrupted' | 'error';
    createPost?: boolean;
  } = {},
): Promise<{ sessionId: string; url: string; postUrl?: string }> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ session, ...extra }),
  });
  const body = (await res.json()) as { sessionId: string; url: string; postUrl?: string };
  if (res.status >= 300) throw new Error(`push failed: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
