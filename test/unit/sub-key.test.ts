// One sub-key rule for the sender, push/sync's reader and the contract: a subagent file is named from its
// `subagents` folder on, and only names the contract takes are produced.
import { expect, it } from 'vitest';
import { TranscriptSubKey } from '../../src/core/api/index.js';
import { subKeyOfSubagentPath } from '../../src/core/transcript/sub-key.js';

it('names a subagent file from its subagents folder on, own or inherited from a parent', () => {
  expect(subKeyOfSubagentPath('/p/-home-dev/sess/subagents/agent-a1.jsonl')).toBe('subagents/agent-a1');
  expect(subKeyOfSubagentPath('/p/-home-dev/parent/subagents/agent-b2.jsonl')).toBe('subagents/agent-b2');
  expect(subKeyOfSubagentPath('C:\\p\\sess\\subagents\\agent-c3.jsonl')).toBe('subagents/agent-c3');
  expect(subKeyOfSubagentPath('subagents/agent-d4')).toBe('subagents/agent-d4');
});

it('gives null where there is no subagents folder or the contract cannot carry the name', () => {
  expect(subKeyOfSubagentPath('/p/sess/agent-a1.jsonl')).toBeNull();
  expect(subKeyOfSubagentPath('/p/sess/subagents')).toBeNull();
  expect(subKeyOfSubagentPath('/p/sess/subagents/.hidden.jsonl')).toBeNull();
  expect(subKeyOfSubagentPath(`/p/sess/subagents/agent-${'x'.repeat(400)}.jsonl`)).toBeNull();
  expect(subKeyOfSubagentPath('/p/sess/subagents/agent a1.jsonl')).toBeNull();
});

it('every key it gives is one the contract takes', () => {
  for (const p of [
    '/s/subagents/agent-1.jsonl',
    '/s/subagents/x/agent-2.jsonl',
    '/s/subagents/a.b-c_d.jsonl',
  ])
    expect(TranscriptSubKey.safeParse(subKeyOfSubagentPath(p)).success).toBe(true);
});
