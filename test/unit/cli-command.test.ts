// defineCommand and printJson (src/cli/command.ts): the one place CLI commands parse flags and print --json.
import { describe, expect, it } from 'vitest';
import { defineCommand, printJson } from '../../src/cli/command.js';
import type { CliContext } from '../../src/cli/invocation.js';

function fakeCtx(): { ctx: CliContext; out: string[] } {
  const out: string[] = [];
  const ctx = { io: { out: (t: string) => void out.push(t) } } as unknown as CliContext;
  return { ctx, out };
}

const echo = defineCommand({
  name: 'echo',
  summary: 'test command',
  help: 'Usage: baton echo [x]',
  options: { shout: { type: 'boolean' }, times: { type: 'string' } },
  positionals: { max: 1, tooMany: 'echo takes at most one word' },
  async run({ values, positionals }, ctx) {
    const word = positionals[0] ?? '';
    return printJson(ctx, { word: values.shout ? word.toUpperCase() : word, times: values.times ?? '1' });
  },
});

describe('defineCommand', () => {
  it('parses the declared flags and passes typed values to run', async () => {
    const { ctx, out } = fakeCtx();
    expect(await echo.run(['hi', '--shout', '--times', '2'], ctx)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ word: 'HI', times: '2' });
  });

  it('turns an unknown flag into one invalid_input line naming the command', async () => {
    await expect(echo.run(['--loud'], fakeCtx().ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^echo: .*'--loud'.* \(see baton echo --help\)$/),
    });
  });

  it('refuses more positionals than declared, with the command’s own message', async () => {
    await expect(echo.run(['a', 'b'], fakeCtx().ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'echo takes at most one word',
    });
  });
});

describe('printJson', () => {
  it('prints indented JSON by default, compact on request, and returns the exit code given', () => {
    const { ctx, out } = fakeCtx();
    expect(printJson(ctx, { a: 1 })).toBe(0);
    expect(printJson(ctx, { a: 1 }, { compact: true, code: 1 })).toBe(1);
    expect(out).toEqual(['{\n  "a": 1\n}\n', '{"a":1}\n']);
  });
});
