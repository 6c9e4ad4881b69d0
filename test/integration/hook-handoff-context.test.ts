// The SessionStart hook offers the latest fresh handoff's next steps as additional context, from the local index only.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hookEnv, requireBuiltHook, runHookSync } from './hook-harness.js';

function setup(createdAt: string) {
  const root = mkdtempSync(join(tmpdir(), 'baton-hook-handoff-'));
  const project = join(root, 'proj');
  mkdirSync(project, { recursive: true });
  mkdirSync(join(root, 'data', 'handoffs'), { recursive: true });
  const entry = {
    contextId: 'auth-2026-11-22-180000',
    topic: 'auth',
    createdAt,
    sessionId: '11111111-2222-4333-8444-555555555555',
    project: 'proj',
    paths: [project],
    remotes: [],
    branch: 'main',
    file: 'proj/auth-2026-11-22-180000.md',
    repoFile: null,
    nextSteps: '- Wire the refresh-token rotation NEXT-STEP-MARKER',
    resumeCommand: 'claude --resume 11111111-2222-4333-8444-555555555555',
    origin: 'local',
    trackerId: null,
  };
  writeFileSync(
    join(root, 'data', 'handoffs', 'index.json'),
    JSON.stringify({ version: 1, entries: [entry] }),
  );
  return { root, project };
}

function start(root: string, project: string, source: string, extra: Record<string, string> = {}) {
  return runHookSync(
    'SessionStart',
    {
      session_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      cwd: project,
      hook_event_name: 'SessionStart',
      source,
    },
    hookEnv(root, extra),
  );
}

describe('SessionStart handoff context', () => {
  beforeAll(requireBuiltHook);

  it('adds the next steps of a fresh handoff for this project to a new session', () => {
    const { root, project } = setup(new Date(Date.now() - 3_600_000).toISOString());
    const r = start(root, project, 'startup');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout.trim()) as {
      hookSpecificOutput: { hookEventName: string; additionalContext: string };
    };
    expect(out.hookSpecificOutput.hookEventName).toBe('SessionStart');
    expect(out.hookSpecificOutput.additionalContext).toContain('NEXT-STEP-MARKER');
    expect(out.hookSpecificOutput.additionalContext).toContain(
      'claude --resume 11111111-2222-4333-8444-555555555555',
    );
  });

  it('stays silent for resumed sessions, stale handoffs, and when turned off', () => {
    const fresh = setup(new Date(Date.now() - 3_600_000).toISOString());
    expect(start(fresh.root, fresh.project, 'resume').stdout).toBe('');
    expect(start(fresh.root, fresh.project, 'startup', { BATON_HANDOFF_CONTEXT: 'off' }).stdout).toBe('');
    const stale = setup(new Date(Date.now() - 72 * 3_600_000).toISOString());
    expect(start(stale.root, stale.project, 'startup').stdout).toBe('');
    expect(start(stale.root, stale.project, 'startup', { BATON_HANDOFF_CONTEXT: 'always' }).stdout).toContain(
      'NEXT-STEP-MARKER',
    );
  });
});
