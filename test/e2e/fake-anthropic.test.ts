// The fake Messages API itself: SSE frame order, JSON replies, count_tokens, the script and the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './helpers/fake-anthropic.js';

function post(fake: FakeAnthropic, path: string, body: unknown): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-fake' },
    body: JSON.stringify(body),
  });
}

/** Parses `event: x\ndata: {...}\n\n` frames. */
function frames(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((f) => f.trim() !== '')
    .map((f) => {
      const [ev, data] = f.split('\n');
      return {
        event: ev!.replace(/^event: /, ''),
        data: JSON.parse(data!.replace(/^data: /, '')) as Record<string, unknown>,
      };
    });
}

const tools = [{ name: 'Bash', input_schema: { type: 'object' } }];

describe('fake Anthropic API', () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake.close());

  it('streams a RUN_BASH prompt as text + tool_use frames in protocol order', async () => {
    const res = await post(fake, '/v1/messages?beta=true', {
      model: 'claude-x',
      stream: true,
      tools,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '<system-reminder>noise</system-reminder>' },
            { type: 'text', text: 'RUN_BASH: echo hi' },
          ],
        },
      ],
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const f = frames(await res.text());
    expect(f.map((x) => x.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect((f[0]!.data.message as { id: string }).id).toMatch(/^msg_fake_\d+$/);
    expect(f[5]!.data.delta).toEqual({
      type: 'input_json_delta',
      partial_json: JSON.stringify({ command: 'echo hi', description: 'Run the requested command' }),
    });
    expect((f[7]!.data.delta as { stop_reason: string }).stop_reason).toBe('tool_use');
    expect(fake.requests.at(-1)?.lastUserText).toBe('RUN_BASH: echo hi');
  });

  it('answers a tool result with BASH_DONE and a plain prompt with ECHO, as JSON when not streaming', async () => {
    const done = await post(fake, '/v1/messages', {
      model: 'claude-x',
      tools,
      messages: [
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', content: 'line one\nline two' }],
        },
      ],
    });
    expect(((await done.json()) as { content: unknown[] }).content).toEqual([
      { type: 'text', text: 'BASH_DONE: line one' },
    ]);
    const echo = await post(fake, '/v1/messages', {
      model: 'claude-x',
      tools,
      messages: [{ role: 'user', content: 'hello there' }],
    });
    const body = (await echo.json()) as {
      content: unknown[];
      stop_reason: string;
      usage: { input_tokens: number };
    };
    expect(body.content).toEqual([{ type: 'text', text: 'ECHO: hello there' }]);
    expect(body.stop_reason).toBe('end_turn');
    expect(body.usage.input_tokens).toBeGreaterThan(100);
  });

  it('serves count_tokens and scripted replies from the queue, in order', async () => {
    const ct = await post(fake, '/v1/messages/count_tokens', {
      messages: [{ role: 'user', content: 'abcd' }],
    });
    expect(((await ct.json()) as { input_tokens: number }).input_tokens).toBeGreaterThan(0);
    fake.enqueue(
      { blocks: [{ type: 'text', text: 'scripted one' }] },
      { blocks: [{ type: 'text', text: 'scripted two' }] },
    );
    const texts: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(fake, '/v1/messages', {
        model: 'claude-x',
        tools,
        messages: [{ role: 'user', content: `q${i}` }],
      });
      texts.push(((await r.json()) as { content: { text: string }[] }).content[0]!.text);
    }
    expect(texts).toEqual(['scripted one', 'scripted two', 'ECHO: q2']);
    expect(
      fake
        .replies()
        .slice(-3)
        .map((r) => r.scripted),
    ).toEqual([true, true, false]);
  });
});
