// E2E: `claude plugin validate --strict` accepts the repo (marketplace + plugin) and the plugin manifest itself.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from './helpers/claude-binary.js';
import { createSandbox, sandboxEnv, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude } from './helpers/setup.js';

describeClaude('e2e: claude plugin validate --strict', () => {
  let sb: ClaudeSandbox;
  beforeAll(() => {
    sb = createSandbox();
  });
  afterAll(() => sb?.cleanup());

  // The repo root holds marketplace.json too, so validating it checks the marketplace manifest plus the plugin's
  // hooks and commands; validating plugin.json checks the plugin manifest itself.
  it.each([
    ['the repo root', repoRoot],
    ['.claude-plugin/plugin.json', join(repoRoot, '.claude-plugin', 'plugin.json')],
  ])('%s passes', async (_label, target) => {
    const r = await execa(claudeBin, ['plugin', 'validate', target, '--strict'], {
      env: sandboxEnv(sb, null),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: 60_000,
    });
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/Validation passed/);
  });
});
