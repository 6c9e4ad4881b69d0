// Routine files: the shipped ones validate, bad ones fail naming the field, presets merge, docs/ schemas are fresh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import {
  applyPreset,
  deepMerge,
  jsonSchemaText,
  parsePreset,
  parseRoutine,
  presetJsonSchema,
  routineJsonSchema,
  type Routine,
} from '../../src/core/routine/index.js';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function errorOf(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BatonError);
    return err as BatonError;
  }
  throw new Error('expected an error');
}

const minimal = (steps: unknown[]) => JSON.stringify({ name: 'r', version: 1, steps });

describe('shipped routine files', () => {
  it('routines/handoff.json validates and lists the steps in order', () => {
    const r = parseRoutine(read('routines/handoff.json'), 'routines/handoff.json');
    expect(r.name).toBe('handoff');
    expect(r.steps.map((s) => s.kind)).toEqual([
      'session-facts',
      'git-facts',
      'narrative',
      'render',
      'store',
      'sync',
      'print',
    ]);
    expect(r.steps.find((s) => s.kind === 'sync')?.onError).toBe('warn');
  });

  it('the claude-ai-transfer preset turns it into a clipboard prompt with no store or sync', () => {
    const base = parseRoutine(read('routines/handoff.json'), 'handoff.json');
    const preset = parsePreset(read('routines/presets/claude-ai-transfer.json'), 'claude-ai-transfer.json');
    const r = applyPreset(base, preset);
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s]));
    expect(r.steps.map((s) => s.id)).toEqual([
      'session',
      'git',
      'narrative',
      'render',
      'deliver',
      'store',
      'sync',
      'print',
    ]);
    expect(byId.store?.enabled).toBe(false);
    expect(byId.sync?.enabled).toBe(false);
    const render = byId.render;
    if (render?.kind !== 'render') throw new Error('render step missing');
    expect(render.options.template).toBe('transfer-prompt');
    expect(render.options.stripLocalPaths).toBe(true);
    expect(render.options.maxChars).toBe(12000);
    expect(render.options.sections[0]).toBe('nextSteps');
    expect(byId.deliver?.kind).toBe('deliver');
  });
});

describe('bad routine files', () => {
  it('names the field whose value has the wrong type, with the step id', () => {
    const e = errorOf(() =>
      parseRoutine(
        minimal([{ id: 'git', kind: 'git-facts', options: { recentCommits: 'five' } }]),
        'bad.json',
      ),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('bad.json');
    expect(e.message).toContain('steps[0].options.recentCommits (step "git")');
    expect(e.message).toContain('expected number');
  });

  it('names a misspelt option', () => {
    const e = errorOf(() =>
      parseRoutine(minimal([{ id: 'git', kind: 'git-facts', options: { recentComits: 3 } }]), 'x'),
    );
    expect(e.message).toContain('steps[0].options (step "git"): unknown field "recentComits"');
  });

  it('lists the valid kinds for an unknown kind', () => {
    const e = errorOf(() => parseRoutine(minimal([{ id: 'a', kind: 'teleport' }]), 'x'));
    expect(e.message).toContain('steps[0].kind');
    expect(e.message).toContain("'git-facts'");
  });

  it('rejects duplicate step ids, bad JSON and a wrong version', () => {
    expect(
      errorOf(() =>
        parseRoutine(
          minimal([
            { id: 'a', kind: 'print' },
            { id: 'a', kind: 'print' },
          ]),
          'x',
        ),
      ).message,
    ).toContain('steps[1].id (step "a"): duplicate step id "a"');
    expect(errorOf(() => parseRoutine('{"name": ', 'broken.json')).message).toMatch(
      /^broken\.json: not valid JSON/,
    );
    expect(
      errorOf(() => parseRoutine(JSON.stringify({ name: 'r', version: 2, steps: [] }), 'x')).message,
    ).toContain('version');
  });

  it('fills option defaults when options are left out', () => {
    const r = parseRoutine(minimal([{ id: 'git', kind: 'git-facts' }]), 'x');
    expect(r.steps[0]).toMatchObject({
      enabled: true,
      onError: 'fail',
      options: { recentCommits: 5, repos: 'cwd+session' },
    });
  });
});

describe('presets', () => {
  const base: Routine = parseRoutine(
    minimal([
      { id: 'render', kind: 'render', options: { sections: ['summary', 'nextSteps'] } },
      { id: 'print', kind: 'print' },
    ]),
    'base',
  );

  it('deep-merges options, replaces arrays and keeps the rest', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({
      a: { b: 1, c: [3] },
      d: 1,
    });
    const r = applyPreset(
      base,
      parsePreset(
        JSON.stringify({
          name: 'p',
          steps: { render: { options: { maxChars: 900 } }, print: { enabled: false } },
        }),
        'p',
      ),
    );
    const render = r.steps[0];
    if (render?.kind !== 'render') throw new Error('render step missing');
    expect(render.options.maxChars).toBe(900);
    expect(render.options.sections).toEqual(['summary', 'nextSteps']);
    expect(r.steps[1]?.enabled).toBe(false);
  });

  it('inserts steps after a given id', () => {
    const r = applyPreset(
      base,
      parsePreset(
        JSON.stringify({ name: 'p', insert: [{ after: 'render', step: { id: 'd', kind: 'deliver' } }] }),
        'p',
      ),
    );
    expect(r.steps.map((s) => s.id)).toEqual(['render', 'd', 'print']);
  });

  it('refuses an unknown step id, a bad merged option and a preset for another routine', () => {
    const unknown = errorOf(() =>
      applyPreset(base, parsePreset(JSON.stringify({ name: 'p', steps: { nope: {} } }), 'p')),
    );
    expect(unknown.message).toContain('steps.nope: no step with id "nope"');
    expect(unknown.message).toContain('(steps: render, print)');
    const bad = errorOf(() =>
      applyPreset(
        base,
        parsePreset(JSON.stringify({ name: 'p', steps: { render: { options: { maxChars: 'x' } } } }), 'p'),
      ),
    );
    expect(bad.message).toContain('steps[0].options.maxChars (step "render")');
    const other = errorOf(() =>
      applyPreset(base, parsePreset(JSON.stringify({ name: 'p', routine: 'other' }), 'p')),
    );
    expect(other.message).toContain('this preset is for routine "other"');
  });
});

describe('published JSON Schemas', () => {
  it('docs/routine.schema.json and docs/routine-preset.schema.json are up to date (npx tsx scripts/routine-schema.ts)', () => {
    expect(read('docs/routine.schema.json')).toBe(jsonSchemaText(routineJsonSchema()));
    expect(read('docs/routine-preset.schema.json')).toBe(jsonSchemaText(presetJsonSchema()));
  });

  it('describes every step kind', () => {
    const text = JSON.stringify(routineJsonSchema());
    for (const kind of [
      'git-facts',
      'session-facts',
      'narrative',
      'render',
      'store',
      'deliver',
      'sync',
      'print',
    ]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});
