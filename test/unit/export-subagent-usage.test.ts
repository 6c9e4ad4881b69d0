// Issue #10: a subagent's usage is attributed to the call that spawned it, and every format shows it that way.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEgressGate } from '../../src/core/egress/index.js';
import { TEXT_FORMATS } from '../../src/core/export/index.js';
import { exportTranscript } from '../../src/core/pipeline/export-transcript.js';
import { loadSession } from '../../src/core/transcript/index.js';

const FULL = join(
  import.meta.dirname,
  '../fixtures/transcripts/projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl',
);
const PARALLEL = join(
  import.meta.dirname,
  '../fixtures/transcripts/issue-10/parallel/d3000000-0000-4000-8000-000000000003.jsonl',
);

describe('subagent usage by spawning call', () => {
  it('is part of the totals, one entry per subagent, in spawn order, and sums into the session tokens', async () => {
    const s = await loadSession(PARALLEL);
    const usage = s.totals.subagents ?? [];
    expect(usage.map((u) => [u.agentId, u.toolUseId])).toEqual(
      s.sidechains.map((c) => [c.agentId, c.toolUseId]),
    );
    const sum = (k: 'input' | 'output') => usage.reduce((n, u) => n + u.tokens[k], 0);
    expect(sum('output')).toBeGreaterThan(0);
    expect(sum('output')).toBeLessThanOrEqual(s.totals.tokens.output);
  });

  it('shows up in every format next to the spawning call', async () => {
    for (const format of TEXT_FORMATS) {
      let out = '';
      await exportTranscript(FULL, format, (c) => (out += c), createEgressGate({ redact: true }));
      if (format === 'json') {
        expect(JSON.parse(out).totals.subagents[0]).toMatchObject({
          toolUseId: 'toolu_task_1',
          costUsd: 0.06640125,
        });
      } else {
        // Markdown escapes the underscores of the call id.
        const text = format === 'md' ? out.replace(/\\_/g, '_') : out;
        expect(text, format).toContain('call toolu_task_1 (agent a1b14f07db492bea5)');
        expect(text, format).toContain('44,555 tokens · $0.07');
      }
    }
  });
});
