// gate.entry / gate.body: raw transcript lines on their way to the tracker's mirror get the events' treatment (pause,
// private spans, redaction), keep Claude Code's resume chain whole across a pause, and are left untouched otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionEntryItem } from '../../src/core/api/transcript-entries.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { createEgressGate, isGated, type PauseSpan } from '../../src/core/egress/index.js';
import { fake, fakeJwt, fakePem, upper } from '../helpers/fake-secrets.js';
import { leaks, loadSamples, type SecretSample } from '../fixtures/secrets/samples.js';

const SID = 'sess-1';
const at = (s: number) => new Date(Date.parse('2026-11-02T10:00:00Z') + s * 1000).toISOString();
const rec = (uuid: string, parentUuid: string | null, sec: number, extra: Record<string, unknown> = {}) => ({
  parentUuid,
  type: 'user',
  message: { role: 'user', content: `line ${uuid}` },
  uuid,
  timestamp: at(sec),
  sessionId: SID,
  ...extra,
});
const gateWith = (spans: PauseSpan[] = [], redact = true) =>
  createEgressGate({ redact, pauses: (sid) => (sid === SID ? spans : []) });
const lines = (g: ReturnType<typeof gateWith>, records: object[], subKey?: string) =>
  records
    .map((r) => g.entry(JSON.stringify(r), { sessionId: SID, subKey }))
    .filter((x): x is NonNullable<typeof x> => x !== null);

// The places a transcript record carries text a secret can sit in: a prompt, a tool input, a tool result (both the
// API content and Claude Code's own toolUseResult copy), a JSON key.
const envLine = (s: SecretSample): string => (s.shape === 'token' ? `UPSTREAM_VALUE=${s.text}` : s.text);
const plantings = (s: SecretSample): Array<Record<string, unknown>> => [
  rec('p', null, 1, { message: { role: 'user', content: `It fails with 401. I have:\n${s.text}\nWhy?` } }),
  {
    ...rec('t', 'p', 2),
    type: 'assistant',
    message: {
      role: 'assistant',
      content: [
        { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: `export ${envLine(s)}` } },
      ],
    },
  },
  {
    ...rec('r', 't', 3),
    message: {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: `NODE_ENV=prod\n${envLine(s)}\n` }],
    },
    toolUseResult: { stdout: `value=${s.text}`, stderr: '', interrupted: false },
  },
  ...(s.shape === 'token'
    ? [{ ...rec('k', 'r', 4), toolUseResult: { items: { [s.text]: { hits: 3 } } } }]
    : []),
];

describe('gate.entry: secrets', () => {
  const samples = loadSamples();
  // Built at run time by the fake-secrets helpers: a GitHub token, an AWS key pair, a JWT, a PEM key.
  const generated: SecretSample[] = (
    [
      { type: 'github', shape: 'token', source: 'fake', text: fake('ghp_', 36), secrets: [] },
      {
        type: 'aws',
        shape: 'line',
        source: 'fake',
        text: `aws_access_key_id = AKIA${upper(16)}\naws_secret_access_key = ${fake('', 40, 3)}`,
        secrets: [`AKIA${upper(16)}`, fake('', 40, 3)],
      },
      { type: 'jwt', shape: 'token', source: 'fake', text: fakeJwt(), secrets: [] },
      { type: 'pem', shape: 'block', source: 'fake', text: fakePem(), secrets: [] },
    ] satisfies SecretSample[]
  ).map((s) => ({ ...s, secrets: s.secrets.length > 0 ? s.secrets : [s.text] }));

  it('covers the whole corpus', () => expect(samples.length).toBeGreaterThan(100));

  it.each([...samples, ...generated].map((s) => [`${s.type}: ${s.text.slice(0, 40)}`, s] as const))(
    'no secret leaves through a line: %s',
    (_, sample) => {
      const g = gateWith();
      for (const record of plantings(sample)) {
        const out = g.entry(JSON.stringify(record), { sessionId: SID });
        expect(out).not.toBeNull();
        const sent = JSON.stringify(out);
        expect(leaks(out as unknown as SessionEvent, sample.secrets), sent).toBe(false);
      }
      // Counted like every other redaction of this gate ("no secrets found" must never be said about this line).
      expect(g.report().total).toBeGreaterThan(0);
    },
  );
});

describe('gate.entry: private spans, shapes, identity', () => {
  it('a private span never leaves, whether the line comes as text or as a record', () => {
    const g = gateWith();
    const r = rec('a', null, 1, {
      message: { role: 'user', content: 'deploy with <private>hunter2-ORANGE</private> please' },
      toolUseResult: { stdout: 'x <PRIVATE>second-ORANGE' },
    });
    for (const out of [g.entry(JSON.stringify(r), { sessionId: SID }), g.entry(r, { sessionId: SID })]) {
      expect(JSON.stringify(out)).not.toContain('ORANGE');
      expect(JSON.stringify(out)).toContain('[private]');
    }
  });

  it('only JSON objects are entries', () => {
    const g = gateWith();
    for (const bad of ['not json', '[1,2]', 'null', '42', '"s"', '{"a":1']) {
      expect(g.entry(bad, { sessionId: SID })).toBeNull();
    }
    expect(g.entry([] as unknown as Record<string, unknown>, { sessionId: SID })).toBeNull();
  });

  it('leaves every line of the recorded transcripts exactly as it was, and seals it', () => {
    const dir = join(import.meta.dirname, '../fixtures/transcripts');
    const files = [
      ...readdirSync(join(dir, 'recorded'))
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(dir, 'recorded', f)),
      join(dir, 'projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl'),
      join(
        dir,
        'projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11/subagents/agent-a1b14f07db492bea5.jsonl',
      ),
    ];
    let n = 0;
    for (const file of files) {
      const g = gateWith();
      for (const text of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const record = JSON.parse(text) as Record<string, unknown>;
        const out = g.entry(text, { sessionId: SID });
        expect(out?.line).toEqual(record);
        expect(out?.uuid).toBe(record.uuid);
        expect(isGated(out)).toBe(true);
        // A record handed in as an object comes back as itself when nothing changed (no copy per line).
        expect(g.entry(record, { sessionId: SID, subKey: 'x' })?.line).toBe(record);
        n++;
      }
      expect(g.report().total).toBe(0);
    }
    expect(n).toBeGreaterThan(100);
  });

  it('names the sub-file and the uuid of the line', () => {
    const g = gateWith();
    expect(g.entry(rec('u1', null, 1), { sessionId: SID, subKey: 'subagents/agent-a1' })).toMatchObject({
      subKey: 'subagents/agent-a1',
      uuid: 'u1',
    });
    const main = g.entry({ type: 'summary', summary: 'x' }, { sessionId: SID, subKey: '' });
    expect(main).toEqual({ line: { type: 'summary', summary: 'x' } });
  });
});

describe('gate.entry: pauses', () => {
  const spans = [{ from: at(10), to: at(20) }];

  it('a paused line never leaves, and the resume chain is relinked past it (transitively)', () => {
    const g = gateWith(spans);
    const out = lines(g, [
      rec('a', null, 5),
      rec('b', 'a', 11, { message: { role: 'user', content: 'PAUSED-WORDS-1' } }),
      rec('c', 'b', 12, { message: { role: 'user', content: 'PAUSED-WORDS-2' } }),
      rec('d', 'c', 25),
      rec('e', 'd', 26, { logicalParentUuid: 'c' }),
    ]);
    expect(JSON.stringify(out)).not.toContain('PAUSED-WORDS');
    expect(out.map((o) => [o.uuid, o.line.parentUuid, o.line.logicalParentUuid])).toEqual([
      ['a', null, undefined],
      ['d', 'a', undefined],
      ['e', 'd', 'a'],
    ]);
  });

  it('a chain whose root was paused starts again at null', () => {
    const g = gateWith(spans);
    const out = lines(g, [rec('a', null, 11), rec('b', 'a', 12), rec('c', 'b', 30)]);
    expect(out.map((o) => [o.uuid, o.line.parentUuid])).toEqual([['c', null]]);
  });

  it('a replayed line (`seen`) returns null unredacted but still teaches the file what the pause dropped', () => {
    const g = gateWith(spans);
    const secret = fake('ghp_', 36, 3);
    const replay = [
      rec('a', null, 5, { message: { role: 'user', content: `old ${secret}` } }),
      rec('b', 'a', 11),
      rec('c', 'b', 12),
    ];
    for (const r of replay) expect(g.entry(r, { sessionId: SID, seen: true })).toBeNull();
    expect(g.report().total).toBe(0);
    expect(lines(g, [rec('d', 'c', 30)]).map((o) => o.line.parentUuid)).toEqual(['a']);
  });

  it('lines a resume wrote from the tracker (the first bytes of the file) do not go back; later ones do', () => {
    const g = createEgressGate({
      redact: true,
      fromTracker: (sid, subKey) => (sid === SID && subKey === '' ? 500 : 0),
    });
    const mode = { type: 'mode', mode: 'normal' };
    // By the offset the reader names, or by the `@<offset>` key a uuid-less line carries.
    expect(g.entry(rec('a', null, 1), { sessionId: SID, offset: 0 })).toBeNull();
    expect(g.entry(mode, { sessionId: SID, lineKey: '@499' })).toBeNull();
    expect(g.entry(mode, { sessionId: SID, lineKey: '@500' })?.uuid).toBe('@500');
    expect(g.entry(rec('b', 'a', 2), { sessionId: SID, offset: 600 })?.uuid).toBe('b');
    // Another file of the session, or another session, was not restored.
    expect(g.entry(mode, { sessionId: SID, subKey: 'subagents/agent-x', lineKey: '@10' })).not.toBeNull();
    expect(g.entry(mode, { sessionId: 'other', lineKey: '@10' })).not.toBeNull();
  });

  it('a line without a uuid carries the key its reader gives it (`lineKey`); a uuid wins', () => {
    const g = gateWith();
    expect(g.entry({ type: 'mode', mode: 'normal' }, { sessionId: SID, lineKey: '@120' })?.uuid).toBe('@120');
    expect(g.entry(rec('u9', null, 1), { sessionId: SID, lineKey: '@999' })?.uuid).toBe('u9');
  });

  it('follows file order per (session, sub-file): a place-based span in one file does not spill into another', () => {
    // Open span after uuid 'a': everything after a in that file is paused, stamps or not.
    const g = gateWith([{ from: at(10), afterUuid: 'a' }]);
    const main = [rec('a', null, 5), rec('b', 'a', 1), rec('c', 'b', 2)];
    expect(lines(g, main.slice(0, 1)).map((o) => o.uuid)).toEqual(['a']);
    // The subagent file did not see 'a': its early-stamped lines leave; then main goes on paused.
    expect(
      lines(g, [rec('s1', null, 1), rec('s2', 's1', 2)], 'subagents/agent-x').map((o) => o.uuid),
    ).toEqual(['s1', 's2']);
    expect(lines(g, main.slice(1))).toEqual([]);
  });
});

describe('gate.body: entries and transcripts', () => {
  const spans = [{ from: at(10), to: at(20) }];
  const secret = fake('ghp_', 36, 7);

  it('gates `entries` item by item (paused dropped, relinked, redacted), with the body’s subKey', () => {
    const g = gateWith(spans);
    const body = g.body({
      meta: { id: SID },
      events: [],
      subKey: 'subagents/agent-q',
      entries: [
        { line: rec('a', null, 1, { message: { role: 'user', content: `token ${secret}` } }) },
        { line: rec('b', 'a', 12) },
        { line: rec('c', 'b', 30), subKey: 'subagents/agent-other' },
        { line: { type: 'custom-title', title: 'T' }, uuid: 'given-uuid' },
      ],
    });
    expect(isGated(body)).toBe(true);
    const items = (body as unknown as { entries: SessionEntryItem[] }).entries;
    expect(JSON.stringify(items)).not.toContain(secret);
    expect(items.map((i) => [i.subKey, i.uuid, i.line.parentUuid])).toEqual([
      ['subagents/agent-q', 'a', null],
      // 'c' is in another file: b was dropped from agent-q, so c keeps its link as written.
      ['subagents/agent-other', 'c', 'b'],
      ['subagents/agent-q', 'given-uuid', undefined],
    ]);
  });

  it('gates `transcripts` per session, and passes items already gated as they are', () => {
    const g = gateWith(spans);
    const pre = g.entry(rec('x', null, 1), { sessionId: SID })!;
    const body = g.body({
      transcripts: [
        {
          sessionId: SID,
          entries: [
            pre,
            { line: rec('a', null, 2) },
            { line: rec('b', 'a', 15) },
            { line: rec('c', 'b', 40) },
          ],
        },
        { sessionId: 'other', entries: [{ line: rec('o', null, 15, { sessionId: 'other' }) }] },
      ],
    });
    const t = (body as unknown as { transcripts: Array<{ sessionId: string; entries: SessionEntryItem[] }> })
      .transcripts;
    expect(t[0]!.entries[0]).toBe(pre);
    expect(t[0]!.entries.map((i) => [i.uuid, i.line.parentUuid])).toEqual([
      ['x', null],
      ['a', null],
      ['c', 'a'],
    ]);
    // The other session has no pause: its line at the same time leaves.
    expect(t[1]).toMatchObject({ sessionId: 'other', entries: [{ uuid: 'o' }] });
  });
});
