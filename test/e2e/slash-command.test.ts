// E2E: `/baton:export-session --format md --out <file>` typed into a real claude session writes the conversation.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, runClaudeOk, type ClaudeOkRun, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

describeClaude('e2e: /baton:export-session slash command', () => {
  const n = nonce();
  const prompts = [`before the export ${n}`, `RUN_BASH: echo slash-marker-${n}`];
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let sessionId: string;
  let out: string;
  let run: ClaudeOkRun;

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    sb = createSandbox();
    out = join(sb.root, 'exported session.md');
    const base = { bin: claudeBin, sandbox: sb, fake };
    sessionId = (await runClaudeOk({ ...base, prompt: prompts[0]! })).sessionId;
    await runClaudeOk({ ...base, prompt: prompts[1]!, resume: sessionId });
    // No --allowedTools: the command's own allowed-tools frontmatter must be enough for its !`node …` line.
    run = await runClaudeOk({
      ...base,
      prompt: `/baton:export-session --format md --out "${out}"`,
      resume: sessionId,
      allowedTools: [],
    });
  });

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('the command ran inside the same session and reported success to the model', () => {
    expect(run.sessionId).toBe(sessionId);
    const last = fake.requests.filter((r) => r.path === '/v1/messages').at(-1);
    // The command body itself mentions both markers; the exporter's report is the one at the start of a line.
    expect(last?.lastUserText).toMatch(/^BATON_EXPORT_OK: /m);
    expect(last?.lastUserText).not.toMatch(/^BATON_EXPORT_FAILED: /m);
  });

  it('the file exists and holds the conversation so far, each turn once', () => {
    expect(existsSync(out), `${out} should exist`).toBe(true);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain(sessionId);
    for (const once of [`ECHO: ${prompts[0]}`, `BASH_DONE: slash-marker-${n}`, prompts[1]!]) {
      expect(count(md, once), once).toBe(1);
    }
    expect(md).toContain(prompts[0]);
  });
});
