// Re-records the real transcripts in test/fixtures/transcripts/recorded/ with the pinned claude and the fake API.
// Run: npx tsx test/e2e/record-fixtures.ts   (not a test; the reader tests consume its output and manifest.json)
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureClaudeBinary, repoRoot } from './helpers/claude-binary.js';
import { startFakeAnthropic } from './helpers/fake-anthropic.js';
import { createSandbox, readJsonl, runClaudeOk, transcriptFor } from './helpers/run-claude.js';

const outDir = join(repoRoot, 'test', 'fixtures', 'transcripts', 'recorded');

/** Token totals as the reader should compute them: once per distinct message id of the file. */
function expectedTotals(file: string) {
  const seen = new Map<
    string,
    {
      input_tokens: number;
      output_tokens: number;
      cache_read_input_tokens: number;
      cache_creation_input_tokens: number;
    }
  >();
  for (const r of readJsonl(file)) {
    const m = r.message as { id?: string; usage?: never } | undefined;
    if (r.type === 'assistant' && m?.id && m.usage && !seen.has(m.id)) seen.set(m.id, m.usage);
  }
  const sum = (
    k: 'input_tokens' | 'output_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens',
  ) => [...seen.values()].reduce((a, u) => a + u[k], 0);
  return {
    messages: seen.size,
    tokens: {
      input: sum('input_tokens'),
      output: sum('output_tokens'),
      cacheRead: sum('cache_read_input_tokens'),
      cacheWrite: sum('cache_creation_input_tokens'),
    },
  };
}

async function main(): Promise<void> {
  const claude = await ensureClaudeBinary();
  if (!claude.path) throw new Error(`claude unavailable: ${claude.reason}`);
  const fake = await startFakeAnthropic();
  const sb = createSandbox('baton-record-');
  // No plugin: the fixtures must not depend on Baton's own hooks.
  const base = { bin: claude.path, sandbox: sb, fake, pluginDir: null };
  try {
    const prompts = ['first prompt alpha', 'RUN_BASH: echo recorded-marker-42', 'third prompt gamma'];
    const t1 = await runClaudeOk({ ...base, prompt: prompts[0]! });
    const id = t1.sessionId;
    await runClaudeOk({ ...base, prompt: prompts[1]!, resume: id });
    await runClaudeOk({ ...base, prompt: prompts[2]!, resume: id });
    const fork = await runClaudeOk({ ...base, prompt: 'forked prompt delta', resume: id, forkSession: true });
    const err = await runClaudeOk({ ...base, prompt: 'RUN_BASH: ls /definitely-not-here-e2e' });
    await runClaudeOk({ ...base, prompt: 'after the error', resume: err.sessionId });

    mkdirSync(outDir, { recursive: true });
    const files = {
      'multi-turn-bash-resume.jsonl': transcriptFor(sb, id),
      'fork.jsonl': transcriptFor(sb, fork.sessionId),
      'tool-error.jsonl': transcriptFor(sb, err.sessionId),
    };
    for (const [name, src] of Object.entries(files)) copyFileSync(src, join(outDir, name));

    const manifest = {
      recordedWith: `claude ${claude.version} -p, fake Anthropic API (test/e2e/helpers/fake-anthropic.ts), no plugin`,
      recordedAt: new Date().toISOString(),
      cwd: sb.projectDir,
      'multi-turn-bash-resume.jsonl': {
        sessionId: id,
        how: '3 runs: -p, then --resume twice; turn 2 runs one Bash tool call',
        prompts,
        responses: [
          'ECHO: first prompt alpha',
          'Running: echo recorded-marker-42',
          'BASH_DONE: recorded-marker-42',
          'ECHO: third prompt gamma',
        ],
        toolCalls: [
          { name: 'Bash', command: 'echo recorded-marker-42', result: 'recorded-marker-42', isError: false },
        ],
        ...expectedTotals(files['multi-turn-bash-resume.jsonl']),
      },
      'fork.jsonl': {
        sessionId: fork.sessionId,
        parentSessionId: id,
        how: '--resume <multi-turn id> --fork-session: new session id; the file repeats the parent history with the SAME uuids and message ids (sessionId rewritten, requestSessionId = parent on copied assistant records)',
        prompts: [...prompts, 'forked prompt delta'],
        ...expectedTotals(files['fork.jsonl']),
      },
      'tool-error.jsonl': {
        sessionId: err.sessionId,
        how: 'a Bash call that fails (is_error true), then --resume with a plain prompt',
        prompts: ['RUN_BASH: ls /definitely-not-here-e2e', 'after the error'],
        toolCalls: [{ name: 'Bash', command: 'ls /definitely-not-here-e2e', isError: true }],
        ...expectedTotals(files['tool-error.jsonl']),
      },
    };
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(`recorded ${Object.keys(files).length} transcripts into ${outDir}\n`);
  } finally {
    await fake.close();
    sb.cleanup();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
