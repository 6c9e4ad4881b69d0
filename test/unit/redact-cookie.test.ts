// Cookie and Set-Cookie headers (rules-cookie.ts): session values go, names, attributes and harmless values stay.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { fakeJwt, mix } from '../helpers/fake-secrets.js';

const T = '[REDACTED:cookie]';
const sid = mix(24, 3);

const POSITIVES: [string, string][] = [
  [`Cookie: theme=dark; sessionid=${sid}; lang=en`, `Cookie: theme=dark; sessionid=${T}; lang=en`],
  [`curl -H "Cookie: _session=${sid}" https://x`, `curl -H "Cookie: _session=${T}" https://x`],
  [
    `Set-Cookie: id=${sid}; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure2=${sid}`,
    `Set-Cookie: id=${T}; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure2=${sid}`,
  ],
  [`{"headers": {"cookie": "auth=${sid}"}}`, `{"headers": {"cookie": "auth=${T}"}}`],
  [`curl --cookie 'sid=${sid}' https://x`, `curl --cookie 'sid=${T}' https://x`],
];

describe('cookie', () => {
  it.each(POSITIVES)('redacts %s', (input, expected) => {
    const r = createRedactor();
    expect(r.redactText(input)).toBe(expected);
    expect(r.report().byRule.cookie).toBe(1);
  });
  it('reports a JWT session cookie as a JWT', () => {
    const r = createRedactor();
    expect(r.redactText(`Cookie: token=${fakeJwt()}`)).toBe('Cookie: token=[REDACTED:jwt]');
    expect(r.report().byRule).toEqual({ jwt: 1 });
  });
  it.each([
    ['Set-Cookie: theme=dark; Path=/'],
    ['Cookie: lang=en-US; tz=UTC'],
    ['Cookie: session=<session-id>'],
    ['document.cookie = "a=b"'],
    ['the cookie: a small value the server sets'],
  ])('keeps %s', (input) => {
    expect(createRedactor().redactText(input)).toBe(input);
  });
});
