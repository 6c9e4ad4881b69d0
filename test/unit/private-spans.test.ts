import { describe, expect, it } from 'vitest';
import {
  hasPrivateSpan,
  stripPrivateLine,
  stripPrivateText,
  stripPrivateValue,
} from '../../src/core/redact/private-spans.js';
import { isProjectIgnored } from '../../src/capture/delivery/sender/ignore.js';
import { keyFingerprint } from '../../src/capture/delivery/sender/paths.js';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('<private> spans', () => {
  it('replaces closed spans, across lines and case, and an unclosed span to the end', () => {
    expect(stripPrivateText('a <private>x\ny</private> b <PRIVATE>z</Private> c')).toBe(
      'a [private] b [private] c',
    );
    expect(stripPrivateText('token: <private>sk-123')).toBe('token: [private]');
    expect(stripPrivateText('nothing here')).toBe('nothing here');
    expect(hasPrivateSpan('x <Private> y')).toBe(true);
  });

  it('walks values without mutating them', () => {
    const v = { a: ['<private>s</private>', 1], b: { c: 'ok' } };
    expect(stripPrivateValue(v)).toEqual({ a: ['[private]', 1], b: { c: 'ok' } });
    expect(v.a[0]).toBe('<private>s</private>');
  });

  it('rewrites a JSONL line structurally, so a span across two fields cannot break the JSON', () => {
    const line = JSON.stringify({
      message: { content: 'start <private>secret' },
      other: 'more</private> tail',
    });
    const out = JSON.parse(stripPrivateLine(line));
    expect(out).toEqual({ message: { content: 'start [private]' }, other: 'more</private> tail' });
    const plain = JSON.stringify({ a: 1 });
    expect(stripPrivateLine(plain)).toBe(plain);
  });
});

describe('project opt-out', () => {
  it('honours .baton-ignore and the syncIgnore list (dirs and names)', () => {
    const root = mkdtempSync(join(tmpdir(), 'baton-ign-'));
    const a = join(root, 'a');
    mkdirSync(a);
    writeFileSync(join(a, '.baton-ignore'), '');
    expect(isProjectIgnored(a)).toBe(true);
    expect(isProjectIgnored(join(root, 'b'))).toBe(false);
    expect(isProjectIgnored(join(root, 'b'), ['b'])).toBe(true);
    expect(isProjectIgnored(join(root, 'work', 'sub'), [join(root, 'work')])).toBe(true);
    expect(isProjectIgnored(join(root, 'workshop'), [join(root, 'work')])).toBe(false);
    expect(isProjectIgnored(undefined, ['x'])).toBe(false);
  });
});

describe('key fingerprint', () => {
  it('is stable and tells keys apart', () => {
    expect(keyFingerprint('bt_a')).toBe(keyFingerprint('bt_a'));
    expect(keyFingerprint('bt_a')).not.toBe(keyFingerprint('bt_b'));
    expect(keyFingerprint(undefined)).toMatch(/^[0-9a-f]{8}$/);
  });
});
