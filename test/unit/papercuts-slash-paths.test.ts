// Issue 13: /baton:export-session with no flags told the model to run `node "$CLAUDE_PLUGIN_ROOT/dist/cli.js" …`,
// but CLAUDE_PLUGIN_ROOT is empty inside the Bash tool, so every answer failed. The CLI now prints its own paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'baton-slash-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wizard(extraEnv: Record<string, string>) {
  const data = join(dir, 'plugin data');
  const r = spawnSync(
    process.execPath,
    [cli, '--plugin-data', data, 'export-session', '--session', 'sess-1', '--cwd', dir, '--'],
    {
      encoding: 'utf8',
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: join(dir, 'cfg'), ...extraEnv },
    },
  );
  return { ...r, data };
}

it('the ask-the-user instructions name the resolved dist/cli.js and --plugin-data, not $CLAUDE_PLUGIN_ROOT', () => {
  const r = wizard({ BATON_URL: 'http://127.0.0.1:9', BATON_API_KEY: `bt_${'a'.repeat(43)}` });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^BATON_ASK_USER:/);
  expect(r.stdout).not.toContain('CLAUDE_PLUGIN_ROOT');
  expect(r.stdout).not.toContain('CLAUDE_PLUGIN_DATA');
  const run = `node "${cli}" --plugin-data "${r.data}"`;
  expect(r.stdout).toContain(`${run} export sess-1 --format`);
  expect(r.stdout).toContain(`${run} push sess-1 --visibility <choice>`);
  expect(existsSync(cli)).toBe(true);
});

it('commands and skills name the variables only braced, the form Claude Code substitutes in their text', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const files = [
    ...readdirSync(join(repo, 'commands')).map((f) => join(repo, 'commands', f)),
    ...readdirSync(join(repo, 'skills'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  ];
  for (const f of files)
    for (const line of readFileSync(f, 'utf8').split('\n'))
      // Claude Code replaces `${CLAUDE_PLUGIN_ROOT}` in a command's text before the model reads it (2.1.332:
      // /\$\{CLAUDE_PLUGIN_ROOT\}/g); a bare `$CLAUDE_PLUGIN_ROOT` reaches the Bash tool, where it is empty.
      expect(line, f).not.toMatch(/\$CLAUDE_PLUGIN_(ROOT|DATA)/);
});
