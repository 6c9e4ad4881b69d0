// E2E: with no BATON_DATA_DIR (as users run it), /baton:end stores the handoff in the plugin's data dir, the next new
// session gets its next steps from the SessionStart hook, and `baton handoff list` in a terminal finds it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic, type RecordedRequest } from './helpers/fake-anthropic.js';
import { END_MARKER, endReply } from './helpers/handoff-model.js';
import { createSandbox, runBatonCli, runClaudeOk, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

const NO_DATA_DIR = { BATON_DATA_DIR: undefined };

describeClaude('e2e: handoff on one machine with the default data dir', () => {
  const n = nonce();
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let newSessionRequest: RecordedRequest | undefined;

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    sb = createSandbox('baton-e2e-handoff-local-');
    const base = { bin: claudeBin, sandbox: sb, fake, env: NO_DATA_DIR };
    const first = await runClaudeOk({ ...base, prompt: `first prompt ${n}` });
    fake.enqueue({
      match: (r) => r.stream === true && (r.lastUserText ?? '').includes(END_MARKER),
      reply: endReply(`## Session summary\nDid things.\n## Next steps\n1. Continue with next-${n}.`, 'local'),
    });
    await runClaudeOk({ ...base, prompt: '/baton:end local', resume: first.sessionId, allowedTools: [] });
    const before = fake.requests.length;
    await runClaudeOk({ ...base, prompt: `a new day ${n}` });
    newSessionRequest = fake.requests.slice(before).find((r) => r.path === '/v1/messages' && r.stream);
  }, 240_000);

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('stores the handoff in the plugin data dir the hooks use', () => {
    const index = join(sb.configDir, 'plugins', 'data', 'baton-inline', 'handoffs', 'index.json');
    expect(existsSync(index)).toBe(true);
    expect(readFileSync(index, 'utf8')).toContain(`next-${n}`);
  });

  it('offers the next steps to the next new session through SessionStart', () => {
    expect(JSON.stringify(newSessionRequest?.body)).toContain(`next-${n}`);
  });

  it('finds the handoff from a terminal, outside Claude Code', async () => {
    const r = await runBatonCli(sb, ['handoff', 'list', '--local-only', '--json'], { env: NO_DATA_DIR });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/local-\d{4}-\d{2}-\d{2}-\d{6}/);
  });
});
