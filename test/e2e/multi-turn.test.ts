// E2E: three turns (one Bash call) in one real claude session via --resume; outbox and all four exports hold each once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { duplicateUuids, parseJsonExport, readOutbox, transcriptTokenTotals } from './helpers/assertions.js';
import {
  conversation,
  conversationalPairs,
  expectedPairs,
  expectOutboxHolds,
  expectRenderedHolds,
  seedProject,
} from './helpers/conversation.js';
import { nonce } from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runBatonCli,
  runClaudeOk,
  transcriptFor,
  type ClaudeOkRun,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

describeClaude('e2e: several turns in one session', () => {
  const c = conversation(nonce());
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let runs: ClaudeOkRun[] = [];
  let sessionId: string;
  let transcript: string;

  async function exportAs(format: 'md' | 'json' | 'html' | 'txt'): Promise<string> {
    const out = join(sb.root, `export.${format}`);
    const r = await runBatonCli(sb, ['export', sessionId, '--format', format, '--out', out, '--force']);
    expect(r.exitCode, `baton export --format ${format}: ${r.stderr}`).toBe(0);
    return readFileSync(out, 'utf8');
  }

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    sb = createSandbox();
    seedProject(sb, c);
    const first = await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt: c.prompts[0] });
    sessionId = first.sessionId;
    runs = [first];
    for (const prompt of [c.prompts[1], c.prompts[2]]) {
      runs.push(await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt, resume: sessionId }));
    }
    transcript = transcriptFor(sb, sessionId);
  });

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('claude kept one session and answered every turn from the fake', () => {
    expect(runs.map((r) => r.sessionId)).toEqual([sessionId, sessionId, sessionId]);
    expect(runs.map((r) => r.result.result)).toEqual([c.replies[0], c.replies[2], c.replies[3]]);
    // 4 API calls: one per turn, plus the follow-up after the tool result.
    expect(fake.replies().map((r) => r.stopReason)).toEqual(['end_turn', 'tool_use', 'end_turn', 'end_turn']);
  });

  it("the plugin's hooks ran after every turn without errors", () => {
    const summaries = readJsonl(transcript).filter(
      (r) => r.type === 'system' && r.subtype === 'stop_hook_summary',
    );
    expect(summaries).toHaveLength(3);
    for (const s of summaries) {
      expect(s.hookCount as number).toBeGreaterThanOrEqual(1);
      expect(s.hookErrors).toEqual([]);
    }
  });

  it('the outbox holds every prompt, reply, tool call and result, in order, exactly once', () => {
    const outbox = readOutbox(sb.dataDir, sessionId);
    expect(duplicateUuids(outbox.units), 'uuids captured twice').toEqual([]);
    expectOutboxHolds(outbox, c);
  });

  it('the JSON export is a valid Session with every event in order, exactly once', async () => {
    const s = parseJsonExport(await exportAs('json'));
    expect(s.meta.id).toBe(sessionId);
    expect(s.meta.cwd).toBe(sb.projectDir);
    expect(conversationalPairs(s)).toEqual(expectedPairs(c));
    expect(s.turns).toHaveLength(3);
    expect(s.turns.map((t) => t.events[0]?.kind === 'prompt' && t.events[0].text)).toEqual(c.prompts);
    const uuids = s.turns.flatMap((t) => t.events.map((e) => e.uuid));
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('the JSON totals count each API message once', async () => {
    const s = parseJsonExport(await exportAs('json'));
    const expected = transcriptTokenTotals(transcript);
    expect(expected.messageIds).toEqual(['msg_fake_1', 'msg_fake_2', 'msg_fake_3', 'msg_fake_4']);
    const fromFake = fake.replies().reduce(
      (a, r) => ({
        input: a.input + r.usage.input_tokens,
        output: a.output + r.usage.output_tokens,
        cacheRead: a.cacheRead + r.usage.cache_read_input_tokens,
        cacheWrite: a.cacheWrite + r.usage.cache_creation_input_tokens,
      }),
      { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    );
    expect(s.totals.tokens).toEqual(fromFake);
    expect(s.totals).toMatchObject({ turns: 3, prompts: 3, toolCalls: 1, toolErrors: 0, tools: { Bash: 1 } });
  });

  it.each(['md', 'html', 'txt'] as const)(
    'the %s export holds every event in order, exactly once',
    async (format) => {
      const title = parseJsonExport(await exportAs('json')).meta.title;
      expectRenderedHolds(await exportAs(format), format, c, title);
    },
  );
});
