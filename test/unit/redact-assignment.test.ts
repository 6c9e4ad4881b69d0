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

const HEX = '0123456789abcdef';

describe('secret-assignment: weak keywords need a machine-made value', () => {
  it.each([
    [`DD_APP_KEY=${mix(40, 1, HEX)}`, `DD_APP_KEY=${R}`],
    [`TWILIO_ACCOUNT_SID=AC${mix(32, 2, HEX)}`, `TWILIO_ACCOUNT_SID=${R}`],
    [`"api_key_sid": "SK${mix(32, 3, HEX)}"`, `"api_key_sid": "${R}"`],
    [`ENCRYPTION_KEY=${mix(32)}`, `ENCRYPTION_KEY=${R}`],
    [`credentials: ${mix(28, 1)}`, `credentials: ${R}`],
    [`"private_key_id": "${mix(40, 4, HEX)}"`, `"private_key_id": "${R}"`],
    [`_auth=${mix(24, 5)}`, `_auth=${R}`],
    [`MYSQL_PWD=Wint3r-2024`, `MYSQL_PWD=${R}`],
    [`signing_key: "${mix(32, 6)}"`, `signing_key: "${R}"`],
  ])('%s', (input, expected) => {
    const r = createRedactor();
    expect(r.redactText(input)).toBe(expected);
    expect(r.report().byRule['secret-assignment']).toBe(1);
  });

  it.each([
    "fetch(url, { credentials: 'include' })",
    'auth: true',
    'auth = "bearer"',
    "sid: 'S-1-5-21-1004336348-1177238915-682003330-512'",
    'GOOGLE_APPLICATION_CREDENTIALS=/home/dev/keys/sa-2024.json',
    'private_key: ${{ secrets.DEPLOY_KEY }}',
    `app_key = ${mix(8)}`,
    'master_key_path: config/master.key',
  ])('keeps %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe('secret-assignment: issue #9 misses', () => {
  it.each([
    // Rails: the keyword is followed by `_BASE`, still the secret itself.
    [`SECRET_KEY_BASE=${mix(128, 2, HEX)}`, `SECRET_KEY_BASE=${R}`],
    // A password that contains a dot is a value in an env file; the same shape in code is a reference (below).
    ['DB_PASSWORD=corp.Winter2024', `DB_PASSWORD=${R}`],
    ['password = "corp.Winter2024"', `password = "${R}"`],
    ["db_password: 'corp.Winter2024'", `db_password: '${R}'`],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'password = config.password',
    'DB_PASSWORD = settings.db.password',
    'token=e.t',
    'password: cfg.auth.password',
  ])('keeps the reference %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});

describe('secret-assignment: false positives found in real code', () => {
  it.each([
    // playwright-core's bundled socks client
    '    exports2.SOCKS5_NO_ACCEPTABLE_AUTH = SOCKS5_NO_ACCEPTABLE_AUTH;',
    // @types/node's process.env example
    "   *   PWD: '/Users/maciej',",
    'PWD=/home/dev/app',
  ])('keeps %s', (input) => {
    expect(redact(input)).toBe(input);
  });
});
