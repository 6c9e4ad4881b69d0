// A scripted three-turn conversation (one Bash call) and the checks that it was captured/exported exactly once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Session } from '../../../src/core/model/session.js';
import { count, expectInOrder, mainEvents, type Outbox, type OutboxUnit } from './assertions.js';
import type { ClaudeSandbox } from './run-claude.js';

export interface Conversation {
  n: string;
  prompts: [string, string, string];
  marker: string;
  /** Printed only by the Bash command (read from a file), so it occurs in the tool result alone. */
  result: string;
  command: string;
  /** The assistant texts, in order. */
  replies: string[];
}

/** Prompts use only [a-z0-9 :;.-], which no exporter escapes. */
export function conversation(n: string): Conversation {
  const marker = `e2e-marker-${n}`;
  const result = `e2e-result-${n}`;
  const command = `echo ${marker}; cat input.txt`;
  const prompts: [string, string, string] = [
    `first prompt ${n} alpha`,
    `RUN_BASH: ${command}`,
    `third prompt ${n} gamma`,
  ];
  return {
    n,
    prompts,
    marker,
    result,
    command,
    replies: [`ECHO: ${prompts[0]}`, `Running: ${command}`, `BASH_DONE: ${marker}`, `ECHO: ${prompts[2]}`],
  };
}

/** The file the Bash call reads. */
export function seedProject(sb: ClaudeSandbox, c: Conversation, dir = sb.projectDir): void {
  writeFileSync(join(dir, 'input.txt'), `${c.result}\n`);
}

/** The conversational events of a session as [kind, text] pairs, tool calls as their command. */
export function conversationalPairs(s: Session): [string, string][] {
  return mainEvents(s).flatMap((e): [string, string][] => {
    switch (e.kind) {
      case 'prompt':
      case 'text':
        return [[e.kind, e.text]];
      case 'tool_call':
        return [
          [
            `tool_call:${e.name}`,
            String((e.input as { command?: unknown } | null)?.command ?? JSON.stringify(e.input)),
          ],
        ];
      case 'tool_result':
        return [[e.isError ? 'tool_result:error' : 'tool_result', e.content.trim()]];
      default:
        return [];
    }
  });
}

export function expectedPairs(c: Conversation): [string, string][] {
  return [
    ['prompt', c.prompts[0]],
    ['text', c.replies[0]!],
    ['prompt', c.prompts[1]],
    ['text', c.replies[1]!],
    ['tool_call:Bash', c.command],
    ['tool_result', `${c.marker}\n${c.result}`],
    ['text', c.replies[2]!],
    ['prompt', c.prompts[2]],
    ['text', c.replies[3]!],
  ];
}

/** The outbox: hook lines (prompt, tool_start/tool_end) once per action, transcript records once, in order. */
export function expectOutboxHolds(outbox: Outbox, c: Conversation): void {
  const seqs = outbox.lines.map((l) => l.seq as number);
  expect(seqs, 'seq strictly increasing').toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  const ofKind = (k: string) => outbox.lines.filter((l) => l.k === k);
  expect(
    ofKind('prompt').map((l) => l.text),
    'UserPromptSubmit lines',
  ).toEqual(c.prompts);
  for (const k of ['tool_start', 'tool_end']) {
    const lines = ofKind(k);
    expect(
      lines.map((l) => l.name),
      `${k} lines`,
    ).toEqual(['Bash']);
    expect(JSON.stringify(lines[0]?.input)).toContain(c.marker);
  }
  expect(JSON.stringify(ofKind('tool_end')[0]?.response)).toContain(c.result);
  expectUnitsHold(outbox.units, c);
}

/** Transcript records copied into the outbox that belong to this conversation: in order, each exactly once. */
export function expectUnitsHold(units: OutboxUnit[], c: Conversation): void {
  const find = (pred: (u: OutboxUnit) => boolean, what: string): number => {
    const hits = units.map((u, i) => [u, i] as const).filter(([u]) => pred(u));
    expect(hits.length, `${what} should occur exactly once in the outbox`).toBe(1);
    return hits[0]![1];
  };
  const order = [
    find((u) => u.kind === 'prompt' && u.text.trim() === c.prompts[0], 'prompt 1'),
    find((u) => u.kind === 'text' && u.text.trim() === c.replies[0], 'reply 1'),
    find((u) => u.kind === 'prompt' && u.text.trim() === c.prompts[1], 'prompt 2'),
    find((u) => u.kind === 'text' && u.text.trim() === c.replies[1], 'reply 2 (before the tool call)'),
    find((u) => u.kind === 'tool_call' && u.text.includes(c.command), 'the Bash tool call'),
    find((u) => u.kind === 'tool_result' && u.text.includes(c.result), 'the Bash tool result'),
    find((u) => u.kind === 'text' && u.text.trim() === c.replies[2], 'reply after the tool'),
    find((u) => u.kind === 'prompt' && u.text.trim() === c.prompts[2], 'prompt 3'),
    find((u) => u.kind === 'text' && u.text.trim() === c.replies[3], 'reply 3'),
  ];
  expect(order, 'outbox units in conversation order').toEqual([...order].sort((a, b) => a - b));
}

/** How many extra times a title may repeat a prompt per format (heading + a metadata row; HTML adds <title>). */
const TITLE_SLOTS: Record<'md' | 'html' | 'txt', number> = { md: 2, txt: 2, html: 3 };

/**
 * A rendered export (md, html, txt) holds every unit in order, and each exactly once. Strings that belong to one
 * event only are counted exactly; a prompt also occurs inside its `ECHO:` reply, and maybe in the title.
 */
export function expectRenderedHolds(
  text: string,
  format: 'md' | 'html' | 'txt',
  c: Conversation,
  title?: string,
): void {
  expectInOrder(
    text,
    [
      c.prompts[0],
      c.replies[0]!,
      c.prompts[1],
      c.replies[1]!,
      'Bash',
      c.command,
      c.result,
      c.replies[2]!,
      c.prompts[2],
      c.replies[3]!,
    ],
    `${format} export`,
  );
  for (const once of [c.replies[0]!, c.replies[1]!, c.replies[2]!, c.replies[3]!, c.result, c.prompts[1]]) {
    expect(count(text, once), `${JSON.stringify(once)} in the ${format} export`).toBe(1);
  }
  for (const p of [c.prompts[0], c.prompts[2]]) {
    const asPrompt = count(text, p) - count(text, `ECHO: ${p}`);
    const slack = title?.includes(p) ? TITLE_SLOTS[format] : 0;
    expect(asPrompt, `prompt ${JSON.stringify(p)} in the ${format} export`).toBeGreaterThanOrEqual(1);
    expect(
      asPrompt,
      `prompt ${JSON.stringify(p)} in the ${format} export (title: ${title})`,
    ).toBeLessThanOrEqual(1 + slack);
  }
}
