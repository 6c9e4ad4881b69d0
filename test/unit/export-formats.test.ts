// Contract tests shared by every export format: each event exactly once and in order, streaming, the public API.
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import {
  EXPORT_FORMATS,
  TEXT_FORMATS,
  createExporter,
  formatExtension,
  renderSession,
} from '../../src/core/export/index.js';
import type { SessionEvent } from '../../src/core/model/session.js';
import { markerSession, sampleSession, totals } from '../fixtures/export-sessions.js';

const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

describe('export API', () => {
  it('lists the four text formats and the two documents with their file extensions', () => {
    expect([...TEXT_FORMATS]).toEqual(['md', 'json', 'html', 'txt']);
    expect(EXPORT_FORMATS.map(formatExtension)).toEqual(['md', 'json', 'html', 'txt', 'pdf', 'docx']);
  });

  it('rejects an unknown format and a bad maxToolResultChars with invalid_input', () => {
    expect(() => createExporter('rtf' as never, () => {})).toThrow(BatonError);
    expect(() => createExporter('md', () => {}, { maxToolResultChars: -1 })).toThrowError(/non-negative/);
  });

  it('refuses events after finish()', () => {
    const ex = createExporter('txt', () => {});
    const s = sampleSession();
    ex.finish(s.meta, s.totals);
    expect(() => ex.event(s.turns[0]!.events[0]!, { turnIndex: 0 })).toThrowError(/after finish/);
    expect(() => ex.finish(s.meta, s.totals)).toThrowError(/after finish/);
  });

  it('writes nothing before the first call', () => {
    const chunks: string[] = [];
    createExporter('html', (c) => chunks.push(c));
    expect(chunks).toEqual([]);
  });
});

describe.each(TEXT_FORMATS)('%s export', (format) => {
  it('contains every prompt, response, thought, tool call, tool result and note exactly once, in order', () => {
    const { session, markers } = markerSession(6, 2);
    expect(markers.length).toBe(8 * 9);
    const out = renderSession(session, format);
    let last = -1;
    for (const m of markers) {
      expect(count(out, m), `${m} in ${format}`).toBe(1);
      const at = out.indexOf(m);
      expect(at, `${m} comes after the previous marker`).toBeGreaterThan(last);
      last = at;
    }
  });

  it('streams: every event is written out before the next one is fed (nothing is buffered)', () => {
    const { session, markers } = markerSession(2, 1);
    const chunks: string[] = [];
    const ex = createExporter(format, (c) => chunks.push(c));
    const feed: Array<[SessionEvent, { turnIndex: number; agentId?: string }]> = [];
    for (const t of session.turns) for (const e of t.events) feed.push([e, { turnIndex: t.index }]);
    for (const sc of session.sidechains)
      for (const e of sc.events) feed.push([e, { turnIndex: 0, agentId: sc.agentId }]);
    let seen = 0;
    for (const [e, ctx] of feed) {
      ex.event(e, ctx);
      const soFar = chunks.join('');
      // All markers of the events fed so far are out; none of the later ones.
      while (seen < markers.length && soFar.includes(markers[seen]!)) seen++;
      expect(seen).toBeGreaterThan(0);
      if (seen < markers.length) expect(soFar.includes(markers[seen]!)).toBe(false);
    }
    expect(seen).toBe(markers.length);
    ex.finish(session.meta, session.totals, { redaction: { total: 3, byRule: { 'aws-key': 3 } } });
    const out = chunks.join('');
    for (const m of markers) expect(count(out, m)).toBe(1);
    expect(out).toContain('aws-key');
  });

  it('shows the session metrics (tokens, cost, duration, tools) even when they only arrive at finish()', () => {
    const s = sampleSession();
    const chunks: string[] = [];
    const ex = createExporter(format, (c) => chunks.push(c));
    for (const t of s.turns) for (const e of t.events) ex.event(e, { turnIndex: t.index });
    ex.finish(
      s.meta,
      totals({
        tokens: { input: 123456, output: 7890, cacheRead: 5555, cacheWrite: 4444 },
        costUsd: 12.5,
        durationMs: 3_723_000,
      }),
    );
    const out = chunks.join('');
    const num = format === 'json' ? (n: number) => String(n) : (n: number) => n.toLocaleString('en-US');
    for (const n of [123456, 7890, 5555, 4444]) expect(out).toContain(num(n));
    expect(out).toContain(format === 'json' ? '12.5' : '$12.50');
    expect(out).toContain(format === 'json' ? '3723000' : '1h 2m 3s');
    expect(out).toContain('claude-sonnet-4-6');
  });

  it('cuts long tool results only when maxToolResultChars is set', () => {
    const s = sampleSession();
    const big = `HEAD${'x'.repeat(50_000)}BIGEND9Q`;
    s.turns[2]!.events[2] = {
      kind: 'tool_result',
      uuid: 'big',
      toolUseId: 'toolu_b',
      content: big,
      isError: false,
    };
    expect(renderSession(s, format)).toContain('BIGEND9Q');
    const cut = renderSession(s, format, { maxToolResultChars: 1000 });
    expect(cut).toContain('HEAD');
    expect(cut).not.toContain('BIGEND9Q');
    expect(cut).toContain('more characters not exported');
  });
});
