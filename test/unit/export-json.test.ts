// JSON export: the output parses with the zod Session schema and round-trips the in-memory model exactly.
import { describe, expect, it } from 'vitest';
import { isBatonError } from '../../src/core/errors.js';
import { createExporter, renderSession } from '../../src/core/export/index.js';
import { Session, type ReadStats } from '../../src/core/model/session.js';
import { markerSession, sampleSession, xssSession } from '../fixtures/export-sessions.js';

const stats: ReadStats = {
  records: 19,
  unknownTypes: { 'queue-operation': 1 },
  malformedLines: 0,
  invalidUtf8Lines: 0,
  hugeLines: 0,
  truncatedTail: false,
  metaRecords: 1,
  duplicateRecords: 0,
  compactions: 1,
};

describe('JSON export', () => {
  it('round-trips a session exactly (turn times, sidechain toolUseId, stats, redaction)', () => {
    const s: Session = { ...sampleSession(), stats, redaction: { total: 2, byRule: { 'github-token': 2 } } };
    const parsed = Session.parse(JSON.parse(renderSession(s, 'json')));
    expect(parsed).toEqual(s);
  });

  it('round-trips hostile and unusual text unchanged', () => {
    const s = xssSession();
    s.turns[0]!.events.push({
      kind: 'text',
      uuid: 'u',
      text: 'line\u2028sep \u0000 nul \ud800 lone 😀 "q" \\ back',
    });
    expect(Session.parse(JSON.parse(renderSession(s, 'json')))).toEqual(Session.parse(s));
  });

  it('keeps empty turns and writes an empty session as valid JSON', () => {
    const s = sampleSession();
    s.turns.splice(1, 0, { index: 1, events: [] });
    expect(Session.parse(JSON.parse(renderSession(s, 'json'))).turns.map((t) => t.events.length)).toEqual([
      4, 0, 4, 7,
    ]);
    const empty: Session = { ...sampleSession(), turns: [], sidechains: [] };
    expect(Session.parse(JSON.parse(renderSession(empty, 'json')))).toEqual(empty);
  });

  it('streams the shape the brief fixes: schemaVersion and turns first, meta and totals trailing', () => {
    const { session } = markerSession(2, 1);
    const out = renderSession(session, 'json');
    expect(out.startsWith('{"schemaVersion":1,"turns":[')).toBe(true);
    expect(out.indexOf('"sidechains":[')).toBeGreaterThan(out.indexOf('"turns":['));
    expect(out.indexOf('"meta":')).toBeGreaterThan(out.indexOf('"sidechains":['));
    expect(out.indexOf('"totals":')).toBeGreaterThan(out.indexOf('"meta":'));
  });

  it('builds turns and sidechains from a bare event stream, deriving turn times from event timestamps', () => {
    const chunks: string[] = [];
    const ex = createExporter('json', (c) => chunks.push(c));
    const s = sampleSession();
    for (const t of s.turns)
      for (const e of t.events)
        ex.event(
          { ...e, timestamp: `2026-01-01T00:00:0${t.index}.${e.uuid.length}Z` },
          { turnIndex: t.index },
        );
    for (const sc of s.sidechains)
      for (const e of sc.events) ex.event(e, { turnIndex: 2, agentId: sc.agentId });
    ex.finish(s.meta, s.totals, { stats, redaction: { total: 0, byRule: {} } });
    const parsed = Session.parse(JSON.parse(chunks.join('')));
    expect(parsed.turns.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(parsed.turns[0]!.startedAt).toBe(`2026-01-01T00:00:00.${s.turns[0]!.events[0]!.uuid.length}Z`);
    expect(parsed.turns[0]!.endedAt).toBe(`2026-01-01T00:00:00.${s.turns[0]!.events.at(-1)!.uuid.length}Z`);
    expect(parsed.sidechains).toEqual([{ agentId: 'a1b14f07db492bea5', events: s.sidechains[0]!.events }]);
    expect(parsed.stats).toEqual(stats);
    expect(parsed.redaction).toEqual({ total: 0, byRule: {} });
  });

  it('writes a missing tool input as null so the document stays valid', () => {
    const chunks: string[] = [];
    const ex = createExporter('json', (c) => chunks.push(c));
    ex.event({ kind: 'tool_call', uuid: 'c', toolUseId: 't', name: 'X', input: undefined }, { turnIndex: 0 });
    const s = sampleSession();
    ex.finish(s.meta, s.totals);
    const parsed = Session.parse(JSON.parse(chunks.join('')));
    expect(parsed.turns[0]!.events[0]).toMatchObject({ kind: 'tool_call', input: null });
  });

  it('refuses a main-chain event after the sidechains began (the document could not hold it)', () => {
    const ex = createExporter('json', () => {});
    ex.event({ kind: 'text', uuid: 'a', text: 'sub' }, { turnIndex: 0, agentId: 'ag' });
    let err: unknown;
    try {
      ex.event({ kind: 'text', uuid: 'b', text: 'main' }, { turnIndex: 1 });
    } catch (e) {
      err = e;
    }
    expect(isBatonError(err) && err.code).toBe('invalid_input');
  });
});
