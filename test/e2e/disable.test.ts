// E2E: BATON_DISABLE=1 turns the plugin off: a real session (with a tool call) writes nothing to Baton's data dirs.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listFiles, nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

describeClaude('e2e: BATON_DISABLE=1', () => {
  const n = nonce();
  let fake: FakeAnthropic;
  let enabled: ClaudeSandbox;
  let disabled: ClaudeSandbox;
  let disabledSession: string;

  /** Where claude gives the plugin its own data dir with --plugin-dir (it creates the empty dir itself). */
  const pluginDataDir = (sb: ClaudeSandbox) => join(sb.configDir, 'plugins', 'data');

  beforeAll(async () => {
    requireDist('hook.cjs');
    fake = await startFakeAnthropic();
    enabled = createSandbox();
    disabled = createSandbox();
    // Control: the same session with the plugin on must write something, or "nothing written" proves nothing.
    await runClaudeOk({ bin: claudeBin, sandbox: enabled, fake, prompt: `RUN_BASH: echo enabled-${n}` });
    const r = await runClaudeOk({
      bin: claudeBin,
      sandbox: disabled,
      fake,
      prompt: `RUN_BASH: echo disabled-${n}`,
      env: { BATON_DISABLE: '1' },
    });
    disabledSession = r.sessionId;
    expect(r.result.result).toBe(`BASH_DONE: disabled-${n}`);
  });

  afterAll(async () => {
    await fake?.close();
    enabled?.cleanup();
    disabled?.cleanup();
  });

  it('with the plugin on, the same session writes to the data dir (control)', () => {
    expect(listFiles(enabled.dataDir).length).toBeGreaterThan(0);
  });

  it('with BATON_DISABLE=1 nothing is written to the data dir or the plugin data dir', () => {
    expect(listFiles(disabled.dataDir)).toEqual([]);
    expect(listFiles(pluginDataDir(disabled))).toEqual([]);
  });

  it('the disabled hooks still exit cleanly', () => {
    const summaries = readJsonl(transcriptFor(disabled, disabledSession)).filter(
      (x) => x.subtype === 'stop_hook_summary',
    );
    for (const s of summaries) expect(s.hookErrors).toEqual([]);
    expect(summaries.length).toBeGreaterThan(0);
  });
});
