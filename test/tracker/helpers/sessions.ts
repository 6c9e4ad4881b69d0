// Builds valid Session objects (the src/core model) for tracker tests: deterministic, sized on demand.
import type { Session, SessionEvent, Turn } from '../../../src/core/model/session.js';

export interface SessionSpec {
  id: string;
  turns?: number;
  cwd?: string;
  project?: string;
  start?: string;
  /** Words put into every prompt (searchable). */
  promptWords?: string;
  /** Words put into every assistant reply (searchable). */
  replyWords?: string;
  parentSessionId?: string;
  title?: string;
  withSidechain?: boolean;
}

export function makeSession(spec: SessionSpec): Session {
  const n = spec.turns ?? 2;
  const t0 = Date.parse(spec.start ?? '2026-01-01T10:00:00.000Z');
  const at = (i: number) => new Date(t0 + i * 1000).toISOString();
  const turns: Turn[] = [];
  let clock = 0;
  for (let i = 0; i < n; i++) {
    const events: SessionEvent[] = [
      {
        kind: 'prompt',
        uuid: `${spec.id}-p${i}`,
        timestamp: at(clock++),
        text: `prompt ${i} ${spec.promptWords ?? 'please help'}`,
      },
      {
        kind: 'text',
        uuid: `${spec.id}-a${i}`,
        timestamp: at(clock++),
        text: `reply ${i} ${spec.replyWords ?? 'sure thing'}`,
        model: 'claude-test',
      },
      {
        kind: 'tool_call',
        uuid: `${spec.id}-c${i}`,
        timestamp: at(clock++),
        toolUseId: `tu-${spec.id}-${i}`,
        name: 'Bash',
        input: { command: `echo ${i}` },
      },
      {
        kind: 'tool_result',
        uuid: `${spec.id}-r${i}`,
        timestamp: at(clock++),
        toolUseId: `tu-${spec.id}-${i}`,
        content: `${i}`,
        isError: i === 1,
      },
    ];
    turns.push({ index: i, startedAt: events[0]!.timestamp, endedAt: events[3]!.timestamp, events });
  }
  const sidechains = spec.withSidechain
    ? [
        {
          agentId: 'agent-1',
          toolUseId: `tu-${spec.id}-0`,
          events: [
            {
              kind: 'prompt' as const,
              uuid: `${spec.id}-s0`,
              agentId: 'agent-1',
              timestamp: at(clock++),
              text: 'subagent task',
            },
            {
              kind: 'text' as const,
              uuid: `${spec.id}-s1`,
              agentId: 'agent-1',
              timestamp: at(clock++),
              text: 'subagent done',
            },
          ],
        },
      ]
    : [];
  return {
    schemaVersion: 1,
    meta: {
      id: spec.id,
      cwd: spec.cwd ?? '/home/dev/projects/demo-app',
      ...(spec.project ? { project: spec.project } : {}),
      gitBranch: 'main',
      models: ['claude-test'],
      startedAt: at(0),
      endedAt: at(clock - 1),
      ...(spec.title ? { title: spec.title } : {}),
      ...(spec.parentSessionId ? { parentSessionId: spec.parentSessionId } : {}),
    },
    turns,
    sidechains,
    totals: {
      tokens: { input: 100 * n, output: 50 * n, cacheRead: 10, cacheWrite: 5 },
      costUsd: 0.01 * n,
      turns: n,
      prompts: n,
      messages: n,
      toolCalls: n,
      toolErrors: n > 1 ? 1 : 0,
      tools: { Bash: n },
      filesTouched: ['src/index.ts'],
      durationMs: (clock - 1) * 1000,
    },
  };
}
