// Rules for vendor credentials with a recognisable prefix (AWS, GitHub, GitLab, Anthropic, OpenAI, Stripe, Slack, ...).
import { hasDigit, looksRandom, regexRule, tag, type Rule } from './rule.js';

// Lookbehinds keep a prefix from matching inside a longer word ("task-", "mybt_...") or a longer base64 run.
const NOT_AFTER_WORD = '(?<![A-Za-z0-9_])';
const NOT_AFTER_WORD_OR_DASH = '(?<![A-Za-z0-9_-])';

/**
 * An access key id, and the secret key when it follows as the next field: the IAM console's `credentials.csv`
 * (`AKIA…,wJalr…`) and `aws configure list`-style tables put the pair side by side with no keyword in between.
 */
const AWS_KEY_PAIR =
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])(?:([,;|\t]|[ \t]{1,8}|,?\s*"?,\s*"?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]))?/y;
export const awsAccessKey: Rule = {
  name: 'aws-access-key',
  triggers: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  match(text, at) {
    AWS_KEY_PAIR.lastIndex = at;
    const m = AWS_KEY_PAIR.exec(text);
    if (m === null) return null;
    const secret = m[2];
    if (secret === undefined || !looksRandom(secret) || !hasDigit(secret)) {
      return { end: at + 20, replacement: tag('aws-access-key') };
    }
    return {
      end: AWS_KEY_PAIR.lastIndex,
      replacement: tag('aws-access-key') + m[1] + tag('aws-secret-key'),
      counted: ['aws-access-key', 'aws-secret-key'],
    };
  },
};

/** `aws_secret_access_key = ...`, `AWS_SECRET_ACCESS_KEY=...`, `"SecretAccessKey": "..."` (aws sts output). */
export const awsSecretKey = regexRule({
  name: 'aws-secret-key',
  triggers: ['secret'],
  source: `secret_?access_?key\\\\?["']?[ \\t]{0,4}[:=][ \\t]{0,4}\\\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
  flags: 'i',
  group: 1,
});

export const githubToken = regexRule({
  name: 'github-token',
  triggers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  source: `${NOT_AFTER_WORD}(?:gh[pousr]_[A-Za-z0-9]{30,251}|github_pat_[A-Za-z0-9_]{22,244})`,
  accept: looksRandom,
});

export const gitlabToken = regexRule({
  name: 'gitlab-token',
  triggers: [
    'glpat-',
    'gldt-',
    'glrt-',
    'glptt-',
    'glft-',
    'glimt-',
    'glagent-',
    'gloas-',
    'glsoat-',
    'glcbt-',
    'glffct-',
  ],
  // Routable tokens (`glpat-<base64url>.01.<crc>`) carry a dotted tail.
  source: `${NOT_AFTER_WORD_OR_DASH}gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|soat|cbt|ffct)-[A-Za-z0-9_-]{20,255}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,9})?`,
  accept: looksRandom,
});

export const anthropicKey = regexRule({
  name: 'anthropic-key',
  triggers: ['sk-ant-'],
  source: `${NOT_AFTER_WORD_OR_DASH}sk-ant-[A-Za-z0-9_-]{20,255}`,
  accept: hasDigit,
});

/** Legacy `sk-<48 alnum>` and `sk-proj-/sk-svcacct-/sk-admin-` keys; "sk-" inside words and slugs stays. */
export const openaiKey = regexRule({
  name: 'openai-key',
  triggers: ['sk-'],
  source: `${NOT_AFTER_WORD_OR_DASH}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,255}|[A-Za-z0-9]{20,255}(?![A-Za-z0-9_-]))`,
  accept: (s) => hasDigit(s) && looksRandom(s.slice(3)),
});

export const stripeKey = regexRule({
  name: 'stripe-key',
  triggers: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'],
  source: `${NOT_AFTER_WORD}(?:[sr]k_(?:live|test)_[A-Za-z0-9]{10,255}|whsec_[A-Za-z0-9+/=]{24,255})`,
  accept: hasDigit,
});

export const slackToken = regexRule({
  name: 'slack-token',
  triggers: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'],
  source: `${NOT_AFTER_WORD_OR_DASH}(?:xox[abprse]-[A-Za-z0-9-]{10,255}|xapp-[0-9]-[A-Za-z0-9-]{10,255})`,
  accept: hasDigit,
});

/** Keeps `https://hooks.slack.com/services/` so a reader still sees what it was; the path is the secret. */
export const slackWebhook = regexRule({
  name: 'slack-webhook',
  triggers: ['hooks.slack.com/'],
  source: `hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{8,255})`,
  group: 1,
});

export const googleApiKey = regexRule({
  name: 'google-api-key',
  triggers: ['AIza'],
  source: `${NOT_AFTER_WORD_OR_DASH}AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`,
});

export const npmToken = regexRule({
  name: 'npm-token',
  triggers: ['npm_'],
  source: `${NOT_AFTER_WORD}npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`,
  accept: looksRandom,
});

/** Baton's own API keys: `bt_` + at least 32 base64url characters. */
export const batonKey = regexRule({
  name: 'baton-key',
  triggers: ['bt_'],
  source: `${NOT_AFTER_WORD}bt_[A-Za-z0-9_-]{32,255}(?![A-Za-z0-9_-])`,
  // Long snake_case identifiers ("bt_handle_connection_state") are letters only; keys mix classes.
  accept: (s) => looksRandom(s.slice(3)),
});

export const vendorRules: readonly Rule[] = [
  awsAccessKey,
  awsSecretKey,
  githubToken,
  gitlabToken,
  anthropicKey,
  openaiKey,
  stripeKey,
  slackToken,
  slackWebhook,
  googleApiKey,
  npmToken,
  batonKey,
];
