// SaaS and infrastructure tokens with a fixed prefix (rules-saas.ts): each catches its shape, look-alikes stay.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { fake, mix } from '../helpers/fake-secrets.js';

const tag = (rule: string): string => `[REDACTED:${rule}]`;
const HEX = '0123456789abcdef';
const LETTERS = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ';

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

cases(
  'huggingface-token',
  [
    [`HF_TOKEN ${fake('hf_', 34)} set`, `HF_TOKEN ${tag('huggingface-token')} set`],
    [`login(token='hf_${mix(34, 2, LETTERS)}')`, `login(token='${tag('huggingface-token')}')`],
    [`use_auth_token=${fake('api_org_', 34, 1)}`, `use_auth_token=${tag('huggingface-token')}`],
  ],
  [
    'from huggingface_hub import hf_hub_download',
    `hf_${'x'.repeat(34)}`,
    `myhf_${mix(34)}`,
    'hf_transfer_enabled',
  ],
);

cases(
  'sendgrid-key',
  [[`SENDGRID ${fake('SG.', 22)}.${mix(43, 3)}`, `SENDGRID ${tag('sendgrid-key')}`]],
  ['const s = msg.content.trim()', 'SG.abc.def', `MSG.${mix(22)}.${mix(43)}`],
);

cases(
  'mailgun-key',
  [[`mg = Mailgun(key-${mix(32, 1, HEX)})`, `mg = Mailgun(${tag('mailgun-key')})`]],
  ['key-value store', `primary-key-${mix(32, 1, HEX)}`, `key-${'a'.repeat(32)}`],
);

cases(
  'shopify-token',
  ['shpat_', 'shpss_', 'shpca_', 'shppa_'].map((p) => [
    `X-Shopify-Access-Token: ${p}${mix(32, 4, HEX)}`,
    `X-Shopify-Access-Token: ${tag('shopify-token')}`,
  ]),
  ['shpat_ is the admin token prefix', `shpat_${mix(31, 4, HEX)}`],
);

cases(
  'pypi-token',
  [[`password = pypi-AgEIcHlwaS5vcmc${mix(80, 2)}`, `password = ${tag('pypi-token')}`]],
  ['pypi-AgEIcHlwaS5vcmc is how every token starts'],
);

cases(
  'digitalocean-token',
  ['dop_v1_', 'doo_v1_', 'dor_v1_'].map((p) => [
    `DO ${p}${mix(64, 5, HEX)}`,
    `DO ${tag('digitalocean-token')}`,
  ]),
  [`dop_v1_${mix(63, 5, HEX)}`, 'dop_v1_ tokens expire'],
);

cases(
  'vault-token',
  [
    [`VAULT hvs.${mix(90, 1)}`, `VAULT ${tag('vault-token')}`],
    [`hvb.${mix(140, 2)}`, tag('vault-token')],
  ],
  ['hvs.example', 'the hvs. prefix marks service tokens'],
);

cases(
  'discord-webhook',
  [
    [
      `https://discord.com/api/webhooks/1187364529817263545/${mix(68, 1)}`,
      `https://discord.com/api/webhooks/1187364529817263545/${tag('discord-webhook')}`,
    ],
  ],
  ['https://discord.com/api/webhooks/{id}/{token}', 'https://discord.com/developers/docs'],
);

cases(
  'telegram-bot-token',
  [
    [`bot = Bot("7318265940:AA${mix(33, 2)}")`, `bot = Bot("${tag('telegram-bot-token')}")`],
    [
      `https://api.telegram.org/bot123456789:AA${mix(33, 4)}/getMe`,
      `https://api.telegram.org/bot${tag('telegram-bot-token')}/getMe`,
    ],
  ],
  ['12:30:AA batch', `1234:AA${mix(33, 2)}`, `7318265940:AA${mix(20, 2)}`, `x7318265940:AA${mix(33, 2)}`],
);

describe('a rule that starts before its trigger', () => {
  it('never reaches back into an earlier redaction', () => {
    // The Telegram id digits sit right after a GitHub token: the token is redacted whole, the bot id is not re-cut.
    const r = createRedactor();
    const s = `${fake('ghp_', 36)} 7318265940:AA${mix(33, 2)}`;
    expect(r.redactText(s)).toBe(`${tag('github-token')} ${tag('telegram-bot-token')}`);
  });
});
