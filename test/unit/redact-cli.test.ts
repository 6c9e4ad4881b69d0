// Passwords on command lines (rules-cli.ts): only the password goes, and flags that mean something else stay.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';

const T = '[REDACTED:cli-password]';

const POSITIVES: [string, string][] = [
  ['mysql -h db -u root -pWint3r-is-C0ming orders', `mysql -h db -u root -p${T} orders`],
  ["mysql -u root -p'S3cr3t pass' orders", `mysql -u root -p'${T}' orders`],
  ['mysqldump -uroot -pBk7pQ2xL9 --all-databases', `mysqldump -uroot -p${T} --all-databases`],
  ['mysql --user=app --password S3cure-P4ss-99 app', `mysql --user=app --password ${T} app`],
  ['curl -u admin:Adm1n-Pa55 https://jenkins.acme.io', `curl -u ${T} https://jenkins.acme.io`],
  ["curl --user 'ci-bot:cI8ot-Xk7Lq2' -X POST https://x", `curl --user '${T}' -X POST https://x`],
  ['curl -X POST \\\n  -u deploy:R3lease! \\\n  https://x', `curl -X POST \\\n  -u ${T} \\\n  https://x`],
  ["sshpass -p 'Deploy#2024!' ssh deploy@10.0.3.21", `sshpass -p '${T}' ssh deploy@10.0.3.21`],
  ['sshpass -pSsh-Pa55w0rd scp a b:/srv', `sshpass -p${T} scp a b:/srv`],
];

const NEGATIVES = [
  'mkdir -p /tmp/build',
  'ssh -p2222 deploy@host',
  'mysql -u root -p orders',
  'mysql -u root -p',
  'docker run -u 1000:1000 -p 8080:80 nginx',
  'git push -u origin main',
  'curl -u "$USER:$PASS" https://x',
  'curl -u user https://x',
  'the --password flag prompts when given no value',
  'psql --password --host db',
  'sshpass -p $SSHPASS ssh host',
  'mycurl -u a:b',
  'curl https://x\nmkdir -p a -u b:c',
];

describe('cli-password', () => {
  it('still finds shaped secrets between the command and its password flag', () => {
    const r = createRedactor();
    const gh = `ghp_${'aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uVwXyZ'}`;
    expect(r.redactText(`curl -H "Authorization: token ${gh}" -u a:Pa55word https://x`)).toBe(
      `curl -H "Authorization: token [REDACTED:github-token]" -u ${T} https://x`,
    );
    expect(r.report().byRule).toEqual({ 'github-token': 1, 'cli-password': 1 });
  });

  it.each(POSITIVES)('redacts %s', (input, expected) => {
    const r = createRedactor();
    expect(r.redactText(input)).toBe(expected);
    expect(r.report().byRule['cli-password']).toBe(1);
  });
  it.each(NEGATIVES.map((n) => [n]))('keeps %s', (input) => {
    expect(createRedactor().redactText(input)).toBe(input);
  });
});
