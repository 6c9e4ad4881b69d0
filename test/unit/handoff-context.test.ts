// The SessionStart offer: reads only the local index, matches the directory, honours off / always / max age.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffContextFor, parseHandoffContextMode } from '../../src/capture/session/next-steps-offer.js';
import type { HandoffIndexEntry } from '../../src/core/handoff/local-index.js';

let dataDir: string;
const NOW = Date.parse('2026-05-01T12:00:00Z');

function entry(over: Partial<HandoffIndexEntry>): HandoffIndexEntry {
  return {
    contextId: 'x-2026-05-01-100000',
    topic: 'x',
    createdAt: '2026-05-01T10:00:00.000Z',
    sessionId: 'sess-1',
    project: 'api',
    paths: ['/work/api'],
    remotes: [],
    branch: 'main',
    file: 'api-1/x.md',
    repoFile: null,
    nextSteps: '1. Do the thing',
    resumeCommand: 'cd /work/api && claude --resume sess-1',
    origin: 'local',
    trackerId: null,
    ...over,
  };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-hctx-'));
  mkdirSync(join(dataDir, 'handoffs'), { recursive: true });
  const entries = [
    entry({
      contextId: 'old-2026-04-01-100000',
      createdAt: '2026-04-01T10:00:00.000Z',
      nextSteps: 'old steps',
    }),
    entry({
      contextId: 'api-2026-05-01-100000',
      topic: 'api work',
      nextSteps: '1. Wire the router\n2. Ship',
    }),
    entry({
      contextId: 'web-2026-05-01-110000',
      createdAt: '2026-05-01T11:00:00.000Z',
      project: 'web',
      paths: ['/work/web'],
    }),
    { broken: true },
  ];
  writeFileSync(join(dataDir, 'handoffs', 'index.json'), JSON.stringify({ version: 1, entries }));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('handoffContextFor', () => {
  it('offers the newest handoff of the directory (or a subdirectory) with its next steps and how to load it', () => {
    const text = handoffContextFor(dataDir, '/work/api/src', NOW, { maxAgeHours: 24 })!;
    expect(text).toContain('"api work" (api-2026-05-01-100000), written 2 hours ago on branch main');
    expect(text).toContain('1. Wire the router\n2. Ship');
    expect(text).toContain('/baton:start api-2026-05-01-100000');
    expect(text).toContain('claude --resume sess-1');
    expect(text.length).toBeLessThanOrEqual(2_000);
  });

  it('offers nothing for another directory, an old handoff, mode off, or a missing/garbled index', () => {
    expect(handoffContextFor(dataDir, '/work/apiary', NOW, 'always')).toBeNull();
    expect(handoffContextFor(dataDir, '/work/api', NOW + 30 * 3_600_000, { maxAgeHours: 24 })).toBeNull();
    expect(handoffContextFor(dataDir, '/work/api', NOW + 30 * 3_600_000, 'always')).toContain(
      'api-2026-05-01-100000',
    );
    expect(handoffContextFor(dataDir, '/work/api', NOW, 'off')).toBeNull();
    expect(handoffContextFor(join(dataDir, 'nope'), '/work/api', NOW, 'always')).toBeNull();
    const garbled = mkdtempSync(join(tmpdir(), 'baton-hctx-bad-'));
    mkdirSync(join(garbled, 'handoffs'));
    writeFileSync(join(garbled, 'handoffs', 'index.json'), '{"entries": [tru');
    expect(handoffContextFor(garbled, '/work/api', NOW, 'always')).toBeNull();
    rmSync(garbled, { recursive: true });
  });

  it('caps a huge next-steps section', () => {
    const d = mkdtempSync(join(tmpdir(), 'baton-hctx-big-'));
    mkdirSync(join(d, 'handoffs'));
    writeFileSync(
      join(d, 'handoffs', 'index.json'),
      JSON.stringify({ entries: [entry({ nextSteps: 'x'.repeat(50_000) })] }),
    );
    expect(handoffContextFor(d, '/work/api', NOW, 'always')!.length).toBeLessThanOrEqual(2_000);
    rmSync(d, { recursive: true });
  });
});

describe('parseHandoffContextMode', () => {
  it('reads off, always and hours, defaulting to 24 hours', () => {
    expect(parseHandoffContextMode(undefined)).toEqual({ maxAgeHours: 24 });
    expect(parseHandoffContextMode('off')).toBe('off');
    expect(parseHandoffContextMode('0')).toBe('off');
    expect(parseHandoffContextMode('always')).toBe('always');
    expect(parseHandoffContextMode('12h')).toEqual({ maxAgeHours: 12 });
    expect(parseHandoffContextMode('8')).toEqual({ maxAgeHours: 8 });
    expect(parseHandoffContextMode('soon')).toEqual({ maxAgeHours: 24 });
  });
});
