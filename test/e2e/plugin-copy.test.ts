// E2E: the plugin runs from a copy of its runtime files with no node_modules anywhere (as after a marketplace install).
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, nonce, parseJsonExport, readOutbox } from './helpers/assertions.js';
import { repoRoot } from './helpers/claude-binary.js';
import {
  conversation,
  conversationalPairs,
  expectedPairs,
  expectRenderedHolds,
  seedProject,
} from './helpers/conversation.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  runBatonCli,
  runClaudeOk,
  type ClaudeOkRun,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

/** What a user's machine gets: the plugin's runtime files, not src/, tests or node_modules. */
const RUNTIME = [
  '.claude-plugin',
  '.mcp.json',
  'hooks',
  'commands',
  'skills',
  'agents',
  'dist',
  'routines',
  'package.json',
  'README.md',
  'LICENSE',
];

describeClaude('e2e: plugin copied without node_modules', () => {
  const c = conversation(nonce());
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let plugin: string;
  let sessionId: string;
  let firstRun: ClaudeOkRun;

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    sb = createSandbox();
    plugin = join(sb.root, 'plugin copy');
    mkdirSync(plugin);
    for (const entry of RUNTIME) {
      if (existsSync(join(repoRoot, entry)))
        cpSync(join(repoRoot, entry), join(plugin, entry), { recursive: true });
    }
    seedProject(sb, c);
    const base = { bin: claudeBin, sandbox: sb, fake, pluginDir: plugin };
    firstRun = await runClaudeOk({ ...base, prompt: c.prompts[0], outputFormat: 'stream-json' });
    sessionId = firstRun.sessionId;
    for (const prompt of [c.prompts[1], c.prompts[2]])
      await runClaudeOk({ ...base, prompt, resume: sessionId });
  });

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('the copy holds no node_modules and no sources', () => {
    expect(existsSync(join(plugin, 'node_modules'))).toBe(false);
    expect(existsSync(join(plugin, 'src'))).toBe(false);
  });

  it('every hook of the copy exited 0 (stream-json hook events)', () => {
    const responses = firstRun.messages.filter((m) => m.type === 'system' && m.subtype === 'hook_response');
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses)
      expect({ hook: r.hook_name, exit: r.exit_code, stderr: r.stderr }).toMatchObject({ exit: 0 });
  });

  it('plugin MCP servers of the copy connect', () => {
    const init = firstRun.messages.find((m) => m.type === 'system' && m.subtype === 'init') as
      { mcp_servers?: { name: string; status: string }[] } | undefined;
    expect(init).toBeDefined();
    const ours = (init?.mcp_servers ?? []).filter((s) => s.name.startsWith('plugin:baton:'));
    const declared = existsSync(join(plugin, '.mcp.json'))
      ? Object.keys(
          (JSON.parse(readFileSync(join(plugin, '.mcp.json'), 'utf8')) as { mcpServers?: object })
            .mcpServers ?? {},
        )
      : [];
    expect(ours.map((s) => s.name).sort()).toEqual(declared.map((d) => `plugin:baton:${d}`).sort());
    for (const s of ours) expect(s.status, s.name).toBe('connected');
  });

  it("the copy's hooks captured the session into the outbox", () => {
    const outbox = readOutbox(sb.dataDir, sessionId);
    expect(duplicateUuids(outbox.units)).toEqual([]);
    expect(outbox.lines.filter((l) => l.k === 'prompt').map((l) => l.text)).toEqual(c.prompts);
  });

  it("the copy's CLI exports the session (json and html)", async () => {
    const json = join(sb.root, 'copy.json');
    const html = join(sb.root, 'copy.html');
    for (const [format, out] of [
      ['json', json],
      ['html', html],
    ] as const) {
      const r = await runBatonCli(sb, ['export', sessionId, '--format', format, '--out', out], {
        root: plugin,
      });
      expect(r.exitCode, r.stderr).toBe(0);
    }
    const s = parseJsonExport(readFileSync(json, 'utf8'));
    expect(conversationalPairs(s)).toEqual(expectedPairs(c));
    expectRenderedHolds(readFileSync(html, 'utf8'), 'html', c, s.meta.title);
  });

  it("the copy's /baton:export-session command writes the file", async () => {
    const out = join(sb.root, 'from-command.md');
    const r = await runClaudeOk({
      bin: claudeBin,
      sandbox: sb,
      fake,
      pluginDir: plugin,
      prompt: `/baton:export-session --format md --out ${out}`,
      resume: sessionId,
      allowedTools: [],
    });
    expect(r.sessionId).toBe(sessionId);
    expect(existsSync(out), `${out} should exist`).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain(c.replies[3]);
  });
});
