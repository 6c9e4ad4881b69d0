// Issue 10 in every export format: skipped lines and why, subagents attached to their spawning call in spawn order,
// queued prompts as user turns and task notifications as system lines; streamed and in-memory exports agree.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEgressGate } from '../../src/core/egress/index.js';
import { TEXT_FORMATS, renderSession } from '../../src/core/export/index.js';
import { Session } from '../../src/core/model/session.js';
import { exportTranscript } from '../../src/core/pipeline/export-transcript.js';
import { loadSession } from '../../src/core/transcript/index.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts');
const I10 = join(FIX, 'issue-10');

async function exported(path: string, format: (typeof TEXT_FORMATS)[number]): Promise<string> {
  let out = '';
  await exportTranscript(path, format, (c) => (out += c), createEgressGate({ redact: false }));
  return out;
}

describe('skipped lines are visible in every format', () => {
  const path = join(FIX, 'unknown-types.jsonl');

  it.each(['md', 'txt', 'html'] as const)('%s names each reason and its count', async (format) => {
    const s = await loadSession(path);
    expect(s.stats!.malformedLines).toBeGreaterThan(0);
    for (const out of [await exported(path, format), renderSession(s, format)]) {
      expect(out).toContain('Skipped while reading the transcript');
      expect(out).toMatch(new RegExp(`Malformed \\(not JSON\\)[^\\n]*${s.stats!.malformedLines} line`));
      expect(out).toContain('Unknown record types');
    }
  });

  it('json carries the counts, skippedTypes included', async () => {
    const parsed = Session.parse(JSON.parse(await exported(join(I10, 'queued.jsonl'), 'json')));
    expect(parsed.stats?.skippedTypes).toMatchObject({ 'cost-state': 1, 'pr-link': 1 });
  });

  it('truncated tail, invalid UTF-8 and too-large lines are named', async () => {
    expect(await exported(join(FIX, 'truncated-tail.jsonl'), 'md')).toContain('Truncated tail');
    expect(await exported(join(FIX, 'invalid-utf8.jsonl'), 'txt')).toContain('Invalid UTF-8: 1 line');
  });
});

describe('subagents attached to their spawning call, one order everywhere', () => {
  const PAR = join(I10, 'parallel', 'd3000000-0000-4000-8000-000000000003.jsonl');

  it('baton export (streamed) in every format: spawn order, each names its call', async () => {
    for (const format of ['md', 'txt', 'html'] as const) {
      const out = await exported(PAR, format);
      const a = out.search(/spawned by Agent[:(] ?review API/);
      const b = out.search(/spawned by Agent[:(] ?review UI/);
      expect(a, format).toBeGreaterThan(-1);
      expect(b, format).toBeGreaterThan(a);
    }
    const json = Session.parse(JSON.parse(await exported(PAR, 'json')));
    expect(json.sidechains.map((s) => [s.agentId, s.toolUseId])).toEqual([
      ['zzzz000000000001', 'toolu_api'],
      ['aaaa000000000002', 'toolu_ui'],
    ]);
  });

  it('the in-memory render gives the same sidechain order as the stream', async () => {
    const s = await loadSession(PAR);
    const md = renderSession(s, 'md');
    expect(md.indexOf('Subagent zzzz000000000001')).toBeLessThan(md.indexOf('Subagent aaaa000000000002'));
    expect(md).toContain('spawned by Agent: review API `toolu_api`');
  });

  it('old inline sidechains render as subagent blocks, not as lines of the parent turn', async () => {
    const md = await exported(join(I10, 'inline-sidechains.jsonl'), 'md');
    const turn = md.slice(md.indexOf('## Turn 1'), md.indexOf('## Subagent'));
    expect(turn).not.toContain('Docs are current.\n\n**');
    expect(turn).not.toContain('Check the docs folder\n');
    expect(md).toMatch(/## Subagent sidechain-[^\n]*spawned by Task: check docs `toolu_docs`/);
    expect(md).toMatch(/## Subagent sidechain-[^\n]*spawned by Task: check tests `toolu_tests`/);
  });
});

describe('queued prompts and task notifications in exports', () => {
  it('md: the queued prompt is a user turn, notices are system lines', async () => {
    const md = await exported(join(I10, 'queued.jsonl'), 'md');
    expect(md.match(/^## Turn /gm)).toHaveLength(2);
    expect(md).toContain('**User**\n\nalso update the CHANGELOG');
    expect(md).toContain('> **System** (task\\_notification)\n>\n> Agent "scan TODOs" completed');
    expect(md).not.toContain('<task-notification>');
  });
});
