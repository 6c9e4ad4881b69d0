// The secret-assignment rule: values after password/secret/token/api_key keys go, code that merely names them stays.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { fake, mix } from '../helpers/fake-secrets.js';

const R = '[REDACTED:secret-assignment]';
const redact = (s: string): string => createRedactor().redactText(s);

describe('secret-assignment: redacts only the value', () => {
  it.each([
    ['password=hunter2', `password=${R}`],
    ['DB_PASSWORD=correcthorse', `DB_PASSWORD=${R}`],
    ['export API_KEY=abc123def456', `export API_KEY=${R}`],
    ['JWT_SECRET=supersecretvalue', `JWT_SECRET=${R}`],
    ['const password = "hunter2";', `const password = "${R}";`],
    ["db = connect(password='s3cret!')", `db = connect(password='${R}')`],
    ['{"password": "hunter2", "user": "ada"}', `{"password": "${R}", "user": "ada"}`],
    ['{\\"password\\": \\"hunter2\\"}', `{\\"password\\": \\"${R}\\"}`],
    ['password: P@ssw0rd', `password: ${R}`],
    ['POSTGRES_PASSWORD: example', `POSTGRES_PASSWORD: ${R}`],
    [`api_key: ${mix(32)}`, `api_key: ${R}`],
    [`x-api-key: ${mix(24)}`, `x-api-key: ${R}`],
    [`"apiKey": "${mix(24, 1)}"`, `"apiKey": "${R}"`],
    [`access_token=${mix(30)}&state=xyz`, `access_token=${R}&state=xyz`],
    [`client_secret = "${mix(30, 2)}"`, `client_secret = "${R}"`],
    [`SECRET_KEY='django-insecure-${mix(20)}'`, `SECRET_KEY='${R}'`],
    [`"SessionToken": "${mix(60, 3)}"`, `"SessionToken": "${R}"`],
    ['passphrase := "long horse battery"', `passphrase := "${R}"`],
  ])('%s', (input, expected) => {
    const r = createRedactor();
    expect(r.redactText(input)).toBe(expected);
    expect(r.report().byRule['secret-assignment']).toBe(1);
  });
});

describe('secret-assignment: leaves code and references alone', () => {
  it.each([
    'password: string;',
    'password?: string',
    'token = getToken();',
    'token := getToken()',
    'const token = this.token;',
    'token: SyntaxKind.Identifier,',
    'password = os.getenv("PASSWORD")',
    'password: process.env.DB_PASSWORD',
    "password: '${DB_PASSWORD}'",
    'PASSWORD: ${{ secrets.PASSWORD }}',
    'DB_PASSWORD=$DB_PASSWORD',
    'password = None',
    'token == null',
    'if (token === undefined) return;',
    'tokens = tokenize(source);',
    'tokenizer: new Tokenizer()',
    'max_tokens: 4096',
    'passwordless: true',
    'secretary="Ada"',
    'const { token: token2 } = parse(x);',
    'isOpening ? token : parent2',
    'exclamationToken = !questionToken && x',
    'lastToken = "?InterpolationInTemplate";',
    'token: "keyword",',
    '"password": "string"',
    '"pbkdf2-password": "1.0.2"',
    'USERNAME_PASSWORD: 0x02,',
    'export declare const TOKEN: CharList;',
    'password: <your-password>',
    'password = "********"',
    'token = match[0];',
    'password: ""',
    'Reset the password: click the link in the email.',
    'the token: it expires after an hour',
  ])('%s', (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe('secret-assignment: vendor secrets in the value keep their own rule name', () => {
  it('counts the vendor rule, not the assignment', () => {
    const r = createRedactor();
    const gh = fake('ghp_', 36);
    expect(r.redactText(`GITHUB_TOKEN="${gh}"`)).toBe('GITHUB_TOKEN="[REDACTED:github-token]"');
    expect(r.report()).toEqual({ total: 1, byRule: { 'github-token': 1 } });
  });

  it('takes AWS secret keys with their own rule', () => {
    const secret = mix(40, 1, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+');
    const r = createRedactor();
    expect(r.redactText(`aws_secret_access_key=${secret}`)).toBe(
      'aws_secret_access_key=[REDACTED:aws-secret-key]',
    );
    expect(r.report().byRule).toEqual({ 'aws-secret-key': 1 });
  });
});
