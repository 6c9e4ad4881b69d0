// Issue #12 checks: a file compared with the tracker's gated copy of it, a disk searched for a secret, and what the
// model is sent when a session resumes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { lastUserText, type FakeAnthropic, type RecordedRequest } from './fake-anthropic.js';

type Rec = Record<string, unknown>;

/** What machine A's session did (resume-machines' SessionOnA fits it; named here so the two files do not cycle). */
export interface TurnsOnA {
  n: string;
  command: string;
  agentPrompt: string;
  prompts: { agent: string };
}

/** A record with its `cwd` moved from one checkout to another (what `baton resume` may change, and all it may). */
export function withCwd(rec: Rec, from: string, to: string): Rec {
  const cwd = rec.cwd;
  if (typeof cwd !== 'string' || (cwd !== from && !cwd.startsWith(`${from}/`))) return rec;
  return { ...rec, cwd: to + cwd.slice(from.length) };
}

/** A JSON line where every `[REDACTED:<rule>]` tag and every copy of `secret` read the same. */
export const REDACTION_TAG = /\[REDACTED:[a-z0-9-]+\]/;
export function unredacted(line: string, secret: string): string {
  return line.split(secret).join('<secret>').replace(new RegExp(REDACTION_TAG.source, 'g'), '<secret>');
}

/**
 * The tracker's copy of a file is A's file after the gate: line for line, in order; the lines that held the secret
 * hold a redaction tag in its place instead, every other line is byte-for-byte the same record.
 */
export function expectGatedCopy(copy: Rec[], original: string[], secret: string, label: string): void {
  expect(copy.length, `${label}: line count`).toBe(original.length);
  original.forEach((line, i) => {
    const stored = JSON.stringify(copy[i]);
    expect(stored.includes(secret), `${label} line ${i} leaks the secret`).toBe(false);
    if (line.includes(secret)) {
      expect(stored, `${label} line ${i} redacted`).toMatch(REDACTION_TAG);
      expect(JSON.parse(unredacted(stored, secret)), `${label} line ${i}`).toEqual(
        JSON.parse(unredacted(line, secret)),
      );
    } else {
      expect(copy[i], `${label} line ${i}`).toEqual(JSON.parse(line));
    }
  });
}

/**
 * The tracker's copy equals the file, line for line. On a mismatch the message names the first differing line and the
 * types of the lines too many or missing, not a diff of the whole (~200 KB) file.
 */
export function expectSameLines(copy: Rec[], lines: string[], label: string): void {
  const want = lines.map((l) => JSON.parse(l) as Rec);
  const same = (x: Rec | undefined, y: Rec | undefined) => JSON.stringify(x) === JSON.stringify(y);
  const first = want.findIndex((w, i) => !same(copy[i], w));
  const at = first === -1 && copy.length !== want.length ? want.length : first;
  if (at === -1) return;
  const kinds = (rs: Rec[]) =>
    rs.map((r) => `${String(r.type)}${typeof r.uuid === 'string' ? '' : ' (no uuid)'}`);
  const extra = copy.length > want.length ? ` extra: ${kinds(copy.slice(want.length)).join(', ')}` : '';
  expect.fail(
    `${label}: ${copy.length} lines for the file's ${want.length}; first difference at line ${at}: ` +
      `${JSON.stringify(copy[at])?.slice(0, 300)} vs ${JSON.stringify(want[at])?.slice(0, 300)}.${extra}`,
  );
}

/** Every file under `root` whose bytes hold `needle` (a machine's whole disk, as far as the test made one). */
export function filesHolding(root: string, needle: string): string[] {
  const hits: string[] = [];
  const bytes = Buffer.from(needle);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && readFileSync(p).includes(bytes)) hits.push(p);
    }
  };
  walk(root);
  return hits;
}

/** The first main-model request whose last user message holds `text`. */
export function requestFor(fake: FakeAnthropic, text: string): RecordedRequest {
  const r = fake.requests.find(
    (q) => q.path === '/v1/messages' && q.stream && (q.lastUserText ?? '').includes(text),
  );
  if (!r) throw new Error(`the fake model never got a request for ${JSON.stringify(text)}`);
  return r;
}

/** The messages of a request as one line per block: `user:text:…`, `assistant:tool_use:Bash:{…}`, `user:tool_result:…`. */
export function conversationOf(req: RecordedRequest): string[] {
  const messages = ((req.body as { messages?: { role: string; content: unknown }[] }).messages ?? []).slice();
  return messages.flatMap((m) => {
    const blocks = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : (m.content as Rec[]);
    return blocks.map((b) => {
      if (b.type === 'text') return `${m.role}:text:${String(b.text)}`;
      if (b.type === 'tool_use') return `${m.role}:tool_use:${String(b.name)}:${JSON.stringify(b.input)}`;
      if (b.type === 'tool_result') {
        const c = b.content;
        const text =
          typeof c === 'string' ? c : ((c ?? []) as Rec[]).map((x) => String(x.text ?? '')).join('\n');
        return `${m.role}:tool_result:${String(b.tool_use_id)}:${text}`;
      }
      return `${m.role}:${String(b.type)}`;
    });
  });
}

/**
 * The request a resumed session sends holds A's earlier turns, in order: the first prompt (its secret redacted when
 * the transcript came through the tracker), the Bash call and its result, the reply to it, the Agent call; then
 * the new prompt last.
 */
export function expectEarlierTurns(req: RecordedRequest, a: TurnsOnA, newPrompt: string): string[] {
  const conv = conversationOf(req);
  const find = (what: string, from: number, pred: (l: string) => boolean) => {
    const i = conv.findIndex((l, j) => j >= from && pred(l));
    expect(
      i,
      `${what} (after block ${from}) in the request:\n${conv.join('\n').slice(0, 4000)}`,
    ).toBeGreaterThanOrEqual(0);
    return i;
  };
  const bashLine = `RUN_BASH: ${a.command}`;
  let at = find('the first prompt', 0, (l) => l.startsWith('user:text:') && l.includes(bashLine));
  at = find(
    'the Bash call',
    at,
    (l) =>
      l ===
      `assistant:tool_use:Bash:${JSON.stringify({ command: a.command, description: 'Run the requested command' })}`,
  );
  const toolId = /^user:tool_result:(\S+?):/;
  at = find('the Bash result', at, (l) => toolId.test(l) && l.endsWith(`:alpha-${a.n}`));
  at = find("the model's reply to it", at, (l) => l === `assistant:text:BASH_DONE: alpha-${a.n}`);
  at = find('the second prompt', at, (l) => l === `user:text:${a.prompts.agent}`);
  find('the Agent call', at, (l) => /^assistant:tool_use:(Agent|Task):/.test(l) && l.includes(a.agentPrompt));
  expect(lastUserText(req.body)).toBe(newPrompt);
  return conv;
}
