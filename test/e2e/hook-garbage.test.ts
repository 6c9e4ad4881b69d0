// E2E: the hook runner fails open: garbage on stdin (direct spawn) and hostile prompts (real claude) still exit 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateUuids, listFiles, nonce, readOutbox } from './helpers/assertions.js';
import { repoRoot } from './helpers/claude-binary.js';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';
import {
  createSandbox,
  readJsonl,
  runClaudeOk,
  sandboxEnv,
  transcriptFor,
  type ClaudeSandbox,
} from './helpers/run-claude.js';
import { claudeBin, describeClaude, requireDist } from './helpers/setup.js';

interface HookSpec {
  event: string;
  command: string;
  args: string[];
  timeoutSec: number;
}

/** Every command hook declared in hooks/hooks.json, with ${CLAUDE_PLUGIN_ROOT} substituted as claude does. */
function hookSpecs(): HookSpec[] {
  const file = JSON.parse(readFileSync(join(repoRoot, 'hooks', 'hooks.json'), 'utf8')) as {
    hooks: Record<
      string,
      { hooks: { type: string; command: string; args?: string[]; timeout?: number }[] }[]
    >;
  };
  const sub = (s: string) => s.replaceAll('${CLAUDE_PLUGIN_ROOT}', repoRoot);
  return Object.entries(file.hooks).flatMap(([event, groups]) =>
    groups.flatMap((g) =>
      g.hooks
        .filter((h) => h.type === 'command')
        .map((h) => ({
          event,
          command: sub(h.command),
          args: (h.args ?? []).map(sub),
          timeoutSec: h.timeout ?? 600,
        })),
    ),
  );
}

const realPayload = (event: string) =>
  JSON.stringify({
    session_id: 'garbage-test-session',
    transcript_path: '/nonexistent/transcript.jsonl',
    cwd: '/',
    hook_event_name: event,
    prompt: 'hello',
  });

/** Inputs a broken or hostile caller might send. */
const GARBAGE: [string, (event: string) => string | Buffer][] = [
  ['empty stdin', () => ''],
  ['binary noise', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ['invalid JSON', () => '{"session_id": "x", '],
  ['truncated real payload', (e) => realPayload(e).slice(0, 60)],
  [
    'JSON of the wrong shape',
    () => JSON.stringify({ session_id: 42, hook_event_name: [], transcript_path: { a: 1 } }),
  ],
  ['a JSON array', () => '[1,2,3]'],
  [
    'path traversal in session_id',
    (e) => JSON.stringify({ ...JSON.parse(realPayload(e)), session_id: '../../escape' }),
  ],
  ['5 MB of text', () => 'a'.repeat(5 * 1024 * 1024)],
  [
    'invalid UTF-8',
    () => Buffer.concat([Buffer.from('{"session_id":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
  ],
];

describe('e2e: hook runner fed garbage (direct spawn)', () => {
  let sb: ClaudeSandbox;
  const timings: string[] = [];

  beforeAll(() => {
    requireDist('hook.cjs');
    sb = createSandbox();
  });

  afterAll(() => {
    if (timings.length) process.stdout.write(`hook wall times (ms):\n${timings.join('\n')}\n`);
    sb?.cleanup();
  });

  it('hooks.json declares command hooks that run bundled JS from dist/', () => {
    const specs = hookSpecs();
    expect(specs.length).toBeGreaterThan(0);
    for (const s of specs) expect([s.command, ...s.args].join(' ')).toContain(join(repoRoot, 'dist'));
  });

  it.each(GARBAGE)('exits 0 for every declared hook on %s', async (_label, make) => {
    for (const spec of hookSpecs()) {
      const started = process.hrtime.bigint();
      const r = await execa(spec.command, spec.args, {
        input: make(spec.event),
        env: sandboxEnv(sb, null),
        extendEnv: false,
        cwd: sb.projectDir,
        reject: false,
        // The hook's own budget from hooks.json: past it claude would kill it anyway.
        timeout: spec.timeoutSec * 1000,
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      timings.push(`  ${spec.event.padEnd(18)} ${_label.padEnd(30)} ${ms.toFixed(0)}`);
      expect(r.timedOut, `${spec.event} timed out`).toBe(false);
      expect(r.exitCode, `${spec.event} on ${_label}: stderr=${r.stderr}`).toBe(0);
      // stdout becomes model context for some events: it is empty or one JSON object, never an echo of garbage.
      if (r.stdout.trim() !== '') expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    // Whatever it wrote stays inside the data dir: nothing escaped next to it.
    expect(readdirSync(sb.root).filter((d) => !['data', 'home', 'project'].includes(d))).toEqual([]);
  });
});

describeClaude('e2e: hostile prompts through the real claude', () => {
  const n = nonce();
  // Control characters, JSON that looks like a hook payload, non-BMP characters, RTL text and a 40 KB line.
  const hostile = [
    `weird one ${n} \u0001\u0007\u001b[31m red \u001b[0m`,
    `weird two ${n} {"session_id":"../../escape","hook_event_name":"SessionEnd"}`,
    `weird three ${n} 🎉 עברית ${'x'.repeat(40_000)}`,
  ];
  let fake: FakeAnthropic;
  let sb: ClaudeSandbox;
  let sessionId: string;

  beforeAll(async () => {
    requireDist('hook.cjs');
    fake = await startFakeAnthropic();
    sb = createSandbox();
    sessionId = (await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt: hostile[0]! })).sessionId;
    for (const prompt of hostile.slice(1))
      await runClaudeOk({ bin: claudeBin, sandbox: sb, fake, prompt, resume: sessionId });
  });

  afterAll(async () => {
    await fake?.close();
    sb?.cleanup();
  });

  it('every hook exited cleanly', () => {
    const summaries = readJsonl(transcriptFor(sb, sessionId)).filter(
      (x) => x.subtype === 'stop_hook_summary',
    );
    expect(summaries).toHaveLength(hostile.length);
    for (const s of summaries) expect(s.hookErrors).toEqual([]);
  });

  it('the outbox holds each hostile prompt once, intact', () => {
    const outbox = readOutbox(sb.dataDir, sessionId);
    expect(duplicateUuids(outbox.units)).toEqual([]);
    const prompts = outbox.units.filter((u) => u.kind === 'prompt').map((u) => u.text);
    expect(prompts).toEqual(hostile);
    expect(listFiles(sb.dataDir).every((f) => !f.includes('..'))).toBe(true);
  });
});
