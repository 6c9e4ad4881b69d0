// E2E: `claude plugin validate --strict` accepts the repo (marketplace + plugin) and the plugin manifest itself.
import { existsSync, readdirSync, statSync } from 'node:fs';
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

  // Issue 13: with `source: "./"` an install from a clone copied everything but .git (node_modules, .cache: 1.8 GB
  // here). The marketplace entry now points at plugin/, which links the runtime files only.
  it('installing from a clone through the marketplace copies only the runtime files', async () => {
    const env = sandboxEnv(sb, null);
    const run = (args: string[]) =>
      execa(claudeBin, args, { env, extendEnv: false, reject: false, stdin: 'ignore', timeout: 180_000 });
    const added = await run(['plugin', 'marketplace', 'add', repoRoot]);
    expect(added.exitCode, `${added.stdout}\n${added.stderr}`).toBe(0);
    const installed = await run(['plugin', 'install', 'baton@baton']);
    expect(installed.exitCode, `${installed.stdout}\n${installed.stderr}`).toBe(0);
    const base = join(sb.configDir, 'plugins', 'cache', 'baton', 'baton');
    const copy = join(base, readdirSync(base)[0]!);
    expect(readdirSync(copy).sort()).toEqual([
      '.claude-plugin',
      '.mcp.json',
      'README.md',
      'assets',
      'commands',
      'dist',
      'hooks',
      'package.json',
      'routines',
      'skills',
    ]);
    expect(existsSync(join(copy, 'node_modules'))).toBe(false);
    expect(statSync(join(copy, 'dist', 'cli.js')).isFile()).toBe(true);
    const bytes = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) => n + (e.isDirectory() ? bytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
        0,
      );
    expect(bytes(copy)).toBeLessThan(50 * 1024 ** 2);
  }, 400_000);
});
