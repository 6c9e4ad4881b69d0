// Pause spans as the egress gate judges them: by time, by place in the file (uuids), per session, from the log.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pauseLogPath, readPauseSpans, recordPause } from '../../src/capture/session/pause-log.js';
import { createEgressGate, createPauseFilter, type PauseSpan } from '../../src/core/egress/index.js';

const at = (s: number) => new Date(Date.parse('2026-11-02T10:00:00Z') + s * 1000).toISOString();
const rec = (uuid: string | undefined, sec: number | undefined, sessionId = 's1') => ({
  type: 'user',
  sessionId,
  ...(uuid ? { uuid } : {}),
  ...(sec !== undefined ? { timestamp: at(sec) } : {}),
});
const run = (spans: Record<string, PauseSpan[]>, records: Array<Record<string, unknown>>) => {
  const admit = createPauseFilter((sid) => spans[sid] ?? [], 's1');
  return records.filter((r) => !admit(r)).map((r) => r.uuid ?? '(no uuid)');
};

describe('pause filter', () => {
  it('refuses records stamped inside a span, and only those', () => {
    // Both ends count: d is stamped in the very millisecond of the resume.
    const spans = { s1: [{ from: at(10), to: at(20) }] };
    expect(run(spans, [rec('a', 5), rec('b', 10), rec('c', 19), rec('d', 20), rec('e', 30)])).toEqual([
      'b',
      'c',
      'd',
    ]);
  });

  it('refuses records between the span uuids even when their clock stamp lies', () => {
    const spans = { s1: [{ from: at(10), to: at(20), afterUuid: 'a', untilUuid: 'c' }] };
    // b and c were written while paused but carry stamps outside the interval (a skewed clock): still refused.
    expect(run(spans, [rec('a', 5), rec('b', 1), rec('c', 25), rec('d', 30)])).toEqual(['b', 'c']);
  });

  it('an open span refuses everything after its start, records without a time stamp too', () => {
    const spans = { s1: [{ from: at(10), afterUuid: 'a' }] };
    expect(run(spans, [rec('a', 5), rec(undefined, undefined), rec('b', 1), rec('c', 40)])).toEqual([
      '(no uuid)',
      'b',
      'c',
    ]);
  });

  it('a reader that outlives the pause sees it end: the resume re-read from the log closes the open span', () => {
    // The pause log as a long-running sender sees it: re-read (new span objects) once the resume is recorded.
    let spans: PauseSpan[] = [{ from: at(10), afterUuid: 'a' }];
    const admit = createPauseFilter(() => spans, 's1');
    const judged = (r: Record<string, unknown>) => (admit(r) ? 'kept' : 'refused');
    expect([rec('a', 5), rec('b', 12)].map(judged)).toEqual(['kept', 'refused']);
    // Resumed after c; the filter reads c before it learns of the resume, then d after.
    expect(judged(rec('c', 14))).toBe('refused');
    spans = [{ from: at(10), to: at(15), afterUuid: 'a', untilUuid: 'c' }];
    expect([rec('d', 16), rec('e', 17)].map(judged)).toEqual(['kept', 'kept']);
    // Same when the resume is known before its end record comes by: that record is still refused, not the next.
    let spans2: PauseSpan[] = [{ from: at(10), afterUuid: 'a' }];
    const admit2 = createPauseFilter(() => spans2, 's1');
    expect(admit2(rec('a', 5))).toBe(true);
    spans2 = [{ from: at(10), to: at(15), afterUuid: 'a', untilUuid: 'c' }];
    expect([rec('b', 1), rec('c', 30), rec('d', 31)].map((r) => admit2(r))).toEqual([false, false, true]);
    // A resume without an end uuid hands the span over to time alone.
    let spans3: PauseSpan[] = [{ from: at(10), afterUuid: 'a' }];
    const admit3 = createPauseFilter(() => spans3, 's1');
    expect([rec('a', 5), rec('b', 12)].map((r) => admit3(r))).toEqual([true, false]);
    spans3 = [{ from: at(10), to: at(15), afterUuid: 'a' }];
    expect([rec('c', 14), rec('d', 16)].map((r) => admit3(r))).toEqual([false, true]);
  });

  it('a closed span without an end uuid is judged by time alone (it must not run to the end of the file)', () => {
    const spans = { s1: [{ from: at(10), to: at(20), afterUuid: 'a' }] };
    expect(run(spans, [rec('a', 5), rec('b', 30), rec('c', 15)])).toEqual(['c']);
  });

  it("judges a record by its own session's pauses (a fork's inherited records keep their parent's)", () => {
    const spans = { parent: [{ from: at(10), to: at(20) }] };
    expect(run(spans, [rec('a', 15, 'parent'), rec('b', 15, 's1')])).toEqual(['a']);
  });

  it("a fork's copy of its parent's paused span is refused: found by the span's uuids, or by requestSessionId", () => {
    // The fork rewrites sessionId but keeps the parent's uuids and times.
    const parentSpan = { from: at(10), to: at(20), afterUuid: 'a', untilUuid: 'c' };
    const lookup = Object.assign((sid: string) => (sid === 'parent' ? [parentSpan] : []), {
      startingAt: (uuid: string) => (uuid === 'a' ? [{ sessionId: 'parent', span: parentSpan }] : []),
    });
    const fork = [rec('a', 5, 'fork'), rec('b', 12, 'fork'), rec('c', 15, 'fork'), rec('new', 100, 'fork')];
    const admit = createPauseFilter(lookup, 'fork');
    expect(fork.filter((r) => !admit(r)).map((r) => r.uuid)).toEqual(['b', 'c']);
    // Without the uuid index, a copied assistant record's requestSessionId names the parent: its times apply.
    const byTime = createPauseFilter((sid) => (sid === 'parent' ? [parentSpan] : []), 'fork');
    const copied = [
      { ...rec('x', 5, 'fork'), requestSessionId: 'parent' },
      rec('y', 12, 'fork'),
      rec('z', 100, 'fork'),
    ];
    expect(copied.filter((r) => !byTime(r)).map((r) => r.uuid)).toEqual(['y']);
  });

  it('the gate drops a paused event, and an event without a time while a span is open', () => {
    const gate = createEgressGate({ redact: true, pauses: () => [{ from: at(10) }] });
    expect(gate.event({ kind: 'text', uuid: 'x', text: 'hi', timestamp: at(11) }, 's1')).toBeNull();
    expect(gate.event({ kind: 'text', uuid: 'y', text: 'hi' }, 's1')).toBeNull();
    expect(gate.event({ kind: 'text', uuid: 'z', text: 'hi', timestamp: at(9) }, 's1')).not.toBeNull();
  });
});

describe('pause log', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records pause and resume with the newest transcript uuid, and reads them back as spans', () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-pause-'));
    const transcript = join(dir, 't.jsonl');
    writeFileSync(
      transcript,
      `${JSON.stringify({ uuid: 'u1', parentUuid: null })}\n${JSON.stringify({ uuid: 'u2', parentUuid: 'u1' })}\n`,
    );
    recordPause(dir, 's1', true, transcript, at(10));
    recordPause(dir, 's1', true, transcript, at(12)); // pausing twice keeps the first start
    appendFileSync(transcript, `${JSON.stringify({ uuid: 'u3', parentUuid: 'u2' })}\n{"uuid":"torn`);
    recordPause(dir, 's1', false, transcript, at(20));
    appendFileSync(pauseLogPath(dir, 's1'), 'not json\n{"op":"pause","at":"never"}\n');
    expect(readPauseSpans(dir, 's1')).toEqual([
      { from: at(10), afterUuid: 'u2', to: at(20), untilUuid: 'u3' },
    ]);
    expect(readPauseSpans(dir, 'other')).toEqual([]);
  });

  it("finds a fork's parent span through the index of every session's pauses", async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-pause-'));
    const transcript = join(dir, 'parent.jsonl');
    writeFileSync(transcript, `${JSON.stringify({ uuid: 'p1' })}\n`);
    recordPause(dir, 'parent', true, transcript, at(10));
    const { pauseLookup } = await import('../../src/capture/session/pause-log.js');
    const lookup = pauseLookup(dir, 0);
    expect(lookup.startingAt?.('p1')).toEqual([
      { sessionId: 'parent', span: { from: at(10), afterUuid: 'p1' } },
    ]);
    expect(lookup.startingAt?.('nope')).toEqual([]);
  });

  it('keeps the log private to the user', () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-pause-'));
    mkdirSync(dir, { recursive: true });
    recordPause(dir, 's1', true, undefined, at(1));
    expect(statSync(pauseLogPath(dir, 's1')).mode & 0o077).toBe(0);
  });
});
