// A gated entries body is a valid entries request: the gate names each line's file on the item, the contract takes
// it when it is the body's own file and refuses a line filed under another one.
import { expect, test } from 'vitest';
import { AppendEntriesRequest } from '../../src/core/api/index.js';
import { createEgressGate } from '../../src/core/egress/index.js';

const line = { type: 'user', uuid: 'u-1', parentUuid: null, message: { role: 'user', content: 'hi' } };

test('gate.body of a subagent file passes the entries contract', () => {
  const gate = createEgressGate({ redact: true });
  const body = gate.body({ subKey: 'subagents/agent-a1', entries: [{ line }] }, 'sess-1');
  const parsed = AppendEntriesRequest.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data?.entries).toEqual([{ uuid: 'u-1', subKey: 'subagents/agent-a1', line }]);
});

test('a line filed under another file than the body names is refused', () => {
  const parsed = AppendEntriesRequest.safeParse({
    subKey: '',
    entries: [{ subKey: 'subagents/agent-a1', line }],
  });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.message).toMatch(/subKey/);
});
