// Structural rules: JWTs, PEM private keys, <private> spans, URL passwords and Authorization headers.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { fakeJwt, fakePem, mix } from '../helpers/fake-secrets.js';

const redact = (s: string): string => createRedactor().redactText(s);
const tag = (rule: string): string => `[REDACTED:${rule}]`;

function cases(rule: string, positives: [string, string][], negatives: string[]): void {
  describe(rule, () => {
    it.each(positives)('redacts %s', (input, expected) => {
      const r = createRedactor();
      expect(r.redactText(input)).toBe(expected);
      expect(r.report().byRule[rule]).toBeGreaterThan(0);
    });
    it.each(negatives.map((n) => [n]))('keeps %s', (input) => {
      expect(redact(input)).toBe(input);
    });
  });
}

const jwt = fakeJwt();
const b64image = `data:image/png;base64,iVBORw0KGgo${mix(400, 1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}eyJhbGciOi${mix(50)}==`;
cases(
  'jwt',
  [
    [jwt, tag('jwt')],
    [`{"id_token":"${jwt}"}`, `{"id_token":"${tag('jwt')}"}`],
    [`cookie: session=${jwt}; Path=/`, `cookie: session=${tag('jwt')}; Path=/`],
    // alg "none" tokens have an empty signature.
    [`${jwt.slice(0, jwt.lastIndexOf('.') + 1)} end`, `${tag('jwt')} end`],
  ],
  [
    b64image,
    'eyJhbGciOiJIUzI1NiJ9 is just a base64 header',
    `${'eyJ.'.repeat(20)}`,
    'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
    '123e4567-e89b-12d3-a456-426614174000',
    `x${jwt}`,
  ],
);

const pem = fakePem();
const escapedPem = fakePem('', 4, '\\n').replace('BEGIN  ', 'BEGIN ').replace('END  ', 'END ');
cases(
  'private-key',
  [
    [`before\n${pem}\nafter`, `before\n${tag('private-key')}\nafter`],
    [
      `{"private_key": "${escapedPem}\\n", "client_email": "x@y"}`,
      `{"private_key": "${tag('private-key')}\\n", "client_email": "x@y"}`,
    ],
    [fakePem('OPENSSH'), tag('private-key')],
    [fakePem('EC'), tag('private-key')],
    // A block cut off before its END line is still hidden through its body.
    [`${pem.slice(0, pem.indexOf('-----END'))}`, tag('private-key')],
  ],
  [
    `-----BEGIN PUBLIC KEY-----\n${mix(64)}\n-----END PUBLIC KEY-----`,
    `-----BEGIN CERTIFICATE-----\n${mix(64)}\n-----END CERTIFICATE-----`,
    'if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) return true;',
  ],
);

describe('private-key (PGP block)', () => {
  it('redacts a PGP private key block whole', () => {
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${mix(64)}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(redact(`x ${block} y`)).toBe(`x ${tag('private-key')} y`);
  });
});

cases(
  'private',
  [
    ['call me at <private>+1 555 0100</private> tomorrow', `call me at ${tag('private')} tomorrow`],
    ['<private>line one\nline two</private>', tag('private')],
    ['a <private>x</private> b <private>y</private> c', `a ${tag('private')} b ${tag('private')} c`],
    // Unclosed: everything after the tag is treated as private.
    ['ok <private>never closed', `ok ${tag('private')}`],
  ],
  ['the <privateKey> element', 'use </private> to close', 'private: true'],
);

cases(
  'connection-string',
  [
    [
      'postgres://admin:s3cr3tPass@db.example.com:5432/app',
      `postgres://admin:${tag('connection-string')}@db.example.com:5432/app`,
    ],
    ['redis://:hunter2pass@cache:6379/0', `redis://:${tag('connection-string')}@cache:6379/0`],
    [
      'mongodb+srv://app:p%40ss!word@cluster0.x.mongodb.net/db',
      `mongodb+srv://app:${tag('connection-string')}@cluster0.x.mongodb.net/db`,
    ],
    ['"amqp://guest:Gu3st-pw@localhost"', `"amqp://guest:${tag('connection-string')}@localhost"`],
    // An unencoded @ in the password: everything up to the last @ of the authority goes.
    ['mysql://root:p@ss@w0rd@127.0.0.1:3306', `mysql://root:${tag('connection-string')}@127.0.0.1:3306`],
  ],
  [
    'https://example.com:8080/path@version',
    'git@github.com:acme/api.git',
    'ssh://git@github.com/acme/api.git',
    'http://localhost:3000/users/@me',
    'postgres://user:${DB_PASSWORD}@localhost/app',
    'postgres://user:password@localhost/app',
    'https://user@example.com',
    'see https://a.example.com:443, and mail b@c.example.com',
  ],
);

cases(
  'auth-header',
  [
    [
      `curl -H 'Authorization: Basic ${mix(28)}=' x`,
      `curl -H 'Authorization: Basic ${tag('auth-header')}' x`,
    ],
    [`"authorization": "Bearer ${mix(40)}"`, `"authorization": "Bearer ${tag('auth-header')}"`],
    [`Authorization: token ${mix(40, 2)}`, `Authorization: token ${tag('auth-header')}`],
    [`bearer ${mix(32, 1)}`, `bearer ${tag('auth-header')}`],
  ],
  [
    'Authorization: Bearer ${token}',
    'bearer tokens are sent in a header',
    'exports.startAuthorization = startAuthorization;',
    'Authorization: required',
    '`Bearer ${await getToken()}`',
  ],
);

describe('auth-header with a known credential inside', () => {
  it('names the inner rule', () => {
    const r = createRedactor();
    expect(r.redactText(`Authorization: Bearer ${jwt}`)).toBe(`Authorization: Bearer ${tag('jwt')}`);
    expect(r.report().byRule).toEqual({ jwt: 1 });
  });
});
