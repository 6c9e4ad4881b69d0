// The scanning engine: trigger compilation, dispatch, the unchanged fast path, and inputs built to make regexes slow.
import { describe, expect, it } from 'vitest';
import { BatonError } from '../../src/core/errors.js';
import { compileRules, trieSource } from '../../src/core/redact/engine.js';
import { allRules, createRedactor, type Rule } from '../../src/core/redact/index.js';
import { fake, fakeJwt, mix } from '../helpers/fake-secrets.js';

const noNested = (s: string) => ({ text: s, hits: [] as string[] });

describe('trieSource', () => {
  it('factors shared prefixes and prefers the longer literal', () => {
    const re = new RegExp(trieSource(['sk-', 'sk-ant-', 'sk_live_']), 'gi');
    expect('x sk-ant-1 sk-2 sk_live_3'.match(re)).toEqual(['sk-ant-', 'sk-', 'sk_live_']);
  });

  it('escapes regex syntax in literals', () => {
    const re = new RegExp(trieSource(['hooks.slack.com/', '<private>', '-----BEGIN']), 'gi');
    expect(re.test('hooksXslackYcom/')).toBe(false);
    expect('a <private> -----BEGIN hooks.slack.com/'.match(re)).toEqual([
      '<private>',
      '-----BEGIN',
      'hooks.slack.com/',
    ]);
  });
});

describe('compileRules', () => {
  const rule = (name: string, triggers: string[]): Rule => ({
    name,
    triggers,
    match: (text, at) =>
      text.startsWith(name, at) ? { end: at + name.length, replacement: `<${name}>` } : null,
  });

  it('refuses a trigger hidden inside another, which the scan could never see', () => {
    expect(() => compileRules([rule('a', ['secret']), rule('b', ['aws_secret'])])).toThrow(BatonError);
  });

  it('dispatches a longer trigger to the rules of its prefixes too, in table order', () => {
    const scanner = compileRules([rule('abc', ['abc']), rule('ab', ['ab'])]);
    const hits: string[] = [];
    expect(scanner.scan('ab abc', (n) => hits.push(n), noNested)).toBe('<ab> <abc>');
    expect(hits).toEqual(['ab', 'abc']);
  });

  it('returns the very same string when nothing matched', () => {
    const scanner = compileRules(allRules);
    const text = 'a token here, a password there, https://example.com and sk-learn';
    expect(scanner.scan(text, () => {}, noNested)).toBe(text);
  });
});

describe('redactText across rules', () => {
  it('redacts several secrets of different kinds in one string and counts each', () => {
    const r = createRedactor();
    const gh = fake('ghp_', 36);
    const out = r.redactText(`a ${gh} b ${fakeJwt()} c password=hunter22 d <private>x</private>`);
    expect(out).toBe(
      'a [REDACTED:github-token] b [REDACTED:jwt] c password=[REDACTED:secret-assignment] d [REDACTED:private]',
    );
    expect(r.report()).toEqual({
      total: 4,
      byRule: { 'github-token': 1, jwt: 1, 'secret-assignment': 1, private: 1 },
    });
  });

  it('is idempotent: redacted output passes through a second redactor unchanged', () => {
    const text = [
      `GITHUB_TOKEN=${fake('ghp_', 36)}`,
      `{"password": "hunter22", "token": "${mix(32)}"}`,
      `postgres://app:${mix(12)}@db:5432/x`,
      `curl -H "Authorization: Bearer ${fakeJwt()}" https://hooks.slack.com/services/T0/B0/${mix(24)}`,
      '<private>home address</private>',
    ].join('\n');
    const once = createRedactor().redactText(text);
    const again = createRedactor();
    expect(again.redactText(once)).toBe(once);
    expect(again.report().total).toBe(0);
  });

  it('leaves git SHAs, UUIDs and ordinary prose untouched', () => {
    const text = [
      'commit 3f2a9c1d8b7e6f5a4c3b2a1908f7e6d5c4b3a291 (HEAD -> main)',
      'id 123e4567-e89b-12d3-a456-426614174000',
      'The session used 12,345 tokens; the password reset flow sends a secret link.',
      'npm ERR! code ERESOLVE',
    ].join('\n');
    expect(createRedactor().redactText(text)).toBe(text);
  });
});

describe('adversarial inputs complete (bounded quantifiers, no catastrophic backtracking)', () => {
  const MB = 1 << 20;
  const inputs: [string, string][] = [
    ['1 MB of "a"', 'a'.repeat(MB)],
    ['long runs of "eyJ."', 'eyJ.'.repeat(MB / 4)],
    ['eyJ segments that never get their dots', `eyJ${'A'.repeat(MB / 2)}.eyJ${'B'.repeat(MB / 2)}`],
    ['"=" repeated', '='.repeat(MB)],
    ['"password=" repeated', 'password='.repeat(MB / 9)],
    ['"token: " repeated', 'token: '.repeat(MB / 7)],
    ['unterminated quotes after keys', 'secret="'.repeat(MB / 8)],
    ['BEGIN lines with no END', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(MB / 32)],
    ['BEGIN lines with no body and no END', '-----BEGIN RSA PRIVATE KEY-----"'.repeat(MB / 32)],
    [':// with long user parts', `://${'u'.repeat(200)}:`.repeat(MB / 204)],
    ['<private> opened many times', '<private>'.repeat(MB / 9)],
    ['sk- prefixes everywhere', `sk-${mix(19)} `.repeat(MB / 23)],
    ['base64 noise', mix(MB, 3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')],
    ['a huge unbroken token run', `ghp_${mix(MB)}`],
  ];

  it.each(inputs)('%s', (_name, input) => {
    const out = createRedactor().redactText(input);
    expect(typeof out).toBe('string');
    expect(out.length).toBeGreaterThan(0);
  });
});
