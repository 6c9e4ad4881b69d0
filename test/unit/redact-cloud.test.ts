// Azure and Google Cloud credentials (rules-cloud.ts) and the AWS key-pair form (rules-vendor.ts).
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { mix, upper } from '../helpers/fake-secrets.js';

const tag = (rule: string): string => `[REDACTED:${rule}]`;
const B64 = 'aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uVwXyZ+/';

function cases(rule: string, positives: [string, string][], negatives: string[]): void {
  describe(rule, () => {
    it.each(positives)('redacts %s', (input, expected) => {
      const r = createRedactor();
      expect(r.redactText(input)).toBe(expected);
      expect(r.report().byRule[rule]).toBeGreaterThan(0);
    });
    it.each(negatives.map((n) => [n]))('keeps %s', (input) => {
      expect(createRedactor().redactText(input)).toBe(input);
    });
  });
}

const storageKey = `${mix(86, 3, B64)}==`;
cases(
  'azure-storage-key',
  [
    [
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${storageKey};EndpointSuffix=core.windows.net`,
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${tag('azure-storage-key')};EndpointSuffix=core.windows.net`,
    ],
    [
      `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${mix(43, 1, B64)}=`,
      `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${tag('azure-storage-key')}`,
    ],
  ],
  ['AccountKey=<your-account-key>', 'AccountKey=${STORAGE_KEY}', 'the AccountKey= part is secret'],
);

cases(
  'azure-sas',
  [
    [
      `https://acme.blob.core.windows.net/c/f?sp=r&sv=2022-11-02&sr=b&sig=${mix(30, 2)}%3D`,
      `https://acme.blob.core.windows.net/c/f?sp=r&sv=2022-11-02&sr=b&sig=${tag('azure-sas')}`,
    ],
  ],
  ['const sig= computeSignature(body)', '?sig=abc', 'function sig=(a)'],
);

const clientSecret = `Xy78Q~${mix(34, 1).slice(0, 34)}`;
cases(
  'azure-client-secret',
  [
    [`"CLIENT_SECRET_VALUE": "${clientSecret}"`, `"CLIENT_SECRET_VALUE": "${tag('azure-client-secret')}"`],
    [
      `az login --service-principal -p ${clientSecret} -u app`,
      `az login --service-principal -p ${tag('azure-client-secret')} -u app`,
    ],
  ],
  [
    'Q~ appears in no identifier',
    `ab8Q~short`,
    'https://p3.byteimg.com/6a9e704af49b4380bb686f0c96d33b81~tplv-k3u1fbpfcp-watermark.image',
  ],
);

cases(
  'google-oauth-secret',
  [
    [
      `"web": {"client_secret": "GOCSPX-${mix(28, 2)}"}`,
      `"web": {"client_secret": "${tag('google-oauth-secret')}"}`,
    ],
  ],
  ['GOCSPX- prefixed secrets', 'GOCSPX-short'],
);

describe('aws key pairs', () => {
  const id = `AKIA${upper(16)}`;
  const secret = mix(40, 3, B64);
  it('redacts the secret key that follows an access key id in credentials.csv', () => {
    const r = createRedactor();
    const csv = `User name,Password,Access key ID,Secret access key,Console login link\nbot,,${id},${secret},https://x.signin.aws.amazon.com/console`;
    expect(r.redactText(csv)).toBe(
      `User name,Password,Access key ID,Secret access key,Console login link\nbot,,${tag('aws-access-key')},${tag('aws-secret-key')},https://x.signin.aws.amazon.com/console`,
    );
    expect(r.report().byRule).toEqual({ 'aws-access-key': 1, 'aws-secret-key': 1 });
  });
  it('redacts a quoted csv pair and a space-separated table', () => {
    expect(createRedactor().redactText(`"${id}","${secret}"`)).toBe(
      `"${tag('aws-access-key')}","${tag('aws-secret-key')}"`,
    );
    expect(createRedactor().redactText(`${id}    ${secret}`)).toBe(
      `${tag('aws-access-key')}    ${tag('aws-secret-key')}`,
    );
  });
  it('keeps a following word that is not a key', () => {
    expect(createRedactor().redactText(`${id},deploy-bot-user-for-production-account1`)).toBe(
      `${tag('aws-access-key')},deploy-bot-user-for-production-account1`,
    );
  });
});
