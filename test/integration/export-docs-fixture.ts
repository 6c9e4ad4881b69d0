// A transcript for the PDF and Word export tests: Markdown with code, a tool call and result, a planted secret in
// the prompt, the tool input and the result, Unicode beyond WinAnsi, and XML-hostile control characters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fake } from '../helpers/fake-secrets.js';

export const SECRET = fake('ghp_', 36, 7);
export const UNICODE = 'Grüße — Ωμέγα Привет ┌─┐│└─┘ ✓';
export const CJK = '中文字';
export const SESSION_ID = '3a1c9e52-7b4d-4f0e-8a6b-2d5c1e9f0a77';

export const PROMPT = `Please deploy with token ${SECRET} and say ${UNICODE} ${CJK}`;
export const CODE_LINES = ['function alpha() {', '  return beta + 1;', '}'];
export const LONG_LINE = `const wide = "${'w'.repeat(400)}";`;
const ANSWER = [
  '## Plan',
  '',
  'First **read** the `config.ts` file, then:',
  '',
  '- run the deploy',
  '- check the logs',
  '',
  '```ts',
  ...CODE_LINES,
  LONG_LINE,
  '```',
  '',
  'Control chars\u0001here\u0007 end.',
].join('\n');

export function writeFixtureTranscript(path: string, cwd: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const base = {
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: SESSION_ID,
    version: '2.1.330',
    gitBranch: 'main',
  };
  const usage = {
    input_tokens: 1234,
    output_tokens: 567,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  const assistant = (id: string, content: unknown[]) => ({
    type: 'assistant',
    requestId: `req-${id}`,
    message: { id: `msg-${id}`, role: 'assistant', model: 'claude-sonnet-4-5', content, usage },
  });
  const recs = [
    { type: 'user', uuid: 'u1', message: { role: 'user', content: PROMPT } },
    { uuid: 'a1', ...assistant('1', [{ type: 'text', text: ANSWER }]) },
    {
      uuid: 'a2',
      ...assistant('2', [
        {
          type: 'tool_use',
          id: 'tu1',
          name: 'Bash',
          input: {
            command: `curl -H "Authorization: token ${SECRET}" https://api.example.test/deploy-xyzzy`,
          },
        },
      ]),
    },
    {
      type: 'user',
      uuid: 'r1',
      message: {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'tu1', content: `deployed-plugh ok, echoed ${SECRET}` },
        ],
      },
    },
  ];
  let t = Date.parse('2026-11-01T09:00:00Z');
  let parent: string | null = null;
  const lines = recs.map((r) => {
    const line = JSON.stringify({
      parentUuid: parent,
      ...base,
      ...r,
      timestamp: new Date((t += 1500)).toISOString(),
    });
    parent = r.uuid;
    return line;
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}
