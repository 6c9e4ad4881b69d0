// E2E: --resume appends to a session and --fork-session copies its history; no event may be counted twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  count,
  duplicateUuids,
  mainEvents,
  nonce,
  parseJsonExport,
  readOutbox,
  transcriptTokenTotals,
} from './helpers/assertions.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runBatonCli,
  runClaudeOk,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

describeClaude('e2e: resume and fork', () => {
  const n = nonce();
  const p = {
    a1: `parent one ${n}`,
    a2: `RUN_BASH: echo fork-marker-${n}`,
    fork: `forked prompt ${n}`,
    a3: `parent resumed ${n}`,
    fork2: `fork resumed ${n}`,
  };
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let parentId: string;
  let forkId: string;

  async function exportJson(id: string) {
    const out = join(sb.root, `${id}.json`);
    const r = await runBatonCli(sb, ['export', id, '--format', 'json', '--out', out, '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    return parseJsonExport(readFileSync(out, 'utf8'));
  }

  async function exportMd(id: string) {
    const out = join(sb.root, `${id}.md`);
    const r = await runBatonCli(sb, ['export', id, '--format', 'md', '--out', out, '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    return readFileSync(out, 'utf8');
  }

  const promptsOf = (s: ReturnType<typeof parseJsonExport>) =>
    mainEvents(s).flatMap((e) => (e.kind === 'prompt' ? [e.text] : []));

  beforeAll(async () => {
    requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    sb = createSandbox();
    const base = { bin: claudeBin, sandbox: sb, fake };
    parentId = (await runClaudeOk({ ...base, prompt: p.a1 })).sessionId;
    await runClaudeOk({ ...base, prompt: p.a2, resume: parentId });
    forkId = (await runClaudeOk({ ...base, prompt: p.fork, resume: parentId, forkSession: true })).sessionId;
    expect((await runClaudeOk({ ...base, prompt: p.a3, resume: parentId })).sessionId).toBe(parentId);
    expect((await runClaudeOk({ ...base, prompt: p.fork2, resume: forkId })).sessionId).toBe(forkId);
  });

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('claude 2.1.330: a fork gets a new id and a new file repeating the parent records with the same uuids', () => {
    expect(forkId).not.toBe(parentId);
    const uuids = (id: string) =>
      readJsonl(transcriptFor(sb, id)).flatMap((r) => (typeof r.uuid === 'string' ? [r.uuid] : []));
    const parent = new Set(uuids(parentId));
    const shared = uuids(forkId).filter((u) => parent.has(u));
    expect(shared.length).toBeGreaterThan(0);
    // Copied assistant records point back at the parent session.
    const copied = readJsonl(transcriptFor(sb, forkId)).filter(
      (r) => r.type === 'assistant' && r.requestSessionId === parentId,
    );
    expect(copied.length).toBeGreaterThan(0);
  });

  it('the resumed parent export holds its own prompts once each and none of the fork', async () => {
    const s = await exportJson(parentId);
    expect(promptsOf(s)).toEqual([p.a1, p.a2, p.a3]);
    const md = await exportMd(parentId);
    expect(count(md, p.fork)).toBe(0);
    expect(count(md, `ECHO: ${p.a3}`)).toBe(1);
  });

  it('the fork export holds each earlier prompt exactly once, then its own', async () => {
    const s = await exportJson(forkId);
    expect(s.meta.id).toBe(forkId);
    expect(promptsOf(s)).toEqual([p.a1, p.a2, p.fork, p.fork2]);
    const uuids = mainEvents(s).map((e) => e.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
    const md = await exportMd(forkId);
    for (const reply of [
      `ECHO: ${p.a1}`,
      `BASH_DONE: fork-marker-${n}`,
      `ECHO: ${p.fork}`,
      `ECHO: ${p.fork2}`,
    ]) {
      expect(count(md, reply), reply).toBe(1);
    }
    expect(count(md, p.a3)).toBe(0);
  });

  it('JSON totals of both sessions count each API message once', async () => {
    for (const id of [parentId, forkId]) {
      const s = await exportJson(id);
      const expected = transcriptTokenTotals(transcriptFor(sb, id));
      const { messageIds, ...tokens } = expected;
      expect(s.totals.tokens, `tokens of ${id} (${messageIds.join(', ')})`).toEqual(tokens);
      expect(s.totals.toolCalls).toBe(1);
      expect(s.totals.prompts).toBe(id === parentId ? 3 : 4);
    }
    // The fork re-uses the parent's first messages: 3 copied + 2 of its own.
    expect(transcriptTokenTotals(transcriptFor(sb, forkId)).messageIds).toHaveLength(5);
  });

  it('the fork export names its parent session', async () => {
    expect((await exportJson(forkId)).meta.parentSessionId).toBe(parentId);
  });

  it('neither outbox captured a record twice, and each holds its new prompts once', () => {
    const parent = readOutbox(sb.dataDir, parentId);
    const fork = readOutbox(sb.dataDir, forkId);
    expect(duplicateUuids(parent.units)).toEqual([]);
    expect(duplicateUuids(fork.units)).toEqual([]);
    const prompts = (units: typeof parent.units) =>
      units.filter((u) => u.kind === 'prompt').map((u) => u.text.trim());
    expect(prompts(parent.units)).toEqual([p.a1, p.a2, p.a3]);
    // The fork's outbox must hold its own prompts once; whether it also carries the copied history is the capture
    // layer's choice, but never twice.
    const forkPrompts = prompts(fork.units);
    for (const own of [p.fork, p.fork2]) expect(forkPrompts.filter((x) => x === own)).toHaveLength(1);
    for (const copied of [p.a1, p.a2])
      expect(forkPrompts.filter((x) => x === copied).length).toBeLessThanOrEqual(1);
    expect(forkPrompts).not.toContain(p.a3);
  });
});
