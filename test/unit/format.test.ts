// src/core/format: each display style pinned to the exact text its surface showed before issue #11 merged them.
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeHtmlAndBackticks,
  codeSpan,
  escapeText,
  fenceFor,
  formatCount,
  formatDate,
  formatDuration,
  formatInt,
  longestRun,
  totalTokens,
} from '../../src/core/format/index.js';

describe('formatDuration', () => {
  it('precise (exports): milliseconds under a second, then every unit down to seconds', () => {
    expect(formatDuration(972, 'precise')).toBe('972 ms');
    expect(formatDuration(0, 'precise')).toBe('0 ms');
    expect(formatDuration(1000, 'precise')).toBe('1s');
    expect(formatDuration(65_000, 'precise')).toBe('1m 5s');
    expect(formatDuration(3_661_000, 'precise')).toBe('1h 1m 1s');
    expect(formatDuration(3_600_000, 'precise')).toBe('1h 0m 0s');
  });

  it('compact (tracker): two largest units, missing or negative is 0s', () => {
    expect(formatDuration(null, 'compact')).toBe('0s');
    expect(formatDuration(undefined, 'compact')).toBe('0s');
    expect(formatDuration(-5, 'compact')).toBe('0s');
    expect(formatDuration(45_000, 'compact')).toBe('45s');
    expect(formatDuration(200_000, 'compact')).toBe('3m 20s');
    expect(formatDuration(7_530_000, 'compact')).toBe('2h 5m');
  });

  it('minutes (handoff): rounded to the minute, at least 1s for a short session', () => {
    expect(formatDuration(0, 'minutes')).toBe('0m');
    expect(formatDuration(NaN, 'minutes')).toBe('0m');
    expect(formatDuration(200, 'minutes')).toBe('1s');
    expect(formatDuration(29_000, 'minutes')).toBe('29s');
    expect(formatDuration(30_000, 'minutes')).toBe('1m');
    expect(formatDuration(420_000, 'minutes')).toBe('7m');
    expect(formatDuration(3_900_000, 'minutes')).toBe('1h 05m');
  });

  it('terse (MCP): rounded minutes, hours as 1h05, nothing is -', () => {
    expect(formatDuration(0, 'terse')).toBe('-');
    expect(formatDuration(45_000, 'terse')).toBe('45s');
    expect(formatDuration(150_000, 'terse')).toBe('3m');
    expect(formatDuration(3_900_000, 'terse')).toBe('1h05');
  });

  it('hours (baton sessions): decimal hours past the hour', () => {
    expect(formatDuration(45_000, 'hours')).toBe('45s');
    expect(formatDuration(150_000, 'hours')).toBe('3m');
    expect(formatDuration(5_400_000, 'hours')).toBe('1.5h');
  });
});

// formatCost: one rule on every surface, pinned in papercuts-cost.test.ts.

describe('formatCount', () => {
  it('grouped matches en-US grouping without touching ICU', () => {
    for (const n of [0, 7, 999, 1000, 1_234_567, -1_234])
      expect(formatCount(n, 'grouped')).toBe(n.toLocaleString('en-US'));
    expect(formatInt(1_234_567.4)).toBe('1,234,567');
  });

  it('abbreviated (tracker): k from ten thousand, M from a million, nothing is 0', () => {
    expect(formatCount(null, 'abbreviated')).toBe('0');
    expect(formatCount(9_999, 'abbreviated')).toBe('9,999');
    expect(formatCount(12_345, 'abbreviated')).toBe('12k');
    expect(formatCount(1_250_000, 'abbreviated')).toBe('1.3M');
  });

  it('totalTokens adds the four buckets', () => {
    expect(totalTokens({ input: 1, output: 2, cacheRead: 3, cacheWrite: 4 })).toBe(10);
  });
});

describe('escapeHtml', () => {
  it('escapes the five significant characters and leaves clean text as is', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('plain `code`')).toBe('plain `code`');
  });

  it('escapes backticks only when asked (tracker templates)', () => {
    expect(escapeHtmlAndBackticks('`x`')).toBe('&#96;x&#96;');
    expect(escapeHtmlAndBackticks('a & `b`')).toBe('a &amp; &#96;b&#96;');
  });

  it('escapeText escapes only what matters between tags', () => {
    expect(escapeText(`<b> & "q"`)).toBe(`&lt;b> &amp; "q"`);
  });
});

describe('formatDate', () => {
  it('is UTC to the minute, — when missing or invalid', () => {
    expect(formatDate('2026-11-23T15:40:59Z')).toBe('2026-11-23 15:40 UTC');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('Markdown text builders', () => {
  it('fenceFor is longer than any backtick run inside, at least three', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('has ``` inside')).toBe('````');
    expect(longestRun('a``b`````c', '`')).toBe(5);
  });

  it('codeSpan cannot be closed from inside (a double backtick used to close the handoff span early)', () => {
    expect(codeSpan('main')).toBe('`main`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('two\nlines')).toBe('`two lines`');
  });
});
