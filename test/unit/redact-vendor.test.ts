// Vendor-prefixed credentials: each rule catches its own shape and leaves look-alikes alone.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { fake, mix, upper } from '../helpers/fake-secrets.js';

const redact = (s: string): string => createRedactor().redactText(s);
const tag = (rule: string): string => `[REDACTED:${rule}]`;

/** Every positive must come out exactly as expected; every negative must come out untouched. */
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

const akia = `AKIA${upper(16)}`;
const awsSecret = mix(40, 3, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+');
cases(
  'aws-access-key',
  [
    [`export AWS_ACCESS_KEY_ID=${akia}`, `export AWS_ACCESS_KEY_ID=${tag('aws-access-key')}`],
    [`temp creds ASIA${upper(16, 4)} expire`, `temp creds ${tag('aws-access-key')} expire`],
    [`"AccessKeyId": "${akia}"`, `"AccessKeyId": "${tag('aws-access-key')}"`],
  ],
  [
    'AKIA is the prefix of an access key id',
    `AKIA${upper(10)}`,
    `XAKIA${upper(16)}`,
    `AKIA${upper(16)}Z9`,
    `akia${upper(16)}`,
  ],
);

cases(
  'aws-secret-key',
  [
    [`aws_secret_access_key = ${awsSecret}`, `aws_secret_access_key = ${tag('aws-secret-key')}`],
    [`AWS_SECRET_ACCESS_KEY=${awsSecret}`, `AWS_SECRET_ACCESS_KEY=${tag('aws-secret-key')}`],
    [`"SecretAccessKey": "${awsSecret}",`, `"SecretAccessKey": "${tag('aws-secret-key')}",`],
  ],
  [
    'aws_secret_access_key = ${AWS_SECRET}',
    'the secret access key lives in ~/.aws/credentials',
    'aws_secret_access_key = short',
  ],
);

cases(
  'github-token',
  [
    [`GITHUB_TOKEN ${fake('ghp_', 36)} ok`, `GITHUB_TOKEN ${tag('github-token')} ok`],
    [`${fake('gho_', 36, 1)}`, tag('github-token')],
    [
      `u ${fake('ghu_', 36, 2)} s ${fake('ghs_', 36, 3)} r ${fake('ghr_', 36, 4)}`,
      `u ${tag('github-token')} s ${tag('github-token')} r ${tag('github-token')}`,
    ],
    [`token: ${fake('github_pat_', 22)}_${mix(59, 1)}`, `token: ${tag('github-token')}`],
  ],
  [
    'ghp_ is a personal access token prefix',
    'ghp_short123',
    `xghp_${mix(36)}`,
    `ghp_${'a'.repeat(40)}`,
    'github_pat_',
  ],
);

cases(
  'gitlab-token',
  [[`PRIVATE-TOKEN=${fake('glpat-', 20)}`, `PRIVATE-TOKEN=${tag('gitlab-token')}`]],
  ['glpat- tokens are personal', 'glpat-abc', `my-glpat-${mix(20)}`],
);

cases(
  'anthropic-key',
  [
    [`ANTHROPIC_API_KEY=${fake('sk-ant-api03-', 90)}AA`, `ANTHROPIC_API_KEY=${tag('anthropic-key')}`],
    [`use ${fake('sk-ant-admin01-', 40)} here`, `use ${tag('anthropic-key')} here`],
  ],
  ['sk-ant- keys start like this', `sk-ant-${'x'.repeat(30)}`, `desk-ant-${mix(30)}`],
);

cases(
  'openai-key',
  [
    [`key=${fake('sk-', 48)}`, `key=${tag('openai-key')}`],
    [`OPENAI_API_KEY: ${fake('sk-proj-', 100)}`, `OPENAI_API_KEY: ${tag('openai-key')}`],
    [`(${fake('sk-svcacct-', 60, 2)})`, `(${tag('openai-key')})`],
  ],
  [
    'task-runner-for-everyone-12345678901234',
    `risk-${mix(30)}`,
    'sk-abcdefghijklmnopqrstuvwxyz',
    'sk-learn is a Python library',
    `sk-${mix(12)}`,
    `--sk-${mix(30)}-x`,
  ],
);

cases(
  'stripe-key',
  [
    [`Stripe('${fake('sk_live_', 24)}')`, `Stripe('${tag('stripe-key')}')`],
    [
      `${fake('rk_live_', 24, 1)} and ${fake('sk_test_', 24, 2)}`,
      `${tag('stripe-key')} and ${tag('stripe-key')}`,
    ],
    [`STRIPE_WEBHOOK_SECRET ${fake('whsec_', 32)}`, `STRIPE_WEBHOOK_SECRET ${tag('stripe-key')}`],
  ],
  [
    'pk_live_ keys are publishable',
    `pk_live_${mix(24)}`,
    'sk_live_',
    'mask_live_preview_enabled',
    'sk_test_only_words',
  ],
);

const slackBot = `xoxb-123456789012-123456789012-${mix(24)}`;
cases(
  'slack-token',
  [
    [`SLACK_BOT_TOKEN ${slackBot}`, `SLACK_BOT_TOKEN ${tag('slack-token')}`],
    [`xoxp-1234-5678-${mix(20)}`, tag('slack-token')],
    [`app token xapp-1-A0123-4567-${mix(30)}`, `app token ${tag('slack-token')}`],
  ],
  ['xoxb- tokens belong to bots', 'xoxb-abcdefghijklmnop', 'xapp-store-listing-page'],
);

cases(
  'slack-webhook',
  [
    [
      `curl -X POST https://hooks.slack.com/services/T${upper(8)}/B${upper(8, 1)}/${mix(24)}`,
      `curl -X POST https://hooks.slack.com/services/${tag('slack-webhook')}`,
    ],
  ],
  ['see https://hooks.slack.com/ for docs', 'https://api.slack.com/messaging/webhooks'],
);

cases(
  'google-api-key',
  [[`key=AIza${mix(35)}`, `key=${tag('google-api-key')}`]],
  ['AIzaSy is how they start', `AIza${mix(20)}`],
);

cases(
  'npm-token',
  [
    [
      `//registry.npmjs.org/:_authToken=${fake('npm_', 36)}`,
      `//registry.npmjs.org/:_authToken=${tag('npm-token')}`,
    ],
  ],
  ['npm_config_registry', `npm_${'lifecycle_event_name_is_very_long_'.slice(0, 36)}`],
);

cases(
  'baton-key',
  [
    [`BATON_API_KEY=${fake('bt_', 43)}`, `BATON_API_KEY=${tag('baton-key')}`],
    [`Authorization: Bearer ${fake('bt_', 32, 3)}`, `Authorization: Bearer ${tag('baton-key')}`],
  ],
  ['bt_handle_connection_state_change_event_now', `bt_${mix(20)}`, `abt_${mix(40)}`],
);

cases(
  'gitlab-token',
  [
    [`GITLAB ${fake('gldt-', 20, 1)}`, `GITLAB ${tag('gitlab-token')}`],
    [`runner ${fake('glrt-', 24, 2)}`, `runner ${tag('gitlab-token')}`],
    [`feed ${fake('glft-', 20, 3)}`, `feed ${tag('gitlab-token')}`],
    [`${fake('glpat-', 27, 4)}.01.0w1a2b3c4 routable`, `${tag('gitlab-token')} routable`],
  ],
  ['glft- feed tokens', `gldt-${'a'.repeat(20)}`],
);
