// Generates a realistic Claude Code transcript of a given size (prompts, thinking, Bash/Edit calls, big results).
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';

const PROSE =
  'The failing test comes from the retry loop: the backoff is computed before the deadline check, so the last attempt sleeps past the timeout. ';
const CODE = `export async function retry<T>(fn: () => Promise<T>, opts: { attempts: number; baseMs: number }): Promise<T> {
  let last: unknown;
  for (let i = 0; i < opts.attempts; i++) {
    try { return await fn(); } catch (err) { last = err; await sleep(opts.baseMs * 2 ** i); }
  }
  throw last;
}
`;

export async function generateTranscript(
  path: string,
  targetBytes: number,
  sessionId = randomUUID(),
): Promise<{ records: number; turns: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let records = 0;
  let turn = 0;
  let parent: string | null = null;
  let t = Date.parse('2026-11-01T09:00:00Z');
  const base = {
    isSidechain: false,
    userType: 'external',
    cwd: '/home/dev/proj',
    sessionId,
    version: '2.1.330',
    gitBranch: 'main',
  };
  const emit = async (rec: Record<string, unknown>) => {
    const uuid = randomUUID();
    t += 700;
    const line =
      JSON.stringify({ parentUuid: parent, ...base, ...rec, uuid, timestamp: new Date(t).toISOString() }) +
      '\n';
    parent = uuid;
    bytes += Buffer.byteLength(line);
    records++;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  while (bytes < targetBytes) {
    turn++;
    const msg = `msg_${turn}`;
    const req = `req_${turn}`;
    const usage = {
      input_tokens: 1200,
      output_tokens: 340,
      cache_read_input_tokens: 9000,
      cache_creation_input_tokens: 400,
    };
    const asst = (content: unknown[], id = msg) => ({
      type: 'assistant',
      requestId: req,
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-6',
        content,
        stop_reason: null,
        usage,
      },
    });
    await emit({
      type: 'user',
      message: {
        role: 'user',
        content: `Turn ${turn}: fix the flaky retry test in src/retry.ts and explain why it failed.`,
      },
    });
    await emit(asst([{ type: 'thinking', thinking: PROSE.repeat(6), signature: 'sig' }]));
    await emit(asst([{ type: 'text', text: PROSE.repeat(3) }]));
    const toolId = `toolu_${turn}`;
    await emit(
      asst([
        {
          type: 'tool_use',
          id: toolId,
          name: 'Bash',
          input: { command: 'npx vitest run test/retry.test.ts', description: 'Run the test' },
        },
      ]),
    );
    const output = (CODE + PROSE).repeat(40);
    await emit({
      type: 'user',
      message: {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: toolId, content: output, is_error: turn % 7 === 0 }],
      },
      toolUseResult: { stdout: output, stderr: '' },
    });
    const editId = `toolu_e${turn}`;
    await emit(
      asst(
        [
          {
            type: 'tool_use',
            id: editId,
            name: 'Edit',
            input: {
              file_path: `/home/dev/proj/src/retry-${turn % 50}.ts`,
              old_string: CODE,
              new_string: CODE.replace('2 ** i', '2 ** i + jitter()'),
            },
          },
        ],
        `msg_${turn}b`,
      ),
    );
    await emit({
      type: 'user',
      message: {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: editId, content: 'The file has been updated.' }],
      },
    });
    await emit(asst([{ type: 'text', text: `Fixed. ${PROSE}\n\n\`\`\`ts\n${CODE}\`\`\`` }], `msg_${turn}c`));
    await emit({ type: 'system', subtype: 'turn_duration', durationMs: 4200 });
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { records, turns: turn };
}
