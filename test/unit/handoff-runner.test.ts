// The routine runner: order, disabled steps, onError warn/fail with the step named, dry run of the mutating steps.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import { parseRoutine, type Routine } from '../../src/core/routine/index.js';
import {
  defaultHandlers,
  initialState,
  runRoutine,
  type HandoffRunContext,
  type StepHandlers,
} from '../../src/handoff/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function routine(steps: unknown[]): Routine {
  return parseRoutine(JSON.stringify({ name: 'test', version: 1, steps }), 'test');
}

function ctx(r: Routine, over: Partial<HandoffRunContext> = {}): HandoffRunContext & { printed: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-runner-'));
  dirs.push(dir);
  const printed: string[] = [];
  return {
    cwd: dir,
    env: {},
    dataDir: join(dir, 'data'),
    claudeConfigDir: join(dir, 'claude'),
    tracker: null,
    redact: true,
    now: new Date('2026-03-04T05:06:07Z'),
    dryRun: false,
    routine: r,
    presetName: null,
    batonVersion: 'test',
    out: (t) => void printed.push(t),
    printed,
    ...over,
  };
}

/** Handlers that record the order they ran in; `fail` names steps that throw. */
function recording(fail: string[] = []): { handlers: StepHandlers; ran: string[] } {
  const ran: string[] = [];
  const make = (kind: string) => async (): Promise<string> => {
    ran.push(kind);
    if (fail.includes(kind)) throw new BatonError('network', `${kind} broke`);
    return `${kind} ok`;
  };
  const handlers = Object.fromEntries(
    Object.keys(defaultHandlers).map((k) => [k, make(k)]),
  ) as unknown as StepHandlers;
  return { handlers, ran };
}

describe('runRoutine', () => {
  it('runs enabled steps in routine order and reports each', async () => {
    const r = routine([
      { id: 'b', kind: 'render' },
      { id: 'a', kind: 'git-facts' },
      { id: 'off', kind: 'sync', enabled: false },
      { id: 'p', kind: 'print' },
    ]);
    const { handlers, ran } = recording();
    const result = await runRoutine(ctx(r), handlers);
    expect(ran).toEqual(['render', 'git-facts', 'print']);
    expect(result.steps).toEqual([
      { id: 'b', kind: 'render', status: 'done', note: 'render ok' },
      { id: 'a', kind: 'git-facts', status: 'done', note: 'git-facts ok' },
      { id: 'off', kind: 'sync', status: 'skipped', note: 'disabled' },
      { id: 'p', kind: 'print', status: 'done', note: 'print ok' },
    ]);
  });

  it('stops at a failing step with its id and kind in the message and the code kept', async () => {
    const r = routine([
      { id: 'facts', kind: 'git-facts' },
      { id: 'push', kind: 'sync' },
      { id: 'p', kind: 'print' },
    ]);
    const { handlers, ran } = recording(['sync']);
    const err = await runRoutine(ctx(r), handlers).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).message).toBe('step "push" (sync) failed: sync broke');
    expect((err as BatonError).code).toBe('network');
    expect(ran).toEqual(['git-facts', 'sync']);
  });

  it('goes on after a step marked onError: warn, keeping the failure as a warning', async () => {
    const r = routine([
      { id: 'push', kind: 'sync', onError: 'warn' },
      { id: 'p', kind: 'print' },
    ]);
    const { handlers, ran } = recording(['sync']);
    const result = await runRoutine(ctx(r), handlers);
    expect(ran).toEqual(['sync', 'print']);
    expect(result.steps[0]).toMatchObject({ status: 'warned', note: 'sync broke' });
    expect(result.state.warnings).toEqual(['step "push" (sync): sync broke']);
  });

  it('dry run: the real store, deliver and sync steps plan instead of writing', async () => {
    const r = routine([
      { id: 'narrative', kind: 'narrative' },
      { id: 'render', kind: 'render' },
      { id: 'store', kind: 'store', options: { repoDir: 'docs/handoff' } },
      { id: 'deliver', kind: 'deliver' },
      { id: 'sync', kind: 'sync' },
      { id: 'print', kind: 'print' },
    ]);
    const c = ctx(r, {
      dryRun: true,
      narrative: '## Next steps\nShip it',
      tracker: { url: 'http://127.0.0.1:9', apiKey: 'k' },
      sessionId: 's-1',
    });
    const state = initialState();
    state.sessionId = 's-1';
    const result = await runRoutine(c, defaultHandlers, state);
    expect(result.steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'planned',
      'planned',
      'planned',
      'done',
    ]);
    expect(result.state.plan.join('\n')).toMatch(
      /write .*handoffs.*\.md\nupdate .*index\.json\nwrite .*docs\/handoff\/.*\.md/,
    );
    expect(result.state.plan.join('\n')).toContain('POST http://127.0.0.1:9/api/v1/handoffs');
    expect(existsSync(c.dataDir)).toBe(false);
    expect(existsSync(join(c.cwd, 'docs'))).toBe(false);
    expect(c.printed.join('')).toContain('Dry run for handoff');
    expect(c.printed.join('')).toContain('## Next steps\n\nShip it');
  });

  it('store refuses a repoDir that leaves the repository', async () => {
    const r = routine([
      { id: 'render', kind: 'render' },
      { id: 'store', kind: 'store', options: { repoDir: '../outside' } },
    ]);
    await expect(runRoutine(ctx(r))).rejects.toThrow(
      /step "store" \(store\) failed: store.repoDir must be a folder inside/,
    );
  });

  it('redacts secrets from what it writes', async () => {
    const r = routine([
      { id: 'narrative', kind: 'narrative' },
      { id: 'render', kind: 'render' },
    ]);
    const secret = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const result = await runRoutine(ctx(r, { narrative: `## Summary\nUsed token ${secret} to test.` }));
    expect(result.state.text).not.toContain(secret);
    expect(result.state.text).toContain('[REDACTED:');
    expect(result.state.warnings.join()).toMatch(/redacted 1 secret/);
  });
});
